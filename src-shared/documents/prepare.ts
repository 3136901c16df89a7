import { formatMegabytes } from '../domain/file-size-limits';
import { formatBytes, MAX_ATTACHMENT_BYTES, OriginalNameSchema, type PreparedFile } from './attachment';
import { removeIdentifyingMetadata } from './exif';
import { sha256Hex } from './hash';
import { imageSizeProblem } from './image-size';
import { sniffMediaType } from './sniff';

/**
 * Every check a file passes before Stillpoint keeps it (issue 15), in one place: main runs it on
 * a file picked in its open dialog and on the bytes of a dropped one. Each refusal is a sentence
 * the therapist can act on; nothing is stored.
 */

export class AttachmentRefusal extends Error {}

/** Refuses a name that could be a path or hide control characters (the name is only shown, never used as a path). */
export function checkOriginalName(name: string): string {
  const parsed = OriginalNameSchema.safeParse(name);
  if (!parsed.success) {
    throw new AttachmentRefusal(
      `That file's name cannot be kept (${parsed.error.issues[0]?.message.toLowerCase()}). Rename the file and attach it again.`,
    );
  }
  return name.normalize('NFC');
}

/** Refuses by size before the bytes are read (main checks the file's size first). */
export function checkSize(size: number, name: string): void {
  if (size === 0) throw new AttachmentRefusal(`"${name}" is empty (0 bytes), so there is nothing to attach.`);
  if (size > MAX_ATTACHMENT_BYTES) {
    throw new AttachmentRefusal(
      `"${name}" is ${formatBytes(size)}; Stillpoint keeps files of up to ${formatMegabytes(MAX_ATTACHMENT_BYTES)}. Save a smaller copy (a scan at 150 dpi, or a photo at a lower size) and attach that.`,
    );
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
    throw new AttachmentRefusal(
      `"${name}" is not a PDF, JPEG, PNG, WebP or plain text file (Stillpoint looks at what the file holds, not its name), so it was not attached.`,
    );
  }
  if (mediaType.startsWith('image/')) {
    const problem = imageSizeProblem(bytes, mediaType, name);
    if (problem) throw new AttachmentRefusal(problem);
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
