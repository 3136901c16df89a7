import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ClientsRepository, loadClientList } from '../../../src-renderer/db/clients-repository';
import { CURRENT_SCHEMA_VERSION, StillpointDatabase, TABLE_NAMES } from '../../../src-renderer/db/database';
import { HealthHistoryRepository } from '../../../src-renderer/db/health-history-repository';
import { openDatabaseSafely } from '../../../src-renderer/db/open-database';
import { createSessionRepositories } from '../../../src-renderer/db/sessions-repository';
import { SettingsRepository } from '../../../src-renderer/db/settings-repository';
import { BLOB_TABLES } from '../../../src-renderer/db/table-names';
import { readLockSettings } from '../../../src-renderer/features/lock/lock-service';
import {
  AppLockSchema,
  FailedTriesSchema,
  LOCK_SETTINGS_KEYS,
} from '../../../src-renderer/features/lock/lock-settings';
import { verifyPasscode } from '../../../src-renderer/features/lock/passcode';
import { AttachmentSchema } from '../../../src-shared/documents/attachment';
import { AftercareTemplateSchema } from '../../../src-shared/domain/aftercare';
import { AuditEntrySchema } from '../../../src-shared/domain/audit';
import { ClientSchema, clientSortName } from '../../../src-shared/domain/client';
import { localToday, TimestampSchema } from '../../../src-shared/domain/dates';
import { HealthHistorySchema, historyNotRecorded } from '../../../src-shared/domain/health-history';
import { AfterEffectReportSchema, StoredSessionNoteSchema } from '../../../src-shared/domain/session-note';
import {
  type PracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { foldForSearch, searchTokensFor } from '../../../src-shared/domain/text-search';
import {
  ConsentRecordSchema,
  ConsentVersionSchema,
  IntakeDraftSchema,
  IntakeSubmissionSchema,
} from '../../../src-shared/intake/records';
import {
  FollowUpSchema,
  OutcomeProfileSchema,
  OutcomeScoreSchema,
} from '../../../src-shared/outcomes/schemas';
import { SafetySettingsSchema } from '../../../src-shared/safety';
import { pngDeclaring } from '../domain/image-bombs';

/**
 * Every schema version ever shipped has a fixture in ./fixtures (vN.json: the Dexie store
 * declarations of that version and the rows it wrote). Each is loaded into a database that knows
 * only that version, then opened by today's StillpointDatabase, which runs the upgrades; every
 * record must then pass today's schemas, nothing may be lost, and the repositories must read it.
 * Adding version N: see docs/schema-versions.md. This file picks up vN.json by itself.
 */

interface Fixture {
  schemaVersion: number;
  about: string;
  /** The passcode of the fixture's app lock, if it has one: it must still unlock after the upgrade. */
  appLockPasscode?: string;
  stores: Record<string, string | null>;
  tables: Record<string, Record<string, unknown>[]>;
}

const fixturesDir = path.join(__dirname, 'fixtures');
const fixtures: Fixture[] = fs
  .readdirSync(fixturesDir)
  .filter((file) => /^v\d+\.json$/.test(file))
  .map((file) => JSON.parse(fs.readFileSync(path.join(fixturesDir, file), 'utf8')) as Fixture)
  .sort((a, b) => a.schemaVersion - b.schemaVersion);

/** Settings rows: each key has its own schema. Unknown keys must at least be well-formed rows. */
const SETTINGS_SCHEMAS: Record<string, z.ZodType> = {
  [SETTINGS_KEYS.practice]: PracticeSettingsSchema,
  [SETTINGS_KEYS.handoutTemplate]: AftercareTemplateSchema,
  [SETTINGS_KEYS.safety]: SafetySettingsSchema,
  [LOCK_SETTINGS_KEYS.lock]: AppLockSchema,
  [LOCK_SETTINGS_KEYS.failedTries]: FailedTriesSchema,
};

type Row = Record<string, unknown>;

/** One checker per current table: a new table without one fails the "every table" test. */
const CHECKS: Record<string, (row: Row) => string[]> = {
  clients: (row) => {
    const parsed = ClientSchema.safeParse(row);
    if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    // The index fields must be what today's code would compute, or search and sorting break.
    const problems: string[] = [];
    if (row.sortKey !== foldForSearch(clientSortName(parsed.data))) problems.push('sortKey is stale');
    if (JSON.stringify(row.searchTokens) !== JSON.stringify(searchTokensFor(parsed.data)))
      problems.push('searchTokens are stale');
    return problems;
  },
  healthHistories: schemaCheck(HealthHistorySchema),
  sessions: schemaCheck(StoredSessionNoteSchema),
  afterEffects: schemaCheck(AfterEffectReportSchema),
  auditLog: schemaCheck(AuditEntrySchema),
  consentVersions: schemaCheck(ConsentVersionSchema),
  intakeDrafts: schemaCheck(IntakeDraftSchema),
  intakeSubmissions: schemaCheck(IntakeSubmissionSchema),
  consents: schemaCheck(ConsentRecordSchema),
  attachments: schemaCheck(AttachmentSchema),
  // The bytes of a document: a Blob under the attachment's id (the hash is checked on open).
  attachmentBlobs: (row) =>
    typeof row.id === 'string' && row.data instanceof Blob && row.data.size > 0 ? [] : ['not a stored file'],
  outcomeProfiles: schemaCheck(OutcomeProfileSchema),
  outcomeScores: schemaCheck(OutcomeScoreSchema),
  followUps: schemaCheck(FollowUpSchema),
  settings: (row) => {
    const problems: string[] = [];
    if (typeof row.key !== 'string' || row.key === '') problems.push('key is missing');
    if (!TimestampSchema.safeParse(row.updatedAt).success) problems.push('updatedAt is not a timestamp');
    const schema = SETTINGS_SCHEMAS[String(row.key)];
    if (!schema && row.value === undefined) problems.push('value is missing');
    if (schema) {
      const parsed = schema.safeParse(row.value);
      if (!parsed.success)
        problems.push(...parsed.error.issues.map((i) => `value.${i.path.join('.')}: ${i.message}`));
    }
    return problems;
  },
};

function schemaCheck(schema: z.ZodType) {
  return (row: Row): string[] => {
    const parsed = schema.safeParse(row);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
}

let counter = 0;
function uniqueName(version: number): string {
  counter += 1;
  return `stillpoint-upgrade-v${version}-${process.pid}-${counter}`;
}

/** A database as version `fixture.schemaVersion` left it, built by a Dexie that knows only that version. */
async function createAtFixtureVersion(fixture: Fixture): Promise<string> {
  const name = uniqueName(fixture.schemaVersion);
  const old = new Dexie(name);
  old.version(fixture.schemaVersion).stores(fixture.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables))
      await old.table(table).bulkAdd(rows.map(withBlobs));
  });
  old.close();
  return name;
}

