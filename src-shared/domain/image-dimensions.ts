/**
 * The pixel size a PNG or JPEG declares, read from its header without decoding it (issue 13,
 * finding 5). A 1 MB PNG can declare 16000 x 16000 pixels: decoding it for a PDF took 46 s and
 * 4 GB in main. The size is in the first bytes (PNG: the IHDR chunk) or in the first frame
 * header (JPEG: SOFn), so it is checked before anything decodes the image. Reads are bounded by
 * the bytes given; every step moves forward, so a hostile file cannot make this loop.
 */

export interface ImageDimensions {
  width: number;
  height: number;
}

/** The largest logo side Stillpoint accepts: sharp at print size, small enough to decode. */
export const LOGO_MAX_SIDE_PIXELS = 4096;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function readUint16BE(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

function readUint32BE(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
}

/** PNG: the signature, then the IHDR chunk first of all (length 13): width, height. */
function pngDimensions(bytes: Uint8Array): ImageDimensions | null {
  if (bytes.length < 24 || !PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return null;
  const isIhdr = bytes[12] === 0x49 && bytes[13] === 0x48 && bytes[14] === 0x44 && bytes[15] === 0x52;
  if (!isIhdr || readUint32BE(bytes, 8) !== 13) return null;
  return { width: readUint32BE(bytes, 16), height: readUint32BE(bytes, 20) };
}

/** SOF0-SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** JPEG: walks the marker segments after SOI up to the first frame header. */
function jpegDimensions(bytes: Uint8Array): ImageDimensions | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) return null; // not at a marker: damaged
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2; // markers without a length (TEM, RSTn, SOI)
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end or image data before any frame
    if (at + 4 > bytes.length) return null;
    const length = readUint16BE(bytes, at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (length < 7 || at + 9 > bytes.length) return null;
      return { height: readUint16BE(bytes, at + 5), width: readUint16BE(bytes, at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/** The declared size of a PNG or JPEG, or null when the header cannot be read. */
export function readImageDimensions(bytes: Uint8Array): ImageDimensions | null {
  return pngDimensions(bytes) ?? jpegDimensions(bytes);
}

/**
 * The messages of `logoDimensionsProblem`, English like the schemas' (main checks logos too); the
 * screens show them in the reader's language, keys `validation.logo.<name>` (field-messages.ts).
 */
export const LOGO_SIZE_MESSAGES = {
  damaged:
    'The logo image is damaged (its size cannot be read): save it again as PNG or JPEG and choose it again',
  tooLarge: (width: string, height: string, max: string) =>
    `The logo is ${width} × ${height} pixels; the largest Stillpoint accepts is ${max} × ${max}. Save a smaller version (1000 pixels wide prints sharply) and choose it again`,
} as const;

/**
 * What is wrong with a logo's pixel size, in the therapist's words, or null when it is fine:
 * a header that cannot be read, no pixels, or a side over LOGO_MAX_SIDE_PIXELS.
 */
export function logoDimensionsProblem(bytes: Uint8Array): string | null {
  const size = readImageDimensions(bytes);
  if (!size || size.width === 0 || size.height === 0) {
    return LOGO_SIZE_MESSAGES.damaged;
  }
  if (size.width > LOGO_MAX_SIDE_PIXELS || size.height > LOGO_MAX_SIDE_PIXELS) {
    return LOGO_SIZE_MESSAGES.tooLarge(String(size.width), String(size.height), String(LOGO_MAX_SIDE_PIXELS));
  }
  return null;
}

/**
 * The same, as the catalogue message main says when a PDF cannot draw the logo (in the app's
 * language at the IPC boundary; it ends by pointing to Settings, where the logo is chosen).
 */
export function logoDimensionsRefusal(bytes: Uint8Array): {
  key: 'errors.logoDamagedInSettings' | 'errors.logoTooManyPixels';
  values: Record<string, number>;
} | null {
  const size = readImageDimensions(bytes);
  if (!size || size.width === 0 || size.height === 0)
    return { key: 'errors.logoDamagedInSettings', values: {} };
  if (size.width > LOGO_MAX_SIDE_PIXELS || size.height > LOGO_MAX_SIDE_PIXELS) {
    return {
      key: 'errors.logoTooManyPixels',
      values: { width: size.width, height: size.height, max: LOGO_MAX_SIDE_PIXELS },
    };
  }
  return null;
}
