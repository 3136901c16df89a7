import { z } from 'zod';
import { fromBase64, type RecordValidators, toBase64, zodValidator } from '../../src-shared/backup';
import { AttachmentSchema } from '../../src-shared/documents/attachment';
import { AuditEntrySchema } from '../../src-shared/domain/audit';
import { type Client, ClientSchema } from '../../src-shared/domain/client';
import { TimestampSchema } from '../../src-shared/domain/dates';
import { StoredHealthHistorySchema } from '../../src-shared/domain/health-history';
import { logoDimensionsProblem } from '../../src-shared/domain/image-dimensions';
import { AfterEffectReportSchema, StoredSessionNoteSchema } from '../../src-shared/domain/session-note';
import { SETTINGS_KEYS } from '../../src-shared/domain/settings';
import {
  ConsentRecordSchema,
  ConsentVersionSchema,
  IntakeDraftSchema,
  IntakeSubmissionSchema,
} from '../../src-shared/intake/records';
import { FollowUpSchema, OutcomeProfileSchema, OutcomeScoreSchema } from '../../src-shared/outcomes/schemas';
import { CLIENT_INDEX_FIELDS, clientRowFor } from './clients-repository';
import { TABLE_NAMES, type TableName } from './database';

/** The largest file the documents feature accepts (issue 15: 50 MB a file). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/**
 * How each table travels in a backup: its primary key, the schema every record must pass (on
 * the way out and on the way back), the time used to decide which version is newer in a merge,
 * and the two conversions between a stored row and a backup record.
 */
type Row = Record<string, unknown>;

/**
 * Settings values may hold bytes (the practice logo). JSON has no bytes, so a backup carries a
 * Uint8Array as `{"$bytes": "<base64>"}` and a restore turns it back. No settings value of
 * Stillpoint's has a `$bytes` key of its own.
 */
const BYTES_KEY = '$bytes';

export function encodeBytes(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES_KEY]: toBase64(value) };
  if (Array.isArray(value)) return value.map(encodeBytes);
  if (typeof value === 'object' && value !== null) {
    const out: Row = {};
    for (const [key, inner] of Object.entries(value)) out[key] = encodeBytes(inner);
    return out;
  }
  return value;
}

export function decodeBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBytes);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === BYTES_KEY && typeof entries[0]![1] === 'string') {
      const bytes = fromBase64(entries[0]![1]);
      if (bytes) return bytes;
    }
    const out: Row = {};
    for (const [key, inner] of entries) out[key] = decodeBytes(inner);
    return out;
  }
  return value;
}

/**
 * The practice logo inside a settings value, if it has bytes: the one settings value whose
 * size matters before any screen reads it (a decompression bomb in a backup, issue 13).
 */
function practiceLogoBytes(value: unknown): Uint8Array | null {
  const logo = (value as { practice?: { logo?: { bytes?: unknown } } } | null)?.practice?.logo;
  return logo?.bytes instanceof Uint8Array ? logo.bytes : null;
}

/** A settings row: one key, its value (checked by the screen that reads it), when it changed. */
export const SettingsRowSchema = z
  .object({
    key: z.string().min(1).max(200),
    value: z.unknown().transform(decodeBytes),
    updatedAt: TimestampSchema,
  })
  .superRefine((row, ctx) => {
    if (row.key !== SETTINGS_KEYS.practice) return;
    const bytes = practiceLogoBytes(row.value);
    const problem = bytes ? logoDimensionsProblem(bytes) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['value', 'practice', 'logo'], message: problem });
  });

export interface TableSpec {
  name: TableName;
  /** The primary key field of the Dexie table. */
  key: 'id' | 'clientId' | 'key';
  /** When the record last changed, for "newer wins" in a merge. */
  stamp: (record: Row) => unknown;
  /** A stored row as it goes into a backup (index-only fields left out, bytes encoded). */
  toBackup: (row: Row) => Row;
  /** A validated backup record as it is stored (index fields recomputed). */
  toRow: (record: Row) => Row;
}

