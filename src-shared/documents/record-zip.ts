import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { ClientRecord } from '../domain/client-record';
import { localToday } from '../domain/dates';
import { fileNamePart } from '../domain/files';
import type { MessageKey } from '../i18n/catalogues';
import type { Language } from '../i18n/languages';
import { type MessageValues, translatorFor } from '../i18n/translator';
import { type Attachment, MEDIA_TYPE_EXTENSION } from './attachment';
import { sha256Hex } from './hash';
import { MAX_RECORD_ZIP_BYTES } from './record-zip-ipc';

/**
 * The client record as one ZIP (issue 15): the PDF, the JSON and every document and photo, with
 * a manifest listing each file and its SHA-256, so whoever receives it can check that each file
 * is the one attached. Every name inside is built here from the record (never from a file's own
 * name): `files/01 Clearance-letter-Dr-Fischer.pdf`. Already-compressed files (PDF, JPEG, PNG,
 * WebP) are stored as they are; text is deflated.
 *
 * Written as a stream (fflate's streaming `Zip`): a document's bytes go in a chunk at a time and
 * come out as ZIP bytes straight away (`onData`), so a client with gigabytes of files is never
 * one buffer. Each document is checked as it streams: its size and SHA-256 must be the ones the
 * record holds, or the ZIP is refused.
 */

export const RECORD_ZIP_FORMAT = 'stillpoint-client-record-zip';
export const RECORD_ZIP_VERSION = 1;

export interface RecordZipManifestFile {
  path: string;
  /** What the file is: the record as PDF or JSON, or one document (`attachmentId`). */
  role: 'record-pdf' | 'record-json' | 'document';
  attachmentId?: string;
  title?: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** Why no ZIP was made, from the catalogue: `message` is the English, `key` and `values` for main to say it in the app's language. */
export class RecordZipError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: MessageValues,
  ) {
    super(translatorFor('en')(key, values));
  }
}

/** SHA-256 fed a chunk at a time (node:crypto in main; tests may buffer and use WebCrypto). */
export interface IncrementalHash {
  update(bytes: Uint8Array): void;
  digest(): Promise<string> | string;
}

/** A hash that keeps the bytes and digests them at the end: for small inputs only (tests). */
export function bufferedSha256(): IncrementalHash {
  const parts: Uint8Array[] = [];
  return {
    update: (bytes) => void parts.push(bytes.slice()),
    digest: () => {
      const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
      let at = 0;
      for (const part of parts) {
        all.set(part, at);
        at += part.length;
      }
      return sha256Hex(all);
    },
  };
}

interface OpenDocument {
  attachment: Attachment;
  entry: ZipPassThrough | ZipDeflate;
  hash: IncrementalHash;
  size: number;
}

