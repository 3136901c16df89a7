import { randomFile, seedAttachment, storedFiles } from './attachment-seed';
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import type { DBCore, Middleware } from 'dexie';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../src-renderer/app/format';
import { BackupSnapshotReader } from '../../../src-renderer/db/backup-snapshot';
import { clientRowFor } from '../../../src-renderer/db/clients-repository';
import {
  CURRENT_SCHEMA_VERSION,
  type StillpointDatabase,
  TABLE_NAMES,
} from '../../../src-renderer/db/database';
import { HealthHistoryRepository } from '../../../src-renderer/db/health-history-repository';
import { RestoreWriter } from '../../../src-renderer/db/restore-writer';
import { SettingsRepository } from '../../../src-renderer/db/settings-repository';
import {
  type BackupFileWriter,
  BackupSaveError,
  makeBackup,
  saveBackup,
} from '../../../src-renderer/features/backup/backup-service';
import { loadBackup, previewBackup } from '../../../src-renderer/features/backup/restore/load-backup';
import {
  previewRestore,
  RestoreNotStartedError,
  restoreBackup,
} from '../../../src-renderer/features/backup/restore/restore-service';
import {
  BackupError,
  type BackupErrorCode,
  type BackupKey,
  DEFAULT_SEGMENT_SIZE,
  deriveBackupKey,
  writeBackup,
} from '../../../src-shared/backup';
import { type BackupKind, backupFileNameFor } from '../../../src-shared/domain/backup-settings';
import { ClientSchema, emptyClientInput } from '../../../src-shared/domain/client';
import {
  emptyHealthHistory,
  StoredHealthHistorySchema,
  upgradeHealthHistoryRow,
} from '../../../src-shared/domain/health-history';
import { StoredSessionNoteSchema } from '../../../src-shared/domain/session-note';
import { PracticeSettingsSchema, SETTINGS_KEYS } from '../../../src-shared/domain/settings';
import { seedIntake } from '../intake/builders';
import { seedOutcomes } from '../outcomes/builders';
import { addClient, filledIn, openRepositories } from './helpers';

/**
 * Backup and restore of the whole database, end to end below the UI: the real Dexie tables on
 * fake-indexeddb, the real file format (PBKDF2 with 600,000 iterations, AES-GCM), the shared
 * schemas. Main's file write is a fake writer that keeps the bytes.
 */

const PASSPHRASE = 'Tidal rhythm, still point 7';
const APP_VERSION = '0.1.0';
let key: BackupKey;

beforeAll(async () => {
  // One derive for the suite's backups; restores derive once per file salt (then cached).
  key = await deriveBackupKey(PASSPHRASE);
});

type Repos = ReturnType<typeof openRepositories>;

/** A real 1 x 1 PNG: a restore checks the pixel size a logo declares. */
const LOGO = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);

/** A small practice with a record in every table, names in several scripts. */
async function seedPractice(repos: Repos) {
  const zoe = await addClient(repos.clients, 'Zoë', 'Ødegård');
  const sofia = await addClient(repos.clients, 'Σοφία', 'Παπαδοπούλου');
  await addClient(repos.clients, 'Анна', 'Кузнецова 🌿');
  await new HealthHistoryRepository(repos.db, repos.clock).save(zoe.id, {
    ...emptyLists(),
    conditions: [
      {
        id: 'cond-1',
        catalogId: null,
        label: 'Whiplash — “mild”',
        status: 'past',
        onsetDate: '2024-05-01',
        resolvedDate: '2024-08-01',
        severity: null,
        treated: null,
        notes: 'Line one\nline two',
      },
    ],
    medications: [{ id: 'med-1', name: 'Warfarin', dose: '5 mg', anticoagulant: true }],
  });
  const draft = await repos.sessions.createDraft(zoe.id);
  await repos.sessions.saveDraft(filledIn(draft));
  const signed = await repos.sessions.sign(draft.id, 'Anna Lind');
  await repos.sessions.addAddendum(signed.id, {
    text: 'Client phoned: settled next day.',
    reason: 'Late entry',
    author: 'Anna Lind',
  });
  const second = await repos.sessions.createDraft(zoe.id);
  await repos.sessions.saveDraft({ ...second, chiefComplaint: 'Jaw tension ✓', serviceDate: '2025-03-11' });
  await repos.afterEffects.report(
    signed.id,
    { type: 'headache', onsetHours: 4, durationHours: 12, severity: 'mild', resolved: true, notes: '' },
    second.id,
  );
  await repos.sessions.createDraft(sofia.id);
  await seedIntake(repos.db, repos.clock, zoe.id, sofia.id);
  // A clearance letter of two segments and a bit, and a small photo on the signed note.
  await seedAttachment(repos.db, {
    id: 'att-letter',
    clientId: zoe.id,
    bytes: randomFile(2 * 1024 * 1024 + 77, 7),
  });
  await seedAttachment(repos.db, {
    id: 'att-photo',
    clientId: zoe.id,
    sessionId: signed.id,
    bytes: randomFile(5000, 9),
  });
  await seedOutcomes(repos, zoe.id, signed.id);
  const settings = new SettingsRepository(repos.db);
  await settings.put(SETTINGS_KEYS.practice, PracticeSettingsSchema, {
    practice: {
      name: 'Stillpoint Praxis Müller',
      address: 'Hauptstraße 1\n10115 Berlin',
      phone: '',
      email: '',
      website: '',
      logo: { mimeType: 'image/png', bytes: LOGO },
    },
    therapistName: 'Anna Lind',
    paperSize: 'A4',
  });
  return { zoe, sofia, signedId: signed.id, draftId: second.id };
}

