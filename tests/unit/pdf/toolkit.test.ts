import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocumentProxy, getMeta } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import { loadHandoutFonts } from '../../../src-main/services/pdf/fonts';
import { listSome, refuseUnprintableText } from '../../../src-main/services/pdf/glyph-check';
import { COLOR, PAGE_GEOMETRY, TYPE } from '../../../src-main/services/pdf/layout';
import { drawPageFurniture, drawPracticeHeader } from '../../../src-main/services/pdf/page-furniture';
import { PageWriter } from '../../../src-main/services/pdf/page-writer';
import { startPdf } from '../../../src-main/services/pdf/pdf-document';
import { UserFacingError } from '../../../src-shared/result';
import { FIXED_NOW, FONTS_DIR, makeLogoPng, pdfPagesText, runTool, TINY_PNG } from './fixtures';

const workDir = mkdtempSync(path.join(tmpdir(), 'stillpoint-pdf-toolkit-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const practice = {
  name: 'Quiet Harbour Craniosacral Therapy',
  address: '14 Willow Lane\nBristol BS6 5AX',
  phone: '0117 496 0123',
  email: 'hello@quietharbour.example',
  website: '',
};

/** A new kind of PDF made only from the toolkit's parts, as docs/architecture.md describes. */
async function progressReport(lines: number, logo: Uint8Array | null = makeLogoPng()): Promise<Uint8Array> {
  const fonts = loadHandoutFonts(FONTS_DIR);
  const geometry = PAGE_GEOMETRY.Letter;
  const { doc, bytes } = startPdf(geometry, fonts, {
    title: 'Progress report: Ada Brook',
    author: practice.name,
    subject: 'How the sessions went',
    lang: 'en-GB',
    now: FIXED_NOW,
  });
  const w = new PageWriter(doc, geometry);
  w.newPage();
  drawPracticeHeader(w, practice, logo ? { mimeType: 'image/png', bytes: logo } : null, fonts, 14);
  for (let i = 1; i <= lines; i++) {
    w.ensureSpace(w.bodyLineHeight());
    w.style('regular', TYPE.body, COLOR.text);
    doc.text(`Line ${i} of the report.`, w.left, w.y, { width: w.width, lineGap: TYPE.bodyLineGap });
  }
  drawPageFurniture(w, {
    footer: `${practice.name}  ·  Progress report`,
    runningHeader: (pageIndex) => `Ada Brook, progress (page index ${pageIndex})`,
  });
  doc.end();
  return bytes;
}

describe('the PDF toolkit builds a new document', () => {
  it('with the practice header on page 1, the running header from page 2, and page numbers on every page', async () => {
    const pages = await pdfPagesText(await progressReport(120));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const [first = '', second = ''] = pages;
    for (const text of [practice.name, '14 Willow Lane, Bristol BS6 5AX', practice.phone, practice.email]) {
      expect(first).toContain(text);
    }
    expect(first).not.toContain('Ada Brook, progress');
    expect(second).toContain('Ada Brook, progress (page index 1)');
    expect(second).not.toContain('14 Willow Lane');
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain(`${practice.name} · Progress report`);
    });
    // Nothing lost at a page break.
    const all = pages.join('\n');
    for (let i = 1; i <= 120; i++) expect(all).toContain(`Line ${i} of the report.`);
  });

  it('that says what it is, passes qpdf --check and embeds only the bundled fonts', async () => {
    const pdf = await progressReport(5);
    // pdf.js takes the buffer it is given: hand it a copy.
    const { info } = (await getMeta(await getDocumentProxy(new Uint8Array(pdf)))) as {
      info: Record<string, unknown>;
    };
    expect(info).toMatchObject({
      Title: 'Progress report: Ada Brook',
      Author: practice.name,
      Creator: 'Stillpoint',
      CreationDate: 'D:20260312153000Z',
      Language: 'en-GB',
    });
    const file = path.join(workDir, 'report.pdf');
    writeFileSync(file, pdf);
    expect(runTool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    for (const row of runTool('pdffonts', [file]).trim().split('\n').slice(2)) {
      expect(row).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold|Italic) /);
    }
  });

  it('refuses a logo that cannot be decoded, in words the therapist can act on', async () => {
    const broken = new Uint8Array(64);
    broken.set(TINY_PNG.subarray(0, 16));
    const error = await progressReport(1, broken).then(
      () => undefined,
      (e: unknown) => e as UserFacingError,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error?.code).toBe('UNSUPPORTED');
    expect(error?.message).toContain('choose it again in Settings');
  });
});

describe('the glyph check', () => {
  const fonts = loadHandoutFonts(FONTS_DIR);
  // A catalogue key, as every document gives: the refusal reaches the therapist in the app's language.
  const explain = ({ characters, fields }: { characters: string; fields: readonly string[] }) => ({
    key: 'errors.pdfUnprintable' as const,
    values: { characters, fields: fields.join(' / ') },
  });

  it('passes texts the fonts can print', () => {
    expect(() =>
      refuseUnprintableText([{ field: 'Name', text: 'Zoë Σοφία Анна' }], fonts, explain),
    ).not.toThrow();
  });

  it('names each character once and every field that holds one, in the words the document chose', () => {
    const texts = [
      { field: 'Name', text: 'Ulrike 中村' },
      { field: 'Notes', text: 'fine' },
      { field: 'Goals', text: 'Calm 🙂 中' },
    ];
    const error = (() => {
      try {
        refuseUnprintableText(texts, fonts, explain);
      } catch (e) {
        return e as UserFacingError;
      }
    })();
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error?.code).toBe('UNSUPPORTED');
    expect(error?.message).toBe(
      'These characters cannot be printed with the PDF fonts: 中, 村, 🙂. They are in: Name / Goals.',
    );
    expect(error?.translation?.key).toBe('errors.pdfUnprintable');
  });

  it('lists a few and counts the rest', () => {
    expect(listSome(['a', 'b', 'c'], 3)).toBe('a, b, c');
    expect(listSome(['a', 'b', 'c', 'd', 'e'], 3)).toBe('a, b, c and 2 more');
    expect(listSome([], 3)).toBe('');
  });
});
