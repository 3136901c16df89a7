import { deflateSync } from 'node:zlib';
import { crc32 } from '../../../src-shared/documents/exif';

/**
 * Photos with location metadata, built byte by byte for the GPS-removal tests (unit and e2e):
 * a real 24 x 16 JPEG (made by Chromium's encoder) with an EXIF block holding an orientation, a
 * camera make and a GPS IFD (59°19'45.12" N, 18°4'5.5" E), in either byte order.
 */

export const TINY_JPEG = Uint8Array.from(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAQABgDASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAEG/8QAFRABAQAAAAAAAAAAAAAAAAAAAAH/xAAWAQEBAQAAAAAAAAAAAAAAAAAGAgf/xAAaEQACAgMAAAAAAAAAAAAAAAAABAVBATIz/9oADAMBAAIRAxEAPwDLECLjKFsxZQDhfQzdvpk//9k=',
    'base64',
  ),
);

/** The latitude's seconds as a RATIONAL (4512/100), to look for in the bytes afterwards. */
export const LATITUDE_SECONDS = { numerator: 4512, denominator: 100 };

class Writer {
  readonly bytes: number[] = [];
  constructor(readonly little: boolean) {}
  u16(value: number) {
    if (this.little) this.bytes.push(value & 0xff, value >> 8);
    else this.bytes.push(value >> 8, value & 0xff);
  }
  u32(value: number) {
    const b = [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
    this.bytes.push(...(this.little ? b.reverse() : b));
  }
  entry(tag: number, type: number, count: number, value: number, inlineShort = false) {
    this.u16(tag);
    this.u16(type);
    this.u32(count);
    if (inlineShort) {
      this.u16(value);
      this.u16(0);
    } else this.u32(value);
  }
}

/** What a camera's EXIF names that identifies it: its serial number, and a maker note. */
export const CAMERA_SERIAL = 'SN-4471-0932';
export const MAKER_NOTE = 'MAKERNOTE:owner=Jo;loc=Gotland';

/**
 * A TIFF structure: IFD0 (orientation, make, GPS pointer, with `camera` an Exif IFD pointer), the
 * GPS IFD, then their values; with `camera`, an Exif IFD holding a body serial number and a
 * maker note after them.
 */
export function exifTiff({ little = false, orientation = 6, gps = true, camera = false } = {}): Uint8Array {
  const w = new Writer(little);
  w.bytes.push(...(little ? [0x49, 0x49] : [0x4d, 0x4d]));
  w.u16(42);
  w.u32(8);
  const ifd0Count = 2 + (gps ? 1 : 0) + (camera ? 1 : 0);
  const ifd0End = 8 + 2 + ifd0Count * 12 + 4;
  const makeAt = ifd0End; // "Phone\0\0\0" (8 bytes)
  const gpsAt = makeAt + 8;
  const gpsCount = 4;
  const gpsValuesAt = gpsAt + 2 + gpsCount * 12 + 4;
  const cameraAt = gps ? gpsValuesAt + 48 : gpsAt;
  const serialAt = cameraAt + 2 + 2 * 12 + 4;
  const serial = Buffer.from(`${CAMERA_SERIAL}\0`, 'latin1');
  const note = Buffer.from(MAKER_NOTE, 'latin1');
  w.u16(ifd0Count);
  w.entry(0x010f, 2, 8, makeAt); // Make
  w.entry(0x0112, 3, 1, orientation, true); // Orientation
  if (camera) w.entry(0x8769, 4, 1, cameraAt); // ExifIFD
  if (gps) w.entry(0x8825, 4, 1, gpsAt); // GPSInfo
  w.u32(0);
  w.bytes.push(...Buffer.from('Phone\0\0\0', 'latin1'));
  if (gps) {
    w.u16(gpsCount);
    w.entry(0x0001, 2, 2, little ? 0x4e : 0x4e000000); // "N\0" inline
    w.entry(0x0002, 5, 3, gpsValuesAt);
    w.entry(0x0003, 2, 2, little ? 0x45 : 0x45000000); // "E\0" inline
    w.entry(0x0004, 5, 3, gpsValuesAt + 24);
    w.u32(0);
    for (const [n, d] of [
      [59, 1],
      [19, 1],
      [LATITUDE_SECONDS.numerator, LATITUDE_SECONDS.denominator],
      [18, 1],
      [4, 1],
      [55, 10],
    ]) {
      w.u32(n!);
      w.u32(d!);
    }
  }
  if (camera) {
    w.u16(2);
    w.entry(0x927c, 7, note.length, serialAt + serial.length); // MakerNote
    w.entry(0xa431, 2, serial.length, serialAt); // BodySerialNumber
    w.u32(0);
    w.bytes.push(...serial, ...note);
  }
  return Uint8Array.from(w.bytes);
}

/** The JPEG with an APP1 "Exif" segment right after its start marker. */
export function jpegWithExif(tiff: Uint8Array, jpeg: Uint8Array = TINY_JPEG): Uint8Array {
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Uint8Array.from(Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]));
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A 2 x 2 RGB PNG with an eXIf chunk before its image data. */
export function pngWithExif(tiff: Uint8Array): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8;
  header[9] = 2;
  const rows = deflateSync(Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 0]));
  return Uint8Array.from(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('eXIf', tiff),
      pngChunk('IDAT', rows),
      pngChunk('IEND', new Uint8Array()),
    ]),
  );
}

