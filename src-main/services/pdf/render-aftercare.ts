import { formatSessionDate } from '../../../src-shared/aftercare/fill-template';
import type { AftercareSheet } from '../../../src-shared/domain/aftercare';
import { languageOfTag, type Translate, translatorFor } from '../../../src-shared/i18n';
import { findUnsupportedCharactersIn, type HandoutFonts, loadHandoutFonts, printableText } from './fonts';
import { findUnprintableCharacters, type PrintedText, refuseUnprintableText } from './glyph-check';
import { HandoutWriter, type Section } from './handout-writer';
import { COLOR, PAGE_GEOMETRY, TYPE } from './layout';
import { drawPageFurniture, drawPracticeHeader, practiceHeaderTexts } from './page-furniture';
import type { TextHeights } from './page-writer';
import { finishPdf, type PdfRenderOptions, printedField, startPdf } from './pdf-document';

export type RenderAftercareOptions = PdfRenderOptions;

/** The handout's headings in one language, from the catalogue (src-shared/i18n). */
export function handoutHeadings(t: Translate) {
  return {
    heading: t('handout.heading'),
    treatedAreas: t('handout.treatedAreas'),
    whatToExpect: t('handout.whatToExpect'),
    selfCare: t('handout.selfCare'),
    seekHelp: t('handout.seekHelp'),
    contact: t('handout.contact'),
    nextSession: t('handout.nextSession'),
    personalNote: t('handout.personalNote'),
  };
}

// The English headings, as before issue 19 (tests and the bench read them).
const { heading: ENGLISH_HEADING, ...ENGLISH_TITLES } = handoutHeadings(translatorFor('en'));
export const HANDOUT_HEADING = ENGLISH_HEADING;
export const SECTION_TITLES = ENGLISH_TITLES;

/** The translator for a sheet: its locale's language, English for one Stillpoint does not speak. */
export function sheetTranslator(sheet: Pick<AftercareSheet, 'locale'>): Translate {
  return translatorFor(languageOfTag(sheet.locale) ?? 'en');
}

/**
 * Renders the aftercare handout to PDF bytes. The sheet was validated once, where it entered
 * main (the channel table's AftercareSheetSchema, checked by the IPC dispatcher); a sheet with
 * characters the bundled fonts cannot draw is refused with the list of them.
 *
 * Throws UserFacingError: UNSUPPORTED (characters, logo), FILE_READ_FAILED (fonts missing from
 * the install).
 */
export async function renderAftercarePdf(
  sheet: AftercareSheet,
  options: RenderAftercareOptions,
): Promise<Uint8Array> {
  const fonts = loadHandoutFonts(options.fontsDir);
  refuseUnprintableText(printedTexts(sheet, options.say), fonts, ({ characters, fields }) => ({
    key: 'errors.handoutUnprintable',
    values: { characters, fields: fields.join(', ') },
  }));
  return renderValidSheet(sheet, fonts, options.now ?? new Date());
}

/**
 * Every text of a sheet that ends up on paper, with the name of its field as the form shows it,
 * in `say`'s language (the app's: the therapist reads the refusal; English when left out).
 */
export function printedTexts(sheet: AftercareSheet, say: Translate = translatorFor('en')): PrintedText[] {
  const { practice, sections } = sheet;
  const field = (name: Parameters<typeof printedField>[1]) => printedField(say, name);
  return [
    ...practiceHeaderTexts(practice, say),
    { field: field('clientName'), text: sheet.clientName },
    ...sheet.treatedAreas.map((text) => ({ field: field('treatedAreas'), text })),
    { field: field('openingLine'), text: sheet.intro },
    ...sections.whatToExpect.map((text) => ({ field: field('whatToExpect'), text })),
    ...sections.selfCare.map((text) => ({ field: field('selfCare'), text })),
    ...sections.seekHelp.map((text) => ({ field: field('seekHelp'), text })),
    { field: field('emergencyAdvice'), text: sheet.seekHelpAdvice },
    { field: field('contact'), text: sheet.contact },
    { field: field('nextSession'), text: sheet.nextSession },
    { field: field('personalNote'), text: sheet.personalNote },
    { field: field('closingLine'), text: sheet.closing },
    { field: field('therapistName'), text: sheet.therapistName },
  ];
}

/**
 * The characters of a sheet the handout fonts cannot print, for the check before printing
 * (aftercare:check): the same list of texts the renderer refuses on. Empty when the sheet prints
 * as typed.
 */
