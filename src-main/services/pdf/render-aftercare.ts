import PDFDocument from 'pdfkit';
import { formatSessionDate } from '../../../src-shared/aftercare/fill-template';
import { type AftercareSheet, AftercareSheetSchema } from '../../../src-shared/domain/aftercare';
import { UserFacingError } from '../../../src-shared/result';
import { describeIssues } from '../../../src-shared/validation';
import { findUnsupportedCharactersIn, type HandoutFonts, loadHandoutFonts, printableText } from './fonts';
import { HandoutWriter, type PdfDoc, type Section, type TextHeights } from './handout-writer';
import { COLOR, PAGE_GEOMETRY, SPACE, TYPE } from './layout';
import { pdfFontSource } from './pdf-font-source';

export interface RenderAftercareOptions {
  /** Folder holding the bundled TTFs (resources/fonts). Fonts are read once per folder. */
  fontsDir: string;
  /** The clock, for the PDF's creation date. */
  now?: Date;
}

export const HANDOUT_HEADING = 'Aftercare after your session';
export const SECTION_TITLES = {
  treatedAreas: 'Today we worked on',
  whatToExpect: 'What you may notice',
  selfCare: 'Looking after yourself',
  seekHelp: 'Seek medical help if you notice',
  contact: 'Contact',
  nextSession: 'Next session',
  personalNote: 'A personal note',
} as const;

/** At most this many characters are named in the refusal; the rest are counted. */
const MAX_LISTED_CHARACTERS = 16;

/**
 * Renders the aftercare handout to PDF bytes. The sheet is validated again here (main trusts no
 * caller), and a sheet with characters the bundled fonts cannot draw is refused with the list of
 * them, rather than printed with empty boxes where a client's name should be.
 *
 * Throws UserFacingError: INVALID_REQUEST (names the field), UNSUPPORTED (characters, logo),
 * FILE_READ_FAILED (fonts missing from the install).
 */
export async function renderAftercarePdf(
  sheet: AftercareSheet,
  options: RenderAftercareOptions,
): Promise<Uint8Array> {
  const parsed = AftercareSheetSchema.safeParse(sheet);
  if (!parsed.success) {
    throw new UserFacingError(
      'INVALID_REQUEST',
      `The aftercare sheet cannot be printed: ${describeIssues(parsed.error).join('; ')}`,
    );
  }
  const valid = parsed.data;
  const fonts = loadHandoutFonts(options.fontsDir);
  refuseUnprintableText(valid, fonts);
  return renderValidSheet(valid, fonts, options.now ?? new Date());
}

/** Every text of a sheet that ends up on paper, with the name of its field as the form shows it. */
export function printedTexts(sheet: AftercareSheet): { field: string; text: string }[] {
  const { practice, sections } = sheet;
  return [
    { field: 'Practice name', text: practice.name },
    { field: 'Practice address', text: practice.address },
    { field: 'Practice phone', text: practice.phone },
    { field: 'Practice email', text: practice.email },
    { field: 'Practice website', text: practice.website },
    { field: "Client's name", text: sheet.clientName },
    ...sheet.treatedAreas.map((text) => ({ field: 'Treated areas', text })),
    { field: 'Opening line', text: sheet.intro },
    ...sections.whatToExpect.map((text) => ({ field: 'What you may notice', text })),
    ...sections.selfCare.map((text) => ({ field: 'Looking after yourself', text })),
    ...sections.seekHelp.map((text) => ({ field: 'Seek medical help', text })),
    { field: 'Emergency advice', text: sheet.seekHelpAdvice },
    { field: 'Contact', text: sheet.contact },
    { field: 'Next session', text: sheet.nextSession },
    { field: 'Personal note', text: sheet.personalNote },
    { field: 'Closing line', text: sheet.closing },
    { field: "Therapist's name", text: sheet.therapistName },
  ];
}

/**
 * The characters of a sheet the handout fonts cannot print (see findUnsupportedCharacters), for a
 * check before printing. Empty when the sheet prints as typed.
 */
export function findUnsupportedSheetCharacters(sheet: AftercareSheet, fontsDir: string): string[] {
  return findUnsupportedCharactersIn(
    printedTexts(sheet).map((t) => t.text),
    loadHandoutFonts(fontsDir),
  );
}

function refuseUnprintableText(sheet: AftercareSheet, fonts: HandoutFonts): void {
  const texts = printedTexts(sheet);
  const missing = findUnsupportedCharactersIn(
    texts.map((t) => t.text),
    fonts,
  );
  if (missing.length === 0) return;
  const fields = [
    ...new Set(
      texts.filter((t) => findUnsupportedCharactersIn([t.text], fonts).length > 0).map((t) => t.field),
    ),
  ];
  const listed = missing.slice(0, MAX_LISTED_CHARACTERS).join(', ');
  const more =
    missing.length > MAX_LISTED_CHARACTERS ? ` and ${missing.length - MAX_LISTED_CHARACTERS} more` : '';
  throw new UserFacingError(
    'UNSUPPORTED',
    `These characters cannot be printed with the handout fonts: ${listed}${more}. ` +
      `Change or remove them in: ${fields.join(', ')}.`,
  );
}

