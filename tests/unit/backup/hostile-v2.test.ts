import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concatBytes, toBase64, writeUint32BE } from '../../../src-shared/backup/bytes';
import { NOT_STILLPOINT_BODY_MESSAGE } from '../../../src-shared/backup/errors';
import {
  type BackupHeaderV2,
  KIND_FILE,
  KIND_RECORDS,
  MAX_LINE_BYTES,
  maxInflatedPerSegment,
} from '../../../src-shared/backup/format';
import { encodeHeader } from '../../../src-shared/backup/header';
import {
  BackupError,
  openBackup,
  type ReadOptions,
  readBackupHeader,
} from '../../../src-shared/backup/index';
import { deriveBodyKey, encryptSegment, randomBytes } from '../../../src-shared/backup/keys';
import { PASSPHRASE, SCHEMA_VERSION, testKey } from './helpers';

/**
 * Crafted version 2 files (issue 15): authentic (the right passphrase, every segment
 * authenticates) and built to exhaust the reader. The reader must refuse each early, having
 * produced a bounded number of bytes, whatever the file claims.
 */

/** What one 8 KB slice can unpack to at most (deflate's ~1032:1), the overshoot past a limit. */
const ONE_SLICE = 1032 * 8 * 1024 + 64 * 1024;
const S = 1 << 20;

/** Seals version 2 segments (kind byte included in each plaintext) behind a real header. */
async function sealStream(
  plaintexts: Uint8Array[],
  counts: Record<string, number>,
  attachments = { table: 'attachments', count: 0, bytes: 0 },
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await testKey();
  const nonce = randomBytes(8);
  const header: BackupHeaderV2 = {
    format: 'stillpoint-backup',
    formatVersion: 2,
    appVersion: '0.1.0',
    schemaVersion: SCHEMA_VERSION,
    createdAt: '2026-12-07T09:00:00.000Z',
    counts,
    kdf: { name: 'PBKDF2-SHA256', iterations: key.iterations, salt: toBase64(key.salt) },
    passphraseCheck: toBase64(key.passphraseCheck),
    cipher: { name: 'AES-256-GCM', nonce: toBase64(nonce), segmentSize: S },
    body: { compression: 'zlib', encoding: 'ndjson' },
    attachments,
  };
  const { bytes, digest } = await encodeHeader(header);
  const bodyKey = await deriveBodyKey(key, nonce);
  const parts: Uint8Array[] = [bytes];
  for (let i = 0; i < plaintexts.length; i++) {
    const plain = new Uint8Array(plaintexts[i]!);
    const sealed = await encryptSegment(bodyKey, nonce, digest, i, i === plaintexts.length - 1, plain);
    const length = new Uint8Array(4);
    writeUint32BE(length, 0, plain.length);
    parts.push(length, sealed);
  }
  return concatBytes(parts);
}

/** Record segments carrying `stream` (kind 0, then up to S - 1 bytes each). */
function recordSegments(stream: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < stream.length; at += S - 1) {
    out.push(concatBytes([new Uint8Array([KIND_RECORDS]), stream.subarray(at, at + S - 1)]));
  }
  return out;
}

/**
 * A 2 MB file whose one record line would unpack to 2 GB: the zlib header, the line's start,
 * then 32 copies of 64 MB of one letter deflated with a full flush (each copy is the same ~64 KB
 * since a full flush forgets the history), and no end.
 */
function twoGigabyteLine(): Uint8Array {
  const flush = { level: 9, memLevel: 9, finishFlush: constants.Z_FULL_FLUSH };
  const start = deflateRawSync(Buffer.from('{"t":"clients","r":{"id":"c1","notes":"'), flush);
  const letters = new Uint8Array(deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x41), flush));
  return concatBytes([new Uint8Array([0x78, 0xda]), new Uint8Array(start), ...Array(32).fill(letters)]);
}

