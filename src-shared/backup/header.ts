import { type Bytes, bytesEqual, concatBytes, readUint32BE, utf8, writeUint32BE } from './bytes';
import { backupError } from './errors';
import {
  type BackupHeader,
  BackupHeaderSchema,
  type BackupHeaderV1,
  type BackupHeaderV2,
  type BackupLayout,
  FORMAT_NAME,
  FORMAT_VERSION,
  HEADER_DIGEST_LENGTH,
  layoutFor,
  MAGIC,
  MAX_HEADER_LENGTH,
  PRELUDE_LENGTH,
  SEGMENT_LENGTH_BYTES,
  TAG_LENGTH,
} from './format';
import { sha256 } from './keys';

/** Prelude + header JSON + digest: the bytes before the first segment, and the digest alone. */
export async function encodeHeader(header: BackupHeader): Promise<{ bytes: Bytes; digest: Bytes }> {
  const json = utf8(JSON.stringify(header));
  if (json.length > MAX_HEADER_LENGTH) throw new RangeError('The backup header is too large');
  const prelude = new Uint8Array(PRELUDE_LENGTH);
  prelude.set(MAGIC, 0);
  writeUint32BE(prelude, MAGIC.length, json.length);
  writeUint32BE(prelude, MAGIC.length + 4, ~json.length >>> 0);
  const digested = concatBytes([prelude, json]);
  const digest = await sha256(digested);
  return { bytes: concatBytes([digested, digest]), digest };
}

/** How many leading bytes `parseHeader` may need: enough for the largest header. */
export const MAX_HEADER_REGION = PRELUDE_LENGTH + MAX_HEADER_LENGTH + HEADER_DIGEST_LENGTH;

export type ParsedHeader =
  | { header: BackupHeaderV1; digest: Bytes; layout: BackupLayout }
  | { header: BackupHeaderV2; digest: Bytes; layout: StreamLayout };

/** Where a version 2 body is: it runs from `bodyStart` to the end of the file. */
export interface StreamLayout {
  headerLength: number;
  bodyStart: number;
  fileSize: number;
}

/** The shortest version 2 body: one segment of one plaintext byte. */
const MIN_STREAM_BODY = SEGMENT_LENGTH_BYTES + 1 + TAG_LENGTH;

/**
 * Checks, in this order, so that each damaged file gets exactly one code:
 * magic (NOT_A_BACKUP; TRUNCATED if the file is a proper prefix of it), prelude present
 * (TRUNCATED), length and its complement agree and are in range (CORRUPTED), header and digest
 * present (TRUNCATED), digest matches (CORRUPTED), JSON and format name (CORRUPTED),
 * formatVersion (NEWER_VERSION), header shape (CORRUPTED), schemaVersion (NEWER_VERSION),
 * file size against the header (TRUNCATED if short, CORRUPTED if long).
 *
 * @param head the first min(fileSize, MAX_HEADER_REGION) bytes of the file
 */
export async function parseHeader(
  head: Uint8Array,
  fileSize: number,
  maxSchemaVersion: number,
): Promise<ParsedHeader> {
  if (fileSize === 0) throw backupError('NOT_A_BACKUP', 'the file is empty');
  const magicBytes = Math.min(MAGIC.length, head.length);
  if (!bytesEqual(head.subarray(0, magicBytes), MAGIC.subarray(0, magicBytes))) {
    throw backupError('NOT_A_BACKUP', 'the file does not start with the Stillpoint backup signature');
  }
  if (fileSize < PRELUDE_LENGTH) throw backupError('TRUNCATED', 'the file ends inside the prelude');

  const headerLength = readUint32BE(head, MAGIC.length);
  const complement = readUint32BE(head, MAGIC.length + 4);
  if ((headerLength ^ complement) >>> 0 !== 0xffffffff) {
    throw backupError('CORRUPTED', 'the header length and its complement disagree');
  }
  if (headerLength < 2 || headerLength > MAX_HEADER_LENGTH) {
    throw backupError('CORRUPTED', `header length ${headerLength} is out of range`);
  }
  const digestStart = PRELUDE_LENGTH + headerLength;
  if (fileSize < digestStart + HEADER_DIGEST_LENGTH) {
    throw backupError('TRUNCATED', 'the file ends inside the header');
  }

  const digested = new Uint8Array(head.subarray(0, digestStart));
  const digest = await sha256(digested);
  if (!bytesEqual(digest, head.subarray(digestStart, digestStart + HEADER_DIGEST_LENGTH))) {
    throw backupError('CORRUPTED', 'the header digest does not match');
  }

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(digested.subarray(PRELUDE_LENGTH)));
  } catch {
    throw backupError('CORRUPTED', 'the header is not UTF-8 JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw backupError('CORRUPTED', 'the header is not a JSON object');
  }
  const loose = json as Record<string, unknown>;
  if (loose.format !== FORMAT_NAME) throw backupError('CORRUPTED', 'the header names another format');
  // Only `format` and `formatVersion` are promised to keep their meaning in every future version,
  // so a newer file is recognised as newer before its (possibly different) shape is checked.
  const formatVersion = loose.formatVersion;
  if (
    typeof formatVersion === 'number' &&
    Number.isInteger(formatVersion) &&
    formatVersion > FORMAT_VERSION
  ) {
    throw backupError('NEWER_VERSION', `format version ${formatVersion} is newer than ${FORMAT_VERSION}`);
  }
  const parsed = BackupHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw backupError('CORRUPTED', `the header is not valid: ${issues.join('; ')}`);
  }
  const header = parsed.data;
  if (header.schemaVersion > maxSchemaVersion) {
    throw backupError(
      'NEWER_VERSION',
      `database schema version ${header.schemaVersion} is newer than ${maxSchemaVersion}`,
    );
  }

  if (header.formatVersion === FORMAT_VERSION) {
    const bodyStart = PRELUDE_LENGTH + headerLength + HEADER_DIGEST_LENGTH;
    // The body's end is the file's end; the last segment's tag says it is complete.
    if (fileSize < bodyStart + MIN_STREAM_BODY) throw backupError('TRUNCATED', 'the file has no body');
    return { header, digest, layout: { headerLength, bodyStart, fileSize } };
  }
  const layout = layoutFor(headerLength, header);
  if (fileSize < layout.fileSize) {
    throw backupError('TRUNCATED', `the file has ${fileSize} of ${layout.fileSize} bytes`);
  }
  if (fileSize > layout.fileSize) {
    throw backupError('CORRUPTED', `the file has ${fileSize - layout.fileSize} bytes after the last segment`);
  }
  return { header, digest, layout };
}
