/**
 * What Stillpoint takes out of a photo on import (issue 15), and the EXIF orientation it reads.
 *
 * A photo from a phone or camera carries more than the picture: where it was taken (EXIF GPS,
 * IPTC and XMP place names), the camera's and lens's serial numbers and its owner's name, maker
 * notes (a manufacturer's private block, which can hold serial numbers and location too), a
 * caption and keywords, the editing program's history, an embedded thumbnail of the picture
 * before it was cropped, and data appended after the picture (a motion photo's video, a depth
 * map). None of it is needed to see the picture, and all of it would travel with the record into
 * every backup and export. So a photo keeps only what draws it:
 * - JPEG: the JFIF header, ICC colour profile (APP2 `ICC_PROFILE`), Adobe colour transform
 *   (APP14), the tables and the image data up to its end marker. Gone: EXIF (rebuilt holding the
 *   orientation only), XMP, IPTC (APP13), every other APPn block, comments, anything after the
 *   end marker.
 * - PNG: every chunk but the text chunks (`tEXt`, `zTXt`, `iTXt`, where XMP and IPTC live) and
 *   `eXIf` (rebuilt with the orientation only); nothing after `IEND`.
 * - WebP: the `EXIF` chunk (rebuilt with the orientation only) and `XMP ` go, and their flags.
 *
 * The orientation stays so the picture is still the right way up. `gpsRemoved` says a place was
 * found (the note the therapist sees), `otherRemoved` that anything else went.
 *
 * Pure and bounded: every read is checked against the bytes given; nothing is decoded.
 */

export interface ExifCleanResult {
  /** The bytes to keep (a new array when anything was removed). */
  bytes: Uint8Array<ArrayBuffer>;
  /** True when location metadata (GPS, a place name) was found and removed. */
  gpsRemoved: boolean;
  /** True when anything else was removed (camera details, captions, a thumbnail, trailing data). */
  otherRemoved: boolean;
  /** EXIF orientation 1-8 (1 when there is none). */
  orientation: number;
}

const TAG_ORIENTATION = 0x0112;
const TAG_GPS_IFD = 0x8825;
/** No real IFD has more entries; a larger count is damage or an attack. */
const MAX_IFD_ENTRIES = 1000;

class Damaged extends Error {}

/** A TIFF structure (the body of an EXIF block) edited in place. */
class Tiff {
  readonly little: boolean;
  constructor(readonly b: Uint8Array) {
    if (b.length < 8) throw new Damaged();
    if (b[0] === 0x49 && b[1] === 0x49) this.little = true;
    else if (b[0] === 0x4d && b[1] === 0x4d) this.little = false;
    else throw new Damaged();
    if (this.u16(2) !== 42) throw new Damaged();
  }
  check(at: number, length: number) {
    if (at < 0 || length < 0 || at + length > this.b.length) throw new Damaged();
  }
  u16(at: number): number {
    this.check(at, 2);
    return this.little ? this.b[at]! | (this.b[at + 1]! << 8) : (this.b[at]! << 8) | this.b[at + 1]!;
  }
  u32(at: number): number {
    this.check(at, 4);
    const [a, b, c, d] = [this.b[at]!, this.b[at + 1]!, this.b[at + 2]!, this.b[at + 3]!];
    return this.little
      ? (a | (b << 8) | (c << 16) | (d << 24)) >>> 0
      : ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  }
  ifd0(): number {
    return this.u32(4);
  }
  entries(ifd: number): number {
    const count = this.u16(ifd);
    if (count > MAX_IFD_ENTRIES) throw new Damaged();
    this.check(ifd, 2 + count * 12 + 4);
    return count;
  }
  find(ifd: number, tag: number): number | null {
    const count = this.entries(ifd);
    for (let i = 0; i < count; i++) if (this.u16(ifd + 2 + i * 12) === tag) return i;
    return null;
  }
}

/** Orientation from IFD0 (a SHORT whose value sits in the entry), 1 when missing or odd. */
function readOrientation(tiff: Tiff): number {
  const ifd = tiff.ifd0();
  const index = tiff.find(ifd, TAG_ORIENTATION);
  if (index === null) return 1;
  const value = tiff.u16(ifd + 2 + index * 12 + 8);
  return value >= 1 && value <= 8 ? value : 1;
}

