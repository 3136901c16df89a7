import { jsonEqual } from '../backup/equal';

/**
 * The merge decision rules, in one place: what happens when a record from elsewhere (a backup
 * being merged; later, a practice computer through sync) meets the record with the same key
 * here. Pure: no database, no clock of its own (the caller passes `now`), so restore and sync
 * decide the same way and tests can pin every rule.
 *
 * - Versioned records (clients, health histories, session notes): the newer `updatedAt` wins;
 *   a tie keeps this computer's. A signed note is never overwritten: when the losing version is
 *   signed, the incoming one is kept beside it as a conflict copy.
 * - Lists of history inside a versioned record (a health history's physician clearances) are
 *   append-only: whichever version wins, it keeps every entry (by id) the other one had, so a
 *   merge never drops a clearance recorded on either side (`keepAppendOnlyEntries`).
 * - History (audit entries, after-effect reports, intake submissions, signed consents and their
 *   withdrawals, outcome scores, follow-ups) is append-only: a new entry is added, an
 *   identical one is nothing new, and an entry whose id is here with different content is
 *   refused (reported, never applied), whatever its timestamp says.
 * - Settings (the app lock's passcode, the practice details, ...) stay as they are here unless
 *   the user chooses to take the file's; then the file's version is taken.
 * - Every moment a record carries must be at most a day after `now`: a record stamped in 2099
 *   would win every later merge.
 * - A health history, note or after-effect must belong to a client that exists here or in the
 *   file.
 */

export type MergePolicy =
  | {
      kind: 'versioned';
      signedField?: string;
      /** Fields holding arrays of `{ id }` entries that only ever grow (see the rules above). */
      appendOnlyLists?: readonly string[];
    }
  | { kind: 'append-only' }
  | { kind: 'local-first' };

export type ConflictReason = 'both-signed' | 'current-signed' | 'incoming-signed';

export type MergeDecision =
  /** The key is not here: add the incoming record. */
  | { kind: 'add' }
  /** Identical (or an already-kept copy of it): nothing to do. */
  | { kind: 'unchanged' }
  /** The incoming version replaces this computer's. */
  | { kind: 'replace' }
  /** This computer's version is newer (or as new) and stays. */
  | { kind: 'keep-current' }
  /** A signed version would be lost: keep this computer's and add the incoming beside it. */
  | { kind: 'conflict-copy'; reason: ConflictReason }
  /** History differs under the same id: never applied, reported. */
  | { kind: 'refuse-history' }
  /** A setting the user did not choose to take from the file: this computer's stays. */
  | { kind: 'keep-setting' };

/** The record fields the rules read: when it last changed, and whatever marks it signed. */
export interface MergeRecord {
  readonly updatedAt?: unknown;
}

export interface DecideOptions {
  /** Settings: take the file's version (the user chose it). Default false. */
  takeIncomingSettings?: boolean;
  /** Whether `incoming` already sits here as a conflict copy of `current` (asked only then). */
  alreadyCopied?: () => boolean;
}

