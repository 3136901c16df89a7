import Dexie, { type IndexableType, type Table } from 'dexie';
import { ClientsRepository, clientRowFor } from '../../../src-renderer/db/clients-repository';
import { StillpointDatabase, TABLE_NAMES, type TableName } from '../../../src-renderer/db/database';
import { createSessionRepositories } from '../../../src-renderer/db/sessions-repository';
import { type PracticeOptions, practiceInfo } from '../../../src-shared/demo';
import { generatePracticeBatches, PRACTICE_TABLES } from '../../../src-shared/demo/practice';
import { foldForSearch, searchWords } from '../../../src-shared/domain/text-search';
import { type BackupRun, backupBench, dropBackup, type RestoreRun, restoreBench } from './backup-bench';
import { createBenchFile, removeBenchFile, removeBenchFiles } from './bench-files';
import { HeapSampler } from './heap';
import { noteIndexBench, noteSearchEngineBench } from './search-bench';
import { syncBenchApi } from './sync-bench';

/**
 * The bench page, served at https://stillpoint.test/bench/ (the app's origin, so the same
 * IndexedDB). The bench drives it with page.evaluate(() => window.stillpointBench.<call>()).
 * Everything heavy happens here, inside the browser: generating 200,000 notes in the page costs
 * nothing on the wire, and the raw baselines run against the very database the app opens.
 */

type Row = Record<string, unknown>;

/** Database names the bench writes besides the app's own. */
export const RAW_TARGET_DB = 'stillpoint-bench-raw';
export const RESTORE_TARGET_DB = 'stillpoint-bench-restore';
/** The raw copy baseline's file (bench-files.ts). */
const RAW_COPY_FILE = 'raw-copy.bin';

let appDb: StillpointDatabase | undefined;

function db(): StillpointDatabase {
  appDb ??= new StillpointDatabase();
  return appDb;
}

function tables(database: StillpointDatabase): Table<Row, IndexableType>[] {
  return TABLE_NAMES.map((name) => database.table(name)) as Table<Row, IndexableType>[];
}

async function counts(name?: string): Promise<Record<TableName, number>> {
  const database = name && name !== db().name ? new StillpointDatabase(name) : db();
  const out = {} as Record<TableName, number>;
  for (const table of TABLE_NAMES) out[table] = await database.table(table).count();
  if (database !== db()) database.close();
  return out;
}

export interface PopulateResult {
  counts: Record<TableName, number>;
  ms: number;
  busyClientId: string | null;
}

/**
 * Empties the app's database and fills it with the seeded practice: each batch of clients with
 * all their records in one transaction (strict durability, as the app writes), the next batch
 * generated while the previous one commits.
 */
function populate(options: PracticeOptions & { batchSize?: number }): Promise<PopulateResult> {
  return populateInto(db(), options);
}

/** populate() into any database of the app's schema (the sync bench's computers). */
export async function populateInto(
  database: StillpointDatabase,
  options: PracticeOptions & { batchSize?: number },
): Promise<PopulateResult> {
  const all = tables(database);
  const start = performance.now();
  await database.transaction('rw', all, () => Promise.all(all.map((table) => table.clear())));
  let pending: Promise<unknown> = Promise.resolve();
  const { batchSize = 250, ...practice } = options;
  for (const batch of generatePracticeBatches(practice, batchSize)) {
    await pending;
    const rows: Record<(typeof PRACTICE_TABLES)[number], Row[]> = {
      ...(batch as unknown as Record<(typeof PRACTICE_TABLES)[number], Row[]>),
      clients: batch.clients.map((client) => clientRowFor(client) as unknown as Row),
    };
    pending = database.transaction(
      'rw',
      PRACTICE_TABLES.map((name) => database.table(name)),
      async () => {
        for (const name of PRACTICE_TABLES) await database.table(name).bulkAdd(rows[name]);
      },
    );
  }
  await pending;
  return {
    counts: await counts(database.name),
    ms: performance.now() - start,
    busyClientId: practiceInfo(practice).busyClientId,
  };
}

