import type { MessageKey } from '../i18n/catalogues';
import { type MessageValues, translatorFor } from '../i18n/translator';
import {
  ATTACHMENT_FILE_MESSAGES,
  MAX_ATTACHMENT_BYTES,
  OriginalNameSchema,
  type PreparedFile,
} from './attachment';
import { removeIdentifyingMetadata } from './exif';
import { sha256Hex } from './hash';
import { imageSizeRefusal } from './image-size';
import { sniffMediaType } from './sniff';

/**
 * Every check a file passes before Stillpoint keeps it (issue 15), in one place: main runs it on
 * a file picked in its open dialog and on the bytes of a dropped one. Each refusal is a sentence
 * the therapist can act on; nothing is stored.
 */

/**
 * A refusal from the catalogue: `message` is the English (logs, tests); main says it in the
 * app's language through `key` and `values` (src-main/i18n.ts), and so does the renderer.
 */
export class AttachmentRefusal extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: MessageValues = {},
  ) {
    super(translatorFor('en')(key, values));
  }
}

/** Why OriginalNameSchema refused a name, by its (English) message, for the catalogue's select. */
const NAME_REASONS: ReadonlyMap<string, string> = new Map([
  [ATTACHMENT_FILE_MESSAGES.empty, 'empty'],
  [ATTACHMENT_FILE_MESSAGES.long, 'long'],
  [ATTACHMENT_FILE_MESSAGES.separator, 'separator'],
]);

/** Refuses a name that could be a path or hide control characters (the name is only shown, never used as a path). */
export function checkOriginalName(name: string): string {
  const parsed = OriginalNameSchema.safeParse(name);
  if (!parsed.success) {
    const reason = NAME_REASONS.get(parsed.error.issues[0]?.message ?? '') ?? 'other';
    throw new AttachmentRefusal('documents.refusals.badName', { reason });
  }
  return name.normalize('NFC');
}

/** Refuses by size before the bytes are read (main checks the file's size first). */
export function checkSize(size: number, name: string): void {
  if (size === 0) throw new AttachmentRefusal('documents.refusals.empty', { name });
  if (size > MAX_ATTACHMENT_BYTES) {
    throw new AttachmentRefusal('documents.refusals.tooLarge', {
      name,
      megabytes: size / 1024 / 1024,
      limit: Math.round(MAX_ATTACHMENT_BYTES / 1024 / 1024),
    });
  }
}

export async function prepareFile(
  bytes: Uint8Array<ArrayBuffer>,
  originalName: string,
): Promise<PreparedFile> {
  const name = checkOriginalName(originalName);
  checkSize(bytes.byteLength, name);
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) {
    throw new AttachmentRefusal('documents.refusals.notSupported', { name });
  }
  if (mediaType.startsWith('image/')) {
    const problem = imageSizeRefusal(bytes, mediaType, name);
    if (problem) throw new AttachmentRefusal(problem.key, problem.values);
  }
  const cleaned = removeIdentifyingMetadata(bytes, mediaType);
  return {
    originalName: name,
    mediaType,
    size: cleaned.bytes.byteLength,
    sha256: await sha256Hex(cleaned.bytes),
    gpsRemoved: cleaned.gpsRemoved,
    otherMetadataRemoved: cleaned.otherRemoved,
    orientation: cleaned.orientation,
    bytes: cleaned.bytes,
  };
}
