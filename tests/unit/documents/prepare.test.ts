import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../src-shared/documents/attachment';
import { minimalExif, removeIdentifyingMetadata, tiffHasGps } from '../../../src-shared/documents/exif';
import { sha256Hex } from '../../../src-shared/documents/hash';
import { MAX_IMAGE_PIXELS, webpDimensions } from '../../../src-shared/documents/image-size';
import { AttachmentRefusal, prepareFile } from '../../../src-shared/documents/prepare';
import { sniffMediaType } from '../../../src-shared/documents/sniff';
import { readImageDimensions } from '../../../src-shared/domain/image-dimensions';
import { jpegDeclaring, pngDeclaring } from '../domain/image-bombs';
import {
  app13Iptc,
  exifTiff,
  holdsLatitude,
  jpegSegment,
  jpegWithExif,
  pngChunk,
  pngWithExif,
  readOrientationOf,
  TINY_JPEG,
  webpWithExif,
} from './exif-builder';

const text = (value: string) => new TextEncoder().encode(value);
const PDF = text('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function refusal(bytes: Uint8Array<ArrayBuffer>, name: string): Promise<string> {
  const error = await prepareFile(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AttachmentRefusal);
  return (error as Error).message;
}

/** The JPEG's segments from SOI to EOI: what a decoder walks. */
function jpegMarkers(bytes: Uint8Array): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    markers.push(marker);
    if (marker === 0xda) break;
    at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
  }
  return markers;
}

describe('the type comes from the bytes', () => {
  it.each([
    ['a PDF', PDF, 'application/pdf'],
    ['a PDF with bytes before its header', Uint8Array.from([0x0a, 0x0d, ...PDF]), 'application/pdf'],
    ['a JPEG', TINY_JPEG, 'image/jpeg'],
    ['a PNG', pngDeclaring(4, 4), 'image/png'],
    ['a WebP', webpWithExif(exifTiff()), 'image/webp'],
    ['plain text with accents', text('Zoë: referral from Dr Müller\r\n\tsee letter\n'), 'text/plain'],
  ] as const)('%s', (_, bytes, type) => {
    expect(sniffMediaType(bytes)).toBe(type);
  });

  it.each([
    ['a ZIP named .pdf', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4])],
    ['a Windows program', Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])],
    ['text with a NUL byte', text('hello\u0000world')],
    ['text with a terminal escape', text('hello \u001b[31mred')],
    ['Latin-1 bytes that are not UTF-8', Uint8Array.from([0x68, 0xe9, 0x6c, 0x6c, 0x6f])],
  ])('refuses %s', async (_, bytes) => {
    expect(sniffMediaType(bytes)).toBeNull();
    expect(await refusal(bytes as Uint8Array<ArrayBuffer>, 'letter.pdf')).toContain(
      'is not a PDF, JPEG, PNG, WebP or plain text file',
    );
  });
});

describe('bad input gets a message and nothing else', () => {
  it('an empty file', async () => {
    expect(await refusal(new Uint8Array(0), 'scan.pdf')).toBe(
      '"scan.pdf" is empty (0 bytes), so there is nothing to attach.',
    );
  });

  it('a file over 50 MB', async () => {
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 3 * 1024 * 1024);
    big.set(PDF);
    expect(await refusal(big, 'big.pdf')).toMatch(
      /"big.pdf" is 53.0 MB; Stillpoint keeps files of up to 50 MB/,
    );
  });

  it('exactly 50 MB is kept', async () => {
    const edge = new Uint8Array(MAX_ATTACHMENT_BYTES);
    edge.set(PDF);
    await expect(prepareFile(edge, 'edge.pdf')).resolves.toMatchObject({ size: MAX_ATTACHMENT_BYTES });
  });

  it.each([
    ['a folder separator', '../../etc/passwd'],
    ['a Windows folder', 'C:\\Users\\a.pdf'],
    ['a control character', 'letter\u0007.pdf'],
    ['a line break', 'letter\n.pdf'],
    ['a C1 control character', 'letter\u009b.pdf'],
    ['only dots', '..'],
  ])('a name with %s', async (_, name) => {
    expect(await refusal(PDF, name)).toMatch(/That file's name cannot be kept/);
  });

  it.each([
    ['PNG', pngDeclaring(100_000, 100_000)],
    ['JPEG', jpegDeclaring(20_000, 20_000)],
  ])('a %s whose declared size needs gigabytes to decode', async (_, bytes) => {
    expect(await refusal(bytes as Uint8Array<ArrayBuffer>, 'bomb.img')).toMatch(
      /megapixels Stillpoint can show safely/,
    );
  });

  it('a WebP whose canvas needs gigabytes', async () => {
    const bomb = webpWithExif(exifTiff());
    bomb.set([0xff, 0xff, 0x00, 0xff, 0xff, 0x00], 24); // 65536 x 65536
    expect(webpDimensions(bomb)).toEqual({ width: 65536, height: 65536 });
    expect(65536 * 65536).toBeGreaterThan(MAX_IMAGE_PIXELS);
    expect(await refusal(bomb as Uint8Array<ArrayBuffer>, 'bomb.webp')).toMatch(/65536 × 65536 pixels/);
  });

  it('a JPEG whose size cannot be read', async () => {
    expect(await refusal(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]), 'broken.jpg')).toMatch(/is damaged/);
  });
});

