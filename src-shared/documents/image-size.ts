import { type ImageDimensions, readImageDimensions } from '../domain/image-dimensions';
import type { MessageKey } from '../i18n/catalogues';
import { type MessageValues, translatorFor } from '../i18n/translator';

/**
 * The pixel size an image declares, read from its header before anything decodes it, and the
 * limit that keeps an image bomb out (issue 15): a 2 KB PNG can declare 100,000 x 100,000
 * pixels, 40 GB to decode for a thumbnail. PNG and JPEG reuse the logo check's reader
 * (domain/image-dimensions.ts); WebP is read here.
 */

/** 100 megapixels: a 108 MP phone photo saved at full size is the largest this keeps (about 400 MB decoded). */
export const MAX_IMAGE_PIXELS = 100_000_000;

function readUint24LE(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
}

const isChunk = (bytes: Uint8Array, at: number, name: string) =>
  [...name].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** WebP: the first chunk after the RIFF header says the size (VP8X canvas, VP8 frame, VP8L header). */
export function webpDimensions(bytes: Uint8Array): ImageDimensions | null {
  if (bytes.length < 30 || !isChunk(bytes, 0, 'RIFF') || !isChunk(bytes, 8, 'WEBP')) return null;
  if (isChunk(bytes, 12, 'VP8X')) {
    return { width: readUint24LE(bytes, 24) + 1, height: readUint24LE(bytes, 27) + 1 };
  }
  if (isChunk(bytes, 12, 'VP8 ')) {
    // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (2 bits of scale each).
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null;
    return {
      width: (bytes[26]! | (bytes[27]! << 8)) & 0x3fff,
      height: (bytes[28]! | (bytes[29]! << 8)) & 0x3fff,
    };
  }
  if (isChunk(bytes, 12, 'VP8L')) {
    if (bytes[20] !== 0x2f) return null;
    const bits = bytes[21]! | (bytes[22]! << 8) | (bytes[23]! << 16) | (bytes[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return null;
}

export function imageDimensions(bytes: Uint8Array, mediaType: string): ImageDimensions | null {
  if (mediaType === 'image/webp') return webpDimensions(bytes);
  return readImageDimensions(bytes);
}

/** What is wrong with an image's declared size, as a catalogue message, or null when it is fine. */
export function imageSizeRefusal(
  bytes: Uint8Array,
  mediaType: string,
  name: string,
): { key: MessageKey; values: MessageValues } | null {
  const size = imageDimensions(bytes, mediaType);
  if (!size || size.width === 0 || size.height === 0) {
    return { key: 'documents.refusals.imageDamaged', values: { name } };
  }
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    return {
      key: 'documents.refusals.imageTooLarge',
      values: { name, width: size.width, height: size.height, megapixels: MAX_IMAGE_PIXELS / 1_000_000 },
    };
  }
  return null;
}

/** The same in English, in the therapist's words. */
export function imageSizeProblem(bytes: Uint8Array, mediaType: string, name: string): string | null {
  const refusal = imageSizeRefusal(bytes, mediaType, name);
  return refusal ? translatorFor('en')(refusal.key, refusal.values) : null;
}
