import { sha256 } from '@noble/hashes/sha2';
import type { Database, PouchDoc } from 'pouchdb-browser';
import type { Translate } from '../../../src-shared/i18n';
import {
  CHUNK_ATTACHMENT,
  type ChunkPlace,
  chunkCount,
  decryptChunk,
  encryptChunk,
  FILE_CHUNK_BYTES,
  FILE_CHUNK_FORMAT,
  type FileKeys,
  fileChunkId,
} from '../../../src-shared/sync/file-crypto';
import type { SyncedFile, SyncFiles } from '../../db/sync-files';
import type { SyncView } from './sync-status';

/** Chunks written to the replica per bulkDocs: a few hundred KB at a time, whatever the file. */
const CHUNKS_PER_WRITE = 8;

export interface FileSyncDeps {
  /** This computer's PouchDB replica (PouchDB replicates it with the server, chunks included). */
  local: Database;
  files: SyncFiles;
  keys: FileKeys;
  /**
   * A chunk's ciphertext as PouchDB takes an attachment: a Blob in the app (IndexedDB keeps it as
   * a file), a Buffer in Node's tests (PouchDB's Node adapters take no Blob).
   */
  attachmentData: (bytes: Uint8Array<ArrayBuffer>) => unknown;
  report: (change: (view: SyncView) => SyncView) => void;
  t: Translate;
}

/** What one pass did, for the tests and the status. */
export interface FilePass {
  /** Files whose missing chunks this pass wrote to the replica. */
  sent: number;
  /** Files that arrived whole, matched their SHA-256 and were stored. */
  stored: number;
  /** Documents whose row is here and whose file is not (yet): shown as "arriving". */
  arriving: number;
  /** Files refused: a chunk that does not decrypt as this file's, or a wrong checksum. */
  refused: number;
}

interface ChunkRow {
  key: string;
  value?: { rev: string; deleted?: boolean };
  doc?: PouchDoc;
  error?: string;
}

/**
 * The files of documents and photos, moved by practice sync beside the records
 * (src-shared/sync/file-crypto.ts says how they are encrypted and named).
 *
 * - Out: a document whose bytes are here gets every chunk it lacks in the replica: read a slice
 *   of the stored Blob at a time, encrypted, written a few chunks at a time. A file known to be
 *   whole in the replica is not looked at again while the app runs.
 * - In: a document whose row is here without its bytes ("arriving" on screen) is put together
 *   once every chunk is in the replica: each chunk decrypted (its additional data binds it to
 *   this document, this hash and this place), hashed as it goes (SHA-256, incremental), kept as a
 *   Blob of its own, and the file stored only when the whole matches the row's SHA-256. Memory
 *   holds one chunk of plaintext at a time; the Blobs hold the file once.
 *
 * The records' engine (sync-engine.ts) leaves chunk documents alone; removal travels as the
 * document row's tombstone (the engine), and the file goes with its row.
 */
export class FileSync {
  private queue: Promise<unknown> = Promise.resolve();
  private wanted = false;
  /** `id sha256` of files whole in the replica. */
  private readonly whole = new Set<string>();
  /** `id sha256` -> the chunk revisions a refusal was reported for (reported once, not each pass). */
  private readonly refused = new Map<string, string>();

  constructor(private readonly deps: FileSyncDeps) {}

