import { constants, deflateSync } from 'node:zlib';
import { concatBytes } from '../../../src-shared/backup/bytes';
import { sealSegments } from '../../../src-shared/backup/writer';
import { SCHEMA_VERSION, testKey } from './helpers';

/**
 * Crafted backups from the hostile-input review (issue 13, finding 3): authentic files (the
 * right passphrase, every segment authenticates) whose body is built to exhaust the reader.
 * Each is small on disk and huge unpacked. Node's zlib builds them, so making one is cheap.
 */

/** Seals an authentic file around already-compressed body bytes, cut into `segmentSize` segments. */
export async function sealCompressed(
  compressed: Uint8Array,
  counts: Record<string, number>,
  segmentSize = 1 << 20,
): Promise<Uint8Array<ArrayBuffer>> {
  const segments: Uint8Array<ArrayBuffer>[] = [];
  for (let i = 0; i < compressed.length; i += segmentSize)
    segments.push(compressed.slice(i, i + segmentSize));
  const written = await sealSegments({
    key: await testKey(),
    appVersion: '0.1.0',
    schemaVersion: SCHEMA_VERSION,
    createdAt: '2025-11-26T09:30:00.000Z',
    counts,
    segmentSize,
    segments,
  });
  return concatBytes(written.chunks);
}

/** zlib (RFC 1950) at the best ratio. */
function zlibBest(text: Uint8Array): Uint8Array {
  return new Uint8Array(deflateSync(text, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 }));
}

function repeated(unit: string, times: number): Uint8Array {
  return new Uint8Array(Buffer.from(unit.repeat(times)));
}

/**
 * A deflate bomb: one record whose string field is `megabytes` MB of the same letter. Deflate
 * packs it about 1000 to 1, so 64 MB of text is about 64 KB of file.
 */
export async function deflateBombFile(megabytes = 64): Promise<Uint8Array<ArrayBuffer>> {
  const body = concatBytes([
    new Uint8Array(Buffer.from('{"t":"clients","r":{"id":"c1","notes":"')),
    repeated('A', megabytes * 1024 * 1024),
    new Uint8Array(Buffer.from('"}}\n')),
  ]);
  return sealCompressed(zlibBest(body), { clients: 1 });
}

/** `count` copies of one record line: the header lists them all, so only the keys give it away. */
export async function identicalRecordsFile(count = 2_000_000): Promise<Uint8Array<ArrayBuffer>> {
  const line = '{"t":"clients","r":{"id":"c1","updatedAt":"2025-01-02T10:00:00.000Z"}}\n';
  return sealCompressed(zlibBest(repeated(line, count)), { clients: count });
}

/**
 * Distinct, well-formed records that each carry `padKb` KB of one repeated letter: every line is
 * short enough and every id unique, so only the limit on unpacked bytes stops it.
 */
export async function compressibleRecordsFile(
  records: number,
  padKb: number,
  segmentSize: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const pad = 'A'.repeat(padKb * 1024);
  const lines: string[] = [];
  for (let i = 0; i < records; i++) lines.push(`{"t":"clients","r":{"id":"c${i}","pad":"${pad}"}}\n`);
  return sealCompressed(
    zlibBest(new Uint8Array(Buffer.from(lines.join('')))),
    { clients: records },
    segmentSize,
  );
}

/** One record line of `megabytes` MB of varied text (compresses only about 2 to 1). */
export async function longLineFile(megabytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const chars = megabytes * 1024 * 1024;
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let state = 12345;
  const text = new Uint8Array(chars);
  for (let i = 0; i < chars; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    text[i] = alphabet.charCodeAt(state % alphabet.length);
  }
  const body = concatBytes([
    new Uint8Array(Buffer.from('{"t":"clients","r":{"id":"c1","notes":"')),
    text,
    new Uint8Array(Buffer.from('"}}\n')),
  ]);
  return sealCompressed(zlibBest(body), { clients: 1 });
}
