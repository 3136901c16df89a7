import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import {
  type HandoutFonts,
  loadHandoutFonts,
  printedTexts,
  renderAftercarePdf,
  SECTION_TITLES,
} from '../../src-main/services/pdf';
import { pdfFontSource } from '../../src-main/services/pdf/pdf-font-source';
import {
  buildSheetSections,
  DEFAULT_AFTERCARE_TEMPLATE,
  placeholderValues,
} from '../../src-shared/aftercare';
import { type AftercareSheet, AftercareSheetSchema } from '../../src-shared/domain/aftercare';

/**
 * Aftercare PDF timing: one typical handout (default text, four treated areas, a short note, a
 * small PNG logo) against a bare pdfkit page with one line in the same embedded font, measured
 * in the same run so the ratio says what the handout layout costs over pdfkit itself. Fonts are
 * loaded and parsed before timing starts, as they are in the app after the first handout.
 * Prints nothing; the bench runner reports the numbers.
 */

const FONTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/fonts');
const WARM_UP = 5;
const ITERATIONS = 30;

/** A 4x4 PNG. */
const LOGO = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPQTkuAIwbiOACEkw8RC3UVEwAAAABJRU5ErkJggg==',
    'base64',
  ),
);

function typicalSheet(): AftercareSheet {
  const practice = {
    name: 'Quiet Harbour Craniosacral Therapy',
    address: '14 Willow Lane\nBristol BS6 5AX',
    phone: '0117 496 0123',
    email: 'hello@quietharbour.example',
    website: 'quietharbour.example',
    logo: { mimeType: 'image/png' as const, bytes: LOGO },
  };
  const values = placeholderValues({
    clientName: 'Zoë Ødegård-Łukasiewicz',
    sessionDate: '2026-03-12',
    locale: 'en-GB',
    practiceName: practice.name,
    practicePhone: practice.phone,
    nextSession: 'In about a week',
    therapistName: 'Maren Holt',
  });
  return AftercareSheetSchema.parse({
    practice,
    paperSize: 'A4',
    clientName: 'Zoë Ødegård-Łukasiewicz',
    sessionDate: '2026-03-12',
    treatedAreas: ['base of the skull', 'neck', 'breathing muscle', 'pelvis and tailbone'],
    ...buildSheetSections(DEFAULT_AFTERCARE_TEMPLATE, values),
    nextSession: 'In about a week.',
    personalNote:
      'You mentioned that your jaw tightens when you are working at the computer. Try the two slow ' +
      'breaths we practised whenever you notice it, and see whether it eases.',
    therapistName: 'Maren Holt',
    title: 'Aftercare – Zoë Ødegård-Łukasiewicz – 12 March 2026',
    locale: 'en-GB',
  });
}

type FontSources = Record<keyof HandoutFonts, PDFKit.Mixins.PDFFontSource>;

function plainSources(fonts: HandoutFonts): FontSources {
  // pdfkit takes a parsed fontkit font as a source; its typings only list files and buffers.
  const source = (font: unknown) => font as PDFKit.Mixins.PDFFontSource;
  return { regular: source(fonts.regular), bold: source(fonts.bold), italic: source(fonts.italic) };
}

/** A raw pdfkit document: `draw` fills it, and the promise gives its bytes. */
function pdfkitDocument(
  sources: Partial<FontSources>,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', font: null as unknown as string });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [face, source] of Object.entries(sources)) doc.registerFont(face, source);
  draw(doc);
  doc.end();
  return done;
}

const BARE_LINE = 'Aftercare after your session: Zoë Ødegård-Łukasiewicz';

/** The baseline: one line in Noto Sans Regular (embedded, subset) on a raw pdfkit page. */
function barePage(fontsDir: string): Promise<Uint8Array> {
  const { regular } = plainSources(loadHandoutFonts(fontsDir));
  return pdfkitDocument({ regular }, (doc) => {
    doc.font('regular').fontSize(10).text(BARE_LINE, 57, 57);
  });
}

/** Floor: the same line once in each of the handout's three faces (three subsets to embed). */
function bareThreeFaces(fontsDir: string): Promise<Uint8Array> {
  return pdfkitDocument(plainSources(loadHandoutFonts(fontsDir)), (doc) => {
    for (const face of ['regular', 'bold', 'italic'] as const)
      doc.font(face).fontSize(10).text(BARE_LINE, 57);
  });
}

