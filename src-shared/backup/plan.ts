import {
  type ConflictReason,
  decideMerge,
  keepAppendOnlyEntries,
  type MergePolicy,
} from '../merge/merge-rules';
import { jsonEqual } from './equal';
import { invalidRecordsError } from './errors';

export type { ConflictReason } from '../merge/merge-rules';

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
  /** Merge: history (audit entries, after-effects) that differs under an id here: not applied. */
  refused: number;
  /** Merge: settings in the file that were not taken (this computer's kept). */
  settingsKept: number;
}

export interface TablePlan<R extends RestorableRecord = RestorableRecord> extends RestoreCounts {
  /** Records to put (insert or overwrite by id), including conflict copies. */
  puts: R[];
  /** Ids to delete (replace mode only). */
  deletes: string[];
  /** Merge: ids of incoming records not applied (refused history, settings kept here). */
  notApplied: { id: string; why: 'history' | 'setting' }[];
}

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

/** How to reach the stored record inside a plan item (see `planTableRestore`'s `body`). */
export interface RecordBody<R> {
  get(item: R): Readonly<Record<string, unknown>>;
  set(item: R, body: Readonly<Record<string, unknown>>): R;
}

const PLAIN_BODY: RecordBody<never> = {
  get: (item) => item as unknown as Record<string, unknown>,
  set: (_item, body) => body as never,
};

/** Every count of a restore at zero. */
export function emptyCounts(): RestoreCounts {
  return {
    added: 0,
    updated: 0,
    unchanged: 0,
    keptCurrent: 0,
    deleted: 0,
    conflicts: 0,
    refused: 0,
    settingsKept: 0,
  };
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
 * Plans one table. Merge decides each record by id with the shared rules
 * (src-shared/merge/merge-rules.ts, `policy`; default: versioned, signed by `signedField`):
 * newer wins, a signed loser is kept beside as a conflict copy (`conflictCopyOf: <id>`, found
 * again on a second merge so nothing is added twice), history is append-only, settings stay.
 * Replace: the table becomes exactly the incoming records (puts + deletes, unchanged skipped).
 * O(current + incoming) with Maps; deep comparison only for ids present on both sides.
 */
export function planTableRestore<R extends RestorableRecord>(
  table: string,
  current: readonly R[],
  incoming: readonly R[],
  options: {
    mode: RestoreMode;
    signedField?: string;
    policy?: MergePolicy;
    takeIncomingSettings?: boolean;
    newId?: () => string;
    /**
     * Where the stored record sits in a plan item, for a caller that wraps records (keyed by
     * something other than `id`). Default: the item is the record.
     */
    body?: RecordBody<R>;
  },
  conflicts: RestoreConflict<R>[] = [],
): TablePlan<R> {
  const body = options.body ?? PLAIN_BODY;
  // The version that stays, with every append-only entry of the other version (a clearance).
  const keepEntries = (winner: R, loser: R): R => {
    const inner = body.get(winner);
    const combined = keepAppendOnlyEntries(policy, inner, body.get(loser));
    return combined === inner ? winner : body.set(winner, combined);
  };
  const plan: TablePlan<R> = { ...emptyCounts(), puts: [], deletes: [], notApplied: [] };
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const policy: MergePolicy = options.policy ?? {
    kind: 'versioned',
    ...(options.signedField ? { signedField: options.signedField } : {}),
  };
  const takeIncomingSettings = options.takeIncomingSettings === true;
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
    if (options.mode === 'replace') {
      if (!existing) {
        plan.puts.push(record);
        plan.added++;
      } else if (jsonEqual(existing, record)) plan.unchanged++;
      else {
        plan.puts.push(record);
        plan.updated++;
      }
      return;
    }
    const decision = decideMerge(policy, existing, record, {
      takeIncomingSettings,
      alreadyCopied: () =>
        copiesOf.get(record.id)?.some((copy) => jsonEqual(copy, record, COPY_KEYS)) ?? false,
    });
    switch (decision.kind) {
      case 'add':
        plan.puts.push(record);
        plan.added++;
        return;
      case 'unchanged':
        plan.unchanged++;
        return;
      case 'replace':
        plan.puts.push(keepEntries(record, existing!));
        plan.updated++;
        return;
      case 'keep-current': {
        const kept = keepEntries(existing!, record);
        if (kept === existing) plan.keptCurrent++;
        else {
          plan.puts.push(kept);
          plan.updated++;
        }
        return;
      }
      case 'refuse-history':
        plan.refused++;
        plan.notApplied.push({ id: record.id, why: 'history' });
        return;
      case 'keep-setting':
        plan.settingsKept++;
        plan.notApplied.push({ id: record.id, why: 'setting' });
        return;
      case 'conflict-copy': {
        const copy = { ...record, id: newId(), [CONFLICT_COPY_FIELD]: record.id } as R;
        plan.puts.push(copy);
        plan.conflicts++;
        conflicts.push({
          table,
          id: record.id,
          copyId: copy.id,
          reason: decision.reason,
          current: existing!,
          incoming: record,
        });
        return;
      }
    }
  });
  if (options.mode === 'replace') {
    for (const id of currentById.keys()) {
      if (!seen.has(id)) plan.deletes.push(id);
    }
    plan.deleted = plan.deletes.length;
  }
  return plan;
}