/**
 * What an EXIF block holds that matters here: its orientation, whether it records a place (a GPS
 * IFD) and whether it holds anything else (camera, serial numbers, maker notes, a thumbnail of
 * the picture before it was cropped). Null when it cannot be read safely.
 */
function describeTiff(block: Uint8Array): { orientation: number; gps: boolean; other: boolean } | null {
  try {
    const tiff = new Tiff(block);
    const ifd = tiff.ifd0();
    const count = tiff.entries(ifd);
    const orientation = readOrientation(tiff);
    const gps = tiff.find(ifd, TAG_GPS_IFD) !== null;
    const hasOrientation = tiff.find(ifd, TAG_ORIENTATION) !== null;
    const nextIfd = tiff.u32(ifd + 2 + count * 12);
    const other = count - (hasOrientation ? 1 : 0) - (gps ? 1 : 0) > 0 || nextIfd !== 0;
    return { orientation, gps, other };
  } catch (error) {
    if (error instanceof Damaged) return null;
    throw error;
  }
}

/**
 * The only EXIF a kept photo carries: IFD0 with its orientation (big-endian TIFF, 26 bytes), so
 * a thumbnail and the viewer still turn it the right way up. Null for orientation 1 (no EXIF at all).
 */
export function minimalExif(orientation: number): Uint8Array | null {
  if (orientation === 1) return null;
  return Uint8Array.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // "MM", 42, IFD0 at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // Orientation SHORT
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD (no thumbnail)
  ]);
}

/** An EXIF block cleaned: the minimal one to keep (or none), and what was taken out. */
function cleanTiff(block: Uint8Array): {
  keep: Uint8Array | null;
  gps: boolean;
  other: boolean;
  orientation: number;
} {
  const described = describeTiff(block);
  // Unreadable EXIF is dropped whole: a location is never kept because its container was odd.
  if (described === null) return { keep: null, gps: true, other: true, orientation: 1 };
  return { keep: minimalExif(described.orientation), ...described };
}

/** Whether an EXIF block still holds a GPS pointer (tests and the import's own check). */
export function tiffHasGps(block: Uint8Array): boolean {
  try {
    const tiff = new Tiff(block);
    return tiff.find(tiff.ifd0(), TAG_GPS_IFD) !== null;
  } catch {
    return false;
  }
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"

function startsWithBytes(bytes: Uint8Array, at: number, prefix: readonly number[]): boolean {
  return at + prefix.length <= bytes.length && prefix.every((byte, i) => bytes[at + i] === byte);
}
const latin1 = (bytes: Uint8Array) => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(i + 8192, bytes.length)));
  return out;
};
const bytesOf = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** XMP (or any text block) that records a place: GPS tags, or IPTC/Photoshop place names. */
const PLACE_IN_TEXT =
  /GPS(Latitude|Longitude|Altitude|Position)|photoshop:(City|State|Country)|Iptc4xmpCore:(Location|CountryCode|CountryName)|Iptc4xmpExt:(LocationCreated|LocationShown|City|CountryName|ProvinceState|Sublocation)/;
export const mentionsPlace = (bytes: Uint8Array) => PLACE_IN_TEXT.test(latin1(bytes));

/**
 * IPTC-IIM (in a JPEG's APP13, or a PNG text chunk) naming a place: a non-empty dataset 2:90
 * city, 2:92 sublocation, 2:95 province or state, 2:100 country code or 2:101 country.
 */
export function iptcNamesPlace(bytes: Uint8Array): boolean {
  const places = new Set([90, 92, 95, 100, 101]);
  for (let at = 0; at + 5 <= bytes.length; at++) {
    if (bytes[at] === 0x1c && bytes[at + 1] === 0x02 && places.has(bytes[at + 2]!)) {
      if (((bytes[at + 3]! << 8) | bytes[at + 4]!) > 0) return true;
    }
  }
  return false;
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// JPEG

const ICC_HEADER = bytesOf('ICC_PROFILE\0');
const JFIF_HEADER = bytesOf('JFIF\0');
const ADOBE_HEADER = bytesOf('Adobe');

/** A JPEG segment with a length (not SOI, EOI, RSTn or TEM). */
const hasLength = (marker: number) => !(marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9));

