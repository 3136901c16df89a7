import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { intakeHandlers } from '../../../src-main/handlers/intake';
import { createMainLanguage } from '../../../src-main/i18n';
import { createDispatcher } from '../../../src-main/ipc';
import { DEFAULT_AFTERCARE_TEMPLATE } from '../../../src-shared/aftercare';
import { buildAftercareSheet } from '../../../src-shared/aftercare/build-sheet';
import { MAX_ATTACHMENT_BYTES } from '../../../src-shared/documents/attachment';
import { MAX_SAVED_FILE_BYTES } from '../../../src-shared/domain/file-size-limits';
import { translatorFor } from '../../../src-shared/i18n';
import { DEFAULT_CONSENT_TEXT } from '../../../src-shared/intake/default-consent';
import { BlankIntakeFormSchema } from '../../../src-shared/intake/paper';
import { UserFacingError } from '../../../src-shared/result';
import { pngDeclaring } from '../domain/image-bombs';
import { recordFixture } from '../exports/fixtures';
import { FIXED_NOW, FONTS_DIR } from '../pdf/fixtures';

vi.mock('electron', () => ({}));

/**
 * Issue 19: what main says about the files it opens and saves for every feature (the save
 * dialog, a CSV or backup too large to open, a saved file too large, a logo too large in bytes
 * or in pixels, a request its schema refuses) is in the app's language, through the real
 * handlers and the dispatcher, with sizes written the German way by formatBytes.
 */