export function findUnsupportedSheetCharacters(sheet: AftercareSheet, fontsDir: string): string[] {
  return findUnprintableCharacters(printedTexts(sheet), loadHandoutFonts(fontsDir));
}

function renderValidSheet(sheet: AftercareSheet, fonts: HandoutFonts, now: Date): Promise<Uint8Array> {
  const geometry = PAGE_GEOMETRY[sheet.paperSize];
  const print = (text: string) => printableText(text, fonts).trim();
  const printLine = (text: string) => printableText(text, fonts, true);

  const practiceName = printLine(sheet.practice.name);
  const clientName = printLine(sheet.clientName);
  const sessionDate = printableDate(sheet, fonts);
  // The client's language, whatever the app speaks: the sheet's locale says which.
  const t = sheetTranslator(sheet);
  const titles = handoutHeadings(t);

  const { doc, structure, bytes } = startPdf(geometry, fonts, {
    title: printLine(sheet.title),
    author: practiceName,
    subject: t('handout.subject', { clientName, date: sessionDate }),
    lang: sheet.locale,
    now,
  });

  const w = new HandoutWriter(doc, geometry, textHeightsFor(fonts)).tagged(structure);
  w.newPage();
  drawPracticeHeader(w, sheet.practice, sheet.practice.logo, fonts, 14, t);

  // Title and who it is for.
  w.tag('H1', () => {
    w.style('bold', TYPE.title, COLOR.accent);
    doc.text(titles.heading, w.left, w.y, { width: w.width });
  });
  w.y += 3;
  w.tag('P', () => {
    w.style('bold', TYPE.clientLine, COLOR.text);
    doc.text(clientName, w.left, w.y, { width: w.width, continued: true });
    w.style('regular', TYPE.clientLine, COLOR.muted);
    doc.text(`   ·   ${sessionDate}`);
  });
  w.y += 6;
  w.paragraph(print(sheet.intro), 'italic');

  const areas = sheet.treatedAreas.map(printLine).filter((area) => area !== '');
  if (areas.length > 0) {
    const capitalised = areas.map((area) => area.charAt(0).toLocaleUpperCase(sheet.locale) + area.slice(1));
    // One line, label first. No-break spaces keep each dot with the area before it when it wraps.
    w.y += geometry.sectionGap;
    w.ensureSpace(w.bodyLineHeight());
    w.tag('P', () => {
      w.style('bold', TYPE.body, COLOR.accent);
      doc.text(`${titles.treatedAreas}:  `, w.left, w.y, { width: w.width, continued: true });
      w.style('regular', TYPE.body, COLOR.text);
      doc.text(capitalised.join('\u00A0\u00A0·\u00A0 '), { lineGap: TYPE.bodyLineGap });
    });
  }

  const lines = (list: readonly string[]) => list.map(print).filter((line) => line !== '');
  const whatToExpect = { title: titles.whatToExpect, bullets: lines(sheet.sections.whatToExpect) };
  const selfCare = { title: titles.selfCare, bullets: lines(sheet.sections.selfCare) };
  pairOrSingle(
    w,
    whatToExpect.bullets.length > 0 ? whatToExpect : null,
    selfCare.bullets.length > 0 ? selfCare : null,
  );

  w.alertBox(titles.seekHelp, lines(sheet.sections.seekHelp), print(sheet.seekHelpAdvice));

  const contact = print(sheet.contact);
  const nextSession = print(sheet.nextSession);
  pairOrSingle(
    w,
    contact !== '' ? { title: titles.contact, text: contact } : null,
    nextSession !== '' ? { title: titles.nextSession, text: nextSession } : null,
  );

  // A blank line between paragraphs becomes the paragraph gap, so no empty line opens a page.
  const note = print(sheet.personalNote).replace(/\n[ \u00A0]*(?:\n[ \u00A0]*)+/g, '\n');
  const closing = print(sheet.closing);
  w.noteAndSignOff(note === '' ? null : { title: titles.personalNote, text: note }, closing);
  w.closeTags();

  const practicePhone = printLine(sheet.practice.phone);
  drawPageFurniture(w, {
    footer: practicePhone ? `${practiceName}  ·  ${practicePhone}` : practiceName,
    runningHeader: () => `${practiceName}   ·   ${t('handout.runningHeader', { clientName })}`,
    restyleRunningHeader: true,
    t,
  });
  finishPdf({ doc, structure });
  return bytes;
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
