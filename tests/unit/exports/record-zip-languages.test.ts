import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../src-renderer/app/i18n';
import {
  type LoadedClientRecord,
  saveClientRecordZip,
} from '../../../src-renderer/features/exports/client-record-export';
import { MAX_RECORD_ZIP_FILES_BYTES } from '../../../src-shared/documents/record-zip-ipc';

// Issue 19: the record ZIP's "too large for one ZIP" refusal is said in the app's language. It is
// decided before anything reaches main, so no bridge is needed to show it.
describe("the record ZIP's size refusal", () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  const tooLarge = {
    record: { attachments: [{ size: MAX_RECORD_ZIP_FILES_BYTES }, { size: 300 * 1024 * 1024 }] },
    logo: null,
  } as unknown as LoadedClientRecord;

  it('is German in a German app, with the sizes in whole megabytes written the German way', async () => {
    await i18n.changeLanguage('de');
    expect(await saveClientRecordZip(tooLarge)).toEqual({
      saved: false,
      error:
        'Die Dokumente und Fotos dieses Klienten umfassen 4.140 MB, mehr als Stillpoint in einer ZIP-Datei speichert (3.840 MB). Speichern Sie das PDF und das JSON und die Dateien einzeln mit „Kopie speichern …“.',
    });
  });

  it('reads as before in English', async () => {
    await i18n.changeLanguage('en');
    expect(await saveClientRecordZip(tooLarge)).toEqual({
      saved: false,
      error:
        'The documents and photos of this client take 4,140 MB, more than Stillpoint saves in one ZIP (3,840 MB). Save the PDF and the JSON, and save the files one by one with "Save a copy…".',
    });
  });
});
