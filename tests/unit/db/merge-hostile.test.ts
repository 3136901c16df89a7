import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatTimestamp, setDisplayLocale } from '../../../src-renderer/app/format';
import { i18n } from '../../../src-renderer/app/i18n';
import { BACKUP_TABLES, RECORD_VALIDATORS } from '../../../src-renderer/db/backup-tables';
import {
  CURRENT_SCHEMA_VERSION,
  type StillpointDatabase,
  TABLE_NAMES,
} from '../../../src-renderer/db/database';
import { RestoreWriter } from '../../../src-renderer/db/restore-writer';
import type { BackupFileWriter } from '../../../src-renderer/features/backup/backup-service';
import { loadBackup } from '../../../src-renderer/features/backup/restore/load-backup';
import { tableLabel } from '../../../src-renderer/features/backup/restore/restore-preview';
import {
  previewRestore,
  RestoreNotStartedError,
  restoreBackup,
} from '../../../src-renderer/features/backup/restore/restore-service';
import { BackupError, type BackupKey, deriveBackupKey, writeBackup } from '../../../src-shared/backup';
import { addClient, filledIn, openRepositories } from './helpers';

/**
 * Issue 13, finding 2: "Merge can rewrite history". A backup whose audit entry carried a later
 * timestamp replaced "Signed by Anna Lind" with "Signed by SOMEONE ELSE"; a merged file removed
 * the app lock's passcode; a health history for a client who exists nowhere was accepted; records
 * dated 2099 were accepted. Each hostile file here is made the way an attacker would: take a real
 * backup's records, change them, seal them with the passphrase (every record passes the schemas).
 */

const PASSPHRASE = 'Tidal rhythm, still point 7';
const APP_VERSION = '0.1.0';
const NOW = new Date('2025-03-10T12:00:00.000Z');
let key: BackupKey;

beforeAll(async () => {
  key = await deriveBackupKey(PASSPHRASE);
});

type Row = Record<string, unknown>;
type Tables = Record<string, Row[]>;

const LOCK = {
  passcode: { salt: 'c2FsdHNhbHRzYWx0c2FsdA==', hash: 'aGFzaA==', iterations: 600000 },
  idleMinutes: 5,
};

/** This computer: a client with a signed note (its audit trail), an after-effect, an app lock. */
async function seed() {
  const repos = openRepositories();
  const zoe = await addClient(repos.clients, 'Zoë', 'Ødegård');
  const draft = await repos.sessions.createDraft(zoe.id);
  await repos.sessions.saveDraft(filledIn(draft));
  const signed = await repos.sessions.sign(draft.id, 'Anna Lind');
  await repos.afterEffects.report(
    signed.id,
    { type: 'headache', onsetHours: 4, durationHours: 12, severity: 'mild', resolved: true, notes: '' },
    null,
  );
  await repos.db.settings.put({ key: 'app-lock', value: LOCK, updatedAt: '2025-03-01T09:00:00.000Z' });
  return { repos, zoe, signedId: signed.id };
}

/** Every table as backup records (what a backup of `db` holds). */
async function recordsOf(db: StillpointDatabase): Promise<Tables> {
  const out: Tables = {};
  for (const spec of BACKUP_TABLES)
    out[spec.name] = ((await db.table(spec.name).toArray()) as Row[]).map(spec.toBackup);
  return out;
}

