import { strToU8, type Zippable, zipSync } from 'fflate';
import type { ClientRecord } from '../domain/client-record';
import { fileNamePart } from '../domain/files';
import type { MessageKey } from '../i18n/catalogues';
import { type MessageValues, translatorFor } from '../i18n/translator';
import { MEDIA_TYPE_EXTENSION } from './attachment';
import { sha256Hex } from './hash';

/**
 * The client record as one ZIP (issue 15): the PDF, the JSON and every document and photo, with
 * a manifest listing each file and its SHA-256, so whoever receives it can check that each file
 * is the one attached. Every name inside is built here from the record (never from a file's own
 * name): `files/01 Clearance-letter-Dr-Fischer.pdf`. Already-compressed files (PDF, JPEG, PNG,
 * WebP) are stored as they are; text is deflated.
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

export async function buildRecordZip(input: {
  record: ClientRecord;
  baseName: string;
  pdf: Uint8Array;
  json: string;
  files: readonly { attachmentId: string; bytes: Uint8Array }[];
}): Promise<{ zip: Uint8Array; manifest: RecordZipManifestFile[] }> {
  const { record } = input;
  const jsonBytes = strToU8(input.json);
  const entries: Zippable = {};
  const manifest: RecordZipManifestFile[] = [];
  const add = async (
    entry: Omit<RecordZipManifestFile, 'size' | 'sha256'>,
    bytes: Uint8Array,
    store: boolean,
  ) => {
    entries[entry.path] = [bytes, { level: store ? 0 : 6 }];
    manifest.push({ ...entry, size: bytes.byteLength, sha256: await sha256Hex(bytes) });
  };
  await add(
    { path: `${input.baseName}.pdf`, role: 'record-pdf', mediaType: 'application/pdf' },
    input.pdf,
    true,
  );
  await add(
    { path: `${input.baseName}.json`, role: 'record-json', mediaType: 'application/json' },
    jsonBytes,
    false,
  );
  const byId = new Map(input.files.map((file) => [file.attachmentId, file.bytes]));
  const width = Math.max(2, String(record.attachments.length).length);
  for (const [index, attachment] of record.attachments.entries()) {
    const bytes = byId.get(attachment.id);
    if (!bytes) throw new RecordZipError('documents.refusals.missingFromExport', { title: attachment.title });
    // The file must be the one the record names: same hash as stored with it.
    if ((await sha256Hex(bytes)) !== attachment.sha256) {
      throw new RecordZipError('documents.refusals.damagedNamed', { title: attachment.title });
    }
    const number = String(index + 1).padStart(width, '0');
    const path = `files/${number} ${fileNamePart(attachment.title)}.${MEDIA_TYPE_EXTENSION[attachment.mediaType]}`;
    await add(
      {
        path,
        role: 'document',
        attachmentId: attachment.id,
        title: attachment.title,
        mediaType: attachment.mediaType,
      },
      bytes,
      attachment.mediaType !== 'text/plain',
    );
  }
  const manifestJson = {
    format: RECORD_ZIP_FORMAT,
    version: RECORD_ZIP_VERSION,
    exportedAt: record.exportedAt,
    clientId: record.client.id,
    files: manifest,
  };
  entries['manifest.json'] = [strToU8(`${JSON.stringify(manifestJson, null, 2)}\n`), { level: 6 }];
  // A fixed time inside the ZIP: the export's own moment, not the clock at packing.
  const mtime = new Date(record.exportedAt);
  return { zip: zipSync(entries, { mtime }), manifest };
}