const MB = 1024 * 1024;
const workDir = fs.mkdtempSync(path.join(tmpdir(), 'stillpoint-files-de-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));
const sender = { url: 'app://stillpoint/index.html', isMainFrame: true };

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type Asked = { title: string; defaultFileName?: string; filters?: { name: string; extensions: string[] }[] };

/** Main speaking German, its dialogs recorded; `open` is what the next open dialog returns. */
function german(open: string | null = null) {
  const language = createMainLanguage('de');
  const saveDialogs: Asked[] = [];
  const openDialogs: Asked[] = [];
  const deps: MainDeps = {
    appName: 'Stillpoint',
    appVersion: '0.1.0',
    platform: 'linux',
    userDataDir: workDir,
    resourcesDir: path.resolve(FONTS_DIR, '..'),
    dialogs: {
      chooseSavePath: async (options) => {
        saveDialogs.push(options);
        return null;
      },
      chooseOpenFile: async (options) => {
        openDialogs.push(options);
        return open;
      },
      chooseFolder: async () => null,
    },
    printer: { printPdf: async () => ({ printed: false }) },
    secureStore: {
      storage: () => 'secure',
      encrypt: (t) => new TextEncoder().encode(t),
      decrypt: (d) => new TextDecoder().decode(d),
    },
    now: () => FIXED_NOW,
    harness: false,
    language,
  };
  const dispatch = createDispatcher(createMainHandlers(deps), {
    isTrustedSender: () => true,
    log: () => {},
    translate: language.t,
  });
  return {
    deps,
    saveDialogs,
    openDialogs,
    send: (channel: string, request?: unknown) => dispatch(channel, request, sender) as Promise<Answer>,
  };
}

function refusal(answer: Answer) {
  expect(answer.ok).toBe(false);
  return (answer as { error: { code: string; message: string } }).error;
}

/** A file of `size` bytes that takes no disk space: main refuses by its size before reading it. */
function sparseFile(name: string, size: number): string {
  const file = path.join(workDir, name);
  fs.closeSync(fs.openSync(file, 'w'));
  fs.truncateSync(file, size);
  return file;
}

describe('the save dialog speaks German', () => {
  it.each([
    ['csv', 'Tabelle (CSV)'],
    ['json', 'JSON-Datei'],
    ['pdf', 'PDF-Dokument'],
  ] as const)('files:save-as of a %s: "Speichern", filter %s', async (kind, filter) => {
    const { send, saveDialogs } = german();
    const saved = await send('files:save-as', { fileName: `Export.${kind}`, kind, contents: 'a' });
    expect(saved).toEqual({ ok: true, value: { path: null } });
    expect(saveDialogs).toEqual([
      {
        title: 'Speichern',
        defaultFileName: `Export.${kind}`,
        filters: [{ name: filter, extensions: [kind] }],
      },
    ]);
  });

  it('a PDF main renders and saves through the same dialog (the client record)', async () => {
    const { send, saveDialogs } = german();
    const { record } = recordFixture();
    const saved = await send('export:client-record-pdf', { record, fileName: 'Akte.pdf', logo: null });
    expect(saved).toEqual({ ok: true, value: { path: null } });
    expect(saveDialogs[0]).toMatchObject({
      title: 'Speichern',
      filters: [{ name: 'PDF-Dokument', extensions: ['pdf'] }],
    });
  });
});

describe('files too large to open or save, the size written the German way', () => {
  it('a CSV over 64 MB', async () => {
    const { send, openDialogs } = german(sparseFile('klienten.csv', 65 * MB));
    const error = refusal(await send('files:open', { kind: 'csv' }));
    expect(openDialogs[0]).toMatchObject({
      title: 'CSV-Datei mit Klienten wählen',
      filters: [{ name: 'Tabelle (CSV)', extensions: ['csv'] }],
    });
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toBe(
      '„klienten.csv“ ist 65 MB groß; Stillpoint importiert CSV-Dateien bis 64 MB. Teilen Sie sie in kleinere Dateien auf (zum Beispiel nach Nachnamen) und importieren Sie diese nacheinander.',
    );
  });

  it('a backup over 256 MB, with a decimal comma', async () => {
    const { send, openDialogs } = german(sparseFile('riesig.stillpoint', 2.5 * 1024 * MB));
    const error = refusal(await send('files:open', { kind: 'backup' }));
    expect(openDialogs[0]?.title).toBe('Stillpoint-Sicherung wählen');
    expect(error.message).toBe(
      // CLDR's German puts a no-break space between "2,5" and "GB" (and a plain one after "256").
      '„riesig.stillpoint“ ist 2,5\u00a0GB groß; Stillpoint stellt Sicherungen bis 256 MB wieder her, daher ist dies keine Sicherung, die es öffnen kann. Es wurde nichts geändert.',
    );
  });

  it('a file to save over 256 MB is refused before any dialog opens', async () => {
    const { send, saveDialogs } = german();
    // Zero bytes, never touched: the handler reads only the length.
    const contents = new Uint8Array(MAX_SAVED_FILE_BYTES + 44 * MB);
    const error = refusal(await send('files:save-as', { fileName: 'sitzungen.csv', kind: 'csv', contents }));
    expect(error.message).toBe(
      '„sitzungen.csv“ wäre etwa 300 MB groß, mehr als Stillpoint in einer Datei speichert (256 MB). Es wurde nichts gespeichert; exportieren Sie einen kleineren Teil Ihrer Unterlagen.',
    );
    expect(saveDialogs).toEqual([]);
  });
});

describe('the practice logo as it is chosen', () => {
  it('the dialog, and a logo over 2 MB', async () => {
    const { send, openDialogs } = german(sparseFile('logo.png', 3.5 * MB));
    const error = refusal(await send('files:choose-logo'));
    expect(openDialogs[0]).toMatchObject({
      title: 'Praxislogo wählen',
      filters: [{ name: 'PNG- oder JPEG-Bild' }],
    });
    expect(error.message).toBe(
      'Das Logo ist größer als 2 MB (3,5 MB): Speichern Sie eine kleinere Fassung und wählen Sie sie erneut.',
    );
  });

  it('a logo of too many pixels', async () => {
    const file = path.join(workDir, 'riesig.png');
    fs.writeFileSync(file, pngDeclaring(5000, 3000));
    const { send } = german(file);
    expect(refusal(await send('files:choose-logo')).message).toBe(
      'Das Logo hat 5000 × 3000 Pixel; Stillpoint nimmt höchstens 4096 × 4096 an. Speichern Sie eine kleinere Fassung (1000 Pixel Breite werden scharf gedruckt) und wählen Sie sie erneut.',
    );
  });
});

describe('the intake PDFs refuse a logo they cannot draw, in German', () => {
  const form = () =>
    BlankIntakeFormSchema.parse({
      practice: { name: 'Praxis am Hafen', address: '', phone: '', email: '', website: '', logo: null },
      paperSize: 'A4',
      language: 'de',
      consentText: DEFAULT_CONSENT_TEXT,
      consentVersion: 1,
      practiceQuestions: [],
    });

  it('through the channel: the schema refuses it, and the dispatcher says why in German', async () => {
    const { send } = german();
    const withBomb = {
      ...form(),
      practice: { ...form().practice, logo: { mimeType: 'image/png', bytes: pngDeclaring(16000, 16000) } },
    };
    const error = refusal(await send('intake:save-blank-form', { form: withBomb, fileName: 'Aufnahme.pdf' }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toMatch(
      /^Die Anfrage war ungültig: form\.practice\.logo\.bytes: Das Logo hat 16000 × 16000 Pixel/,
    );
  });

  it('in the handler itself, should a request ever get past the schema', async () => {
    const { deps } = german();
    const withBomb = form();
    withBomb.practice.logo = { mimeType: 'image/png', bytes: pngDeclaring(16000, 16000) };
    const refused = await intakeHandlers(deps)
      .intakeSaveBlankForm({ form: withBomb, fileName: 'Aufnahme.pdf' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserFacingError);
    const { translation } = refused as UserFacingError;
    expect(translatorFor('de')(translation!.key, translation!.values)).toBe(
      'Das Logo hat 16000 × 16000 Pixel; Stillpoint nimmt höchstens 4096 × 4096 an. Speichern Sie eine kleinere Fassung (1000 Pixel Breite werden scharf gedruckt) und wählen Sie sie in den Einstellungen neu aus.',
    );
  });
});

describe('a request the channel refuses names the reason in German, the field as it is', () => {
  it('a dropped file over 50 MB', async () => {
    const { send } = german();
    const error = refusal(
      await send('documents:prepare-dropped', {
        fileName: 'scan.pdf',
        bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1),
      }),
    );
    expect(error).toEqual({
      code: 'INVALID_REQUEST',
      message: 'Die Anfrage war ungültig: bytes: Die Datei ist größer als 50 MB',
    });
  });
});

describe("practice sync's refusals in German", () => {
  const setup = {
    serverUrl: 'http://couch.example.org/stillpoint',
    user: 'praxis',
    password: 'geheim',
    practiceKey: 'SPK1-not-a-key',
    computerName: 'Empfang',
  };

  it('an address outside the practice network without https, then a key that is not one', async () => {
    const { send } = german();
    expect(refusal(await send('sync:turn-on', setup))).toEqual({
      code: 'INVALID_REQUEST',
      message:
        'Außerhalb des Praxisnetzes muss der Server https:// verwenden, damit das Sync-Passwort unterwegs nicht mitgelesen werden kann.',
    });
    expect(
      refusal(await send('sync:turn-on', { ...setup, serverUrl: 'https://couch.example.org/stillpoint' }))
        .message,
    ).toBe(
      'Das ist kein Praxisschlüssel. Verwenden Sie den Kopplungscode eines Computers, der schon zur Praxis gehört.',
    );
  });

  it('renaming the computer while sync is off', async () => {
    const { send } = german();
    expect(refusal(await send('sync:rename-computer', { computerName: 'Praxisraum' })).message).toBe(
      'Die Synchronisierung ist aus.',
    );
  });
});

describe('a paper the fonts cannot print names its fields in the app’s language', () => {
  it('the aftercare handout: German field names for the therapist, whatever the paper’s language', async () => {
    const sheet = buildAftercareSheet({
      session: {
        serviceDate: '2026-11-26',
        treatedAreas: [{ regionId: 'occipital' }],
        nextSessionRecommendation: '',
        homeCare: '',
      },
      client: { firstName: 'Lucía', lastName: 'Fernández', preferredName: '' },
      settings: {
        practice: { name: 'Praxis am Hafen', address: '', phone: '', email: '', website: '', logo: null },
        therapistName: 'Anna Berg',
        paperSize: 'A4',
      },
      template: DEFAULT_AFTERCARE_TEMPLATE,
      personalNote: 'Ruhen Sie sich aus 𓂀',
      locale: 'en-GB',
    });
    const { send } = german();
    expect(refusal(await send('aftercare:save-pdf', { sheet, fileName: 'Nachsorge.pdf' })).message).toBe(
      'Diese Zeichen können mit den Schriften des Nachsorgeblatts nicht gedruckt werden: 𓂀. Ändern oder entfernen Sie sie in: Persönliche Notiz.',
    );
  });

  it('the blank intake form', async () => {
    const form = BlankIntakeFormSchema.parse({
      practice: { name: 'Praxis 𓂀', address: '', phone: '', email: '', website: '', logo: null },
      paperSize: 'A4',
      language: 'es',
      consentText: DEFAULT_CONSENT_TEXT,
      consentVersion: 1,
      practiceQuestions: [{ id: 'p', kind: 'yes-no', label: 'Parkplatz 𓂀?', options: [] }],
    });
    const { send } = german();
    const error = refusal(await send('intake:save-blank-form', { form, fileName: 'Aufnahme.pdf' }));
    expect(error.message).toContain('Frage der Praxis');
    expect(error.message).not.toContain('Practice question');
  });
});