const same = (row: Row) => row;
const updatedAt = (record: Row) => record.updatedAt;

function withoutClientIndexFields(row: Row): Row {
  const out = { ...row };
  for (const field of CLIENT_INDEX_FIELDS) delete out[field];
  return out;
}

export const TABLE_SPECS: Readonly<Record<TableName, TableSpec>> = {
  clients: {
    name: 'clients',
    key: 'id',
    stamp: updatedAt,
    toBackup: withoutClientIndexFields,
    toRow: (record) => clientRowFor(record as Client),
  },
  healthHistories: {
    name: 'healthHistories',
    key: 'clientId',
    stamp: updatedAt,
    toBackup: same,
    toRow: same,
  },
  sessions: { name: 'sessions', key: 'id', stamp: updatedAt, toBackup: same, toRow: same },
  // Reports and audit entries are never edited, so the time they were made is their version.
  afterEffects: {
    name: 'afterEffects',
    key: 'id',
    stamp: (record) => record.reportedAt,
    toBackup: same,
    toRow: same,
  },
  auditLog: { name: 'auditLog', key: 'id', stamp: (record) => record.at, toBackup: same, toRow: same },
  settings: {
    name: 'settings',
    key: 'key',
    stamp: updatedAt,
    toBackup: (row) => encodeBytes(row) as Row,
    toRow: same,
  },
  // Intake and consent (schema version 3). Submissions and consent records are never edited:
  // the moment they were made is their version.
  consentVersions: { name: 'consentVersions', key: 'id', stamp: updatedAt, toBackup: same, toRow: same },
  intakeDrafts: { name: 'intakeDrafts', key: 'clientId', stamp: updatedAt, toBackup: same, toRow: same },
  intakeSubmissions: {
    name: 'intakeSubmissions',
    key: 'id',
    stamp: (record) => record.submittedAt,
    toBackup: same,
    toRow: same,
  },
  consents: { name: 'consents', key: 'id', stamp: (record) => record.at, toBackup: same, toRow: same },
  // Documents and photos (schema version 4): the metadata row; the bytes travel as their own
  // segments (attachmentBlobs, backup format v2).
  attachments: { name: 'attachments', key: 'id', stamp: updatedAt, toBackup: same, toRow: same },
  // Outcomes (schema version 5): a profile's words may change until scored; scores and
  // follow-ups are never edited, so the moment they were recorded is their version.
  outcomeProfiles: { name: 'outcomeProfiles', key: 'id', stamp: updatedAt, toBackup: same, toRow: same },
  outcomeScores: {
    name: 'outcomeScores',
    key: 'id',
    stamp: (record) => record.recordedAt,
    toBackup: same,
    toRow: same,
  },
  followUps: {
    name: 'followUps',
    key: 'id',
    stamp: (record) => record.recordedAt,
    toBackup: same,
    toRow: same,
  },
};

export const BACKUP_TABLES: readonly TableSpec[] = TABLE_NAMES.map((name) => TABLE_SPECS[name]);

/** The shared schemas, one per table: a backup and a restore both check every record. */
export const RECORD_VALIDATORS: RecordValidators = {
  clients: zodValidator(ClientSchema),
  // A history from an older backup gains `reviewedAt` the way the database upgrade adds it.
  healthHistories: zodValidator(StoredHealthHistorySchema),
  sessions: zodValidator(StoredSessionNoteSchema),
  afterEffects: zodValidator(AfterEffectReportSchema),
  auditLog: zodValidator(AuditEntrySchema),
  settings: zodValidator(SettingsRowSchema),
  consentVersions: zodValidator(ConsentVersionSchema),
  intakeDrafts: zodValidator(IntakeDraftSchema),
  intakeSubmissions: zodValidator(IntakeSubmissionSchema),
  consents: zodValidator(ConsentRecordSchema),
  attachments: zodValidator(AttachmentSchema),
  outcomeProfiles: zodValidator(OutcomeProfileSchema),
  outcomeScores: zodValidator(OutcomeScoreSchema),
  followUps: zodValidator(FollowUpSchema),
};

export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}