/** How long IndexedDB takes to count a table (Chromium reads every stored row to count). */
async function rawCount(table: TableName): Promise<number> {
  const start = performance.now();
  await db().table(table).count();
  return performance.now() - start;
}

/** Raw baseline for client search: the multiEntry index on the last word typed, full rows. */
async function rawClientSearch(queries: readonly string[]): Promise<{ ms: number; hits: number }[]> {
  const table = db().clients;
  const out: { ms: number; hits: number }[] = [];
  for (const query of queries) {
    const words = searchWords(query);
    const token = foldForSearch(words[words.length - 1] ?? '');
    const start = performance.now();
    const rows = token
      ? await table.where('searchTokens').startsWith(token).toArray()
      : await table.toArray();
    out.push({ ms: performance.now() - start, hits: rows.length });
  }
  return out;
}

/** Every table in primary-key pages of `pageSize` rows, as a backup reads it. */
async function* pages(
  database: StillpointDatabase,
  pageSize: number,
): AsyncGenerator<{ table: TableName; rows: Row[] }> {
  for (const name of TABLE_NAMES) {
    const table = database.table(name);
    let after: IndexableType | undefined;
    for (;;) {
      const collection = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
      const rows = (await collection.limit(pageSize).toArray()) as Row[];
      if (rows.length === 0) break;
      const last = rows[rows.length - 1]!;
      after = (last.id ?? last.clientId ?? last.key) as IndexableType;
      yield { table: name, rows };
      if (rows.length < pageSize) break;
    }
  }
}

export interface ThroughputRun {
  records: number;
  /** Documents' bytes read or written (attachmentBlobs), besides the records. */
  fileBytes: number;
  ms: number;
  recordsPerSecond: number;
  peakHeapMB: number;
}

