import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../../src-renderer/db/database';
import { RestoreWriter } from '../../../src-renderer/db/restore-writer';
import { SettingsRepository } from '../../../src-renderer/db/settings-repository';
import type { BackupFileWriter } from '../../../src-renderer/features/backup/backup-service';
import { loadBackup } from '../../../src-renderer/features/backup/restore/load-backup';
import { restoreBackup } from '../../../src-renderer/features/backup/restore/restore-service';
import { readHandoutTexts, saveHandoutText } from '../../../src-renderer/features/settings/handout-texts';
import { DEFAULT_AFTERCARE_TEMPLATE } from '../../../src-shared/aftercare';
import { type BackupKey, deriveBackupKey, writeBackup } from '../../../src-shared/backup';
import { handoutTemplateKey, SETTINGS_KEYS } from '../../../src-shared/domain/settings';
import { HANDOUT_TEMPLATES, handoutTemplateFor } from '../../../src-shared/i18n';
import { openRepositories } from './helpers';

/**
 * The handout wording per language (issue 19): English keeps the one key a practice had before,
 * so a backup written then restores as the practice's English wording, and the other languages
 * (stored under keys of their own) travel through a backup like any settings row.
 */
const PASSPHRASE = 'Tidal rhythm, still point 7';
let key: BackupKey;
beforeAll(async () => {
  key = await deriveBackupKey(PASSPHRASE);
});

const refusingWriter: BackupFileWriter = async () => {
  throw new Error('no safety backup expected for an empty database');
};

const EDITED_ENGLISH = { ...DEFAULT_AFTERCARE_TEMPLATE, intro: 'Thanks for coming, {{clientFirstName}}.' };

async function backupOf(rows: { key: string; value: unknown }[], schemaVersion: number) {
  const written = await writeBackup({
    key,
    appVersion: '0.1.0',
    schemaVersion,
    tables: [
      {
        table: 'settings',
        records: rows.map((row) => ({ ...row, updatedAt: '2026-11-26T09:00:00.000Z' })),
      },
    ],
  });
  const bytes = new Uint8Array(written.byteLength);
  let offset = 0;
  for (const chunk of written.chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function restoreInto(bytes: Uint8Array<ArrayBuffer>) {
  const target = openRepositories();
  await restoreBackup({
    store: new RestoreWriter(target.db),
    loaded: await loadBackup(bytes, PASSPHRASE),
    mode: 'replace',
    passphrase: PASSPHRASE,
    appVersion: '0.1.0',
    writer: refusingWriter,
  });
  return new SettingsRepository(target.db);
}

describe('the handout wording per language in a backup', () => {
  it('a backup from before (one edited text) restores as the English wording; the others stay standard', async () => {
    const settings = await restoreInto(
      await backupOf([{ key: SETTINGS_KEYS.handoutTemplate, value: EDITED_ENGLISH }], 4),
    );
    const stored = await readHandoutTexts(settings);
    expect(stored).toEqual({ en: EDITED_ENGLISH });
    expect(handoutTemplateFor('en', stored)).toMatchObject({ template: EDITED_ENGLISH, standard: false });
    expect(handoutTemplateFor('de', stored)).toEqual({
      template: HANDOUT_TEMPLATES.de,
      standard: true,
      editedIn: ['en'],
    });
  });

  it('every language saved in Settings comes back from a backup under its own key', async () => {
    const source = openRepositories();
    const sourceSettings = new SettingsRepository(source.db);
    const german = { ...HANDOUT_TEMPLATES.de, closing: 'Herzlich\n{{therapistName}}' };
    await saveHandoutText(sourceSettings, 'en', EDITED_ENGLISH);
    await saveHandoutText(sourceSettings, 'de', german);
    const rows = await source.db.settings.toArray();
    expect(rows.map((row) => row.key).sort()).toEqual(
      [handoutTemplateKey('en'), handoutTemplateKey('de')].sort(),
    );

    const settings = await restoreInto(
      await backupOf(rows as { key: string; value: unknown }[], CURRENT_SCHEMA_VERSION),
    );
    expect(await readHandoutTexts(settings)).toEqual({ en: EDITED_ENGLISH, de: german });
  });

  it('a stored wording that no longer fits the schema falls back to the standard one', async () => {
    const settings = await restoreInto(
      await backupOf([{ key: handoutTemplateKey('fr'), value: { intro: 42 } }], CURRENT_SCHEMA_VERSION),
    );
    const stored = await readHandoutTexts(settings);
    expect(stored).toEqual({});
    expect(handoutTemplateFor('fr', stored).template).toEqual(HANDOUT_TEMPLATES.fr);
  });
});
