/**
 * Location metadata removed from photos on import (issue 15), and the EXIF orientation read.
 *
 * A phone photo carries where it was taken (EXIF GPS): a client's home, in the record and in
 * every backup and export. Stillpoint removes it before the photo is stored:
 * - EXIF (JPEG APP1 "Exif", PNG `eXIf`, WebP `EXIF`): the GPS IFD is erased in place (its
 *   entries and their values zeroed) and its pointer is taken out of IFD0, so every other tag
 *   (orientation, camera, date) stays where it was and no offset moves. EXIF that cannot be
 *   read safely is dropped whole: a location is never kept because its container was odd.
 * - XMP packets that mention GPS (`exif:GPS…`) are dropped whole (JPEG APP1, PNG iTXt, WebP XMP).
 *
 * Pure and bounded: every read is checked against the bytes given; nothing is decoded.
 */

export interface ExifCleanResult {
  /** The bytes to keep (a new array when anything was removed). */
  bytes: Uint8Array<ArrayBuffer>;
  /** True when location metadata was found and removed. */
  gpsRemoved: boolean;
  /** EXIF orientation 1-8 (1 when there is none). */
  orientation: number;
}

const TAG_ORIENTATION = 0x0112;
const TAG_GPS_IFD = 0x8825;
const TYPE_SIZES: Readonly<Record<number, number>> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};
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
  zero(at: number, length: number) {
    this.check(at, length);
    this.b.fill(0, at, at + length);
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

/** Erases the GPS IFD and its pointer; true when there was one. Throws Damaged when unreadable. */
function eraseGps(tiff: Tiff): boolean {
  const ifd = tiff.ifd0();
  const count = tiff.entries(ifd);
  const index = tiff.find(ifd, TAG_GPS_IFD);
  if (index === null) return false;
  const gps = tiff.u32(ifd + 2 + index * 12 + 8);
  const gpsCount = tiff.entries(gps);
  for (let i = 0; i < gpsCount; i++) {
    const entry = gps + 2 + i * 12;
    const size = (TYPE_SIZES[tiff.u16(entry + 2)] ?? 1) * tiff.u32(entry + 4);
    if (size > 4) tiff.zero(tiff.u32(entry + 8), size);
  }
  tiff.zero(gps, 2 + gpsCount * 12 + 4);
  // Take the pointer out of IFD0: later entries and the next-IFD offset move up one entry.
  const start = ifd + 2 + index * 12;
  const end = ifd + 2 + count * 12 + 4;
  tiff.b.copyWithin(start, start + 12, end);
  tiff.zero(end - 12, 12);
  const next = count - 1;
  if (tiff.little) {
    tiff.b[ifd] = next & 0xff;
    tiff.b[ifd + 1] = next >> 8;
  } else {
    tiff.b[ifd] = next >> 8;
    tiff.b[ifd + 1] = next & 0xff;
  }
  return true;
}

/** Cleans one EXIF block in place: { gps, orientation }, or null when it must be dropped whole. */
function cleanTiff(block: Uint8Array): { gps: boolean; orientation: number } | null {
  try {
    const tiff = new Tiff(block);
    const orientation = readOrientation(tiff);
    return { gps: eraseGps(tiff), orientation };
  } catch (error) {
    if (error instanceof Damaged) return null;
    throw error;
  }
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
const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';

function startsWithBytes(bytes: Uint8Array, at: number, prefix: readonly number[]): boolean {
  return at + prefix.length <= bytes.length && prefix.every((byte, i) => bytes[at + i] === byte);
}
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
const bytesOf = (text: string) => [...text].map((c) => c.charCodeAt(0));
/** XMP that records a place: exif:GPSLatitude and friends, as elements or attributes. */
const mentionsGps = (bytes: Uint8Array) => /GPS(Latitude|Longitude|Altitude|Position)/.test(latin1(bytes));

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// JPEG

function cleanJpeg(input: Uint8Array): ExifCleanResult {
  const bytes = input.slice();
  const keep: Uint8Array[] = [bytes.subarray(0, 2)];
  let gpsRemoved = false;
  let orientation = 1;
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // image data: metadata is all before it
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      keep.push(bytes.subarray(at, at + (marker === 0xff ? 1 : 2)));
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) break;
    const segment = bytes.subarray(at, end);
    if (marker === 0xe1 && startsWithBytes(bytes, at + 4, EXIF_HEADER)) {
      const cleaned = cleanTiff(bytes.subarray(at + 10, end));
      if (cleaned === null)
        gpsRemoved = true; // unreadable EXIF: dropped whole
      else {
        gpsRemoved ||= cleaned.gps;
        orientation = cleaned.orientation;
        keep.push(segment);
      }
    } else if (
      marker === 0xe1 &&
      startsWithBytes(bytes, at + 4, bytesOf(XMP_HEADER)) &&
      mentionsGps(segment)
    ) {
      gpsRemoved = true;
    } else keep.push(segment);
    at = end;
  }
  keep.push(bytes.subarray(at));
  return { bytes: gpsRemoved ? concat(keep) : bytes, gpsRemoved, orientation };
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

function cleanPng(input: Uint8Array): ExifCleanResult {
  const bytes = input.slice();
  const keep: Uint8Array[] = [bytes.subarray(0, 8)];
  let gpsRemoved = false;
  let changed = false;
  let orientation = 1;
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = readU32BE(bytes, at);
    const end = at + 12 + length;
    if (end > bytes.length) break;
    const type = latin1(bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    const chunk = bytes.subarray(at, end);
    if (type === 'eXIf') {
      const cleaned = cleanTiff(data);
      if (cleaned === null) {
        gpsRemoved = changed = true;
      } else {
        orientation = cleaned.orientation;
        if (cleaned.gps) {
          gpsRemoved = changed = true;
          writeU32BE(bytes, at + 8 + length, crc32(bytes.subarray(at + 4, at + 8 + length)));
        }
        keep.push(chunk);
      }
    } else if (
      type === 'iTXt' &&
      latin1(data.subarray(0, 18)) === 'XML:com.adobe.xmp' + '\0' &&
      mentionsGps(data)
    ) {
      gpsRemoved = changed = true;
    } else keep.push(chunk);
    at = end;
    if (type === 'IEND') break;
  }
  keep.push(bytes.subarray(at));
  return { bytes: changed ? concat(keep) : bytes, gpsRemoved, orientation };
}

// ---------------------------------------------------------------------------------------------
// WebP

function readU32LE(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

function cleanWebp(input: Uint8Array): ExifCleanResult {
  const bytes = input.slice();
  const keep: Uint8Array[] = [bytes.subarray(0, 12)];
  let gpsRemoved = false;
  let orientation = 1;
  let dropped = 0; // flags to clear in VP8X when a chunk goes
  let at = 12;
  while (at + 8 <= bytes.length) {
    const size = readU32LE(bytes, at + 4);
    const end = at + 8 + size + (size % 2);
    if (end > bytes.length) break;
    const type = latin1(bytes.subarray(at, at + 4));
    const data = bytes.subarray(at + 8, at + 8 + size);
    const chunk = bytes.subarray(at, end);
    if (type === 'EXIF') {
      // Some writers keep JPEG's "Exif\0\0" in front of the TIFF structure.
      const tiff = startsWithBytes(data, 0, EXIF_HEADER) ? data.subarray(6) : data;
      const cleaned = cleanTiff(tiff);
      if (cleaned === null) {
        gpsRemoved = true;
        dropped |= 0x08;
      } else {
        gpsRemoved ||= cleaned.gps;
        orientation = cleaned.orientation;
        keep.push(chunk);
      }
    } else if (type === 'XMP ' && mentionsGps(data)) {
      gpsRemoved = true;
      dropped |= 0x04;
    } else keep.push(chunk);
    at = end;
  }
  if (!gpsRemoved) return { bytes, gpsRemoved, orientation };
  keep.push(bytes.subarray(at));
  const out = concat(keep);
  const riffSize = out.length - 8;
  out[4] = riffSize & 0xff;
  out[5] = (riffSize >>> 8) & 0xff;
  out[6] = (riffSize >>> 16) & 0xff;
  out[7] = (riffSize >>> 24) & 0xff;
  if (latin1(out.subarray(12, 16)) === 'VP8X') out[20] = out[20]! & ~dropped;
  return { bytes: out, gpsRemoved, orientation };
}

/** Removes location metadata from a JPEG, PNG or WebP; other types come back as they are. */
export function removeLocationMetadata(bytes: Uint8Array<ArrayBuffer>, mediaType: string): ExifCleanResult {
  if (mediaType === 'image/jpeg') return cleanJpeg(bytes);
  if (mediaType === 'image/png') return cleanPng(bytes);
  if (mediaType === 'image/webp') return cleanWebp(bytes);
  return { bytes, gpsRemoved: false, orientation: 1 };
}
