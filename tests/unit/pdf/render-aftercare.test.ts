import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocumentProxy, getMeta } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import { findUnsupportedSheetCharacters, renderAftercarePdf } from '../../../src-main/services/pdf';
import { type AftercareSheet, AftercareSheetSchema } from '../../../src-shared/domain/aftercare';
import { UserFacingError } from '../../../src-shared/result';
import {
  FIXED_NOW,
  FONTS_DIR,
  pdfPagesText,
  runTool,
  type SheetOptions,
  TINY_PNG,
  typicalSheet,
} from './fixtures';

const workDir = mkdtempSync(path.join(tmpdir(), 'stillpoint-pdf-test-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function sheetWith(options: SheetOptions = {}, change: Partial<AftercareSheet> = {}): AftercareSheet {
  return AftercareSheetSchema.parse({ ...typicalSheet(options), ...change });
}

function render(sheet: AftercareSheet): Promise<Uint8Array> {
  return renderAftercarePdf(sheet, { fontsDir: FONTS_DIR, now: FIXED_NOW });
}

async function renderError(sheet: unknown): Promise<UserFacingError> {
  const error = await render(sheet as AftercareSheet).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

function writeTemp(name: string, pdf: Uint8Array): string {
  const file = path.join(workDir, name);
  writeFileSync(file, pdf);
  return file;
}

describe('renderAftercarePdf: what the client reads', () => {
  it.each([
    ['Zoë Ødegård-Łukasiewicz', 'Zoë'],
    ['Σοφία Παπαδοπούλου', 'Σοφία'],
    ['Анна Кузнецова', 'Анна'],
  ])('prints the name %s (and greets %s)', async (clientName, firstName) => {
    const pages = await pdfPagesText(await render(sheetWith({ clientName })));
    expect(pages[0]).toContain(clientName);
    expect(pages[0]).toContain(`Thank you for coming in today, ${firstName}.`);
  });

  it('prints the practice header, the treated areas, the advice and every red flag on page 1', async () => {
    const sheet = sheetWith({ withLogo: true });
    const [first = ''] = await pdfPagesText(await render(sheet));
    for (const header of [
      'Quiet Harbour Craniosacral Therapy',
      '14 Willow Lane, Bristol BS6 5AX',
      '0117 496 0123',
      'hello@quietharbour.example',
      'quietharbour.example',
    ]) {
      expect(first).toContain(header);
    }
    expect(first).toContain('Aftercare after your session');
    expect(first).toContain('12 March 2026');
    expect(first).toContain('Today we worked on');
    for (const area of ['Base of the skull', 'Neck', 'Breathing muscle', 'Pelvis and tailbone']) {
      expect(first).toContain(area);
    }
    expect(first).toContain('Seek medical help if you notice');
    for (const flag of sheet.sections.seekHelp) expect(first).toContain(flag);
    expect(first).toContain('call\nemergency services');
    expect(first).toContain('Drink water through the day.');
    expect(first).toContain('Page 1 of 1');
  });

  it.each(['A4', 'Letter'] as const)(
    'fits a typical handout on one %s page, personal note and sign-off included',
    async (paperSize) => {
      const pages = await pdfPagesText(await render(sheetWith({ paperSize, withLogo: true })));
      expect(pages).toHaveLength(1);
      expect(pages[0]).toContain('With best wishes,\nMaren Holt');
    },
  );

  it('flows a long personal note onto further pages, with page numbers and a running header', async () => {
    const paragraph =
      'Between sessions, notice when your shoulders rise towards your ears, and let them drop on an out-breath.';
    const note = `${Array.from({ length: 40 }, (_, i) => `${i + 1}. ${paragraph}`).join('\n\n')} These are the very last words.`;
    const pages = await pdfPagesText(await render(sheetWith({ personalNote: note })));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).not.toContain('These are the very last words.');
    const last = pages.at(-1) ?? '';
    expect(last).toContain('These are the very last words.');
    expect(last).toContain('Maren Holt');
    expect(pages[1]).toContain(`Page 2 of ${pages.length}`);
    expect(pages[1]).toContain('Quiet Harbour Craniosacral Therapy · Aftercare for Zoë Ødegård-Łukasiewicz');
    // Every paragraph made it: nothing cut off at a page break.
    const all = pages.join('\n');
    for (let i = 1; i <= 40; i++) expect(all).toContain(`${i}. Between sessions`);
  });

  it('loses no line of the longest sheet the schema allows', async () => {
    const marker = (section: string, i: number) => `${section}${i}marker`;
    const lines = (section: string) =>
      Array.from({ length: 30 }, (_, i) => `${marker(section, i)} ${'some words that wrap '.repeat(8)}`);
    const sheet = sheetWith(
      { personalNote: `${'A long note. '.repeat(1530)}NOTEEND` },
      {
        treatedAreas: Array.from({ length: 40 }, (_, i) => `area number ${i}`),
        sections: { whatToExpect: lines('expect'), selfCare: lines('care'), seekHelp: lines('flag') },
      },
    );
    const pages = await pdfPagesText(await render(sheet));
    const all = pages.join('\n').replace(/\s+/g, ' ');
    for (const section of ['expect', 'care', 'flag']) {
      for (let i = 0; i < 30; i++) expect(all).toContain(marker(section, i));
    }
    expect(all).toContain('Area number 39');
    expect(all).toContain('NOTEEND');
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  });
});

describe('renderAftercarePdf: sparse and unusual sheets', () => {
  it('leaves out empty sections and still prints the red flags', async () => {
    const sheet = sheetWith(
      {},
      {
        treatedAreas: [],
        intro: '',
        sections: { whatToExpect: [], selfCare: [], seekHelp: ['A sudden, severe headache'] },
        seekHelpAdvice: '',
        contact: '',
        nextSession: '',
        personalNote: '',
        closing: '',
        therapistName: '',
      },
    );
    sheet.practice = { name: 'Solo Practice', address: '', phone: '', email: '', website: '', logo: null };
    const pages = await pdfPagesText(await render(sheet));
    expect(pages).toHaveLength(1);
    const [page = ''] = pages;
    expect(page).toContain('Solo Practice');
    expect(page).toContain('A sudden, severe headache');
    for (const absent of [
      'Today we worked on',
      'What you may notice',
      'Contact',
      'Next session',
      'A personal note',
    ]) {
      expect(page).not.toContain(absent);
    }
  });

  it('writes the date as YYYY-MM-DD when the language would need a script the fonts lack', async () => {
    const [page = ''] = await pdfPagesText(await render(sheetWith({ locale: 'ja-JP' })));
    expect(page).toContain('2026-03-12');
  });
});

describe('renderAftercarePdf: the file itself', () => {
  it('sets title, author, subject, creator, creation date and language', async () => {
    const proxy = await getDocumentProxy(await render(sheetWith()));
    const { info } = (await getMeta(proxy)) as { info: Record<string, unknown> };
    expect(info.Title).toBe('Aftercare – Zoë Ødegård-Łukasiewicz – 12 March 2026');
    expect(info.Author).toBe('Quiet Harbour Craniosacral Therapy');
    expect(info.Subject).toContain('Zoë Ødegård-Łukasiewicz');
    expect(info.Creator).toBe('Stillpoint');
    expect(info.CreationDate).toBe('D:20260312153000Z');
    expect(info.Language).toBe('en-GB');
  });

  it('passes qpdf --check and embeds every font it uses (no standard PDF fonts)', async () => {
    const file = writeTemp('check.pdf', await render(sheetWith({ withLogo: true })));
    expect(runTool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const rows = runTool('pdffonts', [file]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      // name, type, encoding, emb, sub, uni, object id
      const columns = row.trim().split(/\s+/);
      expect(columns[0]).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold|Italic)$/);
      expect(columns.slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it.each([
    ['A4', [595.28, 841.89]],
    ['Letter', [612, 792]],
  ] as const)('uses the %s MediaBox on every page', async (paperSize, [width, height]) => {
    const note = 'A long note that needs more pages. '.repeat(400);
    const proxy = await getDocumentProxy(await render(sheetWith({ paperSize, personalNote: note })));
    expect(proxy.numPages).toBeGreaterThanOrEqual(2);
    for (let n = 1; n <= proxy.numPages; n++) {
      const page = await proxy.getPage(n);
      expect(page.view).toEqual([0, 0, width, height]);
    }
  });

  it('draws a PNG logo', async () => {
    const sheet = sheetWith({}, {});
    sheet.practice.logo = { mimeType: 'image/png', bytes: TINY_PNG };
    const pdf = await render(sheet);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/Subtype \/Image/);
    const file = writeTemp('logo.pdf', pdf);
    expect(runTool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
  });

  it('prints text typed in decomposed form, with tabs, Windows line ends and invisible marks', async () => {
    const sheet = sheetWith(
      {},
      {
        clientName: 'Zoe\u0308 O\u0308degard',
        personalNote: 'First line\r\nSecond\tline\u200b with a joiner\u200d and a byte-order mark\ufeff.',
      },
    );
    const pages = await pdfPagesText(await render(sheet));
    expect(pages[0]).toContain('Zoë Ödegard');
    expect(pages[0]).toContain('Second line with a joiner and a byte-order mark.');
  });
});

describe('renderAftercarePdf: refusals', () => {
  it('refuses characters no bundled font has, listing them and where they are', async () => {
    const error = await renderError(
      sheetWith({ clientName: '𝔘lrike 中村', personalNote: 'See you soon 🙂 中' }),
    );
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toContain(
      'These characters cannot be printed with the handout fonts: 𝔘, 中, 村, 🙂',
    );
    expect(error.message).toContain("Client's name");
    expect(error.message).toContain('Personal note');
  });

  it('offers the same check before printing', () => {
    expect(findUnsupportedSheetCharacters(sheetWith(), FONTS_DIR)).toEqual([]);
    expect(findUnsupportedSheetCharacters(sheetWith({ personalNote: 'Bis bald 🙂' }), FONTS_DIR)).toEqual([
      '🙂',
    ]);
  });

  it('refuses a logo that only looks like a PNG', async () => {
    // A whole, sensible header (4 x 4 pixels) with nothing decodable after it.
    const broken = new Uint8Array(64);
    broken.set(TINY_PNG.subarray(0, 33));
    const sheet = sheetWith();
    sheet.practice.logo = { mimeType: 'image/png', bytes: broken };
    const error = await renderError(sheet);
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toContain('logo');
  });

  it('says the fonts are missing when the folder has none', async () => {
    const error = await renderAftercarePdf(sheetWith(), { fontsDir: path.join(workDir, 'no-fonts') }).then(
      () => undefined,
      (e: unknown) => e as UserFacingError,
    );
    expect(error?.code).toBe('FILE_READ_FAILED');
    expect(error?.message).toContain('NotoSans-Regular.ttf');
  });
});
