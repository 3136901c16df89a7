import {
  type ConflictReason,
  emptyCounts,
  type RecordFailure,
  type RestoreConflict,
  type RestoreCounts,
  type RestoreMode,
} from '../../../../src-shared/backup';
import { handoutTemplateKey } from '../../../../src-shared/domain/settings';
import { LANGUAGE_NAMES, LANGUAGES, type MessageKey } from '../../../../src-shared/i18n';
import { formatDate, formatTimestamp } from '../../../app/format';
import { translate } from '../../../app/i18n';
import { isTableName, type TableSpec } from '../../../db/backup-tables';
import type { RestoreWriter } from '../../../db/restore-writer';
import { TABLE_NAMES, type TableName } from '../../../db/table-names';
import type { LoadedBackup, Row } from './load-backup';
import type { MergedBatch } from './merge-batch';

/**
 * What a restore would change and did change, in the therapist's words: per-table counts,
 * conflicts named by session and client, records Merge leaves out, and why a file cannot be
 * restored at all.
 */

export interface TableChange extends RestoreCounts {
  /** Records in this table now. */
  current: number;
  /** Records of this table in the backup. */
  incoming: number;
}

export interface ConflictView {
  table: TableName;
  id: string;
  copyId: string;
  reason: ConflictReason;
  /** "Session 3, 2025-03-04, Marta Kowalska": enough to find both versions. */
  label: string;
}

/** A record of the backup that Merge leaves out, and why, in words. */
export interface NotAppliedView {
  table: TableName;
  id: string;
  /** "App lock" (a setting kept here) or "Audit entry of Session 3, 2025-03-04, Marta Kowalska". */
  label: string;
  why: 'history' | 'setting';
}

/** At most this many not-applied records are listed by name (all are counted). */
export const NOT_APPLIED_LISTED = 50;

export interface RestorePreview {
  mode: RestoreMode;
  tables: Record<TableName, TableChange>;
  totals: RestoreCounts & { current: number; incoming: number };
  conflicts: ConflictView[];
  /** Merge: settings kept as they are here, and history entries refused (the first few). */
  notApplied: NotAppliedView[];
  /** Why this mode cannot restore the file (a record's client is nowhere), or null. */
  refusal: string | null;
}

export function emptyPreview(
  mode: RestoreMode,
  current: Record<string, number>,
  loaded: LoadedBackup,
): RestorePreview {
  const tables = {} as Record<TableName, TableChange>;
  for (const name of TABLE_NAMES) {
    tables[name] = { ...emptyCounts(), current: current[name] ?? 0, incoming: loaded.counts[name] };
  }
  return { mode, tables, totals: totalsOf(tables), conflicts: [], notApplied: [], refusal: null };
}

export function totalsOf(tables: Record<TableName, TableChange>): RestorePreview['totals'] {
  const totals = { ...emptyCounts(), current: 0, incoming: 0 };
  for (const name of TABLE_NAMES) {
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += tables[name][key];
  }
  return totals;
}

/** The name of a table for the therapist ("Session notes", "Behandlungsnotizen"), in the app's language. */
export function tableLabel(table: string): string {
  return isTableName(table) ? translate(TABLE_LABEL_KEYS[table]) : table;
}

const TABLE_LABEL_KEYS: Readonly<Record<TableName, MessageKey>> = {
  clients: 'backup.tables.clients',
  healthHistories: 'backup.tables.healthHistories',
  sessions: 'backup.tables.sessions',
  afterEffects: 'backup.tables.afterEffects',
  auditLog: 'backup.tables.auditLog',
  settings: 'backup.tables.settings',
  consentVersions: 'backup.tables.consentVersions',
  intakeDrafts: 'backup.tables.intakeDrafts',
  intakeSubmissions: 'backup.tables.intakeSubmissions',
  consents: 'backup.tables.consents',
  attachments: 'backup.tables.attachments',
  outcomeProfiles: 'backup.tables.outcomeProfiles',
  outcomeScores: 'backup.tables.outcomeScores',
  followUps: 'backup.tables.followUps',
};

/** "Session notes: record 3 (id s1) belongs to a client who is neither on this computer nor in the backup." */
function unresolvedMessage(failure: RecordFailure, client: string, mode: RestoreMode): string {
  const values = { table: tableLabel(failure.table), number: failure.index + 1, client: client.slice(0, 80) };
  const where = failure.id
    ? translate('backup.preview.recordWithId', { ...values, id: failure.id })
    : translate('backup.preview.record', values);
  return translate(mode === 'merge' ? 'backup.preview.unresolvedMerge' : 'backup.preview.unresolvedReplace', {
    where,
    client: values.client,
  });
}

