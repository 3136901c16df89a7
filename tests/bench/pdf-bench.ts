import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { loadHandoutFonts, renderAftercarePdf } from '../../src-main/services/pdf';
import { buildSheetSections, placeholderValues } from '../../src-shared/aftercare';
import {
  type AftercareSheet,
  AftercareSheetSchema,
  DEFAULT_AFTERCARE_TEMPLATE,
} from '../../src-shared/domain/aftercare';

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

function barePage(fontsDir: string): Promise<Uint8Array> {
  const font = loadHandoutFonts(fontsDir).regular;
  const doc = new PDFDocument({ size: 'A4', font: null as unknown as string });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', font as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font('regular').fontSize(10).text('Aftercare after your session: Zoë Ødegård-Łukasiewicz', 57, 57);
  doc.end();
  return done;
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
}

export async function benchAftercarePdf(
  options: { fontsDir?: string; iterations?: number } = {},
): Promise<AftercarePdfBench> {
  const fontsDir = options.fontsDir ?? FONTS_DIR;
  const iterations = options.iterations ?? ITERATIONS;
  const sheet = typicalSheet();
  const renderSheet = () => renderAftercarePdf(sheet, { fontsDir, now: new Date('2026-03-12T15:30:00Z') });
  const renderBare = () => barePage(fontsDir);

  for (let i = 0; i < WARM_UP; i++) {
    await renderSheet();
    await renderBare();
  }
  // Interleaved, so a burst of load on the machine hits both series alike.
  const sheetTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < iterations; i++) {
    sheetTimes.push(await time(renderSheet));
    bareTimes.push(await time(renderBare));
  }
  sheetTimes.sort((a, b) => a - b);
  bareTimes.sort((a, b) => a - b);
  const medianMs = percentile(sheetTimes, 50);
  const bareMedianMs = percentile(bareTimes, 50);
  return {
    medianMs,
    p95Ms: percentile(sheetTimes, 95),
    bareMedianMs,
    ratio: medianMs / bareMedianMs,
  };
}
