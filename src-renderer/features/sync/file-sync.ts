import { sha256 } from '@noble/hashes/sha2';
import type { Database, PouchError } from 'pouchdb-browser';
import type { Translate } from '../../../src-shared/i18n';
import {
  CHUNK_ATTACHMENT,
  decryptChunk,
  FILE_CHUNK_BYTES,
  type FileKeys,
} from '../../../src-shared/sync/file-crypto';
import { decryptDoc, documentId, type PracticeKeys } from '../../../src-shared/sync/sync-crypto';
import type { SyncedFile, SyncFiles } from '../../db/sync-files';
import {
  type ChunkRow,
  chunkIdsOf,
  chunkRows,
  deleteChunks,
  type FileShape,
  isLive,
  placesOf,
  sliceOf,
  writeChunks,
} from './file-chunks';
import { type FileIndexEntry, readFileIndex, writeFileIndex } from './file-index';
import { DELETED_LIST_DAYS } from './sync-engine';
import type { SyncView } from './sync-status';

/**
 * How long a removed document's chunks stay in the replica (and so on the server) after this
 * computer first found the document removed: the same 30 days a client's deletion is listed under
 * "Deleted on another computer". Why not at once: another computer may have signed the note the
 * document belongs to while the file was still arriving there; the signed note keeps the
 * document's row (the merge rule `mayRemoveDocument`), and without its chunks that computer's copy
 * would stay "arriving" for good. A computer away for longer than this can still lose it.
 */
export const REMOVED_FILE_GRACE_DAYS = DELETED_LIST_DAYS;
const REMOVED_FILE_GRACE_MS = REMOVED_FILE_GRACE_DAYS * 24 * 60 * 60 * 1000;

export interface FileSyncDeps {
  /** This computer's PouchDB replica (PouchDB replicates it with the server, chunks included). */
  local: Database;
  files: SyncFiles;
  keys: FileKeys;
  /** The records' keys of the same practice key: where a document's row is, and whether it was removed. */
  recordKeys: PracticeKeys;
  /**
   * A chunk's ciphertext as PouchDB takes an attachment: a Blob in the app (IndexedDB keeps it as
   * a file), a Buffer in Node's tests (PouchDB's Node adapters take no Blob).
   */
  attachmentData: (bytes: Uint8Array<ArrayBuffer>) => unknown;
  report: (change: (view: SyncView) => SyncView) => void;
  t: Translate;
  /** The clock a removed document's grace period is measured with (the real one in the app). */
  now: () => Date;
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
  /** Files of removed documents whose chunks this pass deleted (their grace period over). */
  removed: number;
  /** Files of removed documents whose chunks are kept for now (inside their grace period). */
  waiting: number;
}

/** What re-encrypting the files under a rotated key did. */
export interface ChunkRotation {
  /** Chunks written under the new key. */
  written: number;
  /** Chunk versions under the previous key marked deleted. */
  retired: number;
}

/**
 * The files of documents and photos, moved by practice sync beside the records
 * (src-shared/sync/file-crypto.ts says how they are encrypted and named).
 *
 * - Out: a document whose bytes are here gets every chunk it lacks in the replica: read a slice
 *   of the stored Blob at a time, encrypted, written a few chunks at a time. A file known to be
 *   whole in the replica is not looked at again while the app runs, unless one of its chunks is
 *   deleted in the replica (another computer removed the document, and it was kept here).
 * - In: a document whose row is here without its bytes ("arriving" on screen) is put together
 *   once every chunk is in the replica: each chunk decrypted (its additional data binds it to
 *   this document, this hash and this place), hashed as it goes (SHA-256, incremental), kept as a
 *   Blob of its own, and the file stored only when the whole matches the row's SHA-256. Memory
 *   holds one chunk of plaintext at a time; the Blobs hold the file once.
 * - Removed: a document this computer knew (its `_local` file index) that is gone from its tables
 *   and whose row in the replica is a removal (or was never sent) has its chunks deleted once
 *   `REMOVED_FILE_GRACE_DAYS` have passed since this computer first saw it so.
 * - Rotated: `rotateChunks` writes every file's chunks under the new key (a removed one's too while
 *   inside its grace period) and deletes the old ones.
 *
 * The records' engine (sync-engine.ts) leaves chunk documents alone; removal travels as the
 * document row's tombstone (the engine), and the file goes with its row.
 */
export class FileSync {
  private queue: Promise<unknown> = Promise.resolve();
  private wanted = false;
  /** `id sha256` of files whole in the replica. */
  private readonly whole = new Set<string>();
  /** The chunk ids of the files in `whole`, to forget a file when one of its chunks is deleted. */
  private readonly wholeChunks = new Map<string, string>();
  /** The replica's sequence up to which chunk deletions were looked at. */
  private seenSeq: number | string | undefined;
  /** `id sha256` -> the chunk revisions a refusal was reported for (reported once, not each pass). */
  private readonly refused = new Map<string, string>();

  constructor(private readonly deps: FileSyncDeps) {}

