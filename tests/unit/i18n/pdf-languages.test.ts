import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { createMainLanguage } from '../../../src-main/i18n';
import { createDispatcher } from '../../../src-main/ipc';
import { renderAftercarePdf } from '../../../src-main/services/pdf';
import { buildAftercareSheet } from '../../../src-shared/aftercare/build-sheet';
import { DEFAULT_AFTERCARE_TEMPLATE } from '../../../src-shared/aftercare/default-template';
import { AftercareSheetSchema } from '../../../src-shared/domain/aftercare';
import {
  editedHandoutLanguages,
  HANDOUT_TEMPLATES,
  handoutTemplateFor,
  type Language,
} from '../../../src-shared/i18n';
import { channels } from '../../../src-shared/ipc';
import { PRACTICE, recordFixture } from '../exports/fixtures';
import { FIXED_NOW, FONTS_DIR, pdfPagesText } from '../pdf/fixtures';

vi.mock('electron', () => ({}));

const workDir = mkdtempSync(path.join(tmpdir(), 'stillpoint-languages-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const text = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

function handout(language: Language, locale: string) {
  const sheet = buildAftercareSheet({
    session: {
      serviceDate: '2026-03-12',
      treatedAreas: [{ regionId: 'occipital' }, { regionId: 'c3' }],
      nextSessionRecommendation: '',
      homeCare: '',
    },
    client: { firstName: 'Lucía', lastName: 'Fernández', preferredName: '' },
    settings: PRACTICE,
    template: handoutTemplateFor(language, {}).template,
    personalNote: '',
    locale,
  });
  return renderAftercarePdf(AftercareSheetSchema.parse(sheet), { fontsDir: FONTS_DIR, now: FIXED_NOW });
}

describe('the aftercare handout in the client language', () => {
  it('a Spanish handout: headings, red flags, areas, date and page numbers in Spanish', async () => {
    const all = text(await pdfPagesText(await handout('es', 'es-DE')));
    expect(all).toContain('Después de su sesión');
    expect(all).toContain('Busque atención médica si nota');
    for (const flag of HANDOUT_TEMPLATES.es.seekHelp) expect(all).toContain(flag.replace(/\s+/g, ' '));
    expect(all).toContain('12 de marzo de 2026');
    expect(all).toContain('Base del cráneo');
    expect(all).toContain('Página 1 de 1');
    expect(all).not.toContain('Seek medical help');
  });

  for (const [language, heading, seekHelp] of [
    ['de', 'Nach Ihrer Sitzung', 'Suchen Sie ärztliche Hilfe'],
    ['fr', 'Après votre séance', 'Consultez un médecin si vous remarquez'],
    ['nl', 'Na uw sessie', 'Zoek medische hulp als u het volgende merkt'],
  ] as const) {
    it(`a ${language} handout has its own headings and every red flag`, async () => {
      const all = text(await pdfPagesText(await handout(language, `${language}-BE`)));
      expect(all).toContain(heading);
      expect(all).toContain(seekHelp);
      for (const flag of HANDOUT_TEMPLATES[language].seekHelp)
        expect(all).toContain(flag.replace(/\s+/g, ' '));
    });
  }

  it("the practice's edited English text never reaches a German handout; English handouts keep it", () => {
    const edited = { ...DEFAULT_AFTERCARE_TEMPLATE, intro: 'Thanks for coming, {{clientFirstName}}!' };
    expect(handoutTemplateFor('en', { en: edited })).toEqual({
      template: edited,
      standard: false,
      editedIn: ['en'],
    });
    expect(handoutTemplateFor('de', { en: edited })).toEqual({
      template: HANDOUT_TEMPLATES.de,
      standard: true,
      editedIn: ['en'],
    });
    expect(handoutTemplateFor('de', { en: DEFAULT_AFTERCARE_TEMPLATE }).standard).toBe(false);
    expect(handoutTemplateFor('de', {}).standard).toBe(false);
  });

  it('each language has its own edited wording; an unedited language gets the standard one, with the note', () => {
    const german = { ...HANDOUT_TEMPLATES.de, intro: 'Schön, dass Sie da waren, {{clientFirstName}}.' };
    const stored = { de: german, fr: HANDOUT_TEMPLATES.fr };
    expect(handoutTemplateFor('de', stored)).toEqual({ template: german, standard: false, editedIn: ['de'] });
    // Saved unchanged (a reset) counts as not edited.
    expect(handoutTemplateFor('fr', stored)).toEqual({
      template: HANDOUT_TEMPLATES.fr,
      standard: true,
      editedIn: ['de'],
    });
    expect(handoutTemplateFor('en', stored).template).toEqual(DEFAULT_AFTERCARE_TEMPLATE);
    expect(
      editedHandoutLanguages({ nl: german, en: { ...DEFAULT_AFTERCARE_TEMPLATE, closing: 'Bye' } }),
    ).toEqual(['en', 'nl']);
  });
});

function deps(savePath: string, appLanguage: 'de' | 'en' | 'fr'): MainDeps {
  return {
    appName: 'Stillpoint',
    appVersion: '0.1.0',
    platform: 'linux',
    userDataDir: workDir,
    resourcesDir: path.resolve(FONTS_DIR, '..'),
    dialogs: {
      chooseSavePath: async () => savePath,
      chooseOpenFile: async () => null,
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
    language: createMainLanguage(appLanguage),
  };
}

describe('the client record in the client language', () => {
  it('a Spanish client record while the app speaks German', async () => {
    const target = path.join(workDir, 'record-es.pdf');
    const { record } = recordFixture();
    const handlers = createMainHandlers(deps(target, 'de'));
    const request = channels.exportClientRecordPdf.request.parse({
      record: { ...record, client: { ...record.client, preferredLanguage: 'es' } },
      fileName: 'Historial.pdf',
    });
    await handlers.exportClientRecordPdf(request);
    const all = text(await pdfPagesText(new Uint8Array(readFileSync(target))));
    expect(all).toContain('Historial del cliente');
    expect(all).toContain('Contacto y consentimiento');
    expect(all).toContain('Fecha de nacimiento');
    expect(all).toContain('2 de abril de 1980');
    expect(all).toContain('Idioma preferido Español');
    expect(all).toMatch(/Página 1 de \d+/);
    expect(all).not.toContain('Klientenakte');
    expect(all).not.toContain('Date of birth');
  });

  it("a client without a preferred language gets the app's language", async () => {
    const target = path.join(workDir, 'record-de.pdf');
    const handlers = createMainHandlers(deps(target, 'de'));
    const request = channels.exportClientRecordPdf.request.parse({
      record: recordFixture().record,
      fileName: 'Akte.pdf',
    });
    await handlers.exportClientRecordPdf(request);
    const all = text(await pdfPagesText(new Uint8Array(readFileSync(target))));
    expect(all).toContain('Klientenakte');
    expect(all).toContain('Geburtsdatum');
  });
});

describe("main's messages in the app language", () => {
  it('a refusal from the catalogue is said in the language main speaks', async () => {
    const base = deps(path.join(workDir, 'never.pdf'), 'fr');
    const language = base.language!;
    const handlers = createMainHandlers({ ...base, resourcesDir: path.join(workDir, 'no-such-install') });
    const dispatch = createDispatcher(handlers, {
      isTrustedSender: () => true,
      log: () => {},
      translate: language.t,
    });
    const { record } = recordFixture();
    const result = (await dispatch(
      'export:client-record-pdf',
      { record, fileName: 'x.pdf', logo: null },
      { url: 'app://stillpoint/index.html', isMainFrame: true },
    )) as { ok: false; error: { code: string; message: string } };
    expect(result.error.code).toBe('FILE_READ_FAILED');
    expect(result.error.message).toMatch(/^La police NotoSans-Regular\.ttf manque/);
    language.set('en');
    const again = (await dispatch(
      'export:client-record-pdf',
      { record, fileName: 'x.pdf', logo: null },
      { url: 'app://stillpoint/index.html', isMainFrame: true },
    )) as { ok: false; error: { code: string; message: string } };
    expect(again.error.message).toMatch(/^The handout font NotoSans-Regular\.ttf is missing/);
  });
});

describe("the progress report in the client's language", () => {
  const report = {
    audience: 'physician' as const,
    practice: {
      name: 'Quiet Harbour Craniosacral Therapy',
      address: '12 Harbour Lane',
      phone: '0117 496 0000',
      email: 'hello@quietharbour.example',
      website: '',
      therapistName: 'Anna Berg',
      paperSize: 'A4' as const,
    },
    client: { name: 'Lucía Fernández', dateOfBirth: '1980-04-02', referringPhysician: 'Dra. Elena Ruiz' },
    period: { from: '2026-10-01', to: '2026-11-26' },
    sessionCount: 2,
    reasonForComing: 'Dolor de cabeza',
    profile: { symptom1: 'Dolor de nuca', symptom2: null, activity: null, symptom1Duration: '1-5-years' },
    scores: [
      {
        date: '2026-10-01',
        kind: 'baseline' as const,
        scores: { symptom1: 5, symptom2: null, activity: null, wellbeing: 3 },
      },
      {
        date: '2026-11-26',
        kind: 'follow-up' as const,
        scores: { symptom1: 2, symptom2: null, activity: null, wellbeing: 3 },
      },
    ],
    treatedAreas: [],
    afterEffects: [],
    summary: '',
    signedBy: 'Anna Berg',
    signedOn: '2026-11-27',
  };

  async function saved(language: Language | undefined, appLanguage: 'de' | 'en') {
    const target = path.join(workDir, `progress-${language ?? 'none'}-${appLanguage}.pdf`);
    const handlers = createMainHandlers(deps(target, appLanguage));
    const request = channels.outcomesSaveProgressReport.request.parse({
      report: { ...report, ...(language ? { language } : {}) },
    });
    await handlers.outcomesSaveProgressReport(request);
    return text(await pdfPagesText(new Uint8Array(readFileSync(target))));
  }

  it("a Spanish client's physician report is Spanish, while the app speaks English", async () => {
    const all = await saved('es', 'en');
    for (const expected of [
      'Informe de evolución',
      'Resumen de las sesiones del periodo',
      'Cliente Lucía Fernández, nacido/a el 2 de abril de 1980',
      'Periodo del 1 de octubre de 2026 al 26 de noviembre de 2026',
      'Número de sesiones 2',
      'Síntoma principal Dolor de nuca',
      'Síntoma principal desde hace De 1 a 5 años',
      'Puntuaciones de resultados',
      '1 de octubre de 2026 (valor inicial)',
      // Numbers as Spanish writes them: a decimal comma.
      'Último cambio respecto al valor inicial -1,5: 1,5 menos que al principio (más bajo es mejor).',
      '26 de noviembre de 2026 2 3 2,5 -1,5',
      'La literatura considera significativo un cambio de 1 o más.',
      'No se han registrado zonas tratadas.',
      'No se ha escrito ningún resumen.',
      'Firmado: Anna Berg',
      'Confidencial',
    ])
      expect(all).toContain(expected);
    expect(all).toMatch(/Página 1 de \d+/);
    for (const english of ['Progress report', 'Number of sessions', 'Outcome scores', 'baseline', 'Signed:'])
      expect(all).not.toContain(english);
  });

  it("a client without a preferred language gets the app's language", async () => {
    const all = await saved(undefined, 'de');
    expect(all).toContain('Verlaufsbericht');
    expect(all).toContain('Anzahl der Sitzungen 2');
    expect(all).not.toContain('Number of sessions');
  });
});
