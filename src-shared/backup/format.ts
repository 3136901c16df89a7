import { z } from 'zod';
import { TimestampSchema } from '../domain/dates';
import { fromBase64 } from './bytes';

/**
 * The fixed facts of the `.stillpoint` format, version 1. docs/backup-format.md describes the
 * same layout for someone writing a reader in another language; keep the two in step.
 */
export const FORMAT_NAME = 'stillpoint-backup';
/** The newest layout this code writes and reads (version 1 files are still read). */
export const FORMAT_VERSION = 2;
/** The first layout: one zlib body of known size, cut into segments of exactly S bytes. */
export const FORMAT_VERSION_1 = 1;
export const FILE_EXTENSION = '.stillpoint';

/** "\x89SPBACKUP\r\n\x1a": a high byte and CR LF ^Z so text-mode copies and `type` show damage at once. */
export const MAGIC = new Uint8Array([0x89, 0x53, 0x50, 0x42, 0x41, 0x43, 0x4b, 0x55, 0x50, 0x0d, 0x0a, 0x1a]);
/** Magic, header length (uint32 BE), its bitwise complement (uint32 BE). */
export const PRELUDE_LENGTH = MAGIC.length + 8;
/** SHA-256 of everything before it: prelude and header JSON. */
export const HEADER_DIGEST_LENGTH = 32;
export const MAX_HEADER_LENGTH = 65_536;

export const KDF_NAME = 'PBKDF2-SHA256';
export const DEFAULT_ITERATIONS = 600_000;
export const MIN_ITERATIONS = 600_000;
export const MAX_ITERATIONS = 10_000_000;
export const SALT_LENGTH = 16;
export const PASSPHRASE_CHECK_LENGTH = 32;

export const CIPHER_NAME = 'AES-256-GCM';
export const NONCE_PREFIX_LENGTH = 8;
export const TAG_LENGTH = 16;
/** Plaintext (compressed) bytes per segment except the last. 1 MiB keeps memory flat. */
export const DEFAULT_SEGMENT_SIZE = 1 << 20;
export const MIN_SEGMENT_SIZE = 64;
export const MAX_SEGMENT_SIZE = 16 << 20;
const MAX_COMPRESSED_BYTES = 2 ** 48;

/**
 * Limits on what the body may unpack to (docs/backup-format.md, "Limits"), so a crafted file
 * cannot make the reader allocate or work without bound. Stillpoint's records compress about
 * 4-7 to 1 (measured on the demo practice, per 64 KiB and 1 MiB segment); a note that repeats a
 * long template in every record stays under 50 to 1. Deflate itself allows up to about 1032 to 1.
 */
/** A record line (its UTF-8 bytes, without the newline). The largest real record, the practice
 * settings with a 2 MB logo, is under 3 MB. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;
/** Inflated bytes per compressed byte: at most this times S while one segment is inflated... */
export const MAX_INFLATION_RATIO = 256;
/** ...and at most this times N, plus INFLATION_ALLOWANCE, over the whole body. */
export const INFLATION_ALLOWANCE = 16 * 1024 * 1024;

/** The most text segment `i` may unpack to (S = the header's segmentSize). */
export function maxInflatedPerSegment(segmentSize: number): number {
  return MAX_INFLATION_RATIO * segmentSize;
}

/** The most text the whole body may unpack to (N = the header's compressedBytes). */
export function maxInflatedTotal(compressedBytes: number): number {
  return MAX_INFLATION_RATIO * compressedBytes + INFLATION_ALLOWANCE;
}

/** HKDF info strings (UTF-8). */
export const INFO_PASSPHRASE_CHECK = 'stillpoint-backup/v1/passphrase-check';
export const INFO_BODY_KEY = 'stillpoint-backup/v1/body-key';

/** Table names travel in the header and in every record line; keep them plain identifiers. */
export const TableNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'Not a table name');

function base64Of(length: number) {
  return z
    .string()
    .max(4 * Math.ceil(length / 3))
    .refine((text) => fromBase64(text)?.length === length, `Expected base64 of ${length} bytes`);
}

