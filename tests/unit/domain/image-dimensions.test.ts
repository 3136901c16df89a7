import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogoSchema } from '../../../src-shared/domain/aftercare';
import {
  LOGO_MAX_SIDE_PIXELS,
  logoDimensionsProblem,
  readImageDimensions,
} from '../../../src-shared/domain/image-dimensions';
import { jpegDeclaring, pngDeclaring } from './image-bombs';

// Issue 13, finding 5: a 1 MB PNG declaring 16000 x 16000 pixels took 46 s and 4 GB in main.
describe('readImageDimensions', () => {
  it.each([
    [1, 1],
    [160, 90],
    [4096, 4096],
    [16000, 16000],
    [0xffffffff, 1],
  ])('reads the %i x %i a PNG declares', (width, height) => {
    expect(readImageDimensions(pngDeclaring(width, height))).toEqual({ width, height });
  });

  it.each([
    [0xc0, 'baseline'],
    [0xc2, 'progressive'],
    [0xc1, 'extended'],
  ])('reads the size of a JPEG frame (SOF %s, %s), past APP, comment and fill bytes', (marker) => {
    expect(readImageDimensions(jpegDeclaring(640, 480, marker))).toEqual({ width: 640, height: 480 });
    expect(readImageDimensions(jpegDeclaring(65535, 65535, marker))).toEqual({ width: 65535, height: 65535 });
  });

  it('does not take a Huffman table (C4) for a frame', () => {
    const bytes = jpegDeclaring(640, 480);
    const frame = bytes.indexOf(0xc0, 2);
    const dht = bytes.slice();
    dht[frame] = 0xc4;
    expect(readImageDimensions(dht)).toBeNull(); // image data comes before any frame
  });

  it.each([
    ['empty', new Uint8Array()],
    ['a PNG signature only', pngDeclaring(10, 10).subarray(0, 8)],
    ['a PNG cut inside IHDR', pngDeclaring(10, 10).subarray(0, 20)],
    ['a JPEG start only', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
    ['a JPEG cut inside its frame header', jpegDeclaring(10, 10).subarray(0, 33)],
    ['a JPEG segment of length 0', Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0, 0, 0xff, 0xc0])],
    ['a JPEG with junk where a marker should be', Uint8Array.from([0xff, 0xd8, 0x00, 0x00, 0xff, 0xc0])],
    ['a JPEG of fill bytes', Uint8Array.from([0xff, 0xd8, ...new Array(10_000).fill(0xff)])],
    ['a GIF', Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0])],
  ])('answers null for %s', (_name, bytes) => {
    expect(readImageDimensions(bytes)).toBeNull();
  });

  it('never throws and always ends, whatever follows a PNG or JPEG start', () => {
    const start = fc.constantFrom(
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Uint8Array.from([0xff, 0xd8]),
      Uint8Array.from([0xff, 0xd8, 0xff]),
    );
    fc.assert(
      fc.property(start, fc.uint8Array({ maxLength: 4096 }), (head, tail) => {
        const bytes = new Uint8Array(head.length + tail.length);
        bytes.set(head);
        bytes.set(tail, head.length);
        const size = readImageDimensions(bytes);
        if (size) expect(size.width >= 0 && size.height >= 0).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('the logo check', () => {
  it('accepts up to 4096 x 4096 and refuses anything larger, in words', () => {
    expect(LOGO_MAX_SIDE_PIXELS).toBe(4096);
    expect(logoDimensionsProblem(pngDeclaring(4096, 4096))).toBeNull();
    expect(logoDimensionsProblem(jpegDeclaring(1000, 4096))).toBeNull();
    expect(logoDimensionsProblem(pngDeclaring(16000, 16000))).toBe(
      'The logo is 16000 × 16000 pixels; the largest Stillpoint accepts is 4096 × 4096. Save a smaller version (1000 pixels wide prints sharply) and choose it again',
    );
    expect(logoDimensionsProblem(pngDeclaring(4097, 10))).toMatch(/4097 × 10 pixels/);
    expect(logoDimensionsProblem(jpegDeclaring(100, 30000))).toMatch(/100 × 30000 pixels/);
    expect(logoDimensionsProblem(pngDeclaring(0, 10))).toMatch(/damaged/);
  });

  it('is part of the logo schema, so the form, IPC and a restore all refuse a bomb', () => {
    const bomb = LogoSchema.safeParse({ mimeType: 'image/png', bytes: pngDeclaring(16000, 16000) });
    expect(bomb.success).toBe(false);
    expect(bomb.error?.issues[0]).toMatchObject({ path: ['bytes'] });
    expect(bomb.error?.issues[0]?.message).toMatch(/16000 × 16000 pixels/);
    expect(LogoSchema.safeParse({ mimeType: 'image/png', bytes: pngDeclaring(800, 200) }).success).toBe(true);
    expect(LogoSchema.safeParse({ mimeType: 'image/jpeg', bytes: jpegDeclaring(800, 200) }).success).toBe(
      true,
    );
  });
});