async function readCounting(bytes: Uint8Array, options: Partial<ReadOptions> = {}) {
  let inflated = 0;
  const opened = await openBackup(bytes, PASSPHRASE, { maxSchemaVersion: SCHEMA_VERSION, ...options });
  try {
    for await (const _ of opened.batches({
      onInflate: (n) => {
        inflated += n;
      },
    })) {
      // read on
    }
  } catch (error) {
    if (error instanceof BackupError) return { error, inflated };
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('crafted version 2 files', () => {
  it('a 2 MB file whose record line unpacks to 2 GB is refused at the line limit, having unpacked about 16 MB', async () => {
    const file = await sealStream(recordSegments(twoGigabyteLine()), { clients: 1 });
    expect(file.length).toBeGreaterThan(1.9e6);
    expect(file.length).toBeLessThan(2.3e6);
    const { error, inflated } = await readCounting(file);
    expect(error.code).toBe('CORRUPTED');
    expect(error.message).toBe(NOT_STILLPOINT_BODY_MESSAGE);
    expect(error.detail).toMatch(/record line 1 is longer than 16777216 bytes/);
    // Bytes produced, not time: the line limit, well before the segment's own 256 MB limit.
    expect(inflated).toBeGreaterThan(MAX_LINE_BYTES);
    expect(inflated).toBeLessThan(MAX_LINE_BYTES + ONE_SLICE);
    expect(inflated).toBeLessThan(maxInflatedPerSegment(S) / 8);
  });

  it('a file longer than its record says is refused at its first segment', async () => {
    const line = `{"t":"attachments","r":{"id":"a1","size":10,"sha256":"${'a'.repeat(64)}"}}\n`;
    const records = new Uint8Array(deflateRawSync(Buffer.from(line)));
    const zlib = concatBytes([new Uint8Array([0x78, 0x01]), records, new Uint8Array(4)]);
    const id = new TextEncoder().encode('a1');
    const fileSegment = () =>
      concatBytes([new Uint8Array([KIND_FILE, id.length]), id, new Uint8Array(S - 2 - id.length)]);
    // Adler-32 of the line, so the records end cleanly and the file segments are reached.
    let a = 1;
    let b = 0;
    for (const byte of Buffer.from(line)) {
      a = (a + byte) % 65521;
      b = (b + a) % 65521;
    }
    writeUint32BE(zlib, zlib.length - 4, ((b << 16) | a) >>> 0);
    const file = await sealStream(
      [concatBytes([new Uint8Array([KIND_RECORDS]), zlib]), fileSegment(), fileSegment()],
      { attachments: 1 },
      { table: 'attachments', count: 1, bytes: 10 },
    );
    const { error } = await readCounting(file);
    expect(error.code).toBe('CORRUPTED');
    expect(error.detail).toBe('file a1 is longer than its record says (10)');
  });

  it('a segment that declares more than S bytes is refused before it is read', async () => {
    const file = await sealStream(recordSegments(twoGigabyteLine()).slice(0, 1), { clients: 1 });
    const bodyStart = 20 + new DataView(file.buffer).getUint32(12) + 32;
    writeUint32BE(file, bodyStart, S + 1);
    const { error } = await readCounting(file);
    expect(error.code).toBe('CORRUPTED');
    expect(error.detail).toBe(`segment 0 declares ${S + 1} bytes (at most ${S})`);
  });

  it('damaged framing is reported before the passphrase: a cut inside a segment, a length out of range', async () => {
    const file = await sealStream(recordSegments(twoGigabyteLine()).slice(0, 2), { clients: 1 });
    const preview = (bytes: Uint8Array) =>
      readBackupHeader(bytes, { maxSchemaVersion: SCHEMA_VERSION, checkFraming: true }).then(
        () => null,
        (error: BackupError) => error,
      );
    expect(await preview(file)).toBeNull();
    expect((await preview(file.slice(0, file.length - 5)))?.code).toBe('TRUNCATED');
    const bodyStart = 20 + new DataView(file.buffer).getUint32(12) + 32;
    const damaged = file.slice();
    writeUint32BE(damaged, bodyStart, 0);
    expect((await preview(damaged))?.code).toBe('CORRUPTED');
    // A cut exactly between two segments looks whole without the key: found once it is typed.
    const first = bodyStart + 4 + new DataView(file.buffer).getUint32(bodyStart) + 16;
    expect(await preview(file.slice(0, first))).toBeNull();
  });
});
