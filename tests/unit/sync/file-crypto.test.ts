import { describe, expect, it } from 'vitest';
import {
  type ChunkPlace,
  chunkCount,
  decryptChunk,
  deriveFileKeys,
  encryptChunk,
  FILE_CHUNK_BYTES,
  fileChunkId,
  isFileChunkId,
} from '../../../src-shared/sync/file-crypto';
import { createPracticeKey } from '../../../src-shared/sync/practice-key';
import { derivePracticeKeys, documentId } from '../../../src-shared/sync/sync-crypto';

const SHA = 'a'.repeat(64);
const place = (index: number, attachmentId = 'doc-1', count = 3): ChunkPlace => ({
  attachmentId,
  sha256: SHA,
  index,
  count,
});

describe('file chunk encryption', () => {
  it('counts chunks, at least one', () => {
    expect(chunkCount(1)).toBe(1);
    expect(chunkCount(FILE_CHUNK_BYTES)).toBe(1);
    expect(chunkCount(FILE_CHUNK_BYTES + 1)).toBe(2);
    expect(chunkCount(50 * 1024 * 1024)).toBe(800);
  });

  it('names a chunk the same on every computer of the practice, and differently per place and practice', async () => {
    const key = createPracticeKey();
    const one = await deriveFileKeys(key);
    const two = await deriveFileKeys(key);
    const other = await deriveFileKeys(createPracticeKey());
    const id = await fileChunkId(one, place(0));
    expect(isFileChunkId(id)).toBe(true);
    expect(await fileChunkId(two, place(0))).toBe(id);
    expect(await fileChunkId(one, place(1))).not.toBe(id);
    expect(await fileChunkId(one, place(0, 'doc-2'))).not.toBe(id);
    expect(await fileChunkId(one, { ...place(0), sha256: 'b'.repeat(64) })).not.toBe(id);
    expect(await fileChunkId(other, place(0))).not.toBe(id);
    // A record's id never looks like a chunk's, so the records' engine can leave chunks alone.
    expect(isFileChunkId(await documentId(await derivePracticeKeys(key), 'attachments', 'doc-1'))).toBe(
      false,
    );
    expect(isFileChunkId('stillpoint-practice')).toBe(false);
  });

  it('decrypts a chunk only as the chunk it was: not moved to another document, place or id', async () => {
    const keys = await deriveFileKeys(createPracticeKey());
    const plain = new TextEncoder().encode('%PDF-1.7 a clearance letter for Ingeborg');
    const id = await fileChunkId(keys, place(1));
    const { iv, cipher } = await encryptChunk(keys, id, place(1), plain);
    expect(new TextDecoder().decode(cipher)).not.toContain('Ingeborg');
    expect(await decryptChunk(keys, id, place(1), iv, cipher)).toEqual(plain);
    // Another place in the same file, another document, another file hash, another id.
    expect(await decryptChunk(keys, id, place(2), iv, cipher)).toBeNull();
    expect(await decryptChunk(keys, id, place(1, 'doc-2'), iv, cipher)).toBeNull();
    expect(await decryptChunk(keys, id, { ...place(1), count: 2 }, iv, cipher)).toBeNull();
    expect(await decryptChunk(keys, await fileChunkId(keys, place(0)), place(1), iv, cipher)).toBeNull();
    // Another practice's key, a flipped bit, a missing or wrong nonce, an oversized chunk.
    expect(
      await decryptChunk(await deriveFileKeys(createPracticeKey()), id, place(1), iv, cipher),
    ).toBeNull();
    const flipped = cipher.slice();
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(await decryptChunk(keys, id, place(1), iv, flipped)).toBeNull();
    expect(await decryptChunk(keys, id, place(1), undefined, cipher)).toBeNull();
    expect(await decryptChunk(keys, id, place(1), 'AAAA', cipher)).toBeNull();
    expect(await decryptChunk(keys, id, place(1), iv, new Uint8Array(FILE_CHUNK_BYTES + 17))).toBeNull();
  });

  it('uses a key of its own: a record key does not open a chunk', async () => {
    const practiceKey = createPracticeKey();
    const keys = await deriveFileKeys(practiceKey);
    const records = await derivePracticeKeys(practiceKey);
    const id = await fileChunkId(keys, place(0));
    const { iv, cipher } = await encryptChunk(keys, id, place(0), new Uint8Array([1, 2, 3]));
    expect(
      await decryptChunk({ ...keys, encryption: records.encryption }, id, place(0), iv, cipher),
    ).toBeNull();
  });
});
