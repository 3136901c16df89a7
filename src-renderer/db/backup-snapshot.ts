import type { IndexableType } from 'dexie';
import type { RecordBatch } from '../../src-shared/backup';
import { BACKUP_TABLES, type TableSpec } from './backup-tables';
import { CURRENT_SCHEMA_VERSION, type StillpointDatabase, TABLE_NAMES, type TableName } from './database';

/** Records per read: large enough to be fast, small enough to keep memory flat. */
export const PAGE_SIZE = 2_000;

/**
 * The backup's front door to the data: what a backup reads, and nothing else. Every table is
 * read a page at a time by primary key, as backup records (index-only fields left out, bytes
 * encoded: `TABLE_SPECS` in backup-tables.ts).
 *
 * Pages are separate read transactions, so the file is not one snapshot: a record saved while a
 * backup runs may or may not be in it (each record is whole either way).
 */
export class BackupSnapshotReader {
  /** The schema version of the records read, written into the backup header. */
  readonly schemaVersion = CURRENT_SCHEMA_VERSION;

  constructor(private readonly db: StillpointDatabase) {}

  /** The IndexedDB name, for noticing the writes to it (change-feed.ts). */
  get databaseName(): string {
    return this.db.name;
  }

  /** Records per table, for progress and for the header's counts. */
  async countsByTable(): Promise<Record<TableName, number>> {
    const counts = {} as Record<TableName, number>;
    for (const name of TABLE_NAMES) counts[name] = await this.db.table(name).count();
    return counts;
  }

  /** Whether there is nothing at all to back up. */
  async isEmpty(): Promise<boolean> {
    return Object.values(await this.countsByTable()).every((n) => n === 0);
  }

  /** Whether there are no records but settings (nothing a therapist wrote about a client). */
  async hasOnlySettings(): Promise<boolean> {
    const counts = await this.countsByTable();
    return Object.entries(counts).every(([table, n]) => table === 'settings' || n === 0);
  }

  /** The oldest change still on record (clients and notes), the start of "no backup since". */
  async oldestChangeAt(): Promise<string | null> {
    const client = await this.db.clients.orderBy('updatedAt').first();
    const session = await this.db.sessions.orderBy('updatedAt').first();
    const times = [client?.updatedAt, session?.updatedAt].filter(
      (time): time is string => typeof time === 'string' && time !== '',
    );
    return times.length > 0 ? times.sort()[0]! : null;
  }

  /**
   * Every table, `pageSize` rows per read transaction in primary-key order, as backup records.
   * The next page is already being read while the caller compresses this one: IndexedDB does its
   * part off the main thread, so the wait mostly disappears. Stops between pages when `signal`
   * is aborted.
   */
  async *pages(options: { pageSize?: number; signal?: AbortSignal } = {}): AsyncGenerator<RecordBatch> {
    const pageSize = options.pageSize ?? PAGE_SIZE;
    const readPage = (spec: TableSpec, after: IndexableType | undefined) => {
      const table = this.db.table(spec.name);
      const collection = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
      return collection.limit(pageSize).toArray() as Promise<Record<string, unknown>[]>;
    };
    let index = 0;
    let pending: Promise<Record<string, unknown>[]> | null = readPage(BACKUP_TABLES[0]!, undefined);
    while (pending) {
      const spec = BACKUP_TABLES[index]!;
      const rows = await pending;
      if (options.signal?.aborted) {
        pending?.catch(() => {}); // a read already started is let go
        return; // the writer reports the cancel
      }
      const last = rows.length === pageSize ? (rows[rows.length - 1]![spec.key] as IndexableType) : undefined;
      if (last !== undefined) pending = readPage(spec, last);
      else {
        index++;
        pending = index < BACKUP_TABLES.length ? readPage(BACKUP_TABLES[index]!, undefined) : null;
      }
      if (rows.length > 0) yield { table: spec.name, records: rows.map(spec.toBackup) };
    }
  }
}