/**
 * JSON has no Blob: a fixture keeps a file's bytes as `{ "$blob": "<base64>", "type": … }`
 * (attachmentBlobs, schema 4), turned back into the Blob the app stores.
 */
function withBlobs(row: Row): Row {
  const data = row.data as { $blob?: unknown; type?: unknown } | undefined;
  if (typeof data?.$blob !== 'string') return row;
  return { ...row, data: new Blob([Buffer.from(data.$blob, 'base64')], { type: String(data.type ?? '') }) };
}

function primaryKeyOf(table: string, row: Row): unknown {
  return table === 'healthHistories' || table === 'intakeDrafts'
    ? row.clientId
    : table === 'settings'
      ? row.key
      : row.id;
}

describe('schema fixtures', () => {
  it('exist for version 1 and the current one, in order, and none beyond', () => {
    // Versions are numbered per change, and a branch may skip one another change owns (this
    // round: 4 is the documents change, 5 the outcomes); every version this build declares
    // has its fixture once the changes are merged.
    const versions = fixtures.map((f) => f.schemaVersion);
    expect(versions[0]).toBe(1);
    expect(versions.at(-1)).toBe(CURRENT_SCHEMA_VERSION);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });

  it('a checker exists for every table of the current database', () => {
    const db = new StillpointDatabase(uniqueName(0));
    expect(Object.keys(CHECKS).sort()).toEqual(db.tables.map((t) => t.name).sort());
    // Tables of file bytes (BLOB_TABLES) are not records, so not in TABLE_NAMES; they are checked too.
    expect([...TABLE_NAMES, ...BLOB_TABLES].sort()).toEqual(Object.keys(CHECKS).sort());
  });

  it('the checks catch a torn, stale or foreign record (so a passing upgrade means something)', () => {
    const v1 = fixtures[0]!;
    const client = v1.tables.clients![0]!;
    const note = v1.tables.sessions!.find((s) => s.status === 'signed')!;
    expect(CHECKS.clients!({ ...client, sortKey: 'zzz' })).toContain('sortKey is stale');
    expect(CHECKS.clients!({ ...client, lastName: undefined }).length).toBeGreaterThan(0);
    expect(CHECKS.sessions!({ ...note, signedAt: null }).length).toBeGreaterThan(0);
    expect(CHECKS.sessions!({ id: note.id, status: 'signed' }).length).toBeGreaterThan(0);
    expect(CHECKS.auditLog!({ ...v1.tables.auditLog![0]!, action: 'erased' }).length).toBeGreaterThan(0);
    const badSetting = CHECKS.settings!({ key: 'practice', value: { therapistName: 3 }, updatedAt: 'now' });
    expect(badSetting).toContain('updatedAt is not a timestamp');
    expect(badSetting.some((problem) => problem.startsWith('value.therapistName'))).toBe(true);
  });

  it('each fixture is a realistic practice: every table has rows, with drafts and signed notes', () => {
    for (const fixture of fixtures) {
      for (const table of Object.keys(fixture.stores)) {
        expect(fixture.tables[table]?.length ?? 0, `v${fixture.schemaVersion} ${table}`).toBeGreaterThan(0);
      }
      const statuses = new Set(fixture.tables.sessions?.map((s) => s.status));
      expect(statuses).toEqual(new Set(['draft', 'signed']));
    }
  });
});