function renderValidSheet(sheet: AftercareSheet, fonts: HandoutFonts, now: Date): Promise<Uint8Array> {
  const geometry = PAGE_GEOMETRY[sheet.paperSize];
  const print = (text: string) => printableText(text, fonts).trim();
  const printLine = (text: string) => printableText(text, fonts, true);

  const practiceName = printLine(sheet.practice.name);
  const clientName = printLine(sheet.clientName);
  const sessionDate = printableDate(sheet, fonts);

  const doc = new PDFDocument({
    size: geometry.size,
    margins: geometry.margins,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: sheet.locale,
    displayTitle: true,
    // No default font: the constructor would otherwise load Helvetica, a standard font we never use.
    font: null as unknown as string,
    info: {
      Title: printLine(sheet.title),
      Author: practiceName,
      Subject: `Aftercare notes for ${clientName} after the session on ${sessionDate}`,
      Creator: 'Stillpoint',
      CreationDate: now,
      ModDate: now,
    },
  }) as PdfDoc;

  const chunks: Buffer[] = [];
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      // A plain Uint8Array view (no copy): pdf.js and structured clone want one, not a Buffer.
      const bytes = Buffer.concat(chunks);
      resolve(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    doc.on('error', reject);
  });

  for (const face of ['regular', 'bold', 'italic'] as const) {
    // The parsed font behind caches shared by every render (see pdf-font-source.ts).
    doc.registerFont(face, pdfFontSource(fonts[face]));
  }

  const w = new HandoutWriter(doc, geometry, textHeightsFor(fonts));
  w.newPage();
  drawPracticeHeader(w, sheet, fonts);

  // Title and who it is for.
  w.style('bold', TYPE.title, COLOR.accent);
  doc.text(HANDOUT_HEADING, w.left, w.y, { width: w.width });
  w.y += 3;
  w.style('bold', TYPE.clientLine, COLOR.text);
  doc.text(clientName, w.left, w.y, { width: w.width, continued: true });
  w.style('regular', TYPE.clientLine, COLOR.muted);
  doc.text(`   ·   ${sessionDate}`);
  w.y += 6;
  w.paragraph(print(sheet.intro), 'italic');

  const areas = sheet.treatedAreas.map(printLine).filter((area) => area !== '');
  if (areas.length > 0) {
    const capitalised = areas.map((area) => area.charAt(0).toLocaleUpperCase(sheet.locale) + area.slice(1));
    // One line, label first. No-break spaces keep each dot with the area before it when it wraps.
    w.y += geometry.sectionGap;
    w.ensureSpace(w.bodyLineHeight());
    w.style('bold', TYPE.body, COLOR.accent);
    doc.text(`${SECTION_TITLES.treatedAreas}:  `, w.left, w.y, { width: w.width, continued: true });
    w.style('regular', TYPE.body, COLOR.text);
    doc.text(capitalised.join('\u00A0\u00A0·\u00A0 '), { lineGap: TYPE.bodyLineGap });
  }

  const lines = (list: readonly string[]) => list.map(print).filter((line) => line !== '');
  const whatToExpect = { title: SECTION_TITLES.whatToExpect, bullets: lines(sheet.sections.whatToExpect) };
  const selfCare = { title: SECTION_TITLES.selfCare, bullets: lines(sheet.sections.selfCare) };
  pairOrSingle(
    w,
    whatToExpect.bullets.length > 0 ? whatToExpect : null,
    selfCare.bullets.length > 0 ? selfCare : null,
  );

  w.alertBox(SECTION_TITLES.seekHelp, lines(sheet.sections.seekHelp), print(sheet.seekHelpAdvice));

  const contact = print(sheet.contact);
  const nextSession = print(sheet.nextSession);
  pairOrSingle(
    w,
    contact !== '' ? { title: SECTION_TITLES.contact, text: contact } : null,
    nextSession !== '' ? { title: SECTION_TITLES.nextSession, text: nextSession } : null,
  );

  // A blank line between paragraphs becomes the paragraph gap, so no empty line opens a page.
  const note = print(sheet.personalNote).replace(/\n[ \u00A0]*(?:\n[ \u00A0]*)+/g, '\n');
  const closing = print(sheet.closing);
  w.noteAndSignOff(note === '' ? null : { title: SECTION_TITLES.personalNote, text: note }, closing);

  drawRunningHeadersAndFooters(w, practiceName, clientName, printLine(sheet.practice.phone));
  doc.end();
  return finished;
}

/** Measured heights, shared by the handouts drawn with one set of fonts. */
const textHeights = new WeakMap<HandoutFonts, TextHeights>();
function textHeightsFor(fonts: HandoutFonts): TextHeights {
  let heights = textHeights.get(fonts);
  if (!heights) {
    heights = new Map();
    textHeights.set(fonts, heights);
  }
  return heights;
}

function pairOrSingle(w: HandoutWriter, first: Section | null, second: Section | null): void {
  if (first && second) w.sideBySide(first, second);
  else if (first) w.section(first);
  else if (second) w.section(second);
}