export class RecordZipWriter {
  private readonly zip: Zip;
  private readonly manifest: RecordZipManifestFile[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly done = new Set<string>();
  private readonly mtime: Date;
  /** Digits in a document's number: "01" up to 99 documents, "001" beyond. */
  private readonly width: number;
  private open: OpenDocument | null = null;
  private failed: Error | null = null;
  private finished = false;
  /** ZIP bytes handed to `onData` so far. */
  written = 0;

  constructor(
    private readonly record: ClientRecord,
    private readonly baseName: string,
    /** Called with each piece of the ZIP as it is made, in order. */
    onData: (bytes: Uint8Array) => void,
    private readonly newHash: () => IncrementalHash,
  ) {
    // A fixed time inside the ZIP: the export's own moment, not the clock at packing.
    this.mtime = new Date(record.exportedAt);
    this.width = Math.max(2, String(record.attachments.length).length);
    for (const [index, attachment] of record.attachments.entries())
      this.numbers.set(attachment.id, index + 1);
    this.zip = new Zip((error, data) => {
      if (error) {
        this.failed = error;
        return;
      }
      this.written += data.length;
      if (this.written > MAX_RECORD_ZIP_BYTES) {
        this.failed = new RecordZipError('documents.refusals.zipTooLarge', {});
        return;
      }
      onData(data);
    });
  }

  private check() {
    if (this.failed) throw this.failed;
  }

  private entryFor(path: string, store: boolean): ZipPassThrough | ZipDeflate {
    const entry = store ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 6 });
    entry.mtime = this.mtime;
    this.zip.add(entry);
    return entry;
  }

  /** A whole file of the record (the PDF, the JSON, the manifest). */
  private async addWhole(
    entry: Omit<RecordZipManifestFile, 'size' | 'sha256'>,
    bytes: Uint8Array,
    store: boolean,
  ) {
    this.check();
    const hash = this.newHash();
    hash.update(bytes);
    this.entryFor(entry.path, store).push(bytes, true);
    this.check();
    this.manifest.push({ ...entry, size: bytes.byteLength, sha256: await hash.digest() });
  }

  /** The record as PDF and JSON: first in the ZIP. */
  async addRecord(pdf: Uint8Array, json: string): Promise<void> {
    await this.addWhole(
      { path: `${this.baseName}.pdf`, role: 'record-pdf', mediaType: 'application/pdf' },
      pdf,
      true,
    );
    await this.addWhole(
      { path: `${this.baseName}.json`, role: 'record-json', mediaType: 'application/json' },
      strToU8(json),
      false,
    );
  }

  /**
   * The next piece of one document: `attachmentId` names it (one of the record's, each once),
   * `final` ends it, when its size and hash must match the record's.
   */
  async pushDocument(attachmentId: string, bytes: Uint8Array, final: boolean): Promise<void> {
    this.check();
    if (this.finished) throw new RecordZipError('documents.refusals.zipOutOfOrder', {});
    let open = this.open;
    if (open && open.attachment.id !== attachmentId) {
      throw new RecordZipError('documents.refusals.zipOutOfOrder', {});
    }
    if (!open) {
      const attachment = this.record.attachments.find((a) => a.id === attachmentId);
      if (!attachment || this.done.has(attachmentId)) {
        throw new RecordZipError('documents.refusals.notInRecord', {});
      }
      const number = String(this.numbers.get(attachmentId)).padStart(this.width, '0');
      const path = `files/${number} ${fileNamePart(attachment.title)}.${MEDIA_TYPE_EXTENSION[attachment.mediaType]}`;
      open = {
        attachment,
        entry: this.entryFor(path, attachment.mediaType !== 'text/plain'),
        hash: this.newHash(),
        size: 0,
      };
      this.open = open;
      this.manifest.push({
        path,
        role: 'document',
        attachmentId,
        title: attachment.title,
        mediaType: attachment.mediaType,
        size: attachment.size,
        sha256: attachment.sha256,
      });
    }
    open.size += bytes.byteLength;
    // More bytes than the record says: damaged or not the file attached.
    if (open.size > open.attachment.size)
      throw new RecordZipError('documents.refusals.damagedNamed', { title: open.attachment.title });
    open.hash.update(bytes);
    open.entry.push(bytes, final);
    this.check();
    if (!final) return;
    this.open = null;
    this.done.add(attachmentId);
    // The file must be the one the record names: same size and hash as stored with it.
    if (open.size !== open.attachment.size || (await open.hash.digest()) !== open.attachment.sha256) {
      throw new RecordZipError('documents.refusals.damagedNamed', { title: open.attachment.title });
    }
  }

  /** The manifest last, then the ZIP's directory. Every document of the record must be in. */
  async finish(): Promise<RecordZipManifestFile[]> {
    this.check();
    if (this.open) throw new RecordZipError('documents.refusals.zipOutOfOrder', {});
    const missing = this.record.attachments.find((attachment) => !this.done.has(attachment.id));
    if (missing) throw new RecordZipError('documents.refusals.missingFromExport', { title: missing.title });
    this.finished = true;
    // The manifest lists the documents in the record's order, after the PDF and the JSON.
    const order = (file: RecordZipManifestFile) =>
      file.attachmentId ? (this.numbers.get(file.attachmentId) ?? 0) : file.role === 'record-pdf' ? -2 : -1;
    const files = [...this.manifest].sort((a, b) => order(a) - order(b));
    const manifestJson = {
      format: RECORD_ZIP_FORMAT,
      version: RECORD_ZIP_VERSION,
      exportedAt: this.record.exportedAt,
      clientId: this.record.client.id,
      files,
    };
    this.entryFor('manifest.json', false).push(strToU8(`${JSON.stringify(manifestJson, null, 2)}\n`), true);
    this.zip.end();
    this.check();
    return files;
  }
}

/** The whole ZIP in memory, from files already read: small records and tests. */
export async function buildRecordZip(input: {
  record: ClientRecord;
  baseName: string;
  pdf: Uint8Array;
  json: string;
  files: readonly { attachmentId: string; bytes: Uint8Array }[];
}): Promise<{ zip: Uint8Array; manifest: RecordZipManifestFile[] }> {
  const parts: Uint8Array[] = [];
  const writer = new RecordZipWriter(
    input.record,
    input.baseName,
    (bytes) => parts.push(bytes),
    bufferedSha256,
  );
  await writer.addRecord(input.pdf, input.json);
  const byId = new Map(input.files.map((file) => [file.attachmentId, file.bytes]));
  for (const attachment of input.record.attachments) {
    const bytes = byId.get(attachment.id);
    if (!bytes) throw new RecordZipError('documents.refusals.missingFromExport', { title: attachment.title });
    await writer.pushDocument(attachment.id, bytes, true);
  }
  const manifest = await writer.finish();
  const zip = new Uint8Array(writer.written);
  let at = 0;
  for (const part of parts) {
    zip.set(part, at);
    at += part.length;
  }
  return { zip, manifest };
}

/**
 * "Client record Okafor-Sam 2026-12-03" in the record's language (`language`: the client's, else
 * the app's, as the PDF): main names the file from the record, never from the renderer.
 */
export function recordZipBaseName(record: ClientRecord, language: Language): string {
  const name = fileNamePart(`${record.client.lastName} ${record.client.firstName}`);
  return translatorFor(language)('fileNames.clientRecord', {
    name,
    date: localToday(new Date(record.exportedAt)),
  });
}