describe.each(fixtures.map((f) => [f.schemaVersion, f] as const))(
  'a version %i database opened by this build',
  (version, fixture) => {
    it('upgrades to the current version and every record passes today’s schemas', async () => {
      const name = await createAtFixtureVersion(fixture);
      const db = new StillpointDatabase(name);
      const outcome = await openDatabaseSafely(db);
      expect(outcome.kind).toBe('open');
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);

      const problems: string[] = [];
      for (const table of db.tables) {
        const rows = (await table.toArray()) as Row[];
        for (const row of rows) {
          for (const problem of CHECKS[table.name]!(row)) {
            problems.push(`${table.name} ${String(primaryKeyOf(table.name, row))}: ${problem}`);
          }
        }
      }
      expect(problems, `records of v${version} that fail today's schemas`).toEqual([]);
      db.close();
    });

    it('loses nothing: every record of the fixture is still there', async () => {
      const name = await createAtFixtureVersion(fixture);
      const db = new StillpointDatabase(name);
      await openDatabaseSafely(db);
      for (const [table, rows] of Object.entries(fixture.tables)) {
        // A later version that renames or merges a table says so here.
        const keys = (await db.table(table).toArray()).map((row) => primaryKeyOf(table, row as Row));
        expect(new Set(keys), `${table} after upgrade`).toEqual(
          new Set(rows.map((r) => primaryKeyOf(table, r))),
        );
      }
      db.close();
    });

    it('has exactly the indexes the current version declares, and the repositories read it', async () => {
      const name = await createAtFixtureVersion(fixture);
      const db = new StillpointDatabase(name);
      await openDatabaseSafely(db);
      const idb = db.backendDB();
      const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
      for (const table of db.tables) {
        const store = tx.objectStore(table.name);
        const declared = table.schema.indexes.map((index) => index.name).sort();
        expect([...store.indexNames].sort(), `${table.name} indexes`).toEqual(declared);
      }

      const clients = new ClientsRepository(db);
      const sessions = createSessionRepositories(db, clients);
      const histories = new HealthHistoryRepository(db);
      const list = await loadClientList(db);
      expect(list).toHaveLength(fixture.tables.clients!.length);
      for (const item of list) {
        expect(await clients.get(item.id)).toBeDefined();
        expect((await histories.get(item.id)).clientId).toBe(item.id);
        for (const note of await sessions.sessions.listForClient(item.id))
          expect(note.clientId).toBe(item.id);
        await sessions.afterEffects.listForClient(item.id);
        await sessions.audit.listForClient(item.id);
      }
      expect(
        await new SettingsRepository(db).get(SETTINGS_KEYS.practice, PracticeSettingsSchema, null as never),
      ).not.toBeNull();
      if (fixture.appLockPasscode) {
        const lock = await readLockSettings(new SettingsRepository(db));
        expect(lock.passcode, 'the app lock survived').not.toBeNull();
        expect(await verifyPasscode(fixture.appLockPasscode, lock.passcode!)).toBe(true);
      }
      // Searching by a folded prefix still finds the accented client.
      const zoe = list.find((c) => c.firstName === 'Zoë');
      if (zoe)
        expect(await db.clients.where('searchTokens').startsWith('zoe').primaryKeys()).toContain(zoe.id);
      db.close();
    });

    it('opens again after the upgrade without changing anything', async () => {
      const name = await createAtFixtureVersion(fixture);
      const first = new StillpointDatabase(name);
      await openDatabaseSafely(first);
      const before = await Promise.all(first.tables.map((t) => t.toArray()));
      const version = first.backendDB().version;
      first.close();
      const second = new StillpointDatabase(name);
      expect((await openDatabaseSafely(second)).kind).toBe('open');
      expect(second.backendDB().version).toBe(version);
      expect(await Promise.all(second.tables.map((t) => t.toArray()))).toEqual(before);
      second.close();
    });
  },
);