/** The session date in the sheet's language, or as YYYY-MM-DD if that language's script is not bundled. */
function printableDate(sheet: AftercareSheet, fonts: HandoutFonts): string {
  const formatted = formatSessionDate(sheet.sessionDate, sheet.locale);
  return findUnsupportedCharactersIn([formatted], fonts).length === 0
    ? printableText(formatted, fonts, true)
    : sheet.sessionDate;
}

/** Logo on the left, practice name and address beside it, phone, email and website on the right. */
function drawPracticeHeader(w: HandoutWriter, sheet: AftercareSheet, fonts: HandoutFonts): void {
  const { doc } = w;
  const line = (text: string) => printableText(text, fonts, true);
  const top = w.geometry.firstPageTop;
  let textLeft = w.left;
  let bottom = top;

  const logo = sheet.practice.logo;
  if (logo) {
    const image = openLogo(doc, logo.bytes);
    const scale = Math.min(SPACE.logoMaxWidth / image.width, SPACE.logoMaxHeight / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    doc.image(image, w.left, top, { width, height });
    textLeft = w.left + width + 14;
    bottom = Math.max(bottom, top + height);
  }

  const details = [sheet.practice.phone, sheet.practice.email, sheet.practice.website]
    .map(line)
    .filter((text) => text !== '');
  // The details column is as wide as its longest line (up to a limit), leaving the rest to the name.
  w.style('regular', TYPE.headerDetails, COLOR.muted);
  const detailsWidth =
    details.length > 0
      ? Math.min(Math.max(...details.map((text) => doc.widthOfString(text))) + 4, SPACE.contactColumnMaxWidth)
      : 0;
  const nameWidth = Math.max(w.right - detailsWidth - (detailsWidth ? 16 : 0) - textLeft, 120);

  w.style('bold', TYPE.practiceName, COLOR.text);
  doc.text(line(sheet.practice.name), textLeft, top, { width: nameWidth });
  const address = sheet.practice.address
    .split(/\r?\n/)
    .map((part) => line(part).replace(/,$/, ''))
    .filter((part) => part !== '')
    .join(', ');
  if (address !== '') {
    w.y += 2;
    w.style('regular', TYPE.headerDetails, COLOR.muted);
    doc.text(address, textLeft, w.y, { width: nameWidth, lineGap: 1.5 });
  }
  bottom = Math.max(bottom, w.y);

  if (details.length > 0) {
    w.style('regular', TYPE.headerDetails, COLOR.muted);
    w.y = top + 2;
    for (const detail of details) {
      doc.text(detail, w.right - detailsWidth, w.y, { width: detailsWidth, align: 'right', lineGap: 1.5 });
    }
    bottom = Math.max(bottom, w.y);
  }

  const ruleY = bottom + 10;
  doc
    .save()
    .lineWidth(0.75)
    .strokeColor(COLOR.rule)
    .moveTo(w.left, ruleY)
    .lineTo(w.right, ruleY)
    .stroke()
    .restore();
  w.y = ruleY + 14;
}

function openLogo(doc: PdfDoc, bytes: Uint8Array) {
  try {
    return doc.openImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new UserFacingError(
      'UNSUPPORTED',
      'The practice logo could not be read. Open it in an image editor, save it again as PNG or JPEG, and choose it again in Settings.',
    );
  }
}

/**
 * With every page laid out, goes back over them: "Page X of Y" and the practice in the footer,
 * and on pages 2+ a small running header so a loose page still says whose it is. Margins are
 * lifted while writing, or pdfkit would take text below the bottom margin as overflow.
 */
function drawRunningHeadersAndFooters(
  w: HandoutWriter,
  practiceName: string,
  clientName: string,
  practicePhone: string,
): void {
  const { doc, geometry } = w;
  const range = doc.bufferedPageRange();
  const footerLeft = practicePhone ? `${practiceName}  ·  ${practicePhone}` : practiceName;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    const savedBottom = margins.bottom;
    margins.bottom = 0;

    const pageNumber = `Page ${i - range.start + 1} of ${range.count}`;
    w.style('regular', TYPE.small, COLOR.muted);
    const numberWidth = doc.widthOfString(pageNumber) + 2;
    doc.text(pageNumber, w.right - numberWidth, geometry.footerY, { width: numberWidth, align: 'right' });
    doc.text(footerLeft, w.left, geometry.footerY, {
      width: w.width - numberWidth - 20,
      height: doc.currentLineHeight(),
      ellipsis: true,
    });

    if (i > range.start) {
      w.style('regular', TYPE.small, COLOR.muted);
      doc.text(`${practiceName}   ·   Aftercare for ${clientName}`, w.left, geometry.runningHeaderY, {
        width: w.width,
        height: doc.currentLineHeight(),
        ellipsis: true,
      });
      const ruleY = geometry.runningHeaderY + doc.currentLineHeight() + 5;
      doc
        .save()
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .moveTo(w.left, ruleY)
        .lineTo(w.right, ruleY)
        .stroke()
        .restore();
    }
    margins.bottom = savedBottom;
  }
}
