import type { Database, PouchDoc } from 'pouchdb-browser';
import {
  CHUNK_ATTACHMENT,
  type ChunkPlace,
  chunkCount,
  encryptChunk,
  FILE_CHUNK_BYTES,
  FILE_CHUNK_FORMAT,
  type FileKeys,
  fileChunkId,
} from '../../../src-shared/sync/file-crypto';
import type { SyncedFile } from '../../db/sync-files';

/**
 * The chunk documents of one file in this computer's replica: naming them, writing the missing
 * ones and deleting them. Shared by the file pass (file-sync.ts), the removal of a removed
 * document's chunks, and the re-encryption of every file when the practice key is rotated.
 */

/** Chunks written to the replica per bulkDocs: a few hundred KB at a time, whatever the file. */
const CHUNKS_PER_WRITE = 8;
/** Deletions per bulkDocs (tombstones are a few bytes each). */
const DELETIONS_PER_WRITE = 500;

/** What a file is to its chunks: its id, its SHA-256 and its size. */
export type FileShape = Pick<SyncedFile, 'id' | 'sha256' | 'size'>;

export interface ChunkRow {
  key: string;
  value?: { rev: string; deleted?: boolean };
  doc?: PouchDoc;
  error?: string;
}

/** Whether the replica holds a live (not deleted) version of this chunk. */
export function isLive(row: ChunkRow | undefined): boolean {
  return Boolean(row?.value && !row.value.deleted);
}

/** The places of a file's chunks, in order. */
export function placesOf(file: FileShape): ChunkPlace[] {
  const count = chunkCount(file.size);
  return Array.from({ length: count }, (_, index) => ({
    attachmentId: file.id,
    sha256: file.sha256,
    index,
    count,
  }));
}

/** The replica's rows for these places under `keys` (one per place, in order). */
export async function chunkRows(
  local: Database,
  keys: FileKeys,
  places: readonly ChunkPlace[],
  includeDocs: boolean,
): Promise<ChunkRow[]> {
  const ids = await Promise.all(places.map((place) => fileChunkId(keys, place)));
  const answer = await local.allDocs({ keys: ids, include_docs: includeDocs });
  return answer.rows as unknown as ChunkRow[];
}

/** The plaintext of chunk `index` of a file read from its stored Blob, a slice at a time. */
export async function sliceOf(blob: Blob, size: number, index: number): Promise<Uint8Array> {
  const start = index * FILE_CHUNK_BYTES;
  return new Uint8Array(await blob.slice(start, Math.min(start + FILE_CHUNK_BYTES, size)).arrayBuffer());
}

export interface ChunkWrite {
  local: Database;
  keys: FileKeys;
  /** A chunk's ciphertext as PouchDB takes an attachment (a Blob in the app, a Buffer in Node). */
  attachmentData: (bytes: Uint8Array<ArrayBuffer>) => unknown;
}

/**
 * Encrypts and writes the chunks at `indexes` of `places` (whose rows under the same keys are
 * `rows`), a few at a time; `plainOf` answers each chunk's plaintext, or null to leave it out.
 * Answers the indexes written. A chunk deleted earlier is written again as its next revision.
 */
export async function writeChunks(
  write: ChunkWrite,
  places: readonly ChunkPlace[],
  rows: readonly ChunkRow[],
  indexes: readonly number[],
  plainOf: (index: number) => Promise<Uint8Array | null>,
): Promise<Set<number>> {
  const written = new Set<number>();
  let batch: { index: number; doc: PouchDoc }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const results = await write.local.bulkDocs(batch.map((item) => item.doc));
    for (const [i, result] of results.entries()) if (result.ok) written.add(batch[i]!.index);
    batch = [];
  };
  for (const i of indexes) {
    const plain = await plainOf(i);
    if (!plain) continue;
    const row = rows[i]!;
    const { iv, cipher } = await encryptChunk(write.keys, row.key, places[i]!, plain);
    batch.push({
      index: i,
      doc: {
        _id: row.key,
        ...(row.value?.deleted ? { _rev: row.value.rev } : {}),
        v: FILE_CHUNK_FORMAT,
        iv,
        _attachments: {
          [CHUNK_ATTACHMENT]: {
            content_type: 'application/octet-stream',
            data: write.attachmentData(cipher),
          },
        },
      },
    });
    if (batch.length >= CHUNKS_PER_WRITE) await flush();
  }
  await flush();
  return written;
}

/**
 * Marks deleted, in the replica, every live version of the chunks named `ids` (conflicting
 * versions too: a chunk two computers wrote at once); replication carries the tombstones to the
 * server, which keeps only the id and revision. A chunk already deleted, or never here, is left
 * as it is, so this may run any number of times. Answers how many versions it deleted.
 */
export async function deleteChunks(local: Database, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const answer = await local.allDocs({ keys: [...ids], include_docs: true, conflicts: true });
  // Round n holds the n-th live version of each chunk: one write never names a document twice.
  const rounds: PouchDoc[][] = [];
  for (const row of answer.rows as unknown as ChunkRow[]) {
    if (!row.doc || row.value?.deleted) continue;
    const revisions = [row.doc._rev, ...(row.doc._conflicts ?? [])];
    for (const [round, rev] of revisions.entries()) {
      if (!rev) continue;
      const list = rounds[round] ?? [];
      list.push({ _id: row.key, _rev: rev, _deleted: true });
      rounds[round] = list;
    }
  }
  let count = 0;
  for (const deletions of rounds) {
    for (let i = 0; i < deletions.length; i += DELETIONS_PER_WRITE) {
      const results = await local.bulkDocs(deletions.slice(i, i + DELETIONS_PER_WRITE));
      count += results.filter((result) => result.ok).length;
    }
  }
  return count;
}

/** The ids of every chunk of `file` under `keys`. */
export function chunkIdsOf(keys: FileKeys, file: FileShape): Promise<string[]> {
  return Promise.all(placesOf(file).map((place) => fileChunkId(keys, place)));
}