/** A WebP (VP8X canvas 2 x 2, a VP8L stub) with an EXIF chunk. Only its container is read. */
export function webpWithExif(tiff: Uint8Array): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const size = Buffer.alloc(4);
    size.writeUInt32LE(data.length, 0);
    return Buffer.concat([
      Buffer.from(type, 'latin1'),
      size,
      data,
      data.length % 2 ? Buffer.from([0]) : Buffer.alloc(0),
    ]);
  };
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08; // EXIF flag
  vp8x.writeUIntLE(1, 4, 3);
  vp8x.writeUIntLE(1, 7, 3);
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    chunk('VP8X', vp8x),
    chunk('VP8L', Buffer.from([0x2f, 0x01, 0x40, 0x00, 0x00])),
    chunk('EXIF', tiff),
  ]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length, 0);
  return Uint8Array.from(Buffer.concat([Buffer.from('RIFF', 'latin1'), size, body]));
}

/** Whether the RATIONAL of the latitude's seconds is anywhere in the bytes (either byte order). */
export function holdsLatitude(bytes: Uint8Array): boolean {
  const hex = Buffer.from(bytes).toString('hex');
  const be = Buffer.alloc(8);
  be.writeUInt32BE(LATITUDE_SECONDS.numerator, 0);
  be.writeUInt32BE(LATITUDE_SECONDS.denominator, 4);
  const le = Buffer.alloc(8);
  le.writeUInt32LE(LATITUDE_SECONDS.numerator, 0);
  le.writeUInt32LE(LATITUDE_SECONDS.denominator, 4);
  return hex.includes(be.toString('hex')) || hex.includes(le.toString('hex'));
}

/** A JPEG marker segment (APPn, COM) around a body. */
export function jpegSegment(marker: number, body: Uint8Array | string): Buffer {
  const data = typeof body === 'string' ? Buffer.from(body, 'latin1') : Buffer.from(body);
  return Buffer.concat([Buffer.from([0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff]), data]);
}

/** A Photoshop APP13 body holding IPTC-IIM datasets (record 2), as cameras and editors write it. */
export function app13Iptc(datasets: readonly [number, string][]): Buffer {
  const iim = Buffer.concat(
    datasets.map(([dataset, value]) => {
      const text = Buffer.from(value, 'utf8');
      return Buffer.concat([Buffer.from([0x1c, 0x02, dataset, text.length >> 8, text.length & 0xff]), text]);
    }),
  );
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iim.length, 0);
  return Buffer.concat([
    Buffer.from('Photoshop 3.0\0', 'latin1'),
    Buffer.from('8BIM', 'latin1'),
    Buffer.from([0x04, 0x04, 0x00, 0x00]), // resource 0x0404 (IPTC), empty name
    size,
    iim,
    iim.length % 2 ? Buffer.from([0]) : Buffer.alloc(0),
  ]);
}

/** A PNG chunk with its CRC. */
export { pngChunk };

/** The orientation in a JPEG's EXIF (read directly, not through the code under test); 1 without. */
export function readOrientationOf(jpeg: Uint8Array): number {
  const bytes = Buffer.from(jpeg);
  const exif = bytes.indexOf(Buffer.from('Exif\0\0', 'latin1'));
  if (exif < 0) return 1;
  const tiff = bytes.subarray(exif + 6);
  const little = tiff[0] === 0x49;
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  for (let i = 0; i < u16(ifd); i++) {
    if (u16(ifd + 2 + i * 12) === 0x0112) return u16(ifd + 2 + i * 12 + 8);
  }
  return 1;
}