function emptyLists() {
  const { clientId: _c, updatedAt: _u, ...lists } = emptyHealthHistory('x', new Date());
  return lists;
}

/** Every table, rows in primary-key order: what "the data" is for these tests. */
async function snapshot(db: StillpointDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

async function backupOf(db: StillpointDatabase): Promise<Uint8Array<ArrayBuffer>> {
  return (
    await makeBackup({ records: new BackupSnapshotReader(db), key, appVersion: APP_VERSION, pageSize: 2 })
  ).bytes;
}

async function failure(promise: Promise<unknown>): Promise<BackupError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  throw new Error('expected a BackupError');
}

async function expectRefused(
  bytes: Uint8Array,
  code: BackupErrorCode,
  db: StillpointDatabase,
  passphrase = PASSPHRASE,
) {
  const before = await snapshot(db);
  const error = await failure(loadBackup(bytes, passphrase));
  expect(error.code, error.detail).toBe(code);
  expect(await snapshot(db)).toEqual(before);
  return error;
}

/** Main's backup folder in memory: it names the file from the kind and its own clock. */
function memoryWriter(now = () => new Date(2026, 10, 26, 9, 30, 5)) {
  const files: { fileName: string; bytes: Uint8Array; kind: BackupKind }[] = [];
  const writer: BackupFileWriter = async (request) => {
    const fileName = backupFileNameFor(request.kind, now());
    files.push({ ...request, fileName });
    return { ok: true, value: { path: `/backups/${fileName}`, fileName, pruned: [] } };
  };
  return { files, writer };
}

