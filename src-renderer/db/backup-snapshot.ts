import Dexie, { type IndexableType } from 'dexie';
import type { BackupFileEntry, RecordBatch } from '../../src-shared/backup';
import { BACKUP_TABLES, type TableSpec } from './backup-tables';
import { CURRENT_SCHEMA_VERSION, type StillpointDatabase, TABLE_NAMES, type TableName } from './database';
import { BLOB_TABLES } from './table-names';

/** Everything a version 2 backup is made of, read in one read transaction (`withSnapshot`). */
export interface PracticeSnapshot {
  /** Records per table, exactly the number `pages` yields. */
  counts: Record<TableName, number>;
  /** The first and last date of service, for the header. */
  dateRange?: { table: 'sessions'; field: 'serviceDate'; first: string; last: string };
  /** Every table a page at a time, as backup records; pull it once. */
  pages: AsyncIterable<RecordBatch>;
  /** One per `attachments` record: its size and SHA-256, and its stored bytes (a Blob handle). */
  files: { table: 'attachments'; count: number; bytes: number; entries: BackupFileEntry[] };
}

/** How long one page may wait for the writer before the read gives up (a stuck disk, say). */
const PAGE_HANDOFF_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Pages handed from the read transaction to the writer, at most two ahead: the reader waits
 * (keeping the transaction open with Dexie.waitFor) until the writer has taken one.
 */
class PageHandoff implements AsyncIterable<RecordBatch> {
  private readonly queue: RecordBatch[] = [];
  private closed = false;
  private failure: unknown = null;
  private wakeReader: (() => void) | null = null;
  private wakeWriter: (() => void) | null = null;

  /** Resolves once there is room; rejects when the writer has given up. */
  async put(batch: RecordBatch): Promise<void> {
    if (this.failure) throw this.failure;
    this.queue.push(batch);
    this.wakeWriter?.();
    while (this.queue.length >= 2) {
      await new Promise<void>((resolve) => {
        this.wakeReader = resolve;
      });
      if (this.failure) throw this.failure;
    }
  }

  close(): void {
    this.closed = true;
    this.wakeWriter?.();
  }

  /** Either side failed: the other stops at its next step. */
  fail(error: unknown): void {
    this.failure ??= error;
    this.wakeReader?.();
    this.wakeWriter?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordBatch> {
    try {
      for (;;) {
        if (this.failure) throw this.failure;
        const next = this.queue.shift();
        if (next) {
          this.wakeReader?.();
          yield next;
          continue;
        }
        if (this.closed) return;
        await new Promise<void>((resolve) => {
          this.wakeWriter = resolve;
        });
      }
    } finally {
      // The writer stopped early (an error, a cancel): the reader must not wait for it.
      if (!this.closed) this.fail(new Error('The backup stopped reading'));
    }
  }
}

/** The index the first and last date of service come from; clients asked about at a time. */
const DATE_INDEX = '[clientId+serviceDate]';
const DATE_RANGE_CLIENTS = 500;

/** Records per read: large enough to be fast, small enough to keep memory flat. */
export const PAGE_SIZE = 2_000;

/**
 * The backup's front door to the data: what a backup reads, and nothing else. Every table is
 * read a page at a time by primary key, as backup records (index-only fields left out, bytes
 * encoded: `TABLE_SPECS` in backup-tables.ts).
 *
 * `withSnapshot` (what a backup uses) reads everything in ONE read transaction, so the file is
 * one consistent moment of the practice; `pages` alone (the older reader, for tests and
 * benches) reads each page in its own transaction.
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
   * Reads the whole practice as one snapshot and hands it to `use` (the backup writer). Counts,
   * the date range, every page and every file's Blob handle come from one read-only
   * transaction: no record in the backup refers to one that is not in it, and no edit made
   * meanwhile is half in it. The transaction stays open (Dexie.waitFor) while the writer takes
   * the pages, two at a time, so memory holds a page or two, never the practice. IndexedDB
   * makes edits that arrive meanwhile wait for it: they are saved as soon as the records have
   * been read (the files' bytes are read after, from the handles, which IndexedDB keeps valid).
   */
  async withSnapshot<T>(
    use: (snapshot: PracticeSnapshot) => Promise<T>,
    options: { pageSize?: number; signal?: AbortSignal } = {},
  ): Promise<T> {
    const db = this.db;
    const pageSize = options.pageSize ?? PAGE_SIZE;
    const handoff = new PageHandoff();
    const tables = [...TABLE_NAMES, ...BLOB_TABLES].map((name) => db.table(name));
    let using: Promise<T> | undefined;
    const reading = db.transaction('r', tables, async () => {
      const counts = {} as Record<TableName, number>;
      for (const name of TABLE_NAMES) counts[name] = await db.table(name).count();
      const { first, last } = await this.serviceDateRange();
      const entries = await this.fileEntries();
      const snapshot: PracticeSnapshot = {
        counts,
        ...(first !== undefined && last !== undefined
          ? { dateRange: { table: 'sessions', field: 'serviceDate', first, last } }
          : {}),
        pages: handoff,
        files: {
          table: 'attachments',
          count: entries.length,
          bytes: entries.reduce((sum, entry) => sum + entry.size, 0),
          entries,
        },
      };
      // The writer runs beside the transaction, not in it: its waits are not IndexedDB's.
      using = Dexie.ignoreTransaction(() => use(snapshot));
      using.catch((error: unknown) => handoff.fail(error));
      for (const spec of BACKUP_TABLES) {
        let after: IndexableType | undefined;
        for (;;) {
          if (options.signal?.aborted) {
            handoff.close(); // the writer reports the cancel
            return;
          }
          const table = db.table(spec.name);
          const collection = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
          const rows = (await collection.limit(pageSize).toArray()) as Record<string, unknown>[];
          if (rows.length > 0) {
            await Dexie.waitFor(
              handoff.put({ table: spec.name, records: rows.map(spec.toBackup) }),
              PAGE_HANDOFF_TIMEOUT_MS,
            );
          }
          if (rows.length < pageSize) break;
          after = rows[rows.length - 1]![spec.key] as IndexableType;
        }
      }
      handoff.close();
    });
    reading.catch((error: unknown) => handoff.fail(error));
    try {
      await reading;
    } catch (error) {
      // The writer's own failure (it stopped taking pages) is the one to report.
      if (using) await using;
      throw error;
    }
    if (!using) throw new Error('The backup snapshot was not read');
    return await using;
  }