  /** Asks for a pass; passes run one at a time, and requests made during one share the next. */
  request(): Promise<FilePass | null> {
    this.wanted = true;
    const next = this.queue.then(() => {
      if (!this.wanted) return null;
      this.wanted = false;
      return this.pass();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async pass(): Promise<FilePass> {
    const result: FilePass = { sent: 0, stored: 0, arriving: 0, refused: 0 };
    const here = await this.deps.files.withBytes();
    for (const file of await this.deps.files.documents()) {
      if (here.has(file.id)) {
        if (await this.send(file)) result.sent += 1;
        continue;
      }
      const outcome = await this.receive(file);
      if (outcome === 'stored') result.stored += 1;
      else if (outcome === 'refused') result.refused += 1;
      else result.arriving += 1;
    }
    return result;
  }

  private places(file: SyncedFile): ChunkPlace[] {
    const count = chunkCount(file.size);
    return Array.from({ length: count }, (_, index) => ({
      attachmentId: file.id,
      sha256: file.sha256,
      index,
      count,
    }));
  }

  private async chunkRows(places: readonly ChunkPlace[], includeDocs: boolean): Promise<ChunkRow[]> {
    const ids = await Promise.all(places.map((place) => fileChunkId(this.deps.keys, place)));
    const answer = await this.deps.local.allDocs({ keys: ids, include_docs: includeDocs });
    return answer.rows as unknown as ChunkRow[];
  }

  /** Writes the chunks the replica lacks; answers whether it wrote any. */
  private async send(file: SyncedFile): Promise<boolean> {
    const known = `${file.id} ${file.sha256}`;
    if (this.whole.has(known)) return false;
    const places = this.places(file);
    const rows = await this.chunkRows(places, false);
    const missing = rows.flatMap((row, i) => (row.value && !row.value.deleted ? [] : [i]));
    if (missing.length === 0) {
      this.whole.add(known);
      return false;
    }
    const blob = await this.deps.files.bytes(file.id);
    if (!blob) return false; // removed since the pass began
    let batch: PouchDoc[] = [];
    const flush = async () => {
      if (batch.length === 0) return true;
      const results = await this.deps.local.bulkDocs(batch);
      batch = [];
      return results.every((r) => r.ok);
    };
    let complete = true;
    for (const i of missing) {
      const place = places[i]!;
      const row = rows[i]!;
      const start = i * FILE_CHUNK_BYTES;
      const plain = new Uint8Array(
        await blob.slice(start, Math.min(start + FILE_CHUNK_BYTES, file.size)).arrayBuffer(),
      );
      const { iv, cipher } = await encryptChunk(this.deps.keys, row.key, place, plain);
      batch.push({
        _id: row.key,
        // A chunk removed earlier (a tombstone) is written again as its next revision.
        ...(row.value?.deleted ? { _rev: row.value.rev } : {}),
        v: FILE_CHUNK_FORMAT,
        iv,
        _attachments: {
          [CHUNK_ATTACHMENT]: {
            content_type: 'application/octet-stream',
            data: this.deps.attachmentData(cipher),
          },
        },
      });
      if (batch.length >= CHUNKS_PER_WRITE && !(await flush())) complete = false;
    }
    if (!(await flush())) complete = false;
    // A chunk another computer wrote meanwhile (the same file, the same id) is as good as ours.
    if (complete) this.whole.add(known);
    return true;
  }

  private async receive(file: SyncedFile): Promise<'stored' | 'arriving' | 'refused'> {
    const places = this.places(file);
    const rows = await this.chunkRows(places, true);
    if (rows.some((row) => !row.doc || row.value?.deleted)) return 'arriving';
    const known = `${file.id} ${file.sha256}`;
    const revisions = rows.map((row) => row.value?.rev ?? '').join(',');
    if (this.refused.get(known) === revisions) return 'refused';
    const hasher = sha256.create();
    const parts: Blob[] = [];
    for (const [i, row] of rows.entries()) {
      const place = places[i]!;
      const data = await this.deps.local.getAttachment(row.key, CHUNK_ATTACHMENT).catch(() => null);
      if (data === null) return 'arriving';
      const cipher = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
      const plain = await decryptChunk(this.deps.keys, row.key, place, row.doc?.iv, cipher);
      const expected =
        i < place.count - 1 ? FILE_CHUNK_BYTES : file.size - FILE_CHUNK_BYTES * (place.count - 1);
      if (!plain || plain.length !== expected) return this.refuse(known, revisions, row.key);
      hasher.update(plain);
      // Each chunk becomes a Blob of its own, so its plaintext can go; the file is those Blobs.
      parts.push(new Blob([plain as Uint8Array<ArrayBuffer>]));
    }
    const digest = Array.from(hasher.digest(), (b) => b.toString(16).padStart(2, '0')).join('');
    if (digest !== file.sha256) return this.refuse(known, revisions, rows[0]!.key);
    const stored = await this.deps.files.storeArrived(
      file.id,
      file.sha256,
      new Blob(parts, { type: file.mediaType }),
    );
    this.refused.delete(known);
    if (stored) this.whole.add(known);
    return stored ? 'stored' : 'arriving';
  }

  private refuse(known: string, revisions: string, chunkId: string): 'refused' {
    if (this.refused.get(known) !== revisions) {
      this.refused.set(known, revisions);
      const problem = { id: chunkId, message: this.deps.t('sync.problem.fileDamaged') };
      this.deps.report((view) => ({ ...view, problems: [...view.problems, problem].slice(-50) }));
    }
    return 'refused';
  }
}