describe('backup then restore', () => {
  it('restores every table into an empty database exactly as it was, unicode and logo bytes included', async () => {
    const source = openRepositories();
    await seedPractice(source);
    const original = await snapshot(source.db);
    for (const name of TABLE_NAMES) expect(original[name]!.length, name).toBeGreaterThan(0);

    const bytes = await backupOf(source.db);
    const info = await previewBackup(bytes);
    expect(info.header.counts).toEqual(Object.fromEntries(TABLE_NAMES.map((n) => [n, original[n]!.length])));
    expect(info.header.dateRange).toMatchObject({
      table: 'sessions',
      field: 'serviceDate',
      last: '2025-03-11',
    });
    expect(info.header.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);

    const target = openRepositories();
    const loaded = await loadBackup(bytes, PASSPHRASE);
    expect(loaded.counts).toEqual(info.header.counts);
    const { files, writer } = memoryWriter();
    const result = await restoreBackup({
      store: new RestoreWriter(target.db),
      loaded,
      mode: 'replace',
      passphrase: PASSPHRASE,
      appVersion: APP_VERSION,
      writer,
    });
    expect(files).toEqual([]); // nothing to keep from an empty database
    expect(result.safetyBackupPath).toBeNull();
    expect(result.totals.added).toBe(Object.values(original).reduce((n, rows) => n + rows.length, 0));

    const restored = await snapshot(target.db);
    expect(restored).toEqual(original);
    // Every file came back byte for byte (the same SHA-256 as stored, and as its record says).
    expect(info.files).toEqual({ count: 2, bytes: 2 * 1024 * 1024 + 77 + 5000 });
    expect(await storedFiles(target.db)).toEqual(await storedFiles(source.db));
    expect(await storedFiles(target.db)).toHaveLength(2);
    const practice = (
      restored.settings as { key: string; value: { practice: { logo: { bytes: unknown } } } }[]
    ).find((row) => row.key === SETTINGS_KEYS.practice);
    expect(practice?.value.practice.logo.bytes).toBeInstanceOf(Uint8Array);
    // The repositories read the restored records (search index included).
    const zoe = (restored.clients as { id: string; firstName: string }[]).find((c) => c.firstName === 'Zoë')!;
    expect(await target.clients.get(zoe.id)).toMatchObject({ lastName: 'Ødegård' });
    expect(await target.db.clients.where('searchTokens').startsWith('odeg').count()).toBe(1);
    expect(await target.sessions.listForClient(zoe.id)).toHaveLength(2);
  });

  it('round-trips arbitrary clients and notes in any Unicode (property)', async () => {
    const name = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      .filter((text) => text.trim().length > 0);
    const anyText = fc.string({ unit: 'binary', maxLength: 200 });
    const client = fc.record({ firstName: name, lastName: name, notes: anyText, address: anyText });
    await fc.assert(
      fc.asyncProperty(
        fc.array(client, { minLength: 1, maxLength: 4 }),
        anyText,
        async (clients, complaint) => {
          const source = openRepositories();
          for (const input of clients) {
            await source.clients.create({
              ...emptyClientInput(),
              ...input,
              notes: input.notes.slice(0, 10_000),
              address: input.address.slice(0, 500),
            });
          }
          const first = (await source.db.clients.toCollection().first())!;
          const draft = await source.sessions.createDraft(first.id);
          await source.sessions.saveDraft({ ...draft, chiefComplaint: complaint });
          const original = await snapshot(source.db);
          const target = openRepositories();
          await restoreBackup({
            store: new RestoreWriter(target.db),
            loaded: await loadBackup(await backupOf(source.db), PASSPHRASE),
            mode: 'merge',
            passphrase: PASSPHRASE,
            appVersion: APP_VERSION,
          });
          expect(await snapshot(target.db)).toEqual(original);
          source.db.close();
          target.db.close();
        },
      ),
      { numRuns: 15 },
    );
  });

  it('reads every table in pages by primary key', async () => {
    const repos = openRepositories();
    for (let i = 0; i < 7; i++) await addClient(repos.clients, `Client${i}`, 'Páge');
    const batches = [];
    for await (const batch of new BackupSnapshotReader(repos.db).pages({ pageSize: 3 })) batches.push(batch);
    const clientBatches = batches.filter((b) => b.table === 'clients');
    expect(clientBatches.map((b) => b.records.length)).toEqual([3, 3, 1]);
    const ids = clientBatches.flatMap((b) => b.records.map((r) => (r as { id: string }).id));
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(7);
    expect(clientBatches[0]!.records[0]).not.toHaveProperty('searchTokens');
  });

  it('fails the backup with a message naming a broken record, and reports progress', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    await repos.db.clients.update(client.id, { email: 'not an email' });
    const progress: number[] = [];
    const error = await failure(
      makeBackup({
        records: new BackupSnapshotReader(repos.db),
        key,
        appVersion: APP_VERSION,
        onProgress: (p) => progress.push(p.done),
      }),
    );
    expect(error.code).toBe('INVALID_RECORDS');
    expect(error.message).toContain('no backup was made');
    expect(error.message).toContain(`clients record 1 (id ${client.id}), field email`);

    await repos.db.clients.update(client.id, { email: '' });
    progress.length = 0;
    await makeBackup({
      records: new BackupSnapshotReader(repos.db),
      key,
      appVersion: APP_VERSION,
      onProgress: (p) => progress.push(p.done),
    });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(2); // the client and their (empty) health history
  });

  it('every automatic backup draws its own salt: no derived key is reused (docs/backup-format.md, Keys)', async () => {
    const repos = openRepositories();
    await addClient(repos.clients, 'Zoë', 'Ødegård');
    const { writer } = memoryWriter();
    const first = await saveBackup({
      records: new BackupSnapshotReader(repos.db),
      passphrase: PASSPHRASE,
      appVersion: APP_VERSION,
      automatic: true,
      writer,
    });
    const second = await saveBackup({
      records: new BackupSnapshotReader(repos.db),
      passphrase: PASSPHRASE,
      appVersion: APP_VERSION,
      automatic: true,
      writer,
    });
    expect(first.header.kdf.salt).not.toBe(second.header.kdf.salt);
    expect(first.header.passphraseCheck).not.toBe(second.header.passphraseCheck);
  });

  it("hands only ciphertext to main, and a refused write fails with main's message", async () => {
    const repos = openRepositories();
    await addClient(repos.clients, 'Zoë', 'Ødegård');
    const { files, writer } = memoryWriter(() => new Date(2026, 10, 26, 9, 30, 0));
    const saved = await saveBackup({
      records: new BackupSnapshotReader(repos.db),
      key,
      appVersion: APP_VERSION,
      automatic: true,
      writer,
    });
    // Main names the file; the renderer only says it is an automatic backup.
    expect(saved.fileName).toBe('Stillpoint auto-backup 2026-11-26 093000.stillpoint');
    expect(files[0]).toMatchObject({ kind: 'automatic', fileName: saved.fileName });
    const text = new TextDecoder('latin1').decode(files[0]!.bytes);
    expect(text).not.toContain('Ødegård');
    expect(text).not.toContain('firstName');

    const full: BackupFileWriter = async () => ({
      ok: false,
      error: {
        code: 'DISK_FULL',
        message: 'The backup folder’s disk is full. The previous backup is untouched.',
      },
    });
    const attempt = saveBackup({
      records: new BackupSnapshotReader(repos.db),
      key,
      appVersion: APP_VERSION,
      automatic: false,
      writer: full,
    });
    await expect(attempt).rejects.toBeInstanceOf(BackupSaveError);
    await expect(attempt).rejects.toThrow(
      'The backup folder’s disk is full. The previous backup is untouched.',
    );
  });

  it('stops when cancelled', async () => {
    const repos = openRepositories();
    await addClient(repos.clients);
    const controller = new AbortController();
    controller.abort();
    const error = await failure(
      makeBackup({
        records: new BackupSnapshotReader(repos.db),
        key,
        appVersion: APP_VERSION,
        signal: controller.signal,
      }),
    );
    expect(error.code).toBe('CANCELLED');
  });
});

