import {
  planTableRestore,
  type RecordBody,
  type RestorableRecord,
  type RestoreConflict,
  type RestoreCounts,
} from '../../../../src-shared/backup';
import { policyOf, STILLPOINT_MERGE_POLICIES } from '../../../../src-shared/merge/merge-rules';
import type { TableSpec } from '../../../db/backup-tables';
import type { RestoreWriter } from '../../../db/restore-writer';
import type { TableName } from '../../../db/table-names';
import { keyOf, type Row } from './load-backup';

// Planning one batch with the shared planner. It wants { id, updatedAt } records: tables keyed
// otherwise (health histories by clientId, settings by key) or versioned by another time
// (reports, audit entries) travel wrapped.

interface Wrapped extends RestorableRecord {
  record: Row;
}

/** Tables whose records have no `updatedAt` of their own (or another key) travel wrapped. */
const STAMPED_OTHERWISE = new Set([
  'afterEffects',
  'auditLog',
  'intakeSubmissions',
  'consents',
  'attachments',
  'outcomeScores',
  'followUps',
]);

function needsWrapper(spec: TableSpec): boolean {
  return !(spec.key === 'id' && !STAMPED_OTHERWISE.has(spec.name));
}

function toPlanItem(spec: TableSpec, record: Row): RestorableRecord {
  if (!needsWrapper(spec)) return record as unknown as RestorableRecord;
  const stamp = spec.stamp(record);
  return { id: keyOf(spec, record), updatedAt: typeof stamp === 'string' ? stamp : '', record } as Wrapped;
}

/** The merge rules read and extend the record inside a wrapped item (a health history's clearances). */
const WRAPPED_BODY: RecordBody<RestorableRecord> = {
  get: (item) => (item as Wrapped).record,
  set: (item, record) => ({ ...(item as Wrapped), record: record as Row }) as Wrapped,
};

function fromPlanItem(spec: TableSpec, item: RestorableRecord): Row {
  return needsWrapper(spec) ? (item as Wrapped).record : (item as unknown as Row);
}

/** A stored row as the backup carries it (index-only fields left out), for comparing. */
function recordOfRow(spec: TableSpec, row: Row): Row {
  return spec.name === 'clients' ? spec.toBackup(row) : row;
}

/**
 * Conflict copies already in the database, by the id they are a copy of: merging the same
 * backup twice must not add a second copy. There is no index on the field, so the table is
 * scanned, once, and only when a batch has a signed record that differs.
 */
export class ExistingCopies {
  private byOriginal: Map<string, Row[]> | undefined;

  async of(store: RestoreWriter, table: TableName, ids: readonly string[]): Promise<Row[]> {
    if (table !== 'sessions') return [];
    if (!this.byOriginal) {
      this.byOriginal = new Map();
      this.add(await store.conflictCopies());
    }
    return ids.flatMap((id) => this.byOriginal?.get(id) ?? []);
  }

  add(copies: readonly Row[]): void {
    if (!this.byOriginal) return;
    for (const copy of copies) {
      const original = String(copy.conflictCopyOf);
      const list = this.byOriginal.get(original);
      if (list) list.push(copy);
      else this.byOriginal.set(original, [copy]);
    }
  }
}

export interface MergedBatch {
  puts: Row[];
  counts: RestoreCounts;
  conflicts: RestoreConflict[];
  notApplied: { id: string; why: 'history' | 'setting'; record: Row }[];
  /** What Replace all would do with the same records: added, updated or unchanged. */
  replaceCounts: RestoreCounts;
}

/** Merge rules for one batch against the matching records here (see planTableRestore). */
export async function mergeBatch(
  store: RestoreWriter,
  spec: TableSpec,
  records: readonly Row[],
  copies: ExistingCopies,
  choices: { newId?: () => string; takeSettings?: boolean } = {},
): Promise<MergedBatch> {
  const keys = records.map((record) => record[spec.key] as string);
  const found = await store.recordsByKey(spec.name, keys);
  const options = {
    mode: 'merge' as const,
    policy: policyOf(spec.name, STILLPOINT_MERGE_POLICIES),
    ...(needsWrapper(spec) ? { body: WRAPPED_BODY } : {}),
    ...(choices.takeSettings ? { takeIncomingSettings: true } : {}),
    ...(choices.newId ? { newId: choices.newId } : {}),
  };
  const current = found.map((row) => toPlanItem(spec, recordOfRow(spec, row)));
  const incoming = records.map((record) => toPlanItem(spec, record));
  let conflicts: RestoreConflict[] = [];
  let plan = planTableRestore(spec.name, current, incoming, options, conflicts);
  if (plan.conflicts > 0) {
    // A signed record differs: look for a copy kept by an earlier merge before adding another.
    const kept = await copies.of(
      store,
      spec.name,
      found.map((row) => keyOf(spec, row)),
    );
    if (kept.length > 0) {
      conflicts = [];
      plan = planTableRestore(
        spec.name,
        [...current, ...kept.map((row) => toPlanItem(spec, row))],
        incoming,
        options,
        conflicts,
      );
    }
  }
  const replacePlan = planTableRestore(spec.name, current, incoming, { mode: 'replace' });
  const puts = plan.puts.map((item) => spec.toRow(fromPlanItem(spec, item)));
  copies.add(puts.filter((row) => typeof row.conflictCopyOf === 'string'));
  return {
    puts,
    counts: {
      added: plan.added,
      updated: plan.updated,
      unchanged: plan.unchanged,
      keptCurrent: plan.keptCurrent,
      deleted: 0,
      conflicts: plan.conflicts,
      refused: plan.refused,
      settingsKept: plan.settingsKept,
    },
    conflicts,
    replaceCounts: { ...replacePlan, deleted: 0 },
    notApplied: plan.notApplied.map(({ id, why }) => ({
      id,
      why,
      record: records.find((record) => keyOf(spec, record) === id)!,
    })),
  };
}
