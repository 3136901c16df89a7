import {
  type BackupInfo,
  type BackupSource,
  emptyCounts,
  isFileItem,
  openBackup,
  planTableRestore,
  type ReadOptions,
  type RecordValidators,
  type RestorableRecord,
  type RestoreConflict,
  type RestoreCounts,
  type RestoreMode,
  type TablePlan,
} from '../../../src-shared/backup';
import type { BackupError } from '../../../src-shared/backup/errors';
import { checkRecord, FailureCollector } from '../../../src-shared/backup/validate';
import { type MergePolicy, policyOf } from '../../../src-shared/merge/merge-rules';

/**
 * Whole-file conveniences for the backup format's tests: read every record of a file at once,
 * validate whole tables, plan a restore of whole tables. The app never holds a whole file's
 * records: it reads batches (`openBackup().batches`), validates as they arrive and plans batch
 * by batch with `planTableRestore`, which these are built on, so the tests exercise the same
 * code the app runs.
 */

export interface PlanRestoreInput<R extends RestorableRecord = RestorableRecord> {
  /** The records in the database now, by table. */
  current: Readonly<Record<string, readonly R[]>>;
  /** The records in the backup (validated), by table. */
  incoming: Readonly<Record<string, readonly R[]>>;
  mode: RestoreMode;
  /** Table -> merge policy. Default: STILLPOINT_MERGE_POLICIES (src-shared/merge/merge-rules.ts). */
  policies?: Readonly<Record<string, MergePolicy>>;
  /** Instead of `policies`: every table versioned, signed by this field where one is given. */
  signedFields?: Readonly<Record<string, string>>;
  /** Merge: take the file's settings instead of keeping this computer's. */
  takeIncomingSettings?: boolean;
  /** Makes ids for conflict copies. Default: crypto.randomUUID. */
  newId?: () => string;
  /** Tables to plan. Default: every table named in `current` or `incoming`. */
  tables?: readonly string[];
}

export interface RestorePlan<R extends RestorableRecord = RestorableRecord> {
  mode: RestoreMode;
  tables: Record<string, TablePlan<R>>;
  conflicts: RestoreConflict<R>[];
  summary: RestoreCounts & { puts: number; deletes: number };
}

/** Everything at once, for small backups and for restores that write in one transaction. */
export async function readAllRecords(
  source: BackupSource,
  passphrase: string,
  options: ReadOptions,
): Promise<{ info: BackupInfo; tables: Record<string, unknown[]> }> {
  const opened = await openBackup(source, passphrase, options);
  const tables: Record<string, unknown[]> = {};
  for (const table of Object.keys(opened.info.header.counts)) tables[table] = [];
  for await (const batch of opened.batches()) {
    if (isFileItem(batch)) continue; // files are checked by the reader; these tests count records
    const list = tables[batch.table]!;
    for (const record of batch.records) list.push(record);
  }
  return { info: opened.info, tables };
}

export type ValidateAllResult =
  | { ok: true; tables: Record<string, unknown[]> }
  | { ok: false; error: BackupError };

/**
 * Validates every record of every table. On success returns the validated values (what the
 * schemas output); otherwise an INVALID_RECORDS error naming the first few failing records
 * (table, index, id, field). Use it before writing a backup and before writing a restore.
 */
export function validateAllRecords(
  tables: Readonly<Record<string, readonly unknown[]>>,
  validators: RecordValidators,
  options: { maxFailures?: number; during?: 'restore' | 'backup' } = {},
): ValidateAllResult {
  const collector = new FailureCollector(options.maxFailures);
  const out: Record<string, unknown[]> = {};
  for (const [table, records] of Object.entries(tables)) {
    const values: unknown[] = new Array(records.length);
    for (let index = 0; index < records.length; index++) {
      const result = checkRecord(validators, table, index, records[index]);
      if (result.ok) values[index] = result.value;
      else {
        collector.add(result.failures);
        if (collector.overflow) break;
      }
    }
    out[table] = values;
    if (collector.overflow) break;
  }
  if (collector.failures.length > 0)
    return { ok: false, error: collector.toError(options.during ?? 'restore') };
  return { ok: true, tables: out };
}
/** `policies`, else versioned records signed by `signedFields`, else Stillpoint's rules. */
function tablePolicy(input: PlanRestoreInput<RestorableRecord>, table: string): MergePolicy {
  if (input.policies) return policyOf(table, input.policies);
  if (!input.signedFields) return policyOf(table);
  const signedField = Object.hasOwn(input.signedFields, table) ? input.signedFields[table] : undefined;
  return { kind: 'versioned', ...(signedField ? { signedField } : {}) };
}

/**
 * Plans a restore without touching anything: what to put and delete per table, with counts for
 * the preview ("12 added, 3 updated, 1 conflict") and the list of conflicts. A table missing
 * from `incoming` counts as empty: in replace mode its records are deleted.
 * Throws BackupError INVALID_RECORDS for an incoming record without id or updatedAt, or an id
 * that appears twice.
 */
export function planRestore<R extends RestorableRecord>(input: PlanRestoreInput<R>): RestorePlan<R> {
  const tables = input.tables ?? [
    ...new Set([...Object.keys(input.current), ...Object.keys(input.incoming)]),
  ];
  const conflicts: RestoreConflict<R>[] = [];
  const plan: RestorePlan<R> = {
    mode: input.mode,
    tables: {},
    conflicts,
    summary: { ...emptyCounts(), puts: 0, deletes: 0 },
  };
  for (const table of tables) {
    const current = Object.hasOwn(input.current, table) ? input.current[table]! : [];
    const incoming = Object.hasOwn(input.incoming, table) ? input.incoming[table]! : [];
    const tablePlan = planTableRestore(
      table,
      current,
      incoming,
      {
        mode: input.mode,
        policy: tablePolicy(input, table),
        ...(input.takeIncomingSettings ? { takeIncomingSettings: true } : {}),
        ...(input.newId ? { newId: input.newId } : {}),
      },
      conflicts,
    );
    plan.tables[table] = tablePlan;
    const summary = plan.summary;
    summary.added += tablePlan.added;
    summary.updated += tablePlan.updated;
    summary.unchanged += tablePlan.unchanged;
    summary.keptCurrent += tablePlan.keptCurrent;
    summary.deleted += tablePlan.deleted;
    summary.conflicts += tablePlan.conflicts;
    summary.refused += tablePlan.refused;
    summary.settingsKept += tablePlan.settingsKept;
    summary.puts += tablePlan.puts.length;
    summary.deletes += tablePlan.deletes.length;
  }
  return plan;
}
