import { BackupError, isFileItem, type RestoreMode } from '../../../../src-shared/backup';
import { translate } from '../../../app/i18n';
import type { RestoreWriter } from '../../../db/restore-writer';
import { TABLE_NAMES, type TableName } from '../../../db/table-names';
import { type BackupFileWriter, describeFailure, saveBackup } from '../backup-service';
import { cancelled, type LoadedBackup, type PassOptions, type Row, specOf } from './load-backup';
import { ExistingCopies, mergeBatch } from './merge-batch';
import {
  addCounts,
  ClientNames,
  conflictView,
  emptyPreview,
  notAppliedViews,
  type RestorePreview,
  totalsOf,
  unresolvedReference,
} from './restore-preview';

/**
 * "Restore from backup". Nothing is written until the last step, and that step is all or nothing:
 * 1. `previewBackup`: the plain header (counts, created at, versions, session dates), no passphrase.
 * 2. `loadBackup`: the passphrase is checked, then every segment is decrypted and authenticated
 *    and every record validated with the shared schemas (and keys checked for duplicates), all
 *    before anything is written. `previewRestore` then says what Merge or Replace all would do.
 * 3. `restoreBackup`: for "Replace all" a safety backup of the current records first (if it
 *    fails, nothing happens); then ONE read-write transaction over every table that reads the
 *    backup again and writes it a batch at a time. A failure or a cancel mid-write aborts the
 *    transaction and IndexedDB rolls every table back.
 *
 * Files (format version 2) are checked in step 2 and written in step 3 inside the same one
 * transaction, each as a Blob built a segment at a time: a damaged or changed file segment met
 * while writing aborts the transaction like any other failure, and the database is unchanged.
 *
 * Memory stays bounded: records are never all in memory at once. Each pass streams the file a
 * batch (WRITE_CHUNK records) at a time; what is kept between passes is the file itself (already
 * in memory as bytes) and the set of record keys. Inside the transaction the decryption of the
 * next segment (WebCrypto, which would otherwise let the transaction commit) is awaited through
 * Dexie.waitFor, which keeps the transaction alive.
 */

/**
 * What Merge and Replace all would change, read-only, in one more pass over the file: each batch
 * is compared with the records here that share its keys.
 */
export async function previewRestore(
  store: RestoreWriter,
  loaded: LoadedBackup,
  options: PassOptions = {},
): Promise<{ merge: RestorePreview; replace: RestorePreview }> {
  const current = await store.countsByTable();
  const merge = emptyPreview('merge', current, loaded);
  const replace = emptyPreview('replace', current, loaded);
  const names = new ClientNames();
  const copies = new ExistingCopies();
  let done = 0;
  const total = Object.values(loaded.counts).reduce((sum, n) => sum + n, 0);
  const matched = Object.fromEntries(TABLE_NAMES.map((name) => [name, 0])) as Record<TableName, number>;
  for await (const batch of loaded.opened.batches(options.signal ? { signal: options.signal } : {})) {
    if (isFileItem(batch)) continue; // a file goes with its record, counted there
    const spec = specOf(batch.table);
    const records = batch.records as Row[];
    if (spec.name === 'clients') names.remember(records);
    const merged = await mergeBatch(store, spec, records, copies, { newId: () => 'preview' });
    addCounts(merge.tables[spec.name], merged.counts);
    for (const conflict of merged.conflicts) merge.conflicts.push(await conflictView(store, conflict, names));
    await notAppliedViews(store, spec, merged, names, merge.notApplied);
    const { updated, unchanged } = merged.replaceCounts;
    addCounts(replace.tables[spec.name], { ...merged.replaceCounts, refused: 0, settingsKept: 0 });
    matched[spec.name] += updated + unchanged;
    done += records.length;
    options.onProgress?.({ phase: 'comparing', done, total });
  }
  for (const name of TABLE_NAMES)
    replace.tables[name].deleted = Math.max(0, (current[name] ?? 0) - matched[name]);
  merge.totals = totalsOf(merge.tables);
  replace.totals = totalsOf(replace.tables);
  merge.refusal = await unresolvedReference(store, loaded, 'merge');
  replace.refusal = await unresolvedReference(store, loaded, 'replace');
  return { merge, replace };
}

export interface RestoreOptions extends PassOptions {
  /** Where the records go: `repositories().restoreWriter` in the app. */
  store: RestoreWriter;
  loaded: LoadedBackup;
  mode: RestoreMode;
  /** Seals the safety backup before "Replace all" (the passphrase of the backup being restored). */
  passphrase: string;
  appVersion: string;
  /** A one-buffer writer for the safety backup (tests). Default: streamed into main's folder. */
  writer?: BackupFileWriter;
  /** Merge: take the backup's settings instead of keeping this computer's (the user chose it). */
  takeSettings?: boolean;
  now?: () => Date;
  newId?: () => string;
}

export interface RestoreResult extends RestorePreview {
  /** Where the safety backup went ("Replace all" over existing records), else null. */
  safetyBackupPath: string | null;
  /** Records put or deleted. */
  written: number;
}

/** Refused before anything was written: the therapist-facing reason is the message. */
export class RestoreNotStartedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreNotStartedError';
  }
}