describe('a large backup', () => {
  it('streams batch by batch over several encrypted segments inside one transaction', async () => {
    const source = openRepositories();
    const noise = () => {
      const bytes = crypto.getRandomValues(new Uint8Array(450));
      return Buffer.from(bytes).toString('base64'); // does not compress: the file needs 2+ segments
    };
    const rows = [];
    for (let i = 0; i < 2_600; i++) {
      const client = ClientSchema.parse({
        ...emptyClientInput(),
        id: `client-${String(i).padStart(5, '0')}`,
        firstName: `Zoë ${i}`,
        lastName: 'Ødegård',
        notes: noise(),
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
        lastVisitAt: null,
        searchText: '',
      });
      rows.push(clientRowFor(client));
    }
    await source.db.clients.bulkAdd(rows);
    const original = await snapshot(source.db);
    const bytes = await backupOf(source.db);
    const info = await previewBackup(bytes);
    expect(info.header.formatVersion).toBe(2);
    expect(bytes.length).toBeGreaterThan(DEFAULT_SEGMENT_SIZE); // two segments at least

    const loaded = await loadBackup(bytes, PASSPHRASE);
    const target = openRepositories();
    await target.db.clients.bulkAdd(rows.slice(0, 100)); // some already here, identical
    await addClient(target.clients, 'Only', 'Here');
    const { merge, replace } = await previewRestore(new RestoreWriter(target.db), loaded);
    expect(merge.tables.clients).toMatchObject({
      added: 2_500,
      unchanged: 100,
      current: 101,
      incoming: 2_600,
    });
    expect(replace.tables.clients).toMatchObject({ added: 2_500, unchanged: 100, deleted: 1 });
    const progress: number[] = [];
    const result = await restoreBackup({
      store: new RestoreWriter(target.db),
      loaded,
      mode: 'replace',
      passphrase: PASSPHRASE,
      appVersion: APP_VERSION,
      writer: memoryWriter().writer,
      onProgress: (p) => {
        if (p.phase === 'writing') progress.push(p.done);
      },
    });
    expect(progress.filter((done) => done > 0 && done < 2_600).length).toBeGreaterThan(0); // batch by batch
    expect(result.tables.clients).toMatchObject({ added: 2_600, deleted: 1 });
    expect(await snapshot(target.db)).toEqual(original);
  });

  it('refuses a backup where a record key appears twice', async () => {
    const client = (await addClient(openRepositories().clients)) as unknown as Record<string, unknown>;
    const written = await writeBackup({
      key,
      appVersion: APP_VERSION,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      tables: [{ table: 'clients', records: [client, { ...client, firstName: 'Twin' }] }],
    });
    const twice = new Uint8Array(written.byteLength);
    let offset = 0;
    for (const chunk of written.chunks) {
      twice.set(chunk, offset);
      offset += chunk.length;
    }
    const error = await failure(loadBackup(twice, PASSPHRASE));
    expect(error.code).toBe('INVALID_RECORDS');
    expect(error.message).toContain(
      `clients record 2 (id ${String(client.id)}), field id: appears twice in the backup`,
    );
  });
});

