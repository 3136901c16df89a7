import type { Database } from 'pouchdb-browser';

/**
 * This computer's list of the files it has known, kept in its replica as a `_local` document
 * (never replicated, never in a backup): each document's id, SHA-256 and size, which name its
 * chunks (file-crypto.ts). A document removed here, or removed elsewhere and applied here, has
 * no row left to name them by; the list does, until its chunks are deleted (file-sync.ts).
 */
const FILE_INDEX_DOC = '_local/stillpoint-files';

/**
 * A document's entry: its SHA-256 and size, and, once this computer found the document gone with
 * a removal in the replica, when it first saw that (milliseconds since 1970, this computer's
 * clock): its chunks wait out the grace period from then (file-sync.ts, `REMOVED_FILE_GRACE_DAYS`).
 */
export type FileIndexEntry =
  | [sha256: string, size: number]
  | [sha256: string, size: number, seenRemovedAt: number];

export interface FileIndex {
  rev?: string;
  /** Document id -> its entry. */
  files: Record<string, FileIndexEntry>;
}

/**
 * The list as stored (entries that are not an id with a hash and a size are left out; a removal
 * time that is not a finite number is dropped, so the grace period starts again rather than end).
 */
export async function readFileIndex(local: Database): Promise<FileIndex> {
  const doc = await local.get(FILE_INDEX_DOC).catch(() => null);
  const files = doc && typeof doc.files === 'object' && doc.files !== null ? doc.files : {};
  const valid: FileIndex['files'] = {};
  for (const [id, entry] of Object.entries(files as Record<string, unknown>)) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number') continue;
    valid[id] =
      typeof entry[2] === 'number' && Number.isFinite(entry[2])
        ? [entry[0], entry[1], entry[2]]
        : [entry[0], entry[1]];
  }
  return { ...(doc?._rev ? { rev: doc._rev } : {}), files: valid };
}

export async function writeFileIndex(local: Database, index: FileIndex): Promise<void> {
  await local.put({
    _id: FILE_INDEX_DOC,
    ...(index.rev ? { _rev: index.rev } : {}),
    files: index.files,
  });
}
