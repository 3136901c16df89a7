import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMainHandlers, type MainDeps } from '../../../src-main/handlers';
import { createDispatcher } from '../../../src-main/ipc';
import { printedTexts, renderAftercarePdf } from '../../../src-main/services/pdf';
import { type AftercareSheet, AftercareSheetSchema } from '../../../src-shared/domain/aftercare';
import { UserFacingError } from '../../../src-shared/result';
import { FIXED_NOW, FONTS_DIR, TINY_PNG, typicalSheet } from './fixtures';

vi.mock('electron', () => ({}));

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-aftercare-boundary-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** Main as the renderer reaches it: the dispatcher in front of the real handlers. */
function mainProcess() {
  const dialogsOpened: string[] = [];
  const printed: Uint8Array[] = [];
  const deps: MainDeps = {
    appName: 'Stillpoint',
    appVersion: '0.1.0',
    platform: 'linux',
    userDataDir: workDir,
    resourcesDir: path.resolve(FONTS_DIR, '..'),
    dialogs: {
      chooseSavePath: async ({ defaultFileName }) => {
        dialogsOpened.push(defaultFileName);
        return path.join(workDir, defaultFileName);
      },
      chooseOpenFile: async () => null,
      chooseFolder: async () => null,
    },
    printer: {
      printPdf: async (pdf) => {
        printed.push(pdf);
        return { printed: true };
      },
    },
    secureStore: {
      storage: () => 'secure',
      encrypt: (t) => new TextEncoder().encode(t),
      decrypt: (d) => new TextDecoder().decode(d),
    },
    now: () => FIXED_NOW,
    harness: false,
  };
  const dispatch = createDispatcher(createMainHandlers(deps), { isTrustedSender: () => true, log: () => {} });
  const call = (channel: string, payload: unknown) =>
    dispatch(channel, payload, { url: 'app://stillpoint/index.html', isMainFrame: true });
  return { call, dialogsOpened, printed };
}

const sheet = (): AftercareSheet => AftercareSheetSchema.parse(typicalSheet());

describe('the aftercare sheet is validated once, where it enters main', () => {
  it.each([
    ['a field', (s: AftercareSheet) => ({ ...s, clientName: '' }), 'sheet.clientName'],
    [
      'a nested field',
      (s: AftercareSheet) => ({
        ...s,
        practice: { ...s.practice, logo: { mimeType: 'image/gif', bytes: TINY_PNG } },
      }),
      'sheet.practice.logo.mimeType',
    ],
  ])('refuses a sheet with a bad %s before any dialog opens, naming it', async (_, damage, field) => {
    const main = mainProcess();
    for (const [channel, extra] of [
      ['aftercare:save-pdf', { fileName: 'Aftercare.pdf' }],
      ['aftercare:print', {}],
      ['aftercare:check', {}],
    ] as const) {
      const result = await main.call(channel, { sheet: damage(sheet()), ...extra });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      expect((result as { error: { message: string } }).error.message).toContain(field);
    }
    expect(main.dialogsOpened).toEqual([]);
    expect(main.printed).toEqual([]);
  });

  it('renders what the boundary let through, as it is', async () => {
    const main = mainProcess();
    expect(await main.call('aftercare:save-pdf', { sheet: sheet(), fileName: 'Aftercare.pdf' })).toEqual({
      ok: true,
      value: { path: path.join(workDir, 'Aftercare.pdf') },
    });
    const saved = new Uint8Array(fs.readFileSync(path.join(workDir, 'Aftercare.pdf')));
    // The same bytes as rendering the parsed sheet directly: nothing is parsed or changed on the way.
    expect(saved).toEqual(await renderAftercarePdf(sheet(), { fontsDir: FONTS_DIR, now: FIXED_NOW }));
  });
});

describe('one list of printed texts for the check and the refusal', () => {
  // Every field the handout prints, each given a character no bundled font has.
  const fields = printedTexts(sheet()).map((t) => t.field);
  it.each([...new Set(fields)])(
    'the check before printing and the renderer both catch it in "%s"',
    async (field) => {
      const main = mainProcess();
      const base = sheet();
      const texts = printedTexts(base);
      const index = texts.findIndex((t) => t.field === field);
      const odd = withTextAt(base, index, `${texts[index]!.text} 中`);
      expect(printedTexts(odd)[index]!.text).toContain('中');

      expect(await main.call('aftercare:check', { sheet: odd })).toEqual({
        ok: true,
        value: { unsupported: ['中'] },
      });
      const refused = await renderAftercarePdf(odd, { fontsDir: FONTS_DIR, now: FIXED_NOW }).then(
        () => undefined,
        (e: unknown) => e as UserFacingError,
      );
      expect(refused).toBeInstanceOf(UserFacingError);
      expect(refused?.code).toBe('UNSUPPORTED');
      expect(refused?.message).toContain(`Change or remove them in: ${field}.`);
    },
  );
});

/** The sheet with the index-th printed text (in printedTexts order) replaced. */
function withTextAt(sheet: AftercareSheet, index: number, text: string): AftercareSheet {
  const copy = structuredClone(sheet);
  const slots: [object, string | number][] = [
    [copy.practice, 'name'],
    [copy.practice, 'address'],
    [copy.practice, 'phone'],
    [copy.practice, 'email'],
    [copy.practice, 'website'],
    [copy, 'clientName'],
    ...copy.treatedAreas.map((_, i) => [copy.treatedAreas, i] as [object, number]),
    [copy, 'intro'],
    ...copy.sections.whatToExpect.map((_, i) => [copy.sections.whatToExpect, i] as [object, number]),
    ...copy.sections.selfCare.map((_, i) => [copy.sections.selfCare, i] as [object, number]),
    ...copy.sections.seekHelp.map((_, i) => [copy.sections.seekHelp, i] as [object, number]),
    [copy, 'seekHelpAdvice'],
    [copy, 'contact'],
    [copy, 'nextSession'],
    [copy, 'personalNote'],
    [copy, 'closing'],
    [copy, 'therapistName'],
  ];
  const [owner, key] = slots[index]!;
  (owner as Record<string | number, string>)[key] = text;
  return copy;
}