describe('a restore that cannot happen leaves the records unchanged', () => {
  let bytes: Uint8Array<ArrayBuffer>;
  let repos: Repos;

  beforeAll(async () => {
    const source = openRepositories();
    await seedPractice(source);
    bytes = await backupOf(source.db);
    repos = openRepositories();
    await addClient(repos.clients, 'Kept', 'Asis');
  });

  it('a wrong passphrase gets its own message', async () => {
    const error = await expectRefused(bytes, 'WRONG_PASSPHRASE', repos.db, 'tidal rhythm, still point 7');
    expect(error.message).toBe('That passphrase does not open this backup. Check it and try again.');
  });

  it('a byte flipped in the middle is refused as damaged', async () => {
    const damaged = bytes.slice();
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = damaged[middle]! ^ 0x40;
    const error = await expectRefused(damaged, 'CORRUPTED', repos.db);
    expect(error.message).toBe('This backup file is damaged and cannot be restored.');
  });

  it('a truncated file is refused as incomplete', async () => {
    const cut = bytes.slice(0, bytes.length - 100);
    // Version 2 is written as a stream: its end is found by reading it (the last segment says so).
    await expect(previewBackup(bytes.slice(0, 60))).rejects.toMatchObject({ code: 'TRUNCATED' });
    const error = await expectRefused(cut, 'TRUNCATED', repos.db);
    expect(error.message).toContain('incomplete');
  });

  it('a file that is not a backup is refused', async () => {
    const text = new TextEncoder().encode('first name,last name\nZoë,Ødegård\n');
    await expect(previewBackup(text)).rejects.toMatchObject({
      code: 'NOT_A_BACKUP',
      message: 'This file is not a Stillpoint backup.',
    });
    await expectRefused(text, 'NOT_A_BACKUP', repos.db);
  });

  it('a backup from a newer Stillpoint is refused with "update to restore it"', async () => {
    const written = await writeBackup({
      key,
      appVersion: '9.0.0',
      schemaVersion: CURRENT_SCHEMA_VERSION + 1,
      tables: [{ table: 'clients', records: [] }],
    });
    const newer = new Uint8Array(written.byteLength);
    let offset = 0;
    for (const chunk of written.chunks) {
      newer.set(chunk, offset);
      offset += chunk.length;
    }
    await expect(previewBackup(newer)).rejects.toMatchObject({ code: 'NEWER_VERSION' });
    const error = await expectRefused(newer, 'NEWER_VERSION', repos.db);
    expect(error.message).toMatch(/made by a newer Stillpoint; update .*to restore it/);
  });

  it('a backup with an invalid record is refused before anything is written, naming the record', async () => {
    const written = await writeBackup({
      key,
      appVersion: APP_VERSION,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      tables: [{ table: 'clients', records: [{ id: 'bad-1', firstName: '', updatedAt: 'yesterday' }] }],
    });
    const invalid = new Uint8Array(written.byteLength);
    let offset = 0;
    for (const chunk of written.chunks) {
      invalid.set(chunk, offset);
      offset += chunk.length;
    }
    const error = await expectRefused(invalid, 'INVALID_RECORDS', repos.db);
    expect(error.message).toContain('nothing was restored');
    expect(error.message).toContain('clients record 1 (id bad-1)');
  });
});