/**
 * Floor: every text the handout prints, in its faces, poured into pdfkit's flow at full width:
 * no measuring, columns, box, keep-together or running headers. With `shared`, through the font
 * sources the renderer uses (shaping and subset caches), so the gap from there to the handout is
 * its own layout work.
 */
function plainText(sheet: AftercareSheet, fontsDir: string, shared: boolean): Promise<Uint8Array> {
  const fonts = loadHandoutFonts(fontsDir);
  const sources = shared
    ? {
        regular: pdfFontSource(fonts.regular),
        bold: pdfFontSource(fonts.bold),
        italic: pdfFontSource(fonts.italic),
      }
    : plainSources(fonts);
  return pdfkitDocument(sources, (doc) => {
    doc.font('bold').fontSize(19).text('Aftercare after your session');
    for (const { field, text } of printedTexts(sheet)) {
      if (text.trim() === '') continue;
      doc
        .font(field === 'Opening line' ? 'italic' : 'regular')
        .fontSize(10)
        .text(text, { lineGap: 2 });
    }
    for (const title of Object.values(SECTION_TITLES)) doc.font('bold').fontSize(11.5).text(title);
  });
}

function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank - 1, 0), sorted.length - 1)] ?? Number.NaN;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export interface AftercarePdfBench {
  medianMs: number;
  p95Ms: number;
  bareMedianMs: number;
  /** medianMs / bareMedianMs. */
  ratio: number;
  /** Supplementary medians (ms), same run: what a raw or near-raw pdfkit document costs. */
  floors: {
    /** An empty raw pdfkit page, no font: pdfkit's own fixed cost. */
    emptyPageMs: number;
    /** The baseline's line in each of the three faces. */
    bareThreeFacesMs: number;
    /** The handout's texts poured into raw pdfkit with the plain fonts, no layout work. */
    plainTextMs: number;
    /** The same through the renderer's font sources (shared shaping, faster subsets). */
    plainTextSharedFontsMs: number;
  };
}

export async function benchAftercarePdf(
  options: { fontsDir?: string; iterations?: number } = {},
): Promise<AftercarePdfBench> {
  const fontsDir = options.fontsDir ?? FONTS_DIR;
  const iterations = options.iterations ?? ITERATIONS;
  const sheet = typicalSheet();
  const renderSheet = () => renderAftercarePdf(sheet, { fontsDir, now: new Date('2026-03-12T15:30:00Z') });
  const renderBare = () => barePage(fontsDir);
  const floorRuns = {
    emptyPageMs: () => pdfkitDocument({}, () => {}),
    bareThreeFacesMs: () => bareThreeFaces(fontsDir),
    plainTextMs: () => plainText(sheet, fontsDir, false),
    plainTextSharedFontsMs: () => plainText(sheet, fontsDir, true),
  };
  type Floor = keyof typeof floorRuns;
  const floorNames = Object.keys(floorRuns) as Floor[];

  for (let i = 0; i < WARM_UP; i++) {
    await renderSheet();
    await renderBare();
    for (const name of floorNames) await floorRuns[name]();
  }
  // Interleaved, so a burst of load on the machine hits every series alike.
  const sheetTimes: number[] = [];
  const bareTimes: number[] = [];
  const floorTimes = Object.fromEntries(floorNames.map((name) => [name, [] as number[]])) as Record<
    Floor,
    number[]
  >;
  for (let i = 0; i < iterations; i++) {
    sheetTimes.push(await time(renderSheet));
    bareTimes.push(await time(renderBare));
    for (const name of floorNames) floorTimes[name].push(await time(floorRuns[name]));
  }
  const median = (times: number[]) =>
    percentile(
      [...times].sort((a, b) => a - b),
      50,
    );
  sheetTimes.sort((a, b) => a - b);
  const medianMs = median(sheetTimes);
  const bareMedianMs = median(bareTimes);
  return {
    medianMs,
    p95Ms: percentile(sheetTimes, 95),
    bareMedianMs,
    ratio: medianMs / bareMedianMs,
    floors: Object.fromEntries(floorNames.map((name) => [name, median(floorTimes[name])])) as Record<
      Floor,
      number
    >,
  };
}