async function writeSafetyBackup(options: RestoreOptions, now: () => Date): Promise<string | null> {
  const { store, signal, onProgress } = options;
  if (await store.snapshot.isEmpty()) return null; // nothing to keep
  try {
    const saved = await saveBackup({
      records: store.snapshot,
      passphrase: options.passphrase,
      appVersion: options.appVersion,
      automatic: false,
      // Main names it "Stillpoint backup before restore <date time>": kept, never pruned.
      kind: 'before-restore',
      // Default: streamed into main's backup folder (any size), like every backup.
      ...(options.writer ? { writer: options.writer } : {}),
      now,
      ...(signal ? { signal } : {}),
      onProgress: (progress) =>
        onProgress?.({ phase: 'safety-backup', done: progress.done, total: progress.total }),
    });
    return saved.path;
  } catch (error) {
    if (error instanceof BackupError && error.code === 'CANCELLED') throw error;
    throw new RestoreNotStartedError(
      translate('backup.errors.safetyBackupFailed', { reason: describeFailure(error, 'backup') }),
    );
  }
}

/**
 * Step 3. Replace all writes a safety backup of the current records first (skipped when the
 * database is empty); if it cannot be written, nothing is restored. Then one transaction reads
 * the backup again batch by batch and writes it: Replace all puts every record and deletes what
 * the backup does not have; Merge compares each batch with the records here (newer wins, a
 * differing signed note is kept beside as a conflict copy). A crash, an error or a cancel leaves
 * the database as it was.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { store, loaded, mode, signal, onProgress } = options;
  const now = options.now ?? (() => new Date());
  if (signal?.aborted) throw cancelled();
  // Replace all can be refused before its safety backup; Merge checks again inside the transaction.
  const refusal = mode === 'replace' ? await unresolvedReference(store, loaded, 'replace') : null;
  if (refusal) throw new RestoreNotStartedError(refusal);
  const safetyBackupPath = mode === 'replace' ? await writeSafetyBackup(options, now) : null;
  if (signal?.aborted) throw cancelled();

  const total = Object.values(loaded.counts).reduce((sum, n) => sum + n, 0);
  // Files come whole (as Blobs built a segment at a time) and checked against their records.
  const iterator = loaded.opened
    .batches({ ...(signal ? { signal } : {}), files: 'collect' })
    [Symbol.asyncIterator]();
  try {
    return await store.inOneTransaction(async (tx) => {
      const current = await store.countsByTable();
      const result = emptyPreview(mode, current, loaded);
      if (mode === 'merge') {
        const unresolved = await unresolvedReference(store, loaded, 'merge');
        if (unresolved) throw new RestoreNotStartedError(unresolved);
      }
      const names = new ClientNames();
      const copies = new ExistingCopies();
      let written = 0;
      let done = 0;
      onProgress?.({ phase: 'writing', done: 0, total });
      // Decrypting and parsing is not IndexedDB work: waitFor keeps the transaction open while it
      // runs. The next batch is read while this one is written, so the two overlap.
      const readNext = () => {
        const next = tx.outside(() => iterator.next());
        next.catch(() => {}); // a failure is thrown where it is awaited
        return next;
      };
      let upcoming = readNext();
      for (;;) {
        const step = await upcoming;
        if (step.done) break;
        if (signal?.aborted) throw cancelled();
        upcoming = readNext();
        const item = step.value;
        if (isFileItem(item)) {
          // Replace all: every file. Merge: a file whose id is here already is the same file
          // (an id names its bytes): only new ones are added, and only for a record that is
          // here now (files come after every record): a record the merge refused leaves no
          // orphan bytes behind.
          const wanted =
            mode === 'replace' ||
            ((await tx.hasRecord('attachments', item.file.id)) && !(await tx.hasFile(item.file.id)));
          if (item.file.data && wanted) {
            await tx.putFile(item.file.id, item.file.data);
            written++;
          }
          continue;
        }
        const spec = specOf(item.table);
        const records = item.records as Row[];
        if (mode === 'replace') {
          await tx.put(spec.name, records.map(spec.toRow));
          result.tables[spec.name].added += records.length;
          written += records.length;
        } else {
          if (spec.name === 'clients') names.remember(records);
          const merged = await mergeBatch(store, spec, records, copies, {
            ...(options.newId ? { newId: options.newId } : {}),
            ...(options.takeSettings ? { takeSettings: true } : {}),
          });
          await notAppliedViews(store, spec, merged, names, result.notApplied);
          await tx.put(spec.name, merged.puts);
          addCounts(result.tables[spec.name], merged.counts);
          for (const conflict of merged.conflicts)
            result.conflicts.push(await conflictView(store, conflict, names));
          written += merged.puts.length;
        }
        done += records.length;
        onProgress?.({ phase: 'writing', done, total });
      }
      if (mode === 'replace') {
        // What this computer has and the backup does not.
        for (const name of TABLE_NAMES) {
          if (signal?.aborted) throw cancelled();
          const deleted = await tx.deleteAllExcept(name, loaded.keys[name]);
          result.tables[name].deleted = deleted;
          written += deleted;
        }
        // Files go with their records: those of attachments no longer here go too.
        written += await tx.deleteFilesExcept(loaded.keys.attachments);
      }
      result.totals = totalsOf(result.tables);
      return { ...result, safetyBackupPath, written };
    });
  } finally {
    await iterator.return?.(undefined);
  }
}
