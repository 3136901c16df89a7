import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { UserFacingError } from '../../../src-shared/result';
import { translatedError } from '../../i18n';
import { explainFileError } from '../files/atomic-write';

/**
 * Backup files streamed through main a chunk at a time (format version 2: a practice with
 * gigabytes of documents is never one buffer in either process). Each open file hides behind a
 * random token; the renderer never names a path. Writes go to a temporary file beside the
 * target, flushed and renamed into place on commit, so the backup folder holds either no file
 * or a complete one; an aborted or failed write leaves nothing.
 */

/** How many streams may be open at once: a backup, a restore and a safety backup, with room. */
const MAX_OPEN = 8;

function newToken(): string {
  return randomBytes(16).toString('hex');
}

function unknownStream(): UserFacingError {
  return translatedError('NOT_FOUND', 'backup.main.notOpen');
}

interface Writing {
  target: string;
  temp: string;
  handle: fs.FileHandle;
  written: number;
}

export class BackupWriteStreams {
  private readonly open = new Map<string, Writing>();

  async begin(target: string): Promise<string> {
    if (this.open.size >= MAX_OPEN) throw translatedError('UNSUPPORTED', 'backup.main.tooManyWrites');
    const dir = path.dirname(target);
    const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(temp, 'wx', 0o600);
    } catch (error) {
      throw explainFileError(error, target);
    }
    const token = newToken();
    this.open.set(token, { target, temp, handle, written: 0 });
    return token;
  }

  /** Appends a chunk; a failure (a full disk) deletes the temporary file and closes the stream. */
  async append(token: string, bytes: Uint8Array): Promise<number> {
    const stream = this.open.get(token);
    if (!stream) throw unknownStream();
    try {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await stream.handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      }
      stream.written += bytes.length;
      return stream.written;
    } catch (error) {
      await this.abort(token);
      throw explainFileError(error, stream.target);
    }
  }

  /** Flushes the file to disk, renames it over the target and flushes the folder. */
  async commit(token: string): Promise<{ target: string; size: number }> {
    const stream = this.open.get(token);
    if (!stream) throw unknownStream();
    this.open.delete(token);
    try {
      await stream.handle.sync();
      await stream.handle.close();
      await fs.rename(stream.temp, stream.target);
      if (process.platform !== 'win32') {
        const dir = await fs.open(path.dirname(stream.target), 'r');
        try {
          await dir.sync();
        } finally {
          await dir.close();
        }
      }
      return { target: stream.target, size: stream.written };
    } catch (error) {
      await stream.handle.close().catch(() => {});
      await fs.rm(stream.temp, { force: true }).catch(() => {});
      throw explainFileError(error, stream.target);
    }
  }

  async abort(token: string): Promise<void> {
    const stream = this.open.get(token);
    if (!stream) return;
    this.open.delete(token);
    await stream.handle.close().catch(() => {});
    await fs.rm(stream.temp, { force: true }).catch(() => {});
  }
}

interface Reading {
  handle: fs.FileHandle;
  size: number;
}

export class BackupReadStreams {
  private readonly open = new Map<string, Reading>();

  async openFile(file: string): Promise<{ token: string; fileName: string; size: number }> {
    if (this.open.size >= MAX_OPEN) {
      // The oldest is a restore the therapist walked away from: let it go.
      const [oldest] = this.open.keys();
      if (oldest) await this.close(oldest);
    }
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch {
      throw translatedError('FILE_READ_FAILED', 'backup.main.fileUnreadable', {
        fileName: path.basename(file),
      });
    }
    const { size } = await handle.stat();
    const token = newToken();
    this.open.set(token, { handle, size });
    return { token, fileName: path.basename(file), size };
  }

  async read(token: string, start: number, end: number): Promise<Uint8Array<ArrayBuffer>> {
    const stream = this.open.get(token);
    if (!stream) throw unknownStream();
    const stop = Math.min(end, stream.size);
    const out = new Uint8Array(Math.max(0, stop - start));
    let offset = 0;
    while (offset < out.length) {
      const { bytesRead } = await stream.handle.read(out, offset, out.length - offset, start + offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return offset === out.length ? out : out.slice(0, offset);
  }

  async close(token: string): Promise<void> {
    const stream = this.open.get(token);
    if (!stream) return;
    this.open.delete(token);
    await stream.handle.close().catch(() => {});
  }
}