const headerFields = {
  format: z.literal(FORMAT_NAME),
  appVersion: z.string().min(1).max(64),
  /** The database schema version the records were read from. */
  schemaVersion: z.number().int().min(0).max(1_000_000),
  createdAt: TimestampSchema,
  /** Records per table, as found in the body. Every table in the body is listed. */
  counts: z
    .record(TableNameSchema, z.number().int().min(0).max(1_000_000_000))
    .refine((counts) => Object.keys(counts).length <= 200, 'Too many tables'),
  /** Smallest and largest value of one field (for Stillpoint: the session date), for the preview. */
  dateRange: z
    .object({
      table: TableNameSchema,
      field: z.string().min(1).max(64),
      first: z.string().max(64),
      last: z.string().max(64),
    })
    .optional(),
  kdf: z.object({
    name: z.literal(KDF_NAME),
    iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
    salt: base64Of(SALT_LENGTH),
  }),
  passphraseCheck: base64Of(PASSPHRASE_CHECK_LENGTH),
  cipher: z.object({
    name: z.literal(CIPHER_NAME),
    /** Nonce prefix: segment i uses nonce = prefix || uint32 BE i. Also the body-key HKDF salt. */
    nonce: base64Of(NONCE_PREFIX_LENGTH),
    segmentSize: z.number().int().min(MIN_SEGMENT_SIZE).max(MAX_SEGMENT_SIZE),
  }),
};

export const BackupHeaderV1Schema = z.object({
  ...headerFields,
  formatVersion: z.literal(FORMAT_VERSION_1),
  body: z.object({
    compression: z.literal('zlib'),
    encoding: z.literal('ndjson'),
    compressedBytes: z.number().int().min(1).max(MAX_COMPRESSED_BYTES),
  }),
});

/**
 * Version 2 (docs/backup-format.md): written as a stream, so the body's size is not in the
 * header; segments carry their own length. Files (attachments) travel as their own segments,
 * each file described by a record of `attachments.table` (its `size` and `sha256`).
 */
export const BackupHeaderV2Schema = z.object({
  ...headerFields,
  formatVersion: z.literal(FORMAT_VERSION),
  body: z.object({ compression: z.literal('zlib'), encoding: z.literal('ndjson') }),
  attachments: z.object({
    table: TableNameSchema,
    /** Files in the body: one per record of `table`. */
    count: z.number().int().min(0).max(1_000_000_000),
    /** Their bytes altogether. */
    bytes: z.number().int().min(0).max(MAX_COMPRESSED_BYTES),
  }),
});

export const BackupHeaderSchema = z.discriminatedUnion('formatVersion', [
  BackupHeaderV1Schema,
  BackupHeaderV2Schema,
]);

export type BackupHeaderV1 = z.infer<typeof BackupHeaderV1Schema>;
export type BackupHeaderV2 = z.infer<typeof BackupHeaderV2Schema>;
export type BackupHeader = BackupHeaderV1 | BackupHeaderV2;

/**
 * Version 2 segments: uint32 BE plaintext length p (1..S), then p bytes of ciphertext and the
 * tag. The plaintext's first byte says what it holds.
 */
export const SEGMENT_LENGTH_BYTES = 4;
/** The rest is the next piece of the zlib NDJSON stream (all such segments come first). */
export const KIND_RECORDS = 0x00;
/** uint8 n, n bytes of the file's id (UTF-8), then the next bytes of that file. */
export const KIND_FILE = 0x01;
/** A file's id in a file segment: 1..200 UTF-8 bytes. */
export const MAX_FILE_ID_BYTES = 200;
/** The smallest segment size a version 2 writer may choose: room for a file id and some bytes. */
export const MIN_SEGMENT_SIZE_V2 = 1024;

/** Where everything is, computed from the header length and the header. */
export interface BackupLayout {
  headerLength: number;
  bodyStart: number;
  segmentSize: number;
  segmentCount: number;
  /** Plaintext bytes in the last segment (1..segmentSize). */
  lastSegmentSize: number;
  /** The exact size a complete file has. */
  fileSize: number;
}

export function layoutFor(headerLength: number, header: BackupHeaderV1): BackupLayout {
  const segmentSize = header.cipher.segmentSize;
  const compressed = header.body.compressedBytes;
  const segmentCount = Math.ceil(compressed / segmentSize);
  const lastSegmentSize = compressed - (segmentCount - 1) * segmentSize;
  const bodyStart = PRELUDE_LENGTH + headerLength + HEADER_DIGEST_LENGTH;
  return {
    headerLength,
    bodyStart,
    segmentSize,
    segmentCount,
    lastSegmentSize,
    fileSize: bodyStart + compressed + segmentCount * TAG_LENGTH,
  };
}

export function totalRecords(header: BackupHeader): number {
  let total = 0;
  for (const count of Object.values(header.counts)) total += count;
  return total;
}