function timeOf(record: MergeRecord): number {
  const time = typeof record.updatedAt === 'string' ? Date.parse(record.updatedAt) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

function isSigned(record: MergeRecord, field: string | undefined): boolean {
  if (field === undefined) return false;
  const value = (record as Record<string, unknown>)[field];
  return value !== null && value !== undefined;
}

/** What to do with `incoming` given the record with the same key here (or none). */
export function decideMerge(
  policy: MergePolicy,
  current: MergeRecord | undefined,
  incoming: MergeRecord,
  options: DecideOptions = {},
): MergeDecision {
  if (current === undefined) {
    return policy.kind === 'local-first' && !options.takeIncomingSettings
      ? { kind: 'keep-setting' }
      : { kind: 'add' };
  }
  if (jsonEqual(current, incoming)) return { kind: 'unchanged' };
  switch (policy.kind) {
    case 'append-only':
      return { kind: 'refuse-history' };
    case 'local-first':
      return options.takeIncomingSettings ? { kind: 'replace' } : { kind: 'keep-setting' };
    case 'versioned': {
      const incomingWins = timeOf(incoming) > timeOf(current);
      const currentSigned = isSigned(current, policy.signedField);
      const incomingSigned = isSigned(incoming, policy.signedField);
      const loserSigned = incomingWins ? currentSigned : incomingSigned;
      if (!loserSigned) return incomingWins ? { kind: 'replace' } : { kind: 'keep-current' };
      if (options.alreadyCopied?.()) return { kind: 'unchanged' };
      const reason: ConflictReason =
        currentSigned && incomingSigned
          ? 'both-signed'
          : currentSigned
            ? 'current-signed'
            : 'incoming-signed';
      return { kind: 'conflict-copy', reason };
    }
  }
}

/** Stillpoint's tables and their policies. A table not listed here is versioned, unsigned. */
export const STILLPOINT_MERGE_POLICIES: Readonly<Record<string, MergePolicy>> = {
  clients: { kind: 'versioned' },
  healthHistories: { kind: 'versioned', appendOnlyLists: ['clearances'] },
  sessions: { kind: 'versioned', signedField: 'signedAt' },
  afterEffects: { kind: 'append-only' },
  auditLog: { kind: 'append-only' },
  settings: { kind: 'local-first' },
  // Intake and consent: what the client submitted and signed is never replaced, only added.
  // Consent wording and a client's unfinished form are versioned like any edited record.
  consentVersions: { kind: 'versioned' },
  intakeDrafts: { kind: 'versioned' },
  intakeSubmissions: { kind: 'append-only' },
  consents: { kind: 'append-only' },
  // Documents and photos: the file never changes (its hash is its identity); title, kind, date
  // and note may be corrected, so the newer details win like any edited record.
  attachments: { kind: 'versioned' },
  // Outcomes: a profile's words are versioned (they change only until scored); scores and
  // follow-ups are records of what the client said, only ever added.
  outcomeProfiles: { kind: 'versioned' },
  outcomeScores: { kind: 'append-only' },
  followUps: { kind: 'append-only' },
};

function entryId(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const id = (entry as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The winning version of a record, with every entry of its append-only lists that only the
 * losing version had added at the end (in the loser's order). Returns `winner` itself when
 * nothing is missing, so a caller can tell "changed" by identity. Entries are matched by id;
 * an entry present on both sides keeps the winner's content.
 */
export function keepAppendOnlyEntries<T extends Readonly<Record<string, unknown>>>(
  policy: MergePolicy,
  winner: T,
  loser: Readonly<Record<string, unknown>>,
): T {
  if (policy.kind !== 'versioned' || !policy.appendOnlyLists) return winner;
  let result: T = winner;
  for (const field of policy.appendOnlyLists) {
    const theirs = loser[field];
    if (!Array.isArray(theirs)) continue;
    const ours = Array.isArray(winner[field]) ? (winner[field] as unknown[]) : [];
    const known = new Set(ours.map(entryId));
    const missing = theirs.filter((entry) => {
      const id = entryId(entry);
      return id !== undefined && !known.has(id);
    });
    if (missing.length > 0) result = { ...result, [field]: [...ours, ...missing] };
  }
  return result;
}

export function policyOf(table: string, policies = STILLPOINT_MERGE_POLICIES): MergePolicy {
  return Object.hasOwn(policies, table) ? policies[table]! : { kind: 'versioned' };
}

// ---------------------------------------------------------------------------------------------
// Removing a document

/**
 * Whether a document (attachments row) may be removed, given the session note it belongs to (or
 * undefined: a client's own document, or a note not here). A signed note's documents are part of
 * what was signed: never removed, whether the removal is made here or arrives from another
 * computer (sync refuses it and sends the document back out). Deleting the whole client is not
 * a removal and is not asked here.
 */
export function mayRemoveDocument(note: Readonly<Record<string, unknown>> | undefined): boolean {
  if (note === undefined) return true;
  return note.status !== 'signed' && (note.signedAt === undefined || note.signedAt === null);
}

// ---------------------------------------------------------------------------------------------
// Moments in the future

/** How far past `now` a moment may be: a day covers time zones and a clock a little ahead. */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** The moments (ISO timestamps) each table's records carry. */
export const STILLPOINT_MOMENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  clients: ['createdAt', 'updatedAt'],
  healthHistories: ['updatedAt'],
  sessions: ['createdAt', 'updatedAt', 'signedAt'],
  afterEffects: ['reportedAt'],
  auditLog: ['at'],
  settings: ['updatedAt'],
  consentVersions: ['createdAt', 'updatedAt'],
  intakeDrafts: ['updatedAt'],
  intakeSubmissions: ['submittedAt'],
  consents: ['at'],
  attachments: ['addedAt', 'updatedAt'],
  outcomeProfiles: ['createdAt', 'updatedAt'],
  outcomeScores: ['recordedAt'],
  followUps: ['recordedAt'],
};

/** The first moment of `record` more than a day after `now`, as { field, value }, or null. */
export function futureMoment(
  table: string,
  record: Readonly<Record<string, unknown>>,
  now: Date,
  fields = STILLPOINT_MOMENT_FIELDS,
): { field: string; value: string } | null {
  if (!Object.hasOwn(fields, table)) return null;
  const latest = now.getTime() + FUTURE_TOLERANCE_MS;
  for (const field of fields[table]!) {
    const value = record[field];
    if (typeof value !== 'string') continue;
    const time = Date.parse(value);
    if (!Number.isNaN(time) && time > latest) return { field, value };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// References

/**
 * The field of each table that names the client it belongs to. Audit entries are left out on
 * purpose: the entry that records a client's deletion outlives the client.
 */
export const STILLPOINT_CLIENT_REFERENCES: Readonly<Record<string, string>> = {
  healthHistories: 'clientId',
  sessions: 'clientId',
  afterEffects: 'clientId',
  intakeDrafts: 'clientId',
  intakeSubmissions: 'clientId',
  consents: 'clientId',
  attachments: 'clientId',
  outcomeProfiles: 'clientId',
  outcomeScores: 'clientId',
  followUps: 'clientId',
};

/** The client id `record` belongs to, when its table has one. */
export function clientReferenceOf(
  table: string,
  record: Readonly<Record<string, unknown>>,
  references = STILLPOINT_CLIENT_REFERENCES,
): string | undefined {
  if (!Object.hasOwn(references, table)) return undefined;
  const value = record[references[table]!];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Two versions of one note met and one of them is signed, so both are kept (a conflict copy):
 * which one keeps the note's own id. Restoring a backup keeps this computer's; sync asks this
 * instead, so that every computer keeps the same version under the note's id and the other one
 * as the same copy (see docs/sync.md, "How records meet"): a signed version before a draft, then
 * the later signature, then (the same moment) the version whose text sorts first.
 */
export function versionKeepingTheId<T extends Readonly<Record<string, unknown>>>(
  a: T,
  b: T,
  signedField = 'signedAt',
): T {
  const signedA = typeof a[signedField] === 'string' ? String(a[signedField]) : '';
  const signedB = typeof b[signedField] === 'string' ? String(b[signedField]) : '';
  if ((signedA === '') !== (signedB === '')) return signedA === '' ? b : a;
  if (signedA !== signedB) return signedA > signedB ? a : b;
  const updatedA = typeof a.updatedAt === 'string' ? a.updatedAt : '';
  const updatedB = typeof b.updatedAt === 'string' ? b.updatedAt : '';
  if (updatedA !== updatedB) return updatedA > updatedB ? a : b;
  return sortedJson(a) <= sortedJson(b) ? a : b;
}

function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}
