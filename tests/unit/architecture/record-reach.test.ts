import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES, RECORD_VALIDATORS } from '../../../src-renderer/db/backup-tables';
import { TABLE_NAMES, type TableName } from '../../../src-renderer/db/database';
import { BLOB_TABLES } from '../../../src-renderer/db/table-names';
import { ClientRecordSchema } from '../../../src-shared/domain/client-record';
import { addClient, openRepositories } from '../db/helpers';

/**
 * "A new kind of record reaches everywhere" (docs/architecture.md): this test fails when a table
 * is added to the database without reaching the backup, the client record export, delete-client,
 * the schema-upgrade fixtures and the docs. Where a table is deliberately left out of one of
 * them, it says so here, with the reason, so leaving it out is a decision and not an accident.
 */

const root = path.resolve(__dirname, '../../..');

/** Where each table's rows appear in the client record export (JSON and PDF). */
const CLIENT_RECORD_FIELD: Readonly<Record<TableName, string | { omitted: string }>> = {
  clients: 'client',
  healthHistories: 'healthHistory',
  sessions: 'sessions',
  afterEffects: 'afterEffects',
  auditLog: 'auditLog',
  settings: { omitted: 'practice-wide, not one client: only the practice header is printed' },
  consentVersions: {
    omitted: 'practice-wide wording; each signed consent in `consents` carries the exact text it signed',
  },
  intakeDrafts: 'intakeDrafts',
  intakeSubmissions: 'intakeSubmissions',
  consents: 'consents',
  attachments: 'attachments',
  outcomeProfiles: 'outcomeProfiles',
  outcomeScores: 'outcomeScores',
  followUps: 'followUps',
};

describe('every table reaches everywhere', () => {
  it('the database declares exactly the tables of TABLE_NAMES', async () => {
    const { db } = openRepositories();
    await db.open();
    // Tables of file bytes (BLOB_TABLES) travel as their own backup segments, not as records.
    expect(db.tables.map((table) => table.name).sort()).toEqual([...TABLE_NAMES, ...BLOB_TABLES].sort());
    db.close();
  });

  it.each(TABLE_NAMES)('%s is in the backup, with a validator for restore', (table) => {
    expect(BACKUP_TABLES.map((spec) => spec.name)).toContain(table);
    expect(RECORD_VALIDATORS[table]).toBeTypeOf('function');
  });

  it.each(TABLE_NAMES)('%s is in the client record export, or left out for a stated reason', (table) => {
    const field = CLIENT_RECORD_FIELD[table];
    if (typeof field === 'string') expect(Object.keys(ClientRecordSchema.shape)).toContain(field);
    else expect(field.omitted.length).toBeGreaterThan(10);
  });

  it('the newest schema-upgrade fixture holds every table', () => {
    const dir = path.join(root, 'tests/unit/db/fixtures');
    const versions = fs
      .readdirSync(dir)
      .map((name) => /^v(\d+)\.json$/.exec(name)?.[1])
      .filter((v): v is string => v !== undefined)
      .map(Number);
    const newest = Math.max(...versions);
    const fixture = JSON.parse(fs.readFileSync(path.join(dir, `v${newest}.json`), 'utf8')) as unknown;
    const text = JSON.stringify(fixture);
    for (const table of TABLE_NAMES)
      expect(text, `fixture v${newest} has no ${table}`).toContain(`"${table}"`);
  });

  it('delete-client empties every table that holds rows of the client', async () => {
    const { db, clients } = openRepositories();
    const client = await addClient(clients);
    const other = await addClient(clients, 'Ola', 'Nordmann');
    // Every table keyed or indexed by clientId holds a client's rows: put a raw row for each
    // client into each, so a new table is checked without this test knowing its records.
    const clientTables = db.tables.filter(
      (table) =>
        table.name !== 'clients' &&
        (table.schema.primKey.keyPath === 'clientId' ||
          table.schema.indexes.some((index) => index.keyPath === 'clientId')),
    );
    expect(clientTables.length).toBeGreaterThanOrEqual(4);
    for (const table of clientTables) {
      for (const owner of [client.id, other.id]) {
        const row = { clientId: owner, marker: 'record-reach' } as Record<string, unknown>;
        const key = table.schema.primKey.keyPath;
        if (typeof key === 'string' && key !== 'clientId') row[key] = `${table.name}-${owner}`;
        await table.put(row);
      }
    }
    await clients.deleteWithSessions(client.id, { by: 'Anna Lind' });
    for (const table of clientTables) {
      const left = await table.where('clientId').equals(client.id).toArray();
      // Only the minimal "client deleted" audit entry may stay: none of the rows put here.
      expect(
        left.filter((row) => row.marker === 'record-reach'),
        `delete-client left rows in ${table.name}`,
      ).toEqual([]);
      expect(await table.where('clientId').equals(other.id).count(), `${table.name} of another client`).toBe(
        1,
      );
    }
    db.close();
  });

  it('docs/architecture.md names every table', () => {
    const doc = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    for (const table of TABLE_NAMES)
      expect(doc, `docs/architecture.md does not name ${table}`).toContain(`\`${table}\``);
  });
});