  /**
   * The first and last date of service, inside the snapshot's transaction, from the sessions
   * index's keys alone (no note is loaded): for each client with notes, the first and the last
   * key under that client, two one-step cursors, asked for many clients at once so their round
   * trips to IndexedDB's backend overlap. Walking every key of the index instead went to the
   * backend one step after another: 15 s of a 46 s backup at 198,578 notes, the page thread idle.
   */
  private async serviceDateRange(): Promise<{ first?: string; last?: string }> {
    const sessions = this.db.sessions;
    // One request for every client's id. Every note belongs to a client here (deleting a client
    // deletes its notes, and a restore refuses a note whose client is missing); walking the notes'
    // own clientId index for its distinct values would cross to the backend once per client.
    const clientIds = await this.db.clients.toCollection().primaryKeys();
    let first: string | undefined;
    let last: string | undefined;
    const consider = (keys: IndexableType[]) => {
      const date = (keys[0] as [string, unknown] | undefined)?.[1];
      if (typeof date !== 'string' || date.length > 64) return;
      if (first === undefined || date < first) first = date;
      if (last === undefined || date > last) last = date;
    };
    const under = (clientId: IndexableType) =>
      sessions.where(DATE_INDEX).between([clientId, Dexie.minKey], [clientId, Dexie.maxKey]);
    for (let at = 0; at < clientIds.length; at += DATE_RANGE_CLIENTS) {
      await Promise.all(
        clientIds.slice(at, at + DATE_RANGE_CLIENTS).map(async (clientId) => {
          consider(await under(clientId).limit(1).keys());
          consider(await under(clientId).reverse().limit(1).keys());
        }),
      );
    }
    return { first, last };
  }

  /**
   * Each attachment's size and SHA-256 (from its record) with its stored bytes, inside the
   * snapshot's transaction. A record whose bytes are missing fails the backup, naming it.
   */
  private async fileEntries(): Promise<BackupFileEntry[]> {
    const rows = (await this.db.attachments.toArray()) as { id: string; size: number; sha256: string }[];
    const blobs = (await this.db.attachmentBlobs.bulkGet(rows.map((row) => row.id))) as (
      | { id: string; data: Blob }
      | undefined
    )[];
    return rows.map((row, index) => {
      const data = blobs[index]?.data;
      return {
        id: row.id,
        size: row.size,
        sha256: row.sha256,
        // A missing file reads as empty: the writer then names the record (its size differs).
        data: data instanceof Blob ? data : new Blob([]),
      };
    });
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