/**
 * Where the JPEG ends: just after the end-of-image marker that closes its scans, found by walking
 * the segments and skipping entropy-coded data (where 0xFF is always followed by 0x00, a restart
 * marker or more 0xFF fill). Bytes after it are not part of the picture. The length when there is
 * no end marker (a truncated file keeps what it has).
 */
function jpegEnd(bytes: Uint8Array, sos: number): number {
  let at = sos;
  while (at + 4 <= bytes.length) {
    // `at` is a marker segment with a length (the first is the SOS header).
    at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
    while (at + 1 < bytes.length) {
      if (bytes[at] !== 0xff) {
        at++;
        continue;
      }
      const next = bytes[at + 1]!;
      if (next === 0xff) at++;
      else if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at += 2;
      else if (next === 0xd9) return at + 2;
      else if (!hasLength(next)) at += 2;
      else break; // another table or scan header: walk over it
    }
    if (at + 1 >= bytes.length) return bytes.length;
  }
  return bytes.length;
}

function cleanJpeg(input: Uint8Array<ArrayBuffer>): ExifCleanResult {
  const bytes = input;
  const keep: Uint8Array[] = [bytes.subarray(0, 2)];
  let gpsRemoved = false;
  let otherRemoved = false;
  let orientation = 1;
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xd9) break;
    if (marker === 0xff || !hasLength(marker)) {
      keep.push(bytes.subarray(at, at + (marker === 0xff ? 1 : 2)));
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) break;
    if (marker === 0xda) break; // image data: every metadata block comes before it
    const segment = bytes.subarray(at, end);
    const body = at + 4;
    if (marker === 0xe1 && startsWithBytes(bytes, body, EXIF_HEADER)) {
      const cleaned = cleanTiff(bytes.subarray(body + 6, end));
      gpsRemoved ||= cleaned.gps;
      otherRemoved ||= cleaned.other;
      orientation = cleaned.orientation;
      if (cleaned.keep) {
        const exif = concat([Uint8Array.from(EXIF_HEADER), cleaned.keep]);
        const out = new Uint8Array(4 + exif.length);
        out.set([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]);
        out.set(exif, 4);
        keep.push(out);
      }
    } else if (
      (marker === 0xe0 && startsWithBytes(bytes, body, JFIF_HEADER)) ||
      (marker === 0xe2 && startsWithBytes(bytes, body, ICC_HEADER)) ||
      (marker === 0xee && startsWithBytes(bytes, body, ADOBE_HEADER)) ||
      !(marker === 0xfe || (marker >= 0xe0 && marker <= 0xef))
    ) {
      keep.push(segment); // what draws the picture: JFIF, colour profile, tables, frame
    } else {
      // XMP, IPTC, maker blocks, multi-picture indexes, comments.
      if (mentionsPlace(segment) || (marker === 0xed && iptcNamesPlace(segment))) gpsRemoved = true;
      else otherRemoved = true;
    }
    at = end;
  }
  const stop =
    at + 4 <= bytes.length && bytes[at] === 0xff && bytes[at + 1] === 0xda
      ? jpegEnd(bytes, at)
      : bytes.length;
  keep.push(bytes.subarray(at, stop));
  if (stop < bytes.length) otherRemoved = true;
  const out = concat(keep);
  return sameBytes(out, bytes)
    ? { bytes, gpsRemoved: false, otherRemoved: false, orientation }
    : { bytes: out, gpsRemoved, otherRemoved, orientation };
}

