import { z } from 'zod';

/**
 * The messages of the file schemas, English like every schema's (main parses with them); shown in
 * the reader's language by their key `validation.files.<name>` (src-shared/i18n/field-messages.ts),
 * for example inside main's "The request was not valid" refusal.
 */
export const FILE_MESSAGES = {
  contents: 'Expected file contents',
  nameNotAllowed: 'That file name is not allowed',
} as const;

/** Bytes crossing IPC (a PDF, a logo, an encrypted backup). */
export const BytesSchema = z.instanceof(Uint8Array, { message: FILE_MESSAGES.contents });

/**
 * A file name the app proposes in a save dialog or writes into a folder the user chose: no
 * folders, no traversal, no characters Windows refuses.
 */
export const SafeFileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\:*?"<>|\0]/.test(name) && name !== '.' && name !== '..' && !name.startsWith('.'), {
    message: FILE_MESSAGES.nameNotAllowed,
  });

export const SaveResultSchema = z.object({
  /** Where the file was written, or null when the user cancelled the dialog. */
  path: z.string().nullable(),
});
export type SaveResult = z.infer<typeof SaveResultSchema>;

export const ChosenImageSchema = z.object({
  fileName: z.string(),
  mimeType: z.enum(['image/png', 'image/jpeg']),
  bytes: BytesSchema,
});

export const ChosenFileSchema = z.object({
  fileName: z.string(),
  bytes: BytesSchema,
});

/** Turns a client's name into a file-name fragment: letters of any script kept, the rest "-". */
export function fileNamePart(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'client'
  );
}
