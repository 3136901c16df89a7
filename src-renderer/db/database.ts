import Dexie, { type EntityTable } from 'dexie';
import { upgradeHealthHistoryRow } from '../../src-shared/domain/health-history';
import { SETTINGS_KEYS, withoutOversizedLogo } from '../../src-shared/domain/settings';

/**
 * The one Dexie database. Every version ever shipped stays declared here, each with a
 * fixture and an upgrade test (tests/unit/db/). Repositories (one per table, beside this
 * file) are the only code that touches a table.
 *
 * Record types come from the zod schemas in src-shared/domain; the database stores them as
 * they are, so the tables are typed loosely here and precisely in the repositories.
 */
export const DATABASE_NAME = 'stillpoint';

/** The schema version this build writes. A database with a higher version is refused. */
export const CURRENT_SCHEMA_VERSION = 5;

// biome-ignore lint/suspicious/noExplicitAny: narrowed by each repository's zod schema
type AnyRecord = Record<string, any>;

export class StillpointDatabase extends Dexie {
  clients!: EntityTable<AnyRecord & { id: string }, 'id'>;
  healthHistories!: EntityTable<AnyRecord & { clientId: string }, 'clientId'>;
  sessions!: EntityTable<AnyRecord & { id: string }, 'id'>;
  afterEffects!: EntityTable<AnyRecord & { id: string }, 'id'>;
  auditLog!: EntityTable<AnyRecord & { id: string }, 'id'>;
  settings!: EntityTable<AnyRecord & { key: string }, 'key'>;
  intakeDrafts!: EntityTable<AnyRecord & { clientId: string }, 'clientId'>;
  intakeSubmissions!: EntityTable<AnyRecord & { id: string }, 'id'>;
  consentVersions!: EntityTable<AnyRecord & { id: string }, 'id'>;
  consents!: EntityTable<AnyRecord & { id: string }, 'id'>;
  attachments!: EntityTable<AnyRecord & { id: string }, 'id'>;
  attachmentBlobs!: EntityTable<{ id: string; data: Blob }, 'id'>;
  outcomeProfiles!: EntityTable<AnyRecord & { id: string }, 'id'>;
  outcomeScores!: EntityTable<AnyRecord & { id: string }, 'id'>;
  followUps!: EntityTable<AnyRecord & { id: string }, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    // Strict durability: a write is acknowledged only once it is on disk, so a save the app
    // reported as done survives a crash or a power cut (Chromium defaults to "relaxed").
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      // *searchTokens: folded name words (multiEntry) for prefix search ignoring case and accents.
      clients: 'id, sortKey, lastVisitAt, updatedAt, *searchTokens',
      healthHistories: 'clientId',
      sessions: 'id, clientId, [clientId+serviceDate], status, updatedAt',
      afterEffects: 'id, sessionId, clientId',
      // Append-only: the repository only ever adds entries.
      auditLog: 'id, noteId, clientId, at',
      settings: 'key',
    });
    // 2: health histories record the day they were last reviewed with the client (`reviewedAt`);
    // a stored practice logo larger than 4096 x 4096 pixels is dropped.
    // No index changes; the rows are rewritten so they pass today's schema.
    this.version(2)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table('healthHistories')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            Object.assign(row, upgradeHealthHistoryRow(row));
          });
        // A practice logo too large to print (accepted before version 2) is left out, so the
        // practice details still read and still back up (withoutOversizedLogo).
        await tx
          .table('settings')
          .where('key')
          .equals(SETTINGS_KEYS.practice)
          .modify((row: Record<string, unknown>) => {
            row.value = withoutOversizedLogo(row.value);
          });
      });
    // 3: client intake and consent (issue 14): the client's unfinished answers (one draft per
    // client), submitted answers (never changed), the practice's consent wording by version, and
    // signed consents and their withdrawals (append-only). New tables only: no rows to upgrade.
    this.version(3).stores({
      intakeDrafts: 'clientId',
      intakeSubmissions: 'id, clientId, submittedAt',
      consentVersions: 'id, version',
      consents: 'id, clientId, consentVersionId, at',
    });
    // 4: documents and photos (issue 15): attachment metadata (one row per file) and the file's
    // bytes, kept apart so lists and backups of metadata never load the bytes.
    this.version(4).stores({
      attachments: 'id, clientId, sessionId, addedAt',
      attachmentBlobs: 'id',
    });
    // 5: outcomes the client chooses and the after-effects follow-up (issue 16): outcome
    // profiles (the client's own words), their scores (append-only) and follow-ups after a signed
    // session (append-only). New tables only: no rows to upgrade.
    this.version(5).stores({
      outcomeProfiles: 'id, clientId, createdAt',
      outcomeScores: 'id, clientId, profileId, sessionId',
      followUps: 'id, clientId, sessionId',
    });
  }
}

let instance: StillpointDatabase | undefined;

export function database(): StillpointDatabase {
  instance ??= new StillpointDatabase();
  return instance;
}

/** Tables in backup order: parents before children. */
export const TABLE_NAMES = [
  'clients',
  'healthHistories',
  'sessions',
  'afterEffects',
  'auditLog',
  'settings',
  'consentVersions',
  'intakeDrafts',
  'intakeSubmissions',
  'consents',
  'attachments',
  'outcomeProfiles',
  'outcomeScores',
  'followUps',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];