/** Each stored document's bytes, a few files per read, as a backup reads them. */
async function* storedFiles(
  database: StillpointDatabase,
  pageSize = 16,
): AsyncGenerator<{ id: string; data: Blob }> {
  let after: IndexableType | undefined;
  for (;;) {
    const table = database.attachmentBlobs;
    const collection = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
    const rows = (await collection.limit(pageSize).toArray()) as { id: string; data: Blob }[];
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Raw baseline for backup: read every table by primary-key pages (toArray), then every
 * document's bytes (Blob.arrayBuffer), nothing else: the same data a backup reads.
 */
async function rawRead(pageSize = 2_000): Promise<ThroughputRun> {
  const heap = new HeapSampler();
  const start = performance.now();
  let records = 0;
  for await (const page of pages(db(), pageSize)) {
    records += page.rows.length;
    heap.sample();
  }
  let fileBytes = 0;
  for await (const file of storedFiles(db())) {
    fileBytes += (await file.data.arrayBuffer()).byteLength;
    heap.sample();
  }
  const ms = performance.now() - start;
  return { records, fileBytes, ms, recordsPerSecond: (records / ms) * 1000, peakHeapMB: heap.stop() };
}

/**
 * Raw baseline for a backup with documents: `rawRead`, and each document's bytes written where
 * the backup bench writes its file (a file in the origin private file system, each write awaited,
 * backup-bench.ts): reading the bytes and writing them to a file, the least any backup of them
 * does. The records are only read (they have no raw written form; compressed, they are about 1%
 * of the file at 2 GB of documents). The copy is removed once measured, before the backup writes
 * its own file, so the disk never holds both.
 */
async function rawCopy(pageSize = 2_000): Promise<ThroughputRun> {
  const out = await createBenchFile(RAW_COPY_FILE);
  const heap = new HeapSampler();
  const start = performance.now();
  let records = 0;
  let fileBytes = 0;
  const copy = await out
    .fill(async (write) => {
      for await (const page of pages(db(), pageSize)) {
        records += page.rows.length;
        heap.sample();
      }
      for await (const file of storedFiles(db())) {
        const bytes = new Uint8Array(await file.data.arrayBuffer());
        await write(bytes);
        fileBytes += bytes.byteLength;
        heap.sample();
      }
    })
    .catch((error: unknown) => {
      heap.stop();
      throw error;
    });
  const ms = performance.now() - start;
  const size = copy.size;
  await removeBenchFile(RAW_COPY_FILE);
  if (size !== fileBytes) throw new Error(`The raw copy holds ${size} bytes of the ${fileBytes} it read.`);
  return { records, fileBytes, ms, recordsPerSecond: (records / ms) * 1000, peakHeapMB: heap.stop() };
}

async function deleteDatabase(name: string): Promise<void> {
  await new StillpointDatabase(name).delete();
}

/**
 * Raw baseline for restore: the same rows bulkPut into an empty database of the same schema,
 * a page per transaction, then every document's bytes put as a new Blob, a file per
 * transaction. Only the writes are timed (reading the source is not).
 */
export async function rawBulkPut(pageSize = 2_000, sourceName?: string): Promise<ThroughputRun> {
  const source = sourceName ? new StillpointDatabase(sourceName) : db();
  await deleteDatabase(RAW_TARGET_DB);
  const target = new StillpointDatabase(RAW_TARGET_DB);
  await target.open();
  const heap = new HeapSampler();
  let records = 0;
  let fileBytes = 0;
  let ms = 0;
  for await (const page of pages(source, pageSize)) {
    const table = target.table(page.table);
    const start = performance.now();
    await target.transaction('rw', table, () => table.bulkPut(page.rows));
    ms += performance.now() - start;
    records += page.rows.length;
    heap.sample();
  }
  for await (const file of storedFiles(db())) {
    const bytes = new Uint8Array(await file.data.arrayBuffer());
    const start = performance.now();
    await target.attachmentBlobs.put({ id: file.id, data: new Blob([bytes]) });
    ms += performance.now() - start;
    fileBytes += bytes.length;
    heap.sample();
  }
  target.close();
  if (source !== db()) source.close();
  await deleteDatabase(RAW_TARGET_DB);
  return { records, fileBytes, ms, recordsPerSecond: (records / ms) * 1000, peakHeapMB: heap.stop() };
}

async function backup(passphrase: string): Promise<BackupRun> {
  return backupBench(db(), passphrase);
}

async function restore(passphrase: string): Promise<RestoreRun> {
  return restoreBench(RESTORE_TARGET_DB, passphrase);
}

/** A fresh draft note for the typing measure, written through the app's repositories. */
async function createDraft(clientId: string, marker: string): Promise<string> {
  const database = db();
  const { sessions } = createSessionRepositories(database, new ClientsRepository(database));
  const draft = await sessions.createDraft(clientId);
  await sessions.saveDraft({ ...draft, chiefComplaint: marker });
  return draft.id;
}

/** Raw baseline for opening a client: the client row and all their notes, read by index. */
async function rawClientRecords(clientId: string): Promise<{ ms: number; notes: number; reports: number }> {
  const database = db();
  const start = performance.now();
  const [client, notes, reports] = await Promise.all([
    database.clients.get(clientId),
    database.sessions
      .where('[clientId+serviceDate]')
      .between([clientId, Dexie.minKey], [clientId, Dexie.maxKey])
      .toArray(),
    database.afterEffects.where('clientId').equals(clientId).toArray(),
  ]);
  const ms = performance.now() - start;
  if (!client) throw new Error(`No client ${clientId}`);
  return { ms, notes: notes.length, reports: reports.length };
}

/** Names of the clients at these positions in name order, for realistic search queries. */
async function clientNamesAt(
  positions: readonly number[],
): Promise<{ firstName: string; lastName: string }[]> {
  const out: { firstName: string; lastName: string }[] = [];
  for (const position of positions) {
    const row = await db().clients.orderBy('sortKey').offset(position).first();
    if (row) out.push({ firstName: String(row.firstName), lastName: String(row.lastName) });
  }
  return out;
}

/** Removes the bench's draft and its audit entries, so each run starts from the same practice. */
async function removeDraft(noteId: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.sessions, database.auditLog, async () => {
    await database.sessions.delete(noteId);
    await database.auditLog.where('noteId').equals(noteId).delete();
  });
}

/** Drafts left behind by an interrupted run (created by the bench: chief complaint marker). */
async function removeBenchDrafts(marker: string): Promise<number> {
  const database = db();
  const ids = (await database.sessions
    .where('status')
    .equals('draft')
    .filter((row) => typeof row.chiefComplaint === 'string' && row.chiefComplaint.startsWith(marker))
    .primaryKeys()) as string[];
  for (const id of ids) await removeDraft(id);
  return ids.length;
}

/**
 * Documents for the backup bench (issue 15): `megabytes` of files of `fileMegabytes` each,
 * spread over the first clients by id, stored as the documents feature stores them (a metadata
 * row with the SHA-256, the bytes as a Blob apart). The bytes do not compress (like scans and
 * photos): a random 64 KB block, numbered per file and position. Replaces any from before.
 */
async function addAttachments(options: {
  megabytes: number;
  fileMegabytes?: number;
}): Promise<{ files: number; bytes: number; ms: number }> {
  const database = db();
  const start = performance.now();
  await database.transaction('rw', database.attachments, database.attachmentBlobs, async () => {
    await database.attachments.clear();
    await database.attachmentBlobs.clear();
  });
  const fileBytes = Math.round((options.fileMegabytes ?? 1) * 1024 * 1024);
  const files = Math.ceil((options.megabytes * 1024 * 1024) / fileBytes);
  const clients = (await database.clients.orderBy(':id').limit(files).primaryKeys()) as string[];
  const block = crypto.getRandomValues(new Uint8Array(64 * 1024));
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const data = new Uint8Array(fileBytes);
    for (let at = 0; at < fileBytes; at += block.length) {
      data.set(block.subarray(0, Math.min(block.length, fileBytes - at)), at);
      new DataView(data.buffer).setUint32(at, i * 65_536 + at / block.length);
    }
    const sha256 = [...new Uint8Array(await crypto.subtle.digest('SHA-256', data))]
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('');
    const id = `bench-attachment-${String(i).padStart(6, '0')}`;
    await database.transaction('rw', database.attachments, database.attachmentBlobs, async () => {
      await database.attachments.put({
        id,
        clientId: clients[i % clients.length]!,
        title: `Scan ${i}`,
        kind: 'report',
        date: '2025-03-01',
        note: '',
        originalName: `scan-${i}.pdf`,
        mediaType: 'application/pdf',
        size: fileBytes,
        sha256,
        addedAt: '2025-03-01T10:00:00.000Z',
        updatedAt: '2025-03-01T10:00:00.000Z',
        gpsRemoved: false,
        otherMetadataRemoved: false,
        orientation: 1,
      });
      await database.attachmentBlobs.put({ id, data: new Blob([data]) });
    });
    bytes += fileBytes;
  }
  return { files, bytes, ms: performance.now() - start };
}

/** Fills a database other than the app's (a sync bench computer's) with the seeded practice. */
async function populateDatabase(
  databaseName: string,
  options: PracticeOptions & { batchSize?: number },
): Promise<PopulateResult> {
  const database = new StillpointDatabase(databaseName);
  try {
    return await populateInto(database, options);
  } finally {
    database.close();
  }
}

const api = {
  populate,
  populateDatabase,
  ...syncBenchApi,
  addAttachments,
  counts,
  rawCount,
  rawClientSearch,
  rawRead,
  rawCopy,
  rawBulkPut,
  backup,
  restore,
  dropBackup,
  removeBenchFiles,
  deleteDatabase,
  createDraft,
  rawClientRecords,
  clientNamesAt,
  removeDraft,
  removeBenchDrafts,
  noteIndexBench: () => noteIndexBench(db()),
  noteSearchEngineBench: (queries: readonly string[]) => noteSearchEngineBench(db(), queries),
  closeDatabase: () => {
    appDb?.close();
    appDb = undefined;
  },
};

export type BenchPageApi = typeof api;

declare global {
  interface Window {
    stillpointBench: BenchPageApi;
  }
}

window.stillpointBench = api;
document.body.dataset.benchReady = 'true';