describe('location metadata is removed', () => {
  it.each([
    ['big-endian', false],
    ['little-endian', true],
  ])('from a JPEG (%s EXIF), which still decodes and keeps its orientation', async (_, little) => {
    const photo = jpegWithExif(exifTiff({ little, orientation: 6 }));
    expect(holdsLatitude(photo)).toBe(true);
    const prepared = await prepareFile(photo as Uint8Array<ArrayBuffer>, 'IMG_2041.jpg');
    expect(prepared).toMatchObject({ mediaType: 'image/jpeg', gpsRemoved: true, orientation: 6 });
    expect(holdsLatitude(prepared.bytes)).toBe(false);
    // The EXIF block is rebuilt holding the orientation only: no GPS pointer, no camera make.
    const exif = prepared.bytes.subarray(4 + 2 + 6);
    expect(tiffHasGps(exif)).toBe(false);
    expect(Buffer.from(prepared.bytes).includes(Buffer.from('Phone'))).toBe(false);
    expect(prepared.otherMetadataRemoved).toBe(true);
    // Still a JPEG a decoder reads: the same segments in the same order, the same size, and the
    // compressed image data from the start of scan to the end byte for byte.
    expect(readOrientationOf(prepared.bytes)).toBe(6);
    expect(jpegMarkers(prepared.bytes)).toEqual(jpegMarkers(photo));
    expect(readImageDimensions(prepared.bytes)).toEqual({ width: 24, height: 16 });
    const scan = (bytes: Uint8Array) =>
      Buffer.from(bytes.subarray(Buffer.from(bytes).indexOf(Buffer.from([0xff, 0xda]))));
    expect(scan(prepared.bytes).equals(scan(photo))).toBe(true);
    expect(prepared.sha256).toBe(await sha256Hex(prepared.bytes));
    expect(prepared.size).toBe(prepared.bytes.byteLength);
  });

  it('from a PNG eXIf chunk, with its checksum made right', async () => {
    const png = pngWithExif(exifTiff({ orientation: 3 }));
    const prepared = await prepareFile(png as Uint8Array<ArrayBuffer>, 'posture.png');
    expect(prepared).toMatchObject({ gpsRemoved: true, orientation: 3 });
    expect(holdsLatitude(prepared.bytes)).toBe(false);
    // Every chunk's CRC still matches (a decoder refuses a PNG whose CRC is wrong).
    const { crc32 } = await import('../../../src-shared/documents/exif');
    const bytes = Buffer.from(prepared.bytes);
    let at = 8;
    while (at < bytes.length) {
      const length = bytes.readUInt32BE(at);
      expect(bytes.readUInt32BE(at + 8 + length)).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
      at += 12 + length;
    }
  });

  it('from a WebP EXIF chunk', async () => {
    const prepared = await prepareFile(
      webpWithExif(exifTiff({ little: true })) as Uint8Array<ArrayBuffer>,
      'p.webp',
    );
    expect(prepared.gpsRemoved).toBe(true);
    expect(holdsLatitude(prepared.bytes)).toBe(false);
  });

  it('XMP that names a place goes too', () => {
    const xmp = Buffer.concat([
      Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'),
      Buffer.from('<x:xmpmeta><rdf:Description exif:GPSLatitude="59,19.752N"/></x:xmpmeta>', 'latin1'),
    ]);
    const segment = Buffer.concat([
      Buffer.from([0xff, 0xe1, (xmp.length + 2) >> 8, (xmp.length + 2) & 0xff]),
      xmp,
    ]);
    const photo = Uint8Array.from(Buffer.concat([TINY_JPEG.subarray(0, 2), segment, TINY_JPEG.subarray(2)]));
    const cleaned = removeIdentifyingMetadata(photo, 'image/jpeg');
    expect(cleaned.gpsRemoved).toBe(true);
    expect(Buffer.from(cleaned.bytes).includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(Buffer.from(cleaned.bytes).equals(Buffer.from(TINY_JPEG))).toBe(true);
  });

  it('a photo with nothing but its picture is kept byte for byte', async () => {
    const prepared = await prepareFile(TINY_JPEG as Uint8Array<ArrayBuffer>, 'plain.jpg');
    expect(prepared).toMatchObject({ gpsRemoved: false, otherMetadataRemoved: false, orientation: 1 });
    expect(Buffer.from(prepared.bytes).equals(Buffer.from(TINY_JPEG))).toBe(true);
    const orientedOnly = jpegWithExif(minimalExif(8)!);
    const kept = await prepareFile(orientedOnly as Uint8Array<ArrayBuffer>, 'turned.jpg');
    expect(kept).toMatchObject({ gpsRemoved: false, otherMetadataRemoved: false, orientation: 8 });
    expect(Buffer.from(kept.bytes).equals(Buffer.from(orientedOnly))).toBe(true);
  });

  it('a photo without GPS loses its camera details but keeps its orientation', async () => {
    const photo = jpegWithExif(exifTiff({ gps: false, orientation: 8 }));
    const prepared = await prepareFile(photo as Uint8Array<ArrayBuffer>, 'no-gps.jpg');
    expect(prepared).toMatchObject({ gpsRemoved: false, otherMetadataRemoved: true, orientation: 8 });
    expect(Buffer.from(prepared.bytes).includes(Buffer.from('Phone'))).toBe(false);
    expect(readOrientationOf(prepared.bytes)).toBe(8);
  });

  it('EXIF that cannot be read is dropped whole rather than kept with a location in it', () => {
    const tiff = exifTiff();
    tiff[4] = 0xff; // IFD0 points far outside the block
    const cleaned = removeIdentifyingMetadata(jpegWithExif(tiff) as Uint8Array<ArrayBuffer>, 'image/jpeg');
    expect(cleaned.gpsRemoved).toBe(true);
    expect(holdsLatitude(cleaned.bytes)).toBe(false);
    expect(Buffer.from(cleaned.bytes).equals(Buffer.from(TINY_JPEG))).toBe(true);
  });
});

describe('what identifies a photo beyond its picture is removed, its orientation kept', () => {
  const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));
  const scanToEnd = (bytes: Uint8Array) => {
    const buffer = Buffer.from(bytes);
    return buffer.subarray(
      buffer.indexOf(Buffer.from([0xff, 0xda])),
      buffer.lastIndexOf(Buffer.from([0xff, 0xd9])) + 2,
    );
  };

  /** A camera's JPEG: EXIF with a serial number and maker note, XMP, IPTC, a comment, a trailer. */
  function cameraJpeg({ iptc }: { iptc: [number, string][] }): Uint8Array {
    const exif = jpegWithExif(exifTiff({ orientation: 6, camera: true }));
    const xmp = jpegSegment(
      0xe1,
      'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description xmp:CreatorTool="Phone 14" dc:creator="Jo Lindqvist"/></x:xmpmeta>',
    );
    const comment = jpegSegment(0xfe, 'Taken at 12 Birch Lane');
    return Uint8Array.from(
      Buffer.concat([
        exif.subarray(0, 2),
        xmp,
        jpegSegment(0xed, app13Iptc(iptc)),
        comment,
        jpegSegment(0xe2, 'MPF\0multi-picture index'),
        exif.subarray(2),
        Buffer.from('MotionPhoto_Data: a video of the treatment room'),
      ]),
    );
  }

  it('a JPEG: serial number, maker note, XMP, IPTC place names, comments and trailing data', async () => {
    const photo = cameraJpeg({
      iptc: [
        [120, 'Posture, front'],
        [90, 'Visby'],
        [101, 'Sweden'],
      ],
    });
    for (const text of ['SN-4471', 'MAKERNOTE', 'Jo Lindqvist', 'Visby', 'Birch Lane', 'MPF', 'MotionPhoto'])
      expect(has(photo, text)).toBe(true);
    const prepared = await prepareFile(photo as Uint8Array<ArrayBuffer>, 'IMG_2042.jpg');
    expect(prepared).toMatchObject({ gpsRemoved: true, otherMetadataRemoved: true, orientation: 6 });
    for (const text of [
      'SN-4471',
      'MAKERNOTE',
      'Jo Lindqvist',
      'Visby',
      'Sweden',
      'Posture',
      'Birch Lane',
      'MPF',
      'MotionPhoto',
      'Phone',
    ])
      expect(has(prepared.bytes, text), text).toBe(false);
    expect(holdsLatitude(prepared.bytes)).toBe(false);
    // What draws the picture stays: JFIF, the EXIF orientation, the colour profile, tables, frame.
    expect(jpegMarkers(prepared.bytes)).toEqual([0xe1, ...jpegMarkers(TINY_JPEG)]);
    expect(has(prepared.bytes, 'ICC_PROFILE')).toBe(true);
    expect(readOrientationOf(prepared.bytes)).toBe(6);
    expect(scanToEnd(prepared.bytes).equals(scanToEnd(TINY_JPEG))).toBe(true);
    expect(Buffer.from(prepared.bytes.subarray(-2)).equals(Buffer.from([0xff, 0xd9]))).toBe(true);
    expect(readImageDimensions(prepared.bytes)).toEqual({ width: 24, height: 16 });
  });

  it('IPTC without a place: removed, and the note does not claim a location', async () => {
    const photo = Uint8Array.from(
      Buffer.concat([
        TINY_JPEG.subarray(0, 2),
        jpegSegment(0xed, app13Iptc([[120, 'Posture, side']])),
        TINY_JPEG.subarray(2),
      ]),
    );
    const prepared = await prepareFile(photo as Uint8Array<ArrayBuffer>, 'side.jpg');
    expect(prepared).toMatchObject({ gpsRemoved: false, otherMetadataRemoved: true, orientation: 1 });
    expect(Buffer.from(prepared.bytes).equals(Buffer.from(TINY_JPEG))).toBe(true);
  });

  it('XMP naming a city counts as location', () => {
    const photo = Uint8Array.from(
      Buffer.concat([
        TINY_JPEG.subarray(0, 2),
        jpegSegment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<rdf:Description photoshop:City="Visby"/>'),
        TINY_JPEG.subarray(2),
      ]),
    );
    const cleaned = removeIdentifyingMetadata(photo as Uint8Array<ArrayBuffer>, 'image/jpeg');
    expect(cleaned).toMatchObject({ gpsRemoved: true, otherRemoved: false });
    expect(has(cleaned.bytes, 'Visby')).toBe(false);
  });

  it('a PNG: text chunks (XMP, comments) and bytes after IEND go; eXIf keeps the orientation', async () => {
    const png = Buffer.from(pngWithExif(exifTiff({ orientation: 3, gps: false, camera: true })));
    const iend = png.length - 12;
    const withText = Buffer.concat([
      png.subarray(0, 33),
      pngChunk('tEXt', Buffer.from('Comment\0Taken at 12 Birch Lane', 'latin1')),
      pngChunk(
        'iTXt',
        Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<rdf:Description dc:creator="Jo Lindqvist"/>', 'latin1'),
      ),
      png.subarray(33, iend),
      png.subarray(iend),
      Buffer.from('trailing notes'),
    ]);
    const prepared = await prepareFile(Uint8Array.from(withText), 'posture.png');
    expect(prepared).toMatchObject({ gpsRemoved: false, otherMetadataRemoved: true, orientation: 3 });
    for (const text of ['Birch Lane', 'Jo Lindqvist', 'SN-4471', 'MAKERNOTE', 'Phone', 'trailing'])
      expect(has(prepared.bytes, text), text).toBe(false);
    const { crc32 } = await import('../../../src-shared/documents/exif');
    const bytes = Buffer.from(prepared.bytes);
    const types: string[] = [];
    let at = 8;
    while (at < bytes.length) {
      const length = bytes.readUInt32BE(at);
      types.push(bytes.toString('latin1', at + 4, at + 8));
      expect(bytes.readUInt32BE(at + 8 + length)).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
      at += 12 + length;
    }
    expect(types).toEqual(['IHDR', 'eXIf', 'IDAT', 'IEND']);
  });

  it('a WebP: the XMP chunk and its flag go', () => {
    const webp = Buffer.from(webpWithExif(exifTiff({ gps: false, orientation: 1 })));
    const xmp = Buffer.from('<rdf:Description dc:creator="Jo Lindqvist"/>', 'latin1');
    const size = Buffer.alloc(4);
    size.writeUInt32LE(xmp.length, 0);
    const body = Buffer.concat([
      webp.subarray(12),
      Buffer.from('XMP ', 'latin1'),
      size,
      xmp,
      xmp.length % 2 ? Buffer.from([0]) : Buffer.alloc(0),
    ]);
    const header = Buffer.from(webp.subarray(0, 12));
    header.writeUInt32LE(body.length + 4, 4);
    const withXmp = Buffer.concat([header, body]);
    withXmp[20] = withXmp[20]! | 0x04;
    const cleaned = removeIdentifyingMetadata(Uint8Array.from(withXmp), 'image/webp');
    expect(cleaned).toMatchObject({ gpsRemoved: false, otherRemoved: true, orientation: 1 });
    const out = Buffer.from(cleaned.bytes);
    expect(out.includes(Buffer.from('Jo Lindqvist'))).toBe(false);
    expect(out.includes(Buffer.from('EXIF'))).toBe(false); // orientation 1 needs no EXIF at all
    expect(out[20]! & 0x0c).toBe(0);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
  });
});