describe('version 2: health histories record when they were last reviewed with the client', () => {
  it('a version 1 history with entries was reviewed the day it was last saved; an empty one was never taken', async () => {
    const v1 = fixtures.find((f) => f.schemaVersion === 1)!;
    const db = new StillpointDatabase(await createAtFixtureVersion(v1));
    await openDatabaseSafely(db);
    const histories = new HealthHistoryRepository(db);
    const byClient = new Map(v1.tables.healthHistories!.map((row) => [row.clientId as string, row]));
    for (const [clientId, before] of byClient) {
      const after = await histories.get(clientId);
      const recorded = (before.conditions as unknown[]).length > 0;
      expect(after.reviewedAt, clientId).toBe(
        recorded ? localToday(new Date(before.updatedAt as string)) : null,
      );
      expect(historyNotRecorded(after), clientId).toBe(!recorded);
      // Nothing else changed in the stored row: not an entry, not the time it was last saved.
      // (Reading it fills fields added since without an upgrade: a clearance's recordedBy.)
      const stored = await db.healthHistories.get(clientId);
      expect({ ...stored, reviewedAt: undefined }).toEqual({ ...before, reviewedAt: undefined });
    }
    // The signed note is untouched: a signed note is never edited, not even by an upgrade.
    const signed = v1.tables.sessions!.find((s) => s.status === 'signed')!;
    expect(await db.sessions.get(signed.id as string)).toEqual(signed);
    db.close();
  });

  it('a stored logo too large to print is dropped; the practice details stay readable', async () => {
    const v1 = fixtures.find((f) => f.schemaVersion === 1)!;
    const bomb = { mimeType: 'image/png', bytes: pngDeclaring(16_000, 16_000) };
    const practiceRow = v1.tables.settings!.find((row) => row.key === SETTINGS_KEYS.practice)!;
    const practice = practiceRow.value as { practice: Record<string, unknown> };
    const withBomb = {
      ...v1,
      tables: {
        ...v1.tables,
        settings: v1.tables.settings!.map((row) =>
          row.key === SETTINGS_KEYS.practice
            ? { ...row, value: { ...practice, practice: { ...practice.practice, logo: bomb } } }
            : row,
        ),
      },
    };
    const db = new StillpointDatabase(await createAtFixtureVersion(withBomb));
    await openDatabaseSafely(db);
    const fallback = emptyPracticeSettingsFor();
    const read = await new SettingsRepository(db).get(
      SETTINGS_KEYS.practice,
      PracticeSettingsSchema,
      fallback,
    );
    expect(read).not.toBe(fallback);
    expect(read).toEqual({ ...practice, practice: { ...practice.practice, logo: null } });
    db.close();
  });
});

/** A fallback the test can tell apart from what was stored (the screens' own default is empty). */
function emptyPracticeSettingsFor(): PracticeSettings {
  return {
    practice: { name: 'fallback', address: '', phone: '', email: '', website: '', logo: null },
    therapistName: 'fallback',
    paperSize: 'A4',
  };
}
