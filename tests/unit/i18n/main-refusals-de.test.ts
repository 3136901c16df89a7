import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { createMainLanguage } from '../../../src-main/i18n';
import { createDispatcher } from '../../../src-main/ipc';
import { MAX_ATTACHMENT_BYTES } from '../../../src-shared/documents/attachment';
import { sha256Hex } from '../../../src-shared/documents/hash';
import { AttachmentRefusal, checkOriginalName } from '../../../src-shared/documents/prepare';
import { translatorFor } from '../../../src-shared/i18n';
import { recordFixture } from '../exports/fixtures';
import { FIXED_NOW, FONTS_DIR } from '../pdf/fixtures';

vi.mock('electron', () => ({}));

/**
 * Issue 19: what main says about documents and outcomes (a refused file, a damaged one, a logo
 * it cannot draw, a record it cannot print) comes from the catalogue, in the app's language, as
 * backup's refusals do; dialog titles and the saved file's name too.
 */

const workDir = fs.mkdtempSync(path.join(tmpdir(), 'stillpoint-refusals-de-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));
const sender = { url: 'app://stillpoint/index.html', isMainFrame: true };

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

function german(dialogs: Partial<MainDeps['dialogs']> = {}) {
  const language = createMainLanguage('de');
  const asked: { title: string; defaultFileName?: string; filters: { name: string }[] }[] = [];
  const deps: MainDeps = {
    appName: 'Stillpoint',
    appVersion: '0.1.0',
    platform: 'linux',
    userDataDir: workDir,
    resourcesDir: path.resolve(FONTS_DIR, '..'),
    dialogs: {
      chooseSavePath: async (options) => {
        asked.push(options);
        return null;
      },
      chooseOpenFile: async () => null,
      chooseFolder: async () => null,
      ...dialogs,
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
    asked,
    language,
    send: (channel: string, request: unknown) => dispatch(channel, request, sender) as Promise<Answer>,
  };
}

const refusal = (answer: Answer) => {
  expect(answer.ok).toBe(false);
  return (answer as { error: { code: string; message: string } }).error;
};

const PDF = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('documents: refusals in German', () => {
  it('a picked file over the limit, with the size written the German way', async () => {
    const file = path.join(workDir, 'scan.pdf');
    fs.writeFileSync(file, new Uint8Array(MAX_ATTACHMENT_BYTES + 10 * 1024 * 1024));
    const { send } = german({ chooseOpenFile: async () => file });
    const error = refusal(await send('documents:choose', undefined));
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toBe(
      '„scan.pdf“ ist 60,0 MB groß; Stillpoint bewahrt Dateien bis 50 MB auf. Speichern Sie eine kleinere Kopie (einen Scan mit 150 dpi oder ein Foto in geringerer Größe) und hängen Sie diese an.',
    );
  });

  it('a dropped file that is not a document, and an empty one', async () => {
    const { send } = german();
    const notADocument = new TextEncoder().encode('MZ\u0090\u0000 an executable');
    expect(
      refusal(await send('documents:prepare-dropped', { fileName: 'setup.exe', bytes: notADocument }))
        .message,
    ).toMatch(/^„setup\.exe“ ist keine PDF-, JPEG-, PNG-, WebP- oder reine Textdatei/);
    expect(
      refusal(await send('documents:prepare-dropped', { fileName: 'leer.pdf', bytes: new Uint8Array(0) }))
        .message,
    ).toBe('„leer.pdf“ ist leer (0 Byte), es gibt also nichts anzuhängen.');
  });

  it('a name that cannot be kept says why, in the app language (the renderer checks a dropped name first)', () => {
    const refused = (() => {
      try {
        checkOriginalName('Ordner/brief.pdf');
      } catch (error) {
        return error as AttachmentRefusal;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(AttachmentRefusal);
    expect(refused!.message).toBe(
      "That file's name cannot be kept (the file name holds a folder separator or a control character). Rename the file and attach it again.",
    );
    expect(translatorFor('de')(refused!.key, refused!.values)).toBe(
      'Der Name dieser Datei kann nicht übernommen werden (der Dateiname enthält ein Ordnertrennzeichen oder ein Steuerzeichen). Benennen Sie die Datei um und hängen Sie sie erneut an.',
    );
  });

  it('a copy whose bytes no longer match their checksum is not saved', async () => {
    const { send } = german();
    const error = refusal(
      await send('documents:save-copy', {
        title: 'Brief',
        mediaType: 'application/pdf',
        sha256: await sha256Hex(new Uint8Array([1, 2, 3])),
        bytes: PDF,
      }),
    );
    expect(error.message).toMatch(/^Diese Datei hat sich seit dem Anhängen verändert/);
  });

  it('dialogs are titled in German', async () => {
    const { send, asked } = german();
    const saved = await send('documents:save-copy', {
      title: 'Brief',
      mediaType: 'application/pdf',
      sha256: await sha256Hex(PDF),
      bytes: PDF,
    });
    expect(saved).toEqual({ ok: true, value: { path: null } });
    expect(asked[0]).toMatchObject({ title: 'Kopie speichern', defaultFileName: 'Brief.pdf' });
  });

  it('a record ZIP missing one of its files names it in German', async () => {
    const { record } = recordFixture();
    const withDocument = {
      ...record,
      attachments: [
        {
          id: 'att-1',
          clientId: record.client.id,
          title: 'Röntgenbefund',
          kind: 'report',
          date: '2025-01-10',
          note: '',
          mediaType: 'application/pdf',
          size: PDF.byteLength,
          sha256: await sha256Hex(PDF),
          originalName: 'befund.pdf',
          addedAt: '2025-01-10T09:00:00.000Z',
          updatedAt: '2025-01-10T09:00:00.000Z',
          gpsRemoved: false,
          otherMetadataRemoved: false,
          orientation: 1,
        },
      ],
    };
    // The streamed ZIP: begun, then committed without the document's bytes.
    const target = path.join(workDir, 'Akte.zip');
    const { send } = german({ chooseSavePath: async () => target });
    const begun = await send('export:record-zip-begin', { record: withDocument, logo: null });
    if (!begun.ok) throw new Error(begun.error.message);
    const { token } = begun.value as { token: string };
    const error = refusal(await send('export:record-zip-commit', { token }));
    expect(error.message).toBe('„Röntgenbefund“ fehlt im Export, daher wurde keine ZIP-Datei gespeichert.');
  });
});

describe('the client record: the refusal of unprintable characters names fields in the app language', () => {
  it('German field names, though the record itself is Spanish', async () => {
    const { record } = recordFixture();
    const { send } = german();
    const error = refusal(
      await send('export:client-record-pdf', {
        record: {
          ...record,
          client: {
            ...record.client,
            preferredLanguage: 'es',
            notes: 'Zeichnet 𓂀',
            address: 'Hafenweg 𓂀 12',
          },
        },
        fileName: 'Historial.pdf',
        logo: null,
      }),
    );
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toMatch(/^Diese Zeichen können mit den PDF-Schriften nicht gedruckt werden/);
    expect(error.message).toContain('Notizen zum Klienten');
    expect(error.message).toContain('Adresse');
    expect(error.message).not.toContain('Client notes');
  });
});

describe('outcomes: the progress report', () => {
  const report = {
    audience: 'client' as const,
    practice: {
      name: 'Quiet Harbour',
      address: '',
      phone: '',
      email: '',
      website: '',
      therapistName: 'Anna Berg',
      paperSize: 'A4' as const,
    },
    client: { name: 'Lucía Fernández', dateOfBirth: null, referringPhysician: '' },
    period: { from: '2026-10-01', to: '2026-11-26' },
    sessionCount: 2,
    reasonForComing: '',
    profile: { symptom1: 'Dolor de nuca', symptom2: null, activity: null, symptom1Duration: '1-5-years' },
    scores: [
      {
        date: '2026-10-01',
        kind: 'baseline' as const,
        scores: { symptom1: 5, symptom2: null, activity: null, wellbeing: 3 },
      },
    ],
    treatedAreas: [],
    afterEffects: [],
    summary: '',
    signedBy: 'Anna Berg',
    signedOn: '2026-11-27',
  };

  it("is saved under a name in the paper's language: Spanish for a Spanish client, German otherwise", async () => {
    const { send, asked } = german();
    await send('outcomes:save-progress-report', { report: { ...report, language: 'es' } });
    await send('outcomes:save-progress-report', { report });
    expect(asked.map((a) => a.defaultFileName)).toEqual([
      'Informe de evolución Lucía-Fernández para el cliente 2026-11-27.pdf',
      'Verlaufsbericht Lucía-Fernández für Klient oder Klientin 2026-11-27.pdf',
    ]);
  });

  it('a summary the fonts cannot print is refused in German, naming the field', async () => {
    const { send } = german();
    const error = refusal(
      await send('outcomes:save-progress-report', { report: { ...report, summary: 'Zeichnete 𓂀' } }),
    );
    expect(error.message).toBe(
      'Diese Zeichen können mit den PDF-Schriften nicht gedruckt werden: 𓂀. Sie stehen in: Zusammenfassung der Therapeutin / des Therapeuten.',
    );
  });
});
