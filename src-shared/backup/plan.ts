import { jsonEqual } from './equal';
import { invalidRecordsError } from './errors';

/** What the planner needs of every record: an id and when it last changed (ISO timestamp). */
export interface RestorableRecord {
  id: string;
  updatedAt: string;
}

export type RestoreMode = 'replace' | 'merge';

/** Stillpoint's tables whose records can be signed, and the field that says so (non-null = signed). */
export const STILLPOINT_SIGNED_FIELDS: Readonly<Record<string, string>> = { sessions: 'signedAt' };

/** The field a conflict copy carries: the id of the record it conflicts with. */
export const CONFLICT_COPY_FIELD = 'conflictCopyOf';

export interface PlanRestoreInput<R extends RestorableRecord = RestorableRecord> {
  /** The records in the database now, by table. */
  current: Readonly<Record<string, readonly R[]>>;
  /** The records in the backup (validated), by table. */
  incoming: Readonly<Record<string, readonly R[]>>;
  mode: RestoreMode;
  /** Table -> field marking a signed record. Default: STILLPOINT_SIGNED_FIELDS. */
  signedFields?: Readonly<Record<string, string>>;
  /** Makes ids for conflict copies. Default: crypto.randomUUID. */
  newId?: () => string;
  /** Tables to plan. Default: every table named in `current` or `incoming`. */
  tables?: readonly string[];
}

export interface RestoreCounts {
  /** Incoming records whose id is not in the database. */
  added: number;
  /** Database records replaced by a different incoming version. */
  updated: number;
  /** Incoming records identical to the database's (or an already-kept conflict copy). */
  unchanged: number;
  /** Merge: the database's version is newer (or as new) and stays. */
  keptCurrent: number;
  /** Replace: database records that are not in the backup. */
  deleted: number;
  /** Merge: a signed version would have been lost; both are kept. */
  conflicts: number;
}

export interface TablePlan<R extends RestorableRecord = RestorableRecord> extends RestoreCounts {
  /** Records to put (insert or overwrite by id), including conflict copies. */
  puts: R[];
  /** Ids to delete (replace mode only). */
  deletes: string[];
}

export type ConflictReason = 'both-signed' | 'current-signed' | 'incoming-signed';

export interface RestoreConflict<R extends RestorableRecord = RestorableRecord> {
  table: string;
  /** The id both versions share; the database's version keeps it. */
  id: string;
  /** The id given to the incoming version, which is added beside it. */
  copyId: string;
  reason: ConflictReason;
  current: R;
  incoming: R;
}

export interface RestorePlan<R extends RestorableRecord = RestorableRecord> {
  mode: RestoreMode;
  tables: Record<string, TablePlan<R>>;
  conflicts: RestoreConflict<R>[];
  summary: RestoreCounts & { puts: number; deletes: number };
}

function emptyCounts(): RestoreCounts {
  return { added: 0, updated: 0, unchanged: 0, keptCurrent: 0, deleted: 0, conflicts: 0 };
}

function isSigned(record: RestorableRecord, field: string | undefined): boolean {
  if (field === undefined) return false;
  const value = (record as unknown as Record<string, unknown>)[field];
  return value !== null && value !== undefined;
}

