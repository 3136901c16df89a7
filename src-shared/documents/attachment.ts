import { z } from 'zod';
import { IsoDateSchema, TimestampSchema } from '../domain/dates';
import { BytesSchema, FILE_MESSAGES } from '../domain/files';
import { IdSchema } from '../domain/ids';

/**
 * A document or photo kept with a client's record (issue 15): a clearance letter, a referral, a
 * scanned consent, a report, a posture photo. This row is the metadata only; the file's bytes
 * live in their own table (`attachmentBlobs`, keyed by the same id), so lists, searches and the
 * backup of metadata never load the bytes. The backup relies on `id`, `clientId`, `sessionId`,
 * `size`, `sha256` and `mediaType` (the contract with backup format v2).
 */

/** The largest file Stillpoint keeps: what the practice tools therapists know allow (Jane: 50 MB). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'text/plain',
] as const;
export const AttachmentMediaTypeSchema = z.enum(ATTACHMENT_MEDIA_TYPES);
export type AttachmentMediaType = z.infer<typeof AttachmentMediaTypeSchema>;

/** The file-name ending a saved copy gets, by type (main builds the name, never the renderer). */
export const MEDIA_TYPE_EXTENSION: Readonly<Record<AttachmentMediaType, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'text/plain': 'txt',
};

/** How a type is named to a therapist. */
export const MEDIA_TYPE_LABELS: Readonly<Record<AttachmentMediaType, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG photo',
  'image/png': 'PNG image',
  'image/webp': 'WebP image',
  'text/plain': 'Text',
};

export const ATTACHMENT_KINDS = [
  'clearance letter',
  'referral',
  'consent',
  'report',
  'photo',
  'other',
] as const;
export const AttachmentKindSchema = z.enum(ATTACHMENT_KINDS);
export type AttachmentKind = z.infer<typeof AttachmentKindSchema>;

export const ATTACHMENT_KIND_LABELS: Readonly<Record<AttachmentKind, string>> = {
  'clearance letter': 'Clearance letter',
  referral: 'Referral',
  consent: 'Consent',
  report: 'Report',
  photo: 'Photo',
  other: 'Other',
};

/** The longest file name kept from the user's computer (what file systems allow). */
const ORIGINAL_NAME_MAX = 255;

/**
 * Why a file name or checksum is refused, English like every schema's; shown in the reader's
 * language by the key `validation.attachmentFile.<name>` (src-shared/i18n/field-messages.ts) and
 * named in main's refusal of a file (prepare.ts, `documents.refusals.badName`). A name that is
 * only dots or spaces gets `FILE_MESSAGES.nameNotAllowed` (domain/files.ts).
 */
export const ATTACHMENT_FILE_MESSAGES = {
  sha256: 'Expected a SHA-256 in lowercase hex',
  empty: 'The file has no name',
  long: `The file name is longer than ${ORIGINAL_NAME_MAX} characters`,
  separator: 'The file name holds a folder separator or a control character',
} as const;

/** Lowercase hex of a SHA-256: 64 characters. */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, ATTACHMENT_FILE_MESSAGES.sha256);

/**
 * A file name as the user's computer called it: kept to show where a document came from, never
 * used as a path. No folders, no control characters (a drop or a hostile name cannot smuggle a
 * path or a terminal escape into the record).
 */
export const OriginalNameSchema = z
  .string()
  .min(1, ATTACHMENT_FILE_MESSAGES.empty)
  .max(ORIGINAL_NAME_MAX, ATTACHMENT_FILE_MESSAGES.long)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  .refine((name) => !/[/\\\u0000-\u001f\u007f-\u009f]/.test(name), {
    message: ATTACHMENT_FILE_MESSAGES.separator,
  })
  .refine((name) => name.trim() !== '' && name !== '.' && name !== '..', {
    message: FILE_MESSAGES.nameNotAllowed,
  });

/** EXIF orientation 1-8 (1: as stored); what a thumbnail turns the image by. */
export const OrientationSchema = z.number().int().min(1).max(8);

export const ATTACHMENT_MESSAGES = {
  title: 'Give the document a title',
  tooLong: 'This is longer than Stillpoint keeps here',
} as const;

/** What the therapist edits: the same on attach and on later edits. */
export const AttachmentDetailsSchema = z.object({
  title: z.string().trim().min(1, ATTACHMENT_MESSAGES.title).max(200, ATTACHMENT_MESSAGES.tooLong),
  kind: AttachmentKindSchema,
  /** The document's own date (the letter's date, the day the photo was taken). */
  date: IsoDateSchema,
  note: z.string().max(2_000, ATTACHMENT_MESSAGES.tooLong).optional(),
});
export type AttachmentDetails = z.infer<typeof AttachmentDetailsSchema>;

export const AttachmentSchema = AttachmentDetailsSchema.extend({
  id: IdSchema,
  clientId: IdSchema,
  /** The session note it belongs to (a photo from a session, a letter attached from its check). */
  sessionId: IdSchema.optional(),
  mediaType: AttachmentMediaTypeSchema,
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  sha256: Sha256Schema,
  originalName: OriginalNameSchema,
  addedAt: TimestampSchema,
  addedBy: z.string().max(200).optional(),
  updatedAt: TimestampSchema,
  /** Photos: location metadata (EXIF GPS) was found and removed on import. */
  gpsRemoved: z.boolean().default(false),
  /**
   * Photos: camera details, captions, keywords, an embedded thumbnail or data after the picture
   * were found and removed on import (exif.ts). Documents attached before this was kept read false.
   */
  otherMetadataRemoved: z.boolean().default(false),
  /** Images: the EXIF orientation, applied when a thumbnail or the viewer draws it. */
  orientation: OrientationSchema.default(1),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/**
 * A file main has read, checked and cleaned (import.ts), ready for the renderer to store with
 * the therapist's details. `bytes` are the bytes to keep (identifying metadata removed),
 * `sha256` is theirs.
 */
export const PreparedFileSchema = z.object({
  originalName: OriginalNameSchema,
  mediaType: AttachmentMediaTypeSchema,
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  sha256: Sha256Schema,
  gpsRemoved: z.boolean(),
  /**
   * Camera details, captions, keywords, an embedded thumbnail or data after the picture were
   * removed (exif.ts): told on attaching, and kept with the document.
   */
  otherMetadataRemoved: z.boolean().optional(),
  orientation: OrientationSchema,
  bytes: BytesSchema,
});
export type PreparedFile = z.infer<typeof PreparedFileSchema>;

/** A title to start from: the file's name without its ending, tidied. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[_]+/g, ' ');
  return base.trim().slice(0, 200) || 'Document';
}

/** The kind a new file probably is, from its type: photos are photos; the rest the therapist picks. */
export function defaultKind(mediaType: AttachmentMediaType): AttachmentKind {
  return mediaType.startsWith('image/') ? 'photo' : 'other';
}
