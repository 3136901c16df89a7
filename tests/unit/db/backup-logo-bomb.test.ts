import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeBytes } from '../../../src-renderer/db/backup-tables';
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '../../../src-renderer/db/database';
import { SettingsRepository } from '../../../src-renderer/db/settings-repository';
import { loadBackup } from '../../../src-renderer/features/backup/restore/load-backup';
import { BackupError, type BackupKey, deriveBackupKey, writeBackup } from '../../../src-shared/backup';
import { PracticeSettingsSchema, SETTINGS_KEYS } from '../../../src-shared/domain/settings';
import { pngDeclaring } from '../domain/image-bombs';
import { addClient, openRepositories } from './helpers';

// Issue 13, finding 5: a logo that arrives in a backup is checked like one chosen in Settings.
const PASSPHRASE = 'Tidal rhythm, still point 7';
let key: BackupKey;

beforeAll(async () => {
  key = await deriveBackupKey(PASSPHRASE);
});

function practiceValue(logoBytes: Uint8Array) {
  return {
    practice: {
      name: 'Stillwater',
      address: '',
      phone: '',
      email: '',
      website: '',
      logo: { mimeType: 'image/png', bytes: logoBytes },
    },
    therapistName: 'Anna Lind',
    paperSize: 'A4',
  };
}

/** The settings row as a backup carries it (bytes as base64) or as the table stores it. */
function practiceRow(logoBytes: Uint8Array, encoded = true) {
  const value = practiceValue(logoBytes);
  return {
    key: SETTINGS_KEYS.practice,
    value: encoded ? encodeBytes(value) : value,
    updatedAt: '2026-11-26T09:00:00.000Z',
  };
}

/** A backup file holding only the practice settings row, written without the app's checks. */
async function backupWithPractice(logoBytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const written = await writeBackup({
    key,
    appVersion: '0.1.0',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    tables: [{ table: 'settings', records: [practiceRow(logoBytes)] }],
  });
  const bytes = new Uint8Array(written.byteLength);
  let offset = 0;
  for (const chunk of written.chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function snapshot(repos: ReturnType<typeof openRepositories>) {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await repos.db.table(name).toArray();
  return out;
}

describe('a backup whose practice logo declares an enormous image', () => {
  it('is refused before anything is written, saying what is wrong with the logo', async () => {
    const repos = openRepositories();
    await addClient(repos.clients, 'Kept', 'Asis');
    const before = await snapshot(repos);
    const error = await loadBackup(await backupWithPractice(pngDeclaring(16000, 16000)), PASSPHRASE).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('INVALID_RECORDS');
    expect((error as BackupError).message).toMatch(
      /16000 × 16000 pixels; the largest Stillpoint accepts is 4096 × 4096/,
    );
    expect(await snapshot(repos)).toEqual(before);
  });

  it('restores a practice whose logo is a sensible size', async () => {
    const loaded = await loadBackup(await backupWithPractice(pngDeclaring(800, 200)), PASSPHRASE);
    expect(loaded.counts.settings).toBe(1);
  });

  it('is not read back as practice details if one is already stored (the screens fall back)', async () => {
    const repos = openRepositories();
    const settings = new SettingsRepository(repos.db);
    const fallback = { marker: 'fallback' } as never;
    await repos.db.settings.put(practiceRow(pngDeclaring(800, 200), false) as never);
    expect(await settings.get(SETTINGS_KEYS.practice, PracticeSettingsSchema, fallback)).toMatchObject({
      therapistName: 'Anna Lind',
    });
    await repos.db.settings.put(practiceRow(pngDeclaring(16000, 16000), false) as never);
    expect(await settings.get(SETTINGS_KEYS.practice, PracticeSettingsSchema, fallback)).toBe(fallback);
  });
});