  /** Asks for a pass; passes run one at a time, and requests made during one share the next. */
  request(): Promise<FilePass | null> {
    this.wanted = true;
    return this.enqueue(() => {
      if (!this.wanted) return Promise.resolve(null);
      this.wanted = false;
      return this.pass();
    });
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async pass(): Promise<FilePass> {
    const result: FilePass = { sent: 0, stored: 0, arriving: 0, refused: 0, removed: 0, waiting: 0 };
    await this.forgetDeletedChunks();
    const here = await this.deps.files.withBytes();
    const documents = await this.deps.files.documents();
    for (const file of documents) {
      if (here.has(file.id)) {
        if (await this.send(file)) result.sent += 1;
        continue;
      }
      const outcome = await this.receive(file);
      if (outcome === 'stored') result.stored += 1;
      else if (outcome === 'refused') result.refused += 1;
      else result.arriving += 1;
    }
    const gone = await this.removeGoneFiles(documents);
    result.removed = gone.removed;
    result.waiting = gone.waiting;
    return result;
  }

  /**
   * A chunk of a file known to be whole was deleted in the replica since the last pass (another
   * computer removed the document, and a signed note kept it here): the file is checked again,
   * and its chunks written again.
   */
  private async forgetDeletedChunks(): Promise<void> {
    if (this.seenSeq === undefined) {
      this.seenSeq = (await this.deps.local.info()).update_seq;
      return;
    }
    const changes = await this.deps.local.changes({ since: this.seenSeq });
    for (const change of changes.results) {
      const known = change.deleted ? this.wholeChunks.get(change.id) : undefined;
      if (known) this.whole.delete(known);
    }
    this.seenSeq = changes.last_seq;
  }

  private markWhole(known: string, rows: readonly ChunkRow[]): void {
    this.whole.add(known);
    for (const row of rows) this.wholeChunks.set(row.key, known);
  }

  /** Writes the chunks the replica lacks; answers whether it wrote any. */
  private async send(file: SyncedFile): Promise<boolean> {
    const known = `${file.id} ${file.sha256}`;
    if (this.whole.has(known)) return false;
    const places = placesOf(file);
    const rows = await chunkRows(this.deps.local, this.deps.keys, places, false);
    const missing = rows.flatMap((row, i) => (isLive(row) ? [] : [i]));
    if (missing.length === 0) {
      this.markWhole(known, rows);
      return false;
    }
    const blob = await this.deps.files.bytes(file.id);
    if (!blob) return false; // removed since the pass began
    const written = await writeChunks(this.deps, places, rows, missing, (i) => sliceOf(blob, file.size, i));
    // A chunk another computer wrote meanwhile (the same file, the same id) is as good as ours.
    if (written.size === missing.length) this.markWhole(known, rows);
    return true;
  }

  private async receive(file: SyncedFile): Promise<'stored' | 'arriving' | 'refused'> {
    const places = placesOf(file);
    const rows = await chunkRows(this.deps.local, this.deps.keys, places, true);
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
    if (stored) this.markWhole(known, rows);
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

  // -------------------------------------------------------------------------------------------
  // Removed documents

  /**
   * Deletes the chunks of every file this computer knew whose document is gone from its tables
   * and whose row in the replica says it was removed (a removal or a client's deletion, written
   * here or applied from another computer) or was never sent, once the grace period is over:
   * the first pass that finds it so writes the moment into the file index, and a pass at least
   * `REMOVED_FILE_GRACE_DAYS` later deletes. A row that is live again meanwhile (a signed note
   * kept the document) clears the mark. Every computer that had the document does this on its
   * own clock; a deletion already made is not made again, so the same removal seen on three
   * computers deletes each chunk once. A document gone without a removal in the replica (a
   * restore that replaced the records) keeps its chunks: the other computers may still hold it.
   */
  private async removeGoneFiles(
    documents: readonly SyncedFile[],
  ): Promise<{ removed: number; waiting: number }> {
    const index = await readFileIndex(this.deps.local);
    let changed = false;
    const present = new Set<string>();
    for (const file of documents) {
      present.add(file.id);
      const entry = index.files[file.id];
      // A document here again (a signed note kept it) loses its removal mark with the rewrite.
      if (entry?.[0] === file.sha256 && entry[1] === file.size && entry.length === 2) continue;
      index.files[file.id] = [file.sha256, file.size];
      changed = true;
    }
    const now = this.deps.now().getTime();
    let removed = 0;
    let waiting = 0;
    for (const [id, entry] of Object.entries(index.files)) {
      if (present.has(id)) continue;
      const [sha, size, seenRemovedAt] = entry;
      const state = await this.rowState(id);
      if (state === 'unknown') continue;
      if (state === 'live') {
        if (seenRemovedAt !== undefined) {
          index.files[id] = [sha, size];
          changed = true;
        }
        continue;
      }
      // A mark later than now was made with a clock set ahead since corrected: the grace starts
      // again from now rather than last until that clock's date.
      if (seenRemovedAt === undefined || seenRemovedAt > now) {
        index.files[id] = [sha, size, now];
        changed = true;
        waiting += 1;
        continue;
      }
      if (!gracePassed(entry, now)) {
        waiting += 1;
        continue;
      }
      await deleteChunks(this.deps.local, await chunkIdsOf(this.deps.keys, { id, sha256: sha, size }));
      delete index.files[id];
      changed = true;
      removed += 1;
    }
    if (changed) await writeFileIndex(this.deps.local, index);
    return { removed, waiting };
  }

  /** The document's row in the replica: a live record, a removal (or never sent), or unreadable. */
  private async rowState(id: string): Promise<'live' | 'removed' | 'unknown'> {
    const docId = await documentId(this.deps.recordKeys, 'attachments', id);
    let doc: Awaited<ReturnType<Database['get']>>;
    try {
      doc = await this.deps.local.get(docId);
    } catch (error) {
      return (error as PouchError).status === 404 ? 'removed' : 'unknown';
    }
    const opened = await decryptDoc(this.deps.recordKeys, doc);
    if (!opened.ok) return 'unknown';
    return opened.body.deleted ? 'removed' : 'live';
  }

  /**
   * The files this computer has known (its file index): removed ones until their chunks went,
   * each with whether its grace period is over.
   */
  async knownFiles(): Promise<(FileShape & { gracePassed: boolean })[]> {
    const index = await readFileIndex(this.deps.local);
    const now = this.deps.now().getTime();
    return Object.entries(index.files).map(([id, entry]) => ({
      id,
      sha256: entry[0],
      size: entry[1],
      gracePassed: gracePassed(entry, now),
    }));
  }

  // -------------------------------------------------------------------------------------------
  // Rotation

  /**
   * After the practice key was rotated (key-rotation.ts, `finishRotation`): every file's chunks
   * under the new key, then the chunks under `previous` deleted. A document here gets each chunk
   * it lacks under the new key from its stored file, or, when its file has not arrived here,
   * from its chunk under the previous key (decrypted, checked as that chunk of that file, and
   * encrypted again); an old chunk is deleted only once its new one is in the replica, so
   * replication sends the new first and no file is left under a key no computer keeps. A
   * document removed here (still in the file index) is treated like one whose file has not
   * arrived while inside its grace period (a signed note elsewhere may still need it, and the
   * lost laptop's key must open nothing), and past it only loses its old chunks. Each step may
   * repeat: a rotation the app closed during does the rest at the next start.
   */
  rotateChunks(previous: FileKeys): Promise<ChunkRotation> {
    return this.enqueue(async () => {
      const result: ChunkRotation = { written: 0, retired: 0 };
      const here = await this.deps.files.withBytes();
      const documents = await this.deps.files.documents();
      const present = new Set(documents.map((file) => file.id));
      for (const file of documents) {
        const done = await this.reencrypt(file, previous, here.has(file.id));
        result.written += done.written;
        result.retired += done.retired;
      }
      for (const file of await this.knownFiles()) {
        if (present.has(file.id)) continue;
        if (file.gracePassed) {
          result.retired += await deleteChunks(this.deps.local, await chunkIdsOf(previous, file));
          continue;
        }
        const done = await this.reencrypt(file, previous, false);
        result.written += done.written;
        result.retired += done.retired;
      }
      return result;
    });
  }

  private async reencrypt(file: FileShape, previous: FileKeys, hasBytes: boolean): Promise<ChunkRotation> {
    const places = placesOf(file);
    const rows = await chunkRows(this.deps.local, this.deps.keys, places, false);
    const oldRows = await chunkRows(this.deps.local, previous, places, true);
    const missing = rows.flatMap((row, i) => (isLive(row) ? [] : [i]));
    const blob = hasBytes && missing.length > 0 ? await this.deps.files.bytes(file.id) : undefined;
    const written = await writeChunks(this.deps, places, rows, missing, async (i) => {
      if (blob) return sliceOf(blob, file.size, i);
      const old = oldRows[i]!;
      if (!isLive(old)) return null;
      const data = await this.deps.local.getAttachment(old.key, CHUNK_ATTACHMENT).catch(() => null);
      if (data === null) return null;
      const cipher = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
      return decryptChunk(previous, old.key, places[i]!, old.doc?.iv, cipher);
    });
    const retire = oldRows.filter((old, i) => isLive(old) && (isLive(rows[i]) || written.has(i)));
    const retired = await deleteChunks(
      this.deps.local,
      retire.map((old) => old.key),
    );
    return { written: written.size, retired };
  }
}

/**
 * Whether a file index entry's removal was first seen at least `REMOVED_FILE_GRACE_DAYS` before
 * `now` (an entry without a mark has not begun its grace period).
 */
function gracePassed(entry: FileIndexEntry, now: number): boolean {
  const seenRemovedAt = entry[2];
  return seenRemovedAt !== undefined && now - seenRemovedAt >= REMOVED_FILE_GRACE_MS;
}