// ---------------------------------------------------------------------------------------------
// PNG

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function readU32BE(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function writeU32BE(bytes: Uint8Array, at: number, value: number) {
  bytes[at] = value >>> 24;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  writeU32BE(out, 0, data.length);
  out.set(bytesOf(type), 4);
  out.set(data, 8);
  writeU32BE(out, 8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const PNG_TEXT_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt']);

function cleanPng(input: Uint8Array<ArrayBuffer>): ExifCleanResult {
  const bytes = input;
  const keep: Uint8Array[] = [bytes.subarray(0, 8)];
  let gpsRemoved = false;
  let otherRemoved = false;
  let orientation = 1;
  let sawEnd = false;
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = readU32BE(bytes, at);
    const end = at + 12 + length;
    if (end > bytes.length) break;
    const type = latin1(bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'eXIf') {
      const cleaned = cleanTiff(data);
      gpsRemoved ||= cleaned.gps;
      otherRemoved ||= cleaned.other;
      orientation = cleaned.orientation;
      if (cleaned.keep) keep.push(pngChunk('eXIf', cleaned.keep));
    } else if (PNG_TEXT_CHUNKS.has(type)) {
      if (mentionsPlace(data) || iptcNamesPlace(data)) gpsRemoved = true;
      else otherRemoved = true;
    } else keep.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
  }
  // Bytes after IEND are not part of the picture and go; a damaged tail (no IEND reached) is kept
  // as it came: the decoder's problem, not a privacy one.
  if (sawEnd && at < bytes.length) otherRemoved = true;
  else keep.push(bytes.subarray(at));
  const out = concat(keep);
  return sameBytes(out, bytes)
    ? { bytes, gpsRemoved: false, otherRemoved: false, orientation }
    : { bytes: out, gpsRemoved, otherRemoved, orientation };
}

// ---------------------------------------------------------------------------------------------
// WebP

function readU32LE(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

function webpChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + data.length + (data.length % 2));
  out.set(bytesOf(type), 0);
  out[4] = data.length & 0xff;
  out[5] = (data.length >>> 8) & 0xff;
  out[6] = (data.length >>> 16) & 0xff;
  out[7] = (data.length >>> 24) & 0xff;
  out.set(data, 8);
  return out;
}

function cleanWebp(input: Uint8Array<ArrayBuffer>): ExifCleanResult {
  const bytes = input;
  const keep: Uint8Array[] = [bytes.subarray(0, 12)];
  let gpsRemoved = false;
  let otherRemoved = false;
  let orientation = 1;
  let dropped = 0; // flags to clear in VP8X when a chunk goes
  let at = 12;
  while (at + 8 <= bytes.length) {
    const size = readU32LE(bytes, at + 4);
    const end = at + 8 + size + (size % 2);
    if (end > bytes.length) break;
    const type = latin1(bytes.subarray(at, at + 4));
    const data = bytes.subarray(at + 8, at + 8 + size);
    if (type === 'EXIF') {
      // Some writers keep JPEG's "Exif\0\0" in front of the TIFF structure.
      const tiff = startsWithBytes(data, 0, EXIF_HEADER) ? data.subarray(6) : data;
      const cleaned = cleanTiff(tiff);
      gpsRemoved ||= cleaned.gps;
      otherRemoved ||= cleaned.other;
      orientation = cleaned.orientation;
      if (cleaned.keep) keep.push(webpChunk('EXIF', cleaned.keep));
      else dropped |= 0x08;
    } else if (type === 'XMP ') {
      if (mentionsPlace(data)) gpsRemoved = true;
      else otherRemoved = true;
      dropped |= 0x04;
    } else keep.push(bytes.subarray(at, end));
    at = end;
  }
  keep.push(bytes.subarray(at));
  const out = concat(keep);
  if (sameBytes(out, bytes)) return { bytes, gpsRemoved: false, otherRemoved: false, orientation };
  const riffSize = out.length - 8;
  out[4] = riffSize & 0xff;
  out[5] = (riffSize >>> 8) & 0xff;
  out[6] = (riffSize >>> 16) & 0xff;
  out[7] = (riffSize >>> 24) & 0xff;
  if (latin1(out.subarray(12, 16)) === 'VP8X') out[20] = out[20]! & ~dropped;
  return { bytes: out, gpsRemoved, otherRemoved, orientation };
}

/**
 * Removes what identifies a photo beyond its picture (location, camera details, captions,
 * thumbnails, trailing data) from a JPEG, PNG or WebP, keeping its orientation; other types come
 * back as they are.
 */
export function removeIdentifyingMetadata(
  bytes: Uint8Array<ArrayBuffer>,
  mediaType: string,
): ExifCleanResult {
  if (mediaType === 'image/jpeg') return cleanJpeg(bytes);
  if (mediaType === 'image/png') return cleanPng(bytes);
  if (mediaType === 'image/webp') return cleanWebp(bytes);
  return { bytes, gpsRemoved: false, otherRemoved: false, orientation: 1 };
}
