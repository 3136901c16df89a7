import Dexie, { type IndexableType } from 'dexie';
import { BackupSnapshotReader } from './backup-snapshot';
import { type StillpointDatabase, TABLE_NAMES, type TableName } from './database';
import { BLOB_TABLES } from './table-names';

type Row = Record<string, unknown>;

/** Keys read at a time when looking for what to delete. */
const DELETE_PAGE_KEYS = 5_000;

/**
 * Deletes every row of `table` whose key `keep` lacks, reading the keys a page at a time in key
 * order: the whole table's keys (433,376 audit entries at 10,000 clients) are never one array
 * in memory, which raised the restore's peak heap at its very end. Deleting the rows of a page
 * does not move the next page, which starts above the last key read.
 */
export async function deleteAllExcept(
  table: Dexie.Table,
  keep: { has(key: string): boolean },
  pageKeys = DELETE_PAGE_KEYS,
): Promise<number> {
  let deleted = 0;
  let after: IndexableType | undefined;
  for (;;) {
    const page = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
    const keys = await page.limit(pageKeys).primaryKeys();
    const doomed = keys.filter((key) => !keep.has(String(key)));
    if (doomed.length > 0) await table.bulkDelete(doomed);
    deleted += doomed.length;
    if (keys.length < pageKeys) return deleted;
    after = keys[keys.length - 1]!;
  }
}

/** What a restore may do inside its one transaction. */
export interface RestoreTransaction {
  /** Stores rows (already converted with the table's `toRow`), replacing any with the same key. */
  put(table: TableName, rows: readonly Row[]): Promise<void>;
  /** Deletes every row of `table` whose key is not in `keep`; answers how many went. */
  deleteAllExcept(table: TableName, keep: { has(key: string): boolean }): Promise<number>;
  /**
   * Runs work that is not IndexedDB (decrypting the next batch of the file) without letting
   * the transaction commit meanwhile (Dexie.waitFor), outside the transaction's zone.
   */
  outside<T>(work: () => Promise<T>): Promise<T>;
  /** Whether a file's bytes are stored under this attachment id. */
  hasFile(id: string): Promise<boolean>;
  /** Whether a record with this key is stored in `table` (as this transaction sees it). */
  hasRecord(table: TableName, key: string): Promise<boolean>;
  /** Stores a file's bytes (checked against its record already) under its attachment id. */
  putFile(id: string, data: Blob): Promise<void>;
  /** Deletes the stored bytes of every attachment not in `keep`; answers how many went. */
  deleteFilesExcept(keep: { has(key: string): boolean }): Promise<number>;
}

/**
 * The restore's front door to the data: the reads a restore plan compares against, and one
 * read-write transaction over every table (and the files' bytes) for the write, so a restore is
 * all or nothing. The
 * reads join that transaction when called inside it (Dexie's zones), so a merge compares with
 * what the transaction sees.
 */
export class RestoreWriter {
  /** The current records, for the safety backup made before "Replace all". */
  readonly snapshot: BackupSnapshotReader;

  constructor(private readonly db: StillpointDatabase) {
    this.snapshot = new BackupSnapshotReader(db);
  }

  countsByTable(): Promise<Record<TableName, number>> {
    return this.snapshot.countsByTable();
  }

  /** The ids in `ids` of clients not on this computer. */
  missingClients(ids: readonly string[]): Promise<string[]> {
    return this.db.clients.bulkGet([...ids]).then((here) => ids.filter((_, i) => here[i] === undefined));
  }

  /** One client's stored row (for naming them), or undefined. */
  client(id: string): Promise<Row | undefined> {
    return this.db.clients.get(id) as Promise<Row | undefined>;
  }

  /**
   * Session notes kept beside an original by an earlier merge (`conflictCopyOf`). There is no
   * index on the field, so the table is scanned: callers ask once per restore.
   */
  conflictCopies(): Promise<Row[]> {
    return this.db.sessions.filter((row) => typeof row.conflictCopyOf === 'string').toArray() as Promise<
      Row[]
    >;
  }

  /** The stored rows of `table` with these primary keys (the ones that exist). */
  recordsByKey(table: TableName, keys: readonly string[]): Promise<Row[]> {
    return this.db
      .table(table)
      .bulkGet([...keys])
      .then((found: (Row | undefined)[]) => found.filter((row): row is Row => row !== undefined));
  }

  /**
   * One read-write transaction over every table. A throw, a cancel or a crash inside `work`
   * aborts it and IndexedDB rolls every table back.
   */
  inOneTransaction<T>(work: (tx: RestoreTransaction) => Promise<T>): Promise<T> {
    const db = this.db;
    const tx: RestoreTransaction = {
      put: (table, rows) =>
        db
          .table(table)
          .bulkPut([...rows])
          .then(() => undefined),
      deleteAllExcept: (table, keep) => deleteAllExcept(db.table(table), keep),
      outside: (run) => Dexie.waitFor(Dexie.ignoreTransaction(run)),
      hasFile: (id) => db.attachmentBlobs.get(id).then((row) => row !== undefined),
      hasRecord: (table, key) =>
        db
          .table(table)
          .where(':id')
          .equals(key)
          .count()
          .then((n) => n > 0),
      putFile: (id, data) => db.attachmentBlobs.put({ id, data }).then(() => undefined),
      deleteFilesExcept: (keep) => deleteAllExcept(db.attachmentBlobs, keep),
    };
    const tables = [...TABLE_NAMES, ...BLOB_TABLES].map((name) => db.table(name));
    // An async function on purpose: Dexie keeps native awaits inside the transaction only then.
    return db.transaction('rw', tables, async () => await work(tx));
  }
}