/** Seals any records as a backup, checked with the app's own schemas like a real one. */
async function sealed(tables: Tables): Promise<Uint8Array<ArrayBuffer>> {
  const written = await writeBackup({
    key,
    appVersion: APP_VERSION,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    tables: TABLE_NAMES.map((table) => ({ table, records: tables[table] ?? [] })),
    counts: Object.fromEntries(TABLE_NAMES.map((table) => [table, (tables[table] ?? []).length])),
    validators: RECORD_VALIDATORS,
  });
  const bytes = new Uint8Array(written.byteLength);
  let offset = 0;
  for (const chunk of written.chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

const writer: BackupFileWriter = async (request) => ({
  ok: true,
  value: { path: `/backups/${request.kind}.stillpoint`, fileName: `${request.kind}.stillpoint`, pruned: [] },
});

async function merge(db: StillpointDatabase, bytes: Uint8Array, options: { takeSettings?: boolean } = {}) {
  const loaded = await loadBackup(bytes, PASSPHRASE, { now: () => NOW });
  const preview = (await previewRestore(new RestoreWriter(db), loaded)).merge;
  const result = await restoreBackup({
    store: new RestoreWriter(db),
    loaded,
    mode: 'merge',
    passphrase: PASSPHRASE,
    appVersion: APP_VERSION,
    writer,
    now: () => NOW,
    ...options,
  });
  return { preview, result };
}

async function snapshot(db: StillpointDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

describe('merge never rewrites history', () => {
  it('a later-stamped audit entry or after-effect with an id that is here is refused and listed, never applied', async () => {
    const { repos, signedId } = await seed();
    const tables = await recordsOf(repos.db);
    const signing = tables.auditLog!.find((entry) => entry.action === 'signed')!;
    expect(signing.detail).toBe('Signed by Anna Lind');
    signing.detail = 'Signed by SOMEONE ELSE';
    // Noon here, so the label's date and time read the same in any time zone.
    const later = new Date(2025, 2, 9, 12, 0).toISOString();
    signing.at = later;
    const report = tables.afterEffects![0]!;
    report.severity = 'severe';
    report.reportedAt = later;
    const before = await snapshot(repos.db);

    const { preview, result } = await merge(repos.db, await sealed(tables));

    for (const outcome of [preview, result]) {
      expect(outcome.tables.auditLog).toMatchObject({ refused: 1, updated: 0 });
      expect(outcome.tables.afterEffects).toMatchObject({ refused: 1, updated: 0 });
      // Dated as every screen dates a moment (issue 19), not as stored (2025-03-09T…).
      expect(outcome.notApplied.filter((item) => item.why === 'history').map((item) => item.label)).toEqual([
        `After-effect report of ${formatTimestamp(later)}, Zoë Ødegård`,
        `Audit entry of ${formatTimestamp(later)}, Zoë Ødegård`,
      ]);
      expect(formatTimestamp(later)).not.toContain('2025-03-09');
    }
    expect(await snapshot(repos.db)).toEqual(before);
    const trail = await repos.audit.listForNote(signedId);
    expect(trail.map((entry) => entry.detail)).toContain('Signed by Anna Lind');
    expect(trail.map((entry) => entry.detail)).not.toContain('Signed by SOMEONE ELSE');
  });

  it('new audit entries from the file are added (history is appended to)', async () => {
    const { repos, signedId, zoe } = await seed();
    const tables = await recordsOf(repos.db);
    tables.auditLog!.push({
      id: 'printed-elsewhere',
      noteId: signedId,
      clientId: zoe.id,
      action: 'printed',
      at: '2025-03-09T00:00:00.000Z',
      detail: 'Printed on the laptop',
    });
    const { result } = await merge(repos.db, await sealed(tables));
    expect(result.tables.auditLog).toMatchObject({ added: 1, refused: 0 });
    expect((await repos.audit.listForNote(signedId)).map((entry) => entry.detail)).toContain(
      'Printed on the laptop',
    );
  });
});

describe('merge keeps this computer’s settings unless the user takes the file’s', () => {
  it('a newer file that removes the app lock passcode leaves the lock as it is, and says so', async () => {
    const { repos } = await seed();
    const tables = await recordsOf(repos.db);
    const lock = tables.settings!.find((row) => row.key === 'app-lock')!;
    lock.value = { passcode: null, idleMinutes: 0 };
    lock.updatedAt = '2025-03-09T00:00:00.000Z';
    tables.settings!.push({
      key: 'practice',
      value: { therapistName: 'Someone' },
      updatedAt: '2025-03-09T00:00:00.000Z',
    });

    const { preview, result } = await merge(repos.db, await sealed(tables));
    for (const outcome of [preview, result]) {
      expect(outcome.tables.settings).toMatchObject({ settingsKept: 2, updated: 0, added: 0 });
      expect(outcome.notApplied.filter((item) => item.why === 'setting').map((item) => item.label)).toEqual([
        'App lock (passcode and idle time)',
        'Practice details',
      ]);
    }
    expect((await repos.db.settings.get('app-lock'))!.value).toEqual(LOCK);
    expect(await repos.db.settings.get('practice')).toBeUndefined();
  });

  it('when the user chooses to take the file’s settings, they are taken', async () => {
    const { repos } = await seed();
    const tables = await recordsOf(repos.db);
    tables.settings!.find((row) => row.key === 'app-lock')!.value = { passcode: null, idleMinutes: 0 };
    const { result } = await merge(repos.db, await sealed(tables), { takeSettings: true });
    expect(result.tables.settings).toMatchObject({ settingsKept: 0, updated: 1 });
    expect((await repos.db.settings.get('app-lock'))!.value).toEqual({ passcode: null, idleMinutes: 0 });
  });
});

describe('references must resolve', () => {
  it('a health history for a client who is neither here nor in the file is refused, with nothing written', async () => {
    const { repos } = await seed();
    const tables = await recordsOf(repos.db);
    const ghost = { ...tables.healthHistories![0]!, clientId: '0b8f2c1e-0000-4000-8000-00000000dead' };
    tables.healthHistories!.push(ghost);
    const bytes = await sealed(tables);
    const before = await snapshot(repos.db);

    const loaded = await loadBackup(bytes, PASSPHRASE, { now: () => NOW });
    const { merge: mergePreview, replace } = await previewRestore(new RestoreWriter(repos.db), loaded);
    expect(mergePreview.refusal).toBe(
      'This backup cannot be restored: Health histories: record 2 (id 0b8f2c1e-0000-4000-8000-00000000dead) belongs to a client (id 0b8f2c1e-0000-4000-8000-00000000dead) who is neither on this computer nor in the backup. Nothing was restored; your records are unchanged.',
    );
    expect(replace.refusal).toContain(
      'is not in the backup, and Replace all keeps nothing from this computer',
    );
    for (const mode of ['merge', 'replace'] as const) {
      const attempt = restoreBackup({
        store: new RestoreWriter(repos.db),
        loaded,
        mode,
        passphrase: PASSPHRASE,
        appVersion: APP_VERSION,
        writer,
      });
      await expect(attempt).rejects.toThrow(RestoreNotStartedError);
    }
    expect(await snapshot(repos.db)).toEqual(before);
  });

  it('in a German app the refusal, the table names and the history labels are German (issue 19)', async () => {
    const { repos } = await seed();
    const tables = await recordsOf(repos.db);
    const ghost = { ...tables.healthHistories![0]!, clientId: '0b8f2c1e-0000-4000-8000-00000000dead' };
    tables.healthHistories!.push(ghost);
    const loaded = await loadBackup(await sealed(tables), PASSPHRASE, { now: () => NOW });
    await i18n.changeLanguage('de');
    try {
      const { merge: mergePreview, replace } = await previewRestore(new RestoreWriter(repos.db), loaded);
      expect(mergePreview.refusal).toBe(
        'Diese Sicherung kann nicht wiederhergestellt werden: Krankengeschichten: Datensatz 2 (ID 0b8f2c1e-0000-4000-8000-00000000dead) gehört zu einem Klienten (ID 0b8f2c1e-0000-4000-8000-00000000dead), der weder auf diesem Computer noch in der Sicherung ist. Nichts wurde wiederhergestellt; Ihre Daten sind unverändert.',
      );
      expect(replace.refusal).toContain('„Alles ersetzen“ behält nichts von diesem Computer');
      expect(tableLabel('sessions')).toBe('Sitzungsnotizen');
      expect(tableLabel('attachments')).toBe('Dokumente und Fotos');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('in a German app the refused history entries are dated the German way (issue 19)', async () => {
    const { repos } = await seed();
    const tables = await recordsOf(repos.db);
    const signing = tables.auditLog!.find((entry) => entry.action === 'signed')!;
    signing.detail = 'Signed by SOMEONE ELSE';
    signing.at = new Date(2025, 2, 9, 12, 0).toISOString();
    const bytes = await sealed(tables);
    await i18n.changeLanguage('de');
    // The region is the computer's; pin it so the test reads the same on any machine.
    setDisplayLocale('de-DE');
    try {
      const { preview } = await merge(repos.db, bytes);
      expect(preview.notApplied.filter((item) => item.why === 'history').map((item) => item.label)).toEqual([
        'Protokolleintrag vom 09.03.2025, 12:00, Zoë Ødegård',
      ]);
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('a note whose client is only on this computer merges (the reference resolves here)', async () => {
    const { repos, zoe } = await seed();
    const tables = await recordsOf(repos.db);
    tables.clients = tables.clients!.filter((client) => client.id !== zoe.id);
    tables.healthHistories = [];
    const loaded = await loadBackup(await sealed(tables), PASSPHRASE, { now: () => NOW });
    const { merge: mergePreview, replace } = await previewRestore(new RestoreWriter(repos.db), loaded);
    expect(mergePreview.refusal).toBeNull();
    expect(replace.refusal).toContain('Session notes: record 1');
    await restoreBackup({
      store: new RestoreWriter(repos.db),
      loaded,
      mode: 'merge',
      passphrase: PASSPHRASE,
      appVersion: APP_VERSION,
      writer,
    });
  });
});

describe('far-future timestamps', () => {
  it('a record stamped in 2099 is refused when the file is opened, naming the record and the field', async () => {
    const { repos, zoe } = await seed();
    const tables = await recordsOf(repos.db);
    tables.clients!.find((client) => client.id === zoe.id)!.updatedAt = '2099-01-01T00:00:00.000Z';
    const error = await loadBackup(await sealed(tables), PASSPHRASE, { now: () => NOW }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('INVALID_RECORDS');
    expect((error as BackupError).message).toContain(
      `clients record 1 (id ${zoe.id}), field updatedAt: is dated 2099-01-01T00:00:00.000Z, more than a day after this computer's clock (2025-03-10T12:00:00.000Z)`,
    );
  });

  it('up to a day ahead of this computer’s clock is accepted (time zones, a clock a little fast)', async () => {
    const { repos } = await seed();
    const tables = await recordsOf(repos.db);
    tables.auditLog![0]!.at = '2025-03-11T11:59:00.000Z';
    await expect(loadBackup(await sealed(tables), PASSPHRASE, { now: () => NOW })).resolves.toBeDefined();
  });
});