describe('merge', () => {
  it('adds new records, lets the newer version win, and keeps a signed note that differs as a conflict copy', async () => {
    const repos = openRepositories();
    const { zoe, sofia, signedId, draftId } = await seedPractice(repos);
    const backup = await backupOf(repos.db);

    // After the backup, on this computer: Zoë edited (newer), a signed note gets another
    // addendum (newer, signed), a client added. Sofia is deleted here but is in the backup.
    await repos.clients.update(zoe.id, { ...(await repos.clients.get(zoe.id))!, phone: '+47 22 00 00 00' });
    await repos.sessions.addAddendum(signedId, {
      text: 'Second thoughts.',
      reason: 'Correction',
      author: 'Anna Lind',
    });
    await addClient(repos.clients, 'New', 'Here');
    await repos.clients.deleteWithSessions(sofia.id, { by: 'Anna Lind' });
    // And one record is older here than in the backup: the draft, rewound in time.
    await repos.db.sessions.update(draftId, {
      chiefComplaint: 'older text',
      updatedAt: '2000-01-01T00:00:00.000Z',
    });
    const before = await snapshot(repos.db);

    const loaded = await loadBackup(backup, PASSPHRASE);
    const preview = (await previewRestore(new RestoreWriter(repos.db), loaded)).merge;
    expect(await snapshot(repos.db)).toEqual(before); // a preview writes nothing
    expect(preview.tables.clients).toMatchObject({ added: 1, keptCurrent: 1, unchanged: 1, conflicts: 0 });
    expect(preview.tables.sessions).toMatchObject({ added: 1, updated: 1, conflicts: 1 });
    expect(preview.conflicts).toHaveLength(1);
    expect(preview.conflicts[0]).toMatchObject({ table: 'sessions', id: signedId, reason: 'both-signed' });
    expect(preview.conflicts[0]!.label).toContain('Zoë Ødegård');
    // The session's date as the screens write dates (issue 19), not as stored.
    const conflicted = await repos.db.sessions.get(signedId);
    expect(preview.conflicts[0]!.label).toContain(formatDate(conflicted!.serviceDate));
    expect(preview.conflicts[0]!.label).not.toContain(conflicted!.serviceDate);

    const result = await restoreBackup({
      store: new RestoreWriter(repos.db),
      loaded,
      mode: 'merge',
      passphrase: PASSPHRASE,
      appVersion: APP_VERSION,
      writer: memoryWriter().writer,
      newId: () => 'conflict-copy-1',
    });
    expect(result.safetyBackupPath).toBeNull(); // merge never removes anything: no safety copy
    expect(result.conflicts).toEqual([expect.objectContaining({ id: signedId, copyId: 'conflict-copy-1' })]);

    // Newer here stays; newer in the backup wins; what was deleted here comes back.
    expect((await repos.clients.get(zoe.id))!.phone).toBe('+47 22 00 00 00');
    expect((await repos.sessions.get(draftId))!.chiefComplaint).toBe('Jaw tension ✓');
    expect(await repos.clients.get(sofia.id)).toMatchObject({ firstName: 'Σοφία' });
    expect(await repos.db.clients.where('searchTokens').startsWith('παπαδ').count()).toBe(1);

    // Both signed versions are kept: this computer's under its id, the backup's beside it.
    const kept = await repos.db.sessions.get(signedId);
    expect(kept!.addenda).toHaveLength(2);
    const copy = await repos.db.sessions.get('conflict-copy-1');
    expect(copy).toMatchObject({ conflictCopyOf: signedId, status: 'signed', signedBy: 'Anna Lind' });
    expect(copy!.signedAt).toBe(kept!.signedAt);
    expect(copy!.addenda).toHaveLength(1);
    expect(StoredSessionNoteSchema.safeParse(copy).success).toBe(true);

    // Merging the same backup again changes nothing.
    const again = (await previewRestore(new RestoreWriter(repos.db), await loadBackup(backup, PASSPHRASE)))
      .merge;
    expect(again.totals).toMatchObject({ added: 0, updated: 0, conflicts: 0 });
  });
});

describe('merge keeps every physician clearance (append-only history inside the health history)', () => {
  const clearanceInput = (givenBy: string) => ({
    ruleId: 'untreated-brain-injury',
    itemIds: ['injury-1'],
    givenBy,
    date: '2025-03-03',
    validUntil: null,
    notes: '',
    recordedBy: 'Anna Lind',
  });

  for (const newer of ['here', 'in the file'] as const) {
    it(`whichever version is newer (${newer}), a clearance only the other one has is kept`, async () => {
      const repos = openRepositories();
      const client = await addClient(repos.clients);
      const histories = new HealthHistoryRepository(repos.db, repos.clock);
      await histories.save(client.id, {
        ...emptyLists(),
        headInjuries: [{ id: 'injury-1', date: '2025-02-20', description: 'Concussion', treated: false }],
      });
      const [inFile] = await histories.recordClearance(client.id, clearanceInput('Dr File'), 'note-1');
      const backup = await backupOf(repos.db);

      // This computer: the file's clearance is gone (edited away on another path) and another
      // was recorded; its history is newer than the file's, or rewound to be older.
      const here = await repos.db.healthHistories.get(client.id);
      await repos.db.healthHistories.put({ ...here!, clearances: [] });
      const [onlyHere] = await histories.recordClearance(client.id, clearanceInput('Dr Here'), 'note-2');
      if (newer === 'in the file') {
        await repos.db.healthHistories.update(client.id, { updatedAt: '2000-01-01T00:00:00.000Z' });
      }

      const loaded = await loadBackup(backup, PASSPHRASE);
      const preview = (await previewRestore(new RestoreWriter(repos.db), loaded)).merge;
      expect(preview.tables.healthHistories).toMatchObject({ updated: 1, keptCurrent: 0 });
      await restoreBackup({
        store: new RestoreWriter(repos.db),
        loaded,
        mode: 'merge',
        passphrase: PASSPHRASE,
        appVersion: APP_VERSION,
        writer: memoryWriter().writer,
      });
      const merged = await histories.get(client.id);
      expect(merged.clearances.map((c) => c.givenBy).sort()).toEqual(['Dr File', 'Dr Here']);
      expect(merged.clearances.map((c) => c.id).sort()).toEqual([inFile!.id, onlyHere!.id].sort());

      // Merging the same file again adds nothing and drops nothing.
      const again = (await previewRestore(new RestoreWriter(repos.db), await loadBackup(backup, PASSPHRASE)))
        .merge;
      expect(again.tables.healthHistories).toMatchObject({ added: 0, updated: 0 });
    });
  }

  it('an older backup whose clearances lack who recorded them still restores', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const histories = new HealthHistoryRepository(repos.db, repos.clock);
    await histories.save(client.id, emptyLists());
    const row = await repos.db.healthHistories.get(client.id);
    // As a build before issue 21 item 6 stored it: no recordedBy, no recordedAt.
    await repos.db.healthHistories.put({
      ...row!,
      clearances: [
        {
          id: 'old-1',
          ruleId: 'chiari',
          itemId: null,
          givenBy: 'Dr Old',
          date: '2024-01-01',
          validUntil: null,
          notes: '',
        },
      ] as never,
    });
    const backup = await backupOf(repos.db);
    const fresh = openRepositories();
    await restoreBackup({
      store: new RestoreWriter(fresh.db),
      loaded: await loadBackup(backup, PASSPHRASE),
      mode: 'merge',
      passphrase: PASSPHRASE,
      appVersion: APP_VERSION,
      writer: memoryWriter().writer,
    });
    const restored = await new HealthHistoryRepository(fresh.db, fresh.clock).get(client.id);
    expect(restored.clearances).toEqual([
      expect.objectContaining({ id: 'old-1', givenBy: 'Dr Old', recordedBy: '', recordedAt: null }),
    ]);
  });
});