function timeOf(record: RestorableRecord): number {
  const time = typeof record.updatedAt === 'string' ? Date.parse(record.updatedAt) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

const COPY_KEYS = new Set(['id', CONFLICT_COPY_FIELD]);

function checkIncoming(table: string, index: number, record: RestorableRecord, seen: Set<string>): void {
  const fail = (field: string, message: string) => {
    const id = typeof record?.id === 'string' ? { id: record.id } : {};
    return invalidRecordsError([{ table, index, ...id, field, message }]);
  };
  if (typeof record !== 'object' || record === null) throw fail('', 'is not a record');
  if (typeof record.id !== 'string' || record.id.length === 0) throw fail('id', 'has no id');
  if (seen.has(record.id)) throw fail('id', 'appears twice in the backup');
  if (typeof record.updatedAt !== 'string' || Number.isNaN(Date.parse(record.updatedAt))) {
    throw fail('updatedAt', 'is not a date and time');
  }
  seen.add(record.id);
}

/**
 * Plans one table. Merge rules, by record id:
 * - a new id is added; an identical record is unchanged;
 * - otherwise the newer `updatedAt` wins (a tie keeps the database's version);
 * - but when the losing version is signed (its signed field is non-null), nothing is lost: the
 *   database's version keeps its id and the incoming one is added beside it with a new id and
 *   `conflictCopyOf: <id>` (its signature kept), and the pair is listed as a conflict. Merging
 *   the same backup again finds that copy and adds nothing.
 * Replace: the table becomes exactly the incoming records (puts + deletes, unchanged skipped).
 * O(current + incoming) with Maps; deep comparison only for ids present on both sides.
 */
export function planTableRestore<R extends RestorableRecord>(
  table: string,
  current: readonly R[],
  incoming: readonly R[],
  options: { mode: RestoreMode; signedField?: string; newId?: () => string },
  conflicts: RestoreConflict<R>[] = [],
): TablePlan<R> {
  const plan: TablePlan<R> = { ...emptyCounts(), puts: [], deletes: [] };
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const currentById = new Map<string, R>();
  const copiesOf = new Map<string, R[]>();
  for (const record of current) {
    currentById.set(record.id, record);
    const original = (record as unknown as Record<string, unknown>)[CONFLICT_COPY_FIELD];
    if (typeof original === 'string') {
      const list = copiesOf.get(original);
      if (list) list.push(record);
      else copiesOf.set(original, [record]);
    }
  }
  const seen = new Set<string>();
  incoming.forEach((record, index) => {
    checkIncoming(table, index, record, seen);
    const existing = currentById.get(record.id);
    if (!existing) {
      plan.puts.push(record);
      plan.added++;
      return;
    }
    if (jsonEqual(existing, record)) {
      plan.unchanged++;
      return;
    }
    if (options.mode === 'replace') {
      plan.puts.push(record);
      plan.updated++;
      return;
    }
    const incomingWins = timeOf(record) > timeOf(existing);
    const currentSigned = isSigned(existing, options.signedField);
    const incomingSigned = isSigned(record, options.signedField);
    const loserSigned = incomingWins ? currentSigned : incomingSigned;
    if (!loserSigned) {
      if (incomingWins) {
        plan.puts.push(record);
        plan.updated++;
      } else plan.keptCurrent++;
      return;
    }
    if (copiesOf.get(record.id)?.some((copy) => jsonEqual(copy, record, COPY_KEYS))) {
      plan.unchanged++;
      return;
    }
    const copy = { ...record, id: newId(), [CONFLICT_COPY_FIELD]: record.id } as R;
    plan.puts.push(copy);
    plan.conflicts++;
    conflicts.push({
      table,
      id: record.id,
      copyId: copy.id,
      reason:
        currentSigned && incomingSigned
          ? 'both-signed'
          : currentSigned
            ? 'current-signed'
            : 'incoming-signed',
      current: existing,
      incoming: record,
    });
  });
  if (options.mode === 'replace') {
    for (const id of currentById.keys()) {
      if (!seen.has(id)) plan.deletes.push(id);
    }
    plan.deleted = plan.deletes.length;
  }
  return plan;
}

/**
 * Plans a restore without touching anything: what to put and delete per table, with counts for
 * the preview ("12 added, 3 updated, 1 conflict") and the list of conflicts. A table missing
 * from `incoming` counts as empty: in replace mode its records are deleted.
 * Throws BackupError INVALID_RECORDS for an incoming record without id or updatedAt, or an id
 * that appears twice.
 */
export function planRestore<R extends RestorableRecord>(input: PlanRestoreInput<R>): RestorePlan<R> {
  const signedFields = input.signedFields ?? STILLPOINT_SIGNED_FIELDS;
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
    const signedField = Object.hasOwn(signedFields, table) ? signedFields[table] : undefined;
    const tablePlan = planTableRestore(
      table,
      current,
      incoming,
      {
        mode: input.mode,
        ...(signedField ? { signedField } : {}),
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
    summary.puts += tablePlan.puts.length;
    summary.deletes += tablePlan.deletes.length;
  }
  return plan;
}