/**
 * Every health history, note and after-effect must belong to a client after the restore: in the
 * backup, or (Merge) on this computer. The reason it cannot, or null.
 */
export async function unresolvedReference(
  store: RestoreWriter,
  loaded: LoadedBackup,
  mode: RestoreMode,
): Promise<string | null> {
  if (loaded.clientsOutsideFile.size === 0) return null;
  const clients = [...loaded.clientsOutsideFile.keys()];
  const missing = mode === 'merge' ? await store.missingClients(clients) : clients;
  const [client] = missing;
  return client === undefined
    ? null
    : unresolvedMessage(loaded.clientsOutsideFile.get(client)!, client, mode);
}

/** Client names for conflict labels: the backup's clients, then this computer's. */
export class ClientNames {
  private readonly names = new Map<string, string>();

  remember(clients: readonly Row[]): void {
    for (const client of clients) {
      const name = `${String(client.firstName ?? '')} ${String(client.lastName ?? '')}`.trim();
      if (typeof client.id === 'string')
        this.names.set(client.id, name || translate('backup.preview.unnamedClient'));
    }
  }

  async nameOf(store: RestoreWriter, clientId: string): Promise<string> {
    const known = this.names.get(clientId);
    if (known) return known;
    const row = await store.client(clientId);
    if (row) this.remember([row]);
    return this.names.get(clientId) ?? translate('backup.preview.unknownClient');
  }
}

export async function conflictView(
  store: RestoreWriter,
  conflict: RestoreConflict,
  names: ClientNames,
): Promise<ConflictView> {
  const note = conflict.current as unknown as Row;
  const what =
    typeof note.sessionNumber === 'number'
      ? translate('backup.preview.sessionNumber', { number: note.sessionNumber })
      : translate('backup.preview.aSessionNote');
  const client = await names.nameOf(store, String(note.clientId));
  const label =
    typeof note.serviceDate === 'string' && note.serviceDate
      ? translate('backup.preview.conflictOn', { what, date: formatDate(note.serviceDate), client })
      : translate('backup.preview.conflict', { what, client });
  return {
    table: conflict.table as TableName,
    id: conflict.id,
    copyId: conflict.copyId,
    reason: conflict.reason,
    label,
  };
}

export function addCounts(target: TableChange, counts: RestoreCounts): void {
  for (const key of Object.keys(emptyCounts()) as (keyof RestoreCounts)[]) target[key] += counts[key];
}

/** Names of the settings a therapist knows; other keys are shown as they are. */
const SETTING_LABELS: Readonly<Record<string, MessageKey>> = {
  practice: 'backup.settingNames.practice',
  'handout-template': 'backup.settingNames.handoutTemplate',
  safety: 'backup.settingNames.safety',
  'app-lock': 'backup.settingNames.appLock',
  'app-lock-failed-tries': 'backup.settingNames.appLockTries',
  'sessions.signer': 'backup.settingNames.signer',
};

/** "Safety rules", "Aftercare handout text (Deutsch)", or the key itself for one not known here. */
function settingLabel(id: string): string {
  const known = SETTING_LABELS[id];
  if (known) return translate(known);
  const language = LANGUAGES.find((candidate) => candidate !== 'en' && handoutTemplateKey(candidate) === id);
  if (language)
    return translate('backup.settingNames.handoutTemplateIn', { language: LANGUAGE_NAMES[language] });
  return translate('backup.settingNames.other', { key: id });
}

export async function notAppliedViews(
  store: RestoreWriter,
  spec: TableSpec,
  merged: MergedBatch,
  names: ClientNames,
  into: NotAppliedView[],
): Promise<void> {
  for (const { id, why, record } of merged.notApplied) {
    if (into.length >= NOT_APPLIED_LISTED) return;
    let label = settingLabel(id);
    if (why === 'history') {
      const client = await names.nameOf(store, String(record.clientId));
      // The moment it was written, as every screen writes one (several entries share a day).
      const date = formatTimestamp(String(spec.name === 'auditLog' ? record.at : record.reportedAt));
      label = translate(
        spec.name === 'auditLog' ? 'backup.preview.auditEntryOf' : 'backup.preview.afterEffectOf',
        {
          date,
          client,
        },
      );
    }
    into.push({ table: spec.name, id, label, why });
  }
}
