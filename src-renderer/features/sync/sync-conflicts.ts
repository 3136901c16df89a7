import type { Database } from 'pouchdb-browser';

/**
 * Conflicts CouchDB reported and the merge rules resolved, kept until a person has seen them
 * (the "Sync conflicts" screen).
 *
 * - `signed-note`: two versions of one note, at least one signed, met; both are kept: the note
 *   under its id and the other version as a conflict copy. Every computer keeps the same version
 *   under the id and makes the same copy id, so the entry's id is the same on every computer.
 * - `newer-kept`: a record that may change was changed on two computers; the newer version was
 *   kept and the other CouchDB revisions (`losingRevisions`) stay in this computer's replica, so
 *   the screen can still show them, until "Seen" removes them.
 *
 * Where it lives: a `_local` document of this computer's sync replica, beside the replication
 * checkpoint. `_local` documents never replicate, so the list is this computer's own (each
 * computer's user marks it seen there); it survives a reload, holds ids and revision names only
 * (never a record's text: the losing versions are read from the replica when shown), and is
 * not a record of the practice, so it is not in the database, a backup or an export.
 */
export interface SyncConflict {
  id: string;
  kind: 'signed-note' | 'newer-kept';
  table: string;
  key: string;
  clientId?: string;
  /** The client's name as this computer knows it, when the record belongs to a client. */
  label?: string;
  /** When this computer found it. */
  foundAt: string;
  /** The replica's document and the revisions that lost (newer-kept). */
  docId?: string;
  losingRevisions?: string[];
  /** signed-note: the note that keeps the id, and the copy of the other version. */
  noteId?: string;
  copyId?: string;
}

interface Stored {
  entries: SyncConflict[];
  /** Ids already marked seen, so a copy arriving again does not list the conflict again. */
  seen: string[];
}

const DOC_ID = '_local/stillpoint-conflicts';
const MAX_SEEN = 2_000;

export class SyncConflictLog {
  constructor(private readonly db: Database) {}

  private async load(): Promise<{ rev?: string; stored: Stored }> {
    const doc = await this.db.get(DOC_ID).catch(() => null);
    if (!doc) return { stored: { entries: [], seen: [] } };
    const entries = Array.isArray(doc.entries) ? (doc.entries as SyncConflict[]) : [];
    const seen = Array.isArray(doc.seen) ? (doc.seen as string[]) : [];
    return { ...(doc._rev ? { rev: doc._rev } : {}), stored: { entries, seen } };
  }

  private async save(rev: string | undefined, stored: Stored): Promise<void> {
    await this.db.put({ _id: DOC_ID, ...(rev ? { _rev: rev } : {}), ...stored });
  }

  async list(): Promise<SyncConflict[]> {
    return (await this.load()).stored.entries;
  }

  /** Adds the conflicts not listed or seen yet; answers the whole list, newest first. */
  async add(found: readonly SyncConflict[]): Promise<SyncConflict[]> {
    const { rev, stored } = await this.load();
    const known = new Set([...stored.entries.map((entry) => entry.id), ...stored.seen]);
    const fresh = found.filter((entry) => !known.has(entry.id) && known.add(entry.id));
    if (fresh.length === 0) return stored.entries;
    const entries = [...fresh, ...stored.entries];
    await this.save(rev, { ...stored, entries });
    return entries;
  }

  /** Takes a conflict off the list for good; answers what it was (or null) and the list left. */
  async markSeen(id: string): Promise<{ removed: SyncConflict | null; entries: SyncConflict[] }> {
    const { rev, stored } = await this.load();
    const removed = stored.entries.find((entry) => entry.id === id) ?? null;
    const entries = stored.entries.filter((entry) => entry.id !== id);
    const seen = [...stored.seen.filter((s) => s !== id), id].slice(-MAX_SEEN);
    await this.save(rev, { entries, seen });
    return { removed, entries };
  }
}
