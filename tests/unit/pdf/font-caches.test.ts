import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import {
  clearHandoutFontCache,
  HANDOUT_FONT_FILES,
  type HandoutFonts,
  loadHandoutFonts,
  renderAftercarePdf,
} from '../../../src-main/services/pdf';
import type { FontkitFont } from '../../../src-main/services/pdf/fonts';
import {
  MAX_SHAPED_WORDS,
  pdfFontSource,
  sharedFontCaches,
} from '../../../src-main/services/pdf/pdf-font-source';
import { type FontSubset, TtfSubsetWriter } from '../../../src-main/services/pdf/ttf-subset';
import { type AftercareSheet, AftercareSheetSchema } from '../../../src-shared/domain/aftercare';
import { FIXED_NOW, FONTS_DIR, pdfPagesText, runTool, type SheetOptions, typicalSheet } from './fixtures';

const workDir = mkdtempSync(path.join(tmpdir(), 'stillpoint-pdf-cache-test-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const FACES = Object.keys(HANDOUT_FONT_FILES) as (keyof typeof HANDOUT_FONT_FILES)[];

interface TestFont {
  numGlyphs: number;
  createSubset(): FontSubset;
  layout(text: string): { glyphs: { id: number }[]; positions: { xAdvance: number }[]; advanceWidth: number };
}

function fileOf(face: keyof typeof HANDOUT_FONT_FILES): Uint8Array {
  return readFileSync(path.join(FONTS_DIR, HANDOUT_FONT_FILES[face]));
}

/** A font parsed on its own, so no other test's glyph lookups can change what it writes. */
function freshFont(face: keyof typeof HANDOUT_FONT_FILES): TestFont {
  return (fontkit as unknown as { create(bytes: Uint8Array): TestFont }).create(fileOf(face));
}

function sheetWith(options: SheetOptions = {}, change: Partial<AftercareSheet> = {}): AftercareSheet {
  return AftercareSheetSchema.parse({ ...typicalSheet(options), ...change });
}

function render(sheet: AftercareSheet): Promise<Uint8Array> {
  return renderAftercarePdf(sheet, { fontsDir: FONTS_DIR, now: FIXED_NOW });
}

/** Deterministic pseudo-random numbers (a tiny LCG), so a failure can be replayed. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('TtfSubsetWriter', () => {
  it.each(FACES)('writes the same bytes as fontkit for any glyphs of Noto Sans %s', (face) => {
    const writer = TtfSubsetWriter.forFile(fileOf(face));
    expect(writer).not.toBeNull();
    const font = freshFont(face);
    const random = numbers(FACES.indexOf(face) + 7);
    // Text a handout prints (accented and Greek/Cyrillic letters are often composite glyphs),
    // then random picks across the whole font.
    const texts = ['Zoë Ødegård-Łukasiewicz · Σοφία Παπαδοπούλου · Анна Кузнецова · “office” – 24–48 h …'];
    const sets: number[][] = texts.map((text) => font.layout(text).glyphs.map((glyph) => glyph.id));
    for (let i = 0; i < 12; i++) {
      sets.push(
        Array.from({ length: 1 + Math.floor(random() * 120) }, () => Math.floor(random() * font.numGlyphs)),
      );
    }
    sets.push([]);
    for (const ids of sets) {
      const expected = font.createSubset();
      const actual = font.createSubset();
      for (const id of ids) {
        expected.includeGlyph(id);
        actual.includeGlyph(id);
      }
      const bytes = writer!.encode(actual);
      expect(Buffer.from(bytes).equals(Buffer.from(expected.encode()))).toBe(true);
      // Parts of composite glyphs are added to the subset as fontkit adds them.
      expect(actual.glyphs).toEqual(expected.glyphs);
    }
  });

  it('declines a file that is not a font', () => {
    expect(TtfSubsetWriter.forFile(new Uint8Array([1, 2, 3, 4]))).toBeNull();
  });
});

describe('pdfFontSource', () => {
  it('keeps one source and one cache per parsed font: faces are not mixed up', () => {
    const fonts = loadHandoutFonts(FONTS_DIR);
    expect(pdfFontSource(fonts.regular)).toBe(pdfFontSource(fonts.regular));
    expect(pdfFontSource(fonts.regular)).not.toBe(pdfFontSource(fonts.bold));
    const word = 'Wellbeing';
    const widths = FACES.map((face) => {
      const source = pdfFontSource(fonts[face]) as unknown as TestFont;
      source.layout(word);
      return source.layout(word).advanceWidth;
    });
    const plainWidths = FACES.map((face) => freshFont(face).layout(word).advanceWidth);
    expect(widths).toEqual(plainWidths);
    expect(new Set(widths).size).toBe(3);
  });

  it('gives each caller its own copy of a remembered word (pdfkit scales positions in place)', () => {
    const fonts = loadHandoutFonts(FONTS_DIR);
    const source = pdfFontSource(fonts.italic) as unknown as TestFont;
    const first = source.layout('Hydration');
    const width = first.advanceWidth;
    for (const position of first.positions) position.xAdvance *= 1000;
    const again = source.layout('Hydration');
    expect(again.advanceWidth).toBe(width);
    expect(again.glyphs.map((glyph) => glyph.id)).toEqual(first.glyphs.map((glyph) => glyph.id));
  });

  it('remembers at most MAX_SHAPED_WORDS words per face, then starts over', () => {
    clearHandoutFontCache();
    const fonts = loadHandoutFonts(FONTS_DIR);
    const source = pdfFontSource(fonts.bold) as unknown as TestFont;
    for (let i = 0; i <= MAX_SHAPED_WORDS; i++) source.layout(`w${i} `);
    expect(sharedFontCaches(fonts.bold).shapedWords).toBe(1);
    expect(sharedFontCaches(fonts.regular).shapedWords).toBe(0);
    expect(source.layout('w1 ').advanceWidth).toBe(freshFont('bold').layout('w1 ').advanceWidth);
  });

  it('writes the same PDF as pdfkit with the plain font', async () => {
    const draw = (sources: Record<string, PDFKit.Mixins.PDFFontSource>) => {
      const doc = new PDFDocument({
        size: 'A4',
        font: null as unknown as string,
        info: { CreationDate: FIXED_NOW, ModDate: FIXED_NOW },
      });
      const chunks: Buffer[] = [];
      const done = new Promise<Buffer>((resolve) => {
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
      });
      for (const [face, source] of Object.entries(sources)) doc.registerFont(face, source);
      for (const face of FACES) {
        doc.font(face).fontSize(11);
        doc.text('Zoë Ødegård-Łukasiewicz, Σοφία Παπαδοπούλου and Анна Кузнецова: office fine – 24–48 h …', {
          width: 300,
        });
        doc.text('Drink water through the day. Rest if you feel tired; the effects settle within 48 hours.');
      }
      doc.end();
      return done;
    };
    const plain = Object.fromEntries(
      FACES.map((face) => [face, freshFont(face) as unknown as PDFKit.Mixins.PDFFontSource]),
    );
    clearHandoutFontCache();
    const fonts = loadHandoutFonts(FONTS_DIR);
    const cached = Object.fromEntries(FACES.map((face) => [face, pdfFontSource(fonts[face])]));
    const expected = await draw(plain);
    expect((await draw(cached)).equals(expected)).toBe(true);
    // And again, now from the caches.
    expect((await draw(cached)).equals(expected)).toBe(true);
    expect(sharedFontCaches(fonts.regular).shapedWords).toBeGreaterThan(10);
    expect(sharedFontCaches(fonts.regular).fastSubsets).toBe(true);
  });
});

describe('glyphs that first appear inside an accented letter', () => {
  it('keep their characters in later PDFs (copy, search and text extraction)', async () => {
    // fontkit remembers a glyph with the characters it was first asked for. Its own subset writer
    // asks for the parts of 'ë' and 'ά' with none, so with the plain font a later PDF's 'e' and
    // 'α' could not be copied or found. TtfSubsetWriter reads glyphs from a parse of its own.
    clearHandoutFontCache();
    const fonts = loadHandoutFonts(FONTS_DIR);
    const pdf = async (text: string) => {
      const doc = new PDFDocument({ size: 'A4', font: null as unknown as string });
      const chunks: Buffer[] = [];
      const done = new Promise<Uint8Array>((resolve) => {
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      });
      doc.registerFont('regular', pdfFontSource(fonts.regular));
      doc.font('regular').text(text, 57, 57);
      doc.end();
      return done;
    };
    await pdf('Zoë ά');
    const [text = ''] = await pdfPagesText(await pdf('Hello there, e and α'));
    expect(text).toContain('Hello there, e and α');
  });
});

describe('renderAftercarePdf with warm caches', () => {
  it('renders the same sheet to the same valid PDF twice in a row', async () => {
    clearHandoutFontCache();
    const sheet = sheetWith({ withLogo: true });
    const first = await render(sheet);
    const second = await render(sheet);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const file = path.join(workDir, 'twice.pdf');
    writeFileSync(file, second);
    expect(runTool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const fonts: HandoutFonts = loadHandoutFonts(FONTS_DIR);
    for (const face of FACES) expect(sharedFontCaches(fonts[face] as FontkitFont).fastSubsets).toBe(true);
  });

  it('renders a sheet the same whatever was rendered before it (names, scripts, paper, language)', async () => {
    const sheets = [
      sheetWith({ clientName: 'Σοφία Παπαδοπούλου', locale: 'el-GR' }),
      sheetWith({ clientName: 'Анна Кузнецова', locale: 'ru-RU', paperSize: 'Letter' }),
      sheetWith({ clientName: 'Łucja Żółć', locale: 'pl-PL', personalNote: 'Odpocznij. '.repeat(300) }),
      sheetWith({ withLogo: true }),
    ];
    const cold: Buffer[] = [];
    for (const sheet of sheets) {
      clearHandoutFontCache();
      cold.push(Buffer.from(await render(sheet)));
    }
    clearHandoutFontCache();
    for (const round of [1, 2]) {
      for (const [index, sheet] of [...sheets.entries()].reverse()) {
        expect(Buffer.from(await render(sheet)).equals(cold[index]!), `sheet ${index}, round ${round}`).toBe(
          true,
        );
      }
    }
    const [greek = ''] = await pdfPagesText(await render(sheets[0]!));
    expect(greek).toContain('Σοφία Παπαδοπούλου');
    const [russian = ''] = await pdfPagesText(await render(sheets[1]!));
    expect(russian).toContain('Анна Кузнецова');
  });
});
