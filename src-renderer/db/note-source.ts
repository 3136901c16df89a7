import type { StillpointDatabase } from './database';

type Row = Record<string, unknown>;

/**
 * Note search's front door to the records: it reads session notes (to index them, and to
 * re-check every hit against the note as stored) and client names, and never writes. The index
 * itself lives in its own database (note-index-db.ts).
 */
export class NoteSource {
  constructor(private readonly db: StillpointDatabase) {}

  /** The IndexedDB name, for telling this database's changes from others' (change-feed.ts). */
  get databaseName(): string {
    return this.db.name;
  }

  /** Every stored note: one scan of the store. */
  countNotes(): Promise<number> {
    return this.db.sessions.count();
  }

  /**
   * The first and last `size` note ids in key order: two key reads of a few entries, where a
   * count of the notes would scan every stored note.
   */
  async fingerprint(size: number): Promise<string[]> {
    const [first, last] = await Promise.all([
      this.db.sessions.orderBy(':id').limit(size).primaryKeys(),
      this.db.sessions.orderBy(':id').reverse().limit(size).primaryKeys(),
    ]);
    return [...first, ...last] as string[];
  }

  /** Up to `pageSize` notes in key order, after the key `after` (from the start without one). */
  notesAfter(after: string | undefined, pageSize: number): Promise<Row[]> {
    const collection =
      after === undefined ? this.db.sessions.orderBy(':id') : this.db.sessions.where(':id').above(after);
    return collection.limit(pageSize).toArray();
  }

  /** Notes saved after `watermark` (an updatedAt), through the updatedAt index. */
  notesChangedSince(watermark: string): Promise<Row[]> {
    return this.db.sessions.where('updatedAt').above(watermark).toArray();
  }

  countNotesChangedSince(watermark: string): Promise<number> {
    return this.db.sessions.where('updatedAt').above(watermark).count();
  }

  /** The notes with these ids, undefined where one is gone. */
  notes(ids: readonly string[]): Promise<(Row | undefined)[]> {
    return this.db.sessions.bulkGet([...ids]);
  }

  /** The clients with these ids, undefined where one is gone. */
  clients(ids: readonly string[]): Promise<(Row | undefined)[]> {
    return this.db.clients.bulkGet([...ids]);
  }
}
