import { createHash, randomBytes } from 'node:crypto';
import { RecordZipError, RecordZipWriter } from '../../../src-shared/documents/record-zip';
import type { ClientRecord } from '../../../src-shared/domain/client-record';
import type { UserFacingError } from '../../../src-shared/result';
import { translatedError } from '../../i18n';
import { BackupWriteStreams } from '../backups/backup-streams';

/**
 * Client record ZIPs written as streams (issue 15): the renderer sends each document a bounded
 * chunk at a time (`MAX_RECORD_ZIP_CHUNK_BYTES`); each chunk is hashed, packed by fflate's
 * streaming Zip and appended to a temporary file beside the target, which is flushed and renamed
 * into place on commit. So neither process holds the whole ZIP, whatever the client's files
 * take. The file handling (temporary file, fsync, rename, a full disk explained) is the backup
 * stream's own (`BackupWriteStreams`); the ZIP is behind a token of its own.
 */

/** A record ZIP being written: an export the therapist walked away from does not pile up. */
const MAX_OPEN = 4;

interface Writing {
  writer: RecordZipWriter;
  file: string;
  target: string;
  /** ZIP bytes made by the last step, waiting to be written. */
  pending: Uint8Array[];
}

function notOpen(): UserFacingError {
  return translatedError('NOT_FOUND', 'documents.refusals.zipNotOpen');
}

export class RecordZipStreams {
  private readonly open = new Map<string, Writing>();
  private readonly files = new BackupWriteStreams();

  /** Opens `target` (a temporary file until commit) and writes the record's PDF and JSON into it. */
  async begin(target: string, record: ClientRecord, baseName: string, pdf: Uint8Array, json: string) {
    if (this.open.size >= MAX_OPEN) {
      const [oldest] = this.open.keys();
      if (oldest) await this.abort(oldest);
    }
    const file = await this.files.begin(target);
    const pending: Uint8Array[] = [];
    const writer = new RecordZipWriter(
      record,
      baseName,
      (bytes) => pending.push(bytes),
      () => {
        const hash = createHash('sha256');
        return { update: (bytes) => void hash.update(bytes), digest: () => hash.digest('hex') };
      },
    );
    const token = randomBytes(16).toString('hex');
    this.open.set(token, { writer, file, target, pending });
    await this.step(token, () => writer.addRecord(pdf, json));
    return token;
  }

  /** The next chunk of one document; `final` ends that document (its size and hash are checked). */
  async chunk(token: string, attachmentId: string, bytes: Uint8Array, final: boolean): Promise<number> {
    const stream = this.open.get(token);
    if (!stream) throw notOpen();
    await this.step(token, () => stream.writer.pushDocument(attachmentId, bytes, final));
    return stream.writer.written;
  }

  /** The manifest and the ZIP's directory, then the file renamed into place. */
  async commit(token: string): Promise<string> {
    const stream = this.open.get(token);
    if (!stream) throw notOpen();
    await this.step(token, () => stream.writer.finish());
    this.open.delete(token);
    const { target } = await this.files.commit(stream.file);
    return target;
  }

  async abort(token: string): Promise<void> {
    const stream = this.open.get(token);
    if (!stream) return;
    this.open.delete(token);
    await this.files.abort(stream.file);
  }

  /** One step of the writer, then what it made written out; any failure leaves no file behind. */
  private async step(token: string, work: () => Promise<unknown>): Promise<void> {
    const stream = this.open.get(token);
    if (!stream) throw notOpen();
    try {
      await work();
      while (stream.pending.length > 0) {
        const bytes = stream.pending.shift()!;
        await this.files.append(stream.file, bytes);
      }
    } catch (error) {
      await this.abort(token);
      // Said in the app's language by the dispatcher (the key travels with the English).
      if (error instanceof RecordZipError) throw translatedError('INVALID_REQUEST', error.key, error.values);
      throw error;
    }
  }
}