describe('replace all', () => {
  it('writes a safety backup of the current records first, then makes the database the backup', async () => {
    const source = openRepositories();
    await seedPractice(source);
    const backup = await backupOf(source.db);
    const wanted = await snapshot(source.db);

    const repos = openRepositories();
    await addClient(repos.clients, 'Only', 'Here');
    const before = await snapshot(repos.db);
    const { files, writer } = memoryWriter();
    const loaded = await loadBackup(backup, PASSPHRASE);
    const preview = (await previewRestore(new RestoreWriter(repos.db), loaded)).replace;
    expect(preview.tables.clients).toMatchObject({ current: 1, incoming: 3, added: 3, deleted: 1 });

    const phases: string[] = [];
    const result = await restoreBackup({
      store: new RestoreWriter(repos.db),
      loaded,
      mode: 'replace',
      passphrase: PASSPHRASE,
      appVersion: APP_VERSION,
      writer,
      now: () => new Date(2026, 10, 26, 9, 30, 5),
      onProgress: (p) => {
        if (phases.at(-1) !== p.phase) phases.push(p.phase);
      },
    });
    expect(phases).toEqual(['safety-backup', 'writing']);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      fileName: 'Stillpoint backup before restore 2026-11-26 093005.stillpoint',
      kind: 'before-restore',
    });
    expect(result.safetyBackupPath).toBe(
      '/backups/Stillpoint backup before restore 2026-11-26 093005.stillpoint',
    );
    expect(await snapshot(repos.db)).toEqual(wanted);

    // The safety backup holds what was there before, with the same passphrase.
    const undo = openRepositories();
    await restoreBackup({
      store: new RestoreWriter(undo.db),
      loaded: await loadBackup(files[0]!.bytes, PASSPHRASE),
      mode: 'replace',
      passphrase: PASSPHRASE,
      appVersion: APP_VERSION,
      writer,
    });
    expect(await snapshot(undo.db)).toEqual(before);
  });

  it('does not start when the safety backup cannot be written', async () => {
    const source = openRepositories();
    await seedPractice(source);
    const loaded = await loadBackup(await backupOf(source.db), PASSPHRASE);
    const repos = openRepositories();
    await addClient(repos.clients, 'Only', 'Here');
    const before = await snapshot(repos.db);
    const diskFull: BackupFileWriter = async () => ({
      ok: false,
      error: { code: 'DISK_FULL', message: 'The disk is full.' },
    });
    const attempt = restoreBackup({
      store: new RestoreWriter(repos.db),
      loaded,
      mode: 'replace',
      passphrase: PASSPHRASE,
      appVersion: APP_VERSION,
      writer: diskFull,
    });
    await expect(attempt).rejects.toBeInstanceOf(RestoreNotStartedError);
    await expect(attempt).rejects.toThrow(/that failed: The disk is full\. Nothing was restored/);
    expect(await snapshot(repos.db)).toEqual(before);
  });
});

describe('all or nothing', () => {
  /** Makes every write to `table` fail while `armed`: a disk error in the middle of a restore. */
  function failingWrites(db: StillpointDatabase, table: string) {
    const state = { armed: false };
    const middleware: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'fail-writes',
      create: (down) => ({
        ...down,
        table: (name) => {
          const inner = down.table(name);
          return {
            ...inner,
            mutate: (request) =>
              state.armed && name === table
                ? Promise.reject(new Error('Simulated disk error'))
                : inner.mutate(request),
          };
        },
      }),
    };
    db.use(middleware);
    return state;
  }

  for (const mode of ['replace', 'merge'] as const) {
    it(`${mode}: a failure after some tables were written rolls every table back`, async () => {
      const source = openRepositories();
      await seedPractice(source);
      const loaded = await loadBackup(await backupOf(source.db), PASSPHRASE);

      const repos = openRepositories();
      const failure = failingWrites(repos.db, 'sessions'); // before the database opens
      await addClient(repos.clients, 'Only', 'Here');
      const before = await snapshot(repos.db);
      const written: string[] = [];
      failure.armed = true;
      await expect(
        restoreBackup({
          store: new RestoreWriter(repos.db),
          loaded,
          mode,
          passphrase: PASSPHRASE,
          appVersion: APP_VERSION,
          writer: async (request) => {
            written.push(request.kind);
            return { ok: true, value: { path: request.kind, fileName: request.kind, pruned: [] } };
          },
          onProgress: (p) => {
            if (p.phase === 'writing' && p.done > 0) written.push(`wrote ${p.done}`);
          },
        }),
      ).rejects.toThrow('Simulated disk error');
      // Clients and health histories were written inside the transaction before the failure...
      expect(written.some((line) => line.startsWith('wrote'))).toBe(true);
      // ...and none of it is left.
      failure.armed = false;
      expect(await snapshot(repos.db)).toEqual(before);
    });
  }

  it('a cancel during the write rolls back too', async () => {
    const source = openRepositories();
    await seedPractice(source);
    const loaded = await loadBackup(await backupOf(source.db), PASSPHRASE);
    const repos = openRepositories();
    const before = await snapshot(repos.db);
    const controller = new AbortController();
    const error = await failure(
      restoreBackup({
        store: new RestoreWriter(repos.db),
        loaded,
        mode: 'merge',
        passphrase: PASSPHRASE,
        appVersion: APP_VERSION,
        signal: controller.signal,
        onProgress: (p) => {
          // After the first batch (the clients) was written inside the transaction.
          if (p.phase === 'writing' && p.done > 0) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(await snapshot(repos.db)).toEqual(before);
  });
});

describe('a backup written by schema version 1 (issue 21: health histories gained reviewedAt)', () => {
  it('restores, and its health histories read as the database upgrade reads them', async () => {
    const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'v1.json'), 'utf8')) as {
      tables: Record<string, Record<string, unknown>[]>;
    };
    const clients = fixture.tables.clients!.map((row) => {
      const { sortKey: _s, searchTokens: _t, ...client } = row;
      return client;
    });
    const histories = fixture.tables.healthHistories!;
    expect(histories.every((row) => !('reviewedAt' in row))).toBe(true);
    const written = await writeBackup({
      key,
      appVersion: '0.1.0',
      schemaVersion: 1,
      tables: [
        { table: 'clients', records: clients },
        { table: 'healthHistories', records: histories },
      ],
    });
    const bytes = new Uint8Array(written.byteLength);
    let offset = 0;
    for (const chunk of written.chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    const target = openRepositories();
    await restoreBackup({
      store: new RestoreWriter(target.db),
      loaded: await loadBackup(bytes, PASSPHRASE),
      mode: 'replace',
      passphrase: PASSPHRASE,
      appVersion: APP_VERSION,
      writer: memoryWriter().writer,
    });
    const repository = new HealthHistoryRepository(target.db, target.clock);
    for (const before of histories) {
      const after = await repository.get(before.clientId as string);
      // Read as the upgrade reads it; fields added since (a clearance's recordedBy, recordedAt)
      // take their defaults.
      expect(after).toEqual(StoredHealthHistorySchema.parse(before));
      expect(after.reviewedAt).toEqual(
        (upgradeHealthHistoryRow(before) as { reviewedAt: unknown }).reviewedAt,
      );
    }
    const recorded = histories.find((row) => (row.conditions as unknown[]).length > 0)!;
    expect((await repository.get(recorded.clientId as string)).reviewedAt).not.toBeNull();
    const empty = histories.find((row) => (row.conditions as unknown[]).length === 0)!;
    expect((await repository.get(empty.clientId as string)).reviewedAt).toBeNull();
  });
});
