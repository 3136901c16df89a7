import { type Language, localeFor, type Translate, translatorFor } from '../../../src-shared/i18n';
import type { BlankIntakeForm, SignedConsentPaper } from '../../../src-shared/intake/paper';
import { type Question, sectionsFor, translateSections } from '../../../src-shared/intake/questionnaire';
import { type HandoutFonts, loadHandoutFonts, printableText } from './fonts';
import { listSome, type PrintedText, refuseUnprintableText } from './glyph-check';
import { COLOR, PAGE_GEOMETRY, TYPE } from './layout';
import { drawPageFurniture, drawPracticeHeader, practiceHeaderTexts } from './page-furniture';
import { PageWriter } from './page-writer';
import { type PdfRenderOptions, printedField, startPdf } from './pdf-document';

/**
 * The intake PDFs: the blank intake form (the same questions as the screen, lines to write on,
 * the consent text and a signature line) and a signed consent (the exact text, its version and
 * SHA-256, the signature image, name, role, date, witness). Built on the PDF toolkit. Both are
 * in the paper's language (the client's for a signed consent), from the intake catalogue.
 */

class IntakeWriter extends PageWriter {
  constructor(
    doc: ConstructorParameters<typeof PageWriter>[0],
    geometry: ConstructorParameters<typeof PageWriter>[1],
    private readonly fonts: HandoutFonts,
    private readonly t: Translate,
  ) {
    super(doc, geometry);
  }

  text(
    text: string,
    face: 'regular' | 'bold' | 'italic' = 'regular',
    size: number = TYPE.body,
    color: string = COLOR.text,
  ): void {
    const printable = printableText(text, this.fonts);
    const height = this.heightOf(printable, face, size, this.width);
    this.ensureSpace(height);
    this.style(face, size, color);
    this.doc.text(printable, this.left, this.y, { width: this.width, lineGap: TYPE.bodyLineGap });
  }

  heading(title: string): void {
    this.ensureSpace(60);
    this.y += 8;
    this.text(title, 'bold', TYPE.heading, COLOR.accent);
    this.y += 3;
  }

  /** Ruled lines to write on. */
  writingLines(count: number): void {
    for (let i = 0; i < count; i++) {
      this.ensureSpace(20);
      this.y += 18;
      this.rule(this.y, COLOR.muted, 0.5);
    }
    this.y += 6;
  }

  /** "Yes  No" boxes to tick. */
  tickBoxes(labels: readonly string[], indent = 0): void {
    this.ensureSpace(18);
    const y = this.y + 2;
    let x = this.left + indent;
    this.style('regular', TYPE.body, COLOR.text);
    for (const label of labels) {
      this.doc.save().lineWidth(0.75).strokeColor(COLOR.text).rect(x, y, 9, 9).stroke().restore();
      this.doc.text(printableText(label, this.fonts, true), x + 13, y - 1, { lineBreak: false });
      x += 13 + this.doc.widthOfString(label) + 22;
    }
    this.y = y + 16;
  }

  question(question: Question, followUp: boolean): void {
    this.ensureSpace(40);
    const indent = followUp ? 18 : 0;
    const label = followUp ? this.t('intake.pdf.ifYes', { question: question.label }) : question.label;
    const printable = printableText(label, this.fonts);
    const height = this.heightOf(printable, 'regular', TYPE.body, this.width - indent);
    this.ensureSpace(height + 22);
    this.style('regular', TYPE.body, COLOR.text);
    this.doc.text(printable, this.left + indent, this.y, {
      width: this.width - indent,
      lineGap: TYPE.bodyLineGap,
    });
    if (question.kind === 'yes-no')
      this.tickBoxes([this.t('intake.answers.yes'), this.t('intake.answers.no')], indent);
    else if (question.kind === 'choice') this.tickBoxes(question.options?.map((o) => o.label) ?? [], indent);
    else if (question.kind === 'date') this.writingLines(1);
    else this.writingLines(question.kind === 'long-text' ? 2 : 1);
  }

  signatureLine(label: string): void {
    this.ensureSpace(50);
    this.y += 34;
    this.doc
      .save()
      .lineWidth(0.75)
      .strokeColor(COLOR.text)
      .moveTo(this.left, this.y)
      .lineTo(this.left + 260, this.y)
      .stroke()
      .restore();
    this.doc
      .save()
      .lineWidth(0.75)
      .strokeColor(COLOR.text)
      .moveTo(this.left + 300, this.y)
      .lineTo(this.right, this.y)
      .stroke()
      .restore();
    this.style('regular', TYPE.small, COLOR.muted);
    this.doc.text(label, this.left, this.y + 3, { lineBreak: false });
    this.doc.text(this.t('intake.pdf.date'), this.left + 300, this.y + 3, { lineBreak: false });
    this.y += 18;
  }
}

export function groupsOfEight(hex: string): string {
  return hex.match(/.{1,8}/g)?.join(' ') ?? hex;
}

/** The refusal of unprintable characters, its fields listed in `say`'s language (the app's). */
const explainIn =
  (say: Translate | undefined) =>
  ({ characters, fields }: { characters: string; fields: readonly string[] }) => ({
    key: 'intake.pdf.unprintable' as const,
    values: { characters, fields: listSome(fields, 8, say) },
  });

export function blankIntakeFormPrintedTexts(
  form: BlankIntakeForm,
  say: Translate = translatorFor('en'),
): PrintedText[] {
  return [
    ...practiceHeaderTexts(form.practice, say),
    { field: printedField(say, 'consentText'), text: form.consentText },
    ...form.practiceQuestions.flatMap((q) => [
      { field: printedField(say, 'practiceQuestion'), text: q.label },
      ...q.options.map((text) => ({ field: printedField(say, 'practiceQuestionChoice'), text })),
    ]),
  ];
}

export async function renderBlankIntakeFormPdf(
  form: BlankIntakeForm,
  options: PdfRenderOptions,
): Promise<Uint8Array> {
  const fonts = loadHandoutFonts(options.fontsDir);
  refuseUnprintableText(blankIntakeFormPrintedTexts(form, options.say), fonts, explainIn(options.say));
  const geometry = PAGE_GEOMETRY[form.paperSize];
  const practiceName = printableText(form.practice.name, fonts, true);
  const t = translatorFor(form.language);
  const { doc, bytes } = startPdf(geometry, fonts, {
    title: t('intake.pdf.blankTitle'),
    author: practiceName || 'Stillpoint',
    subject: t('intake.pdf.blankSubject'),
    lang: form.language,
    now: options.now ?? new Date(),
  });
  const w = new IntakeWriter(doc, geometry, fonts, t);
  w.newPage();
  w.y = geometry.firstPageTop;
  if (form.practice.name.trim() !== '' || form.practice.logo)
    drawPracticeHeader(w, form.practice, form.practice.logo, fonts, 14, t);
  w.text(t('intake.pdf.blankTitle'), 'bold', TYPE.title, COLOR.accent);
  w.text(t('intake.pdf.blankLead'), 'italic', TYPE.body, COLOR.muted);
  const practiceQuestions = form.practiceQuestions.map((q) => ({ ...q, options: q.options }));
  for (const section of translateSections(sectionsFor('intake', practiceQuestions), t)) {
    w.heading(section.title);
    for (const question of section.questions) w.question(question, question.showIf !== undefined);
  }
  w.heading(t('intake.pdf.consentHeading', { version: form.consentVersion }));
  for (const paragraph of form.consentText.split(/\n+/).filter(Boolean)) {
    w.text(paragraph);
    w.y += 4;
  }
  w.text(t('intake.pdf.whoSigns'), 'bold');
  w.tickBoxes([
    t('intake.signerRoles.client'),
    t('intake.signerRoles.parent'),
    t('intake.signerRoles.guardian'),
  ]);
  w.text(t('intake.pdf.fullNameCapitals'));
  w.writingLines(1);
  w.signatureLine(t('intake.pdf.signature'));
  drawPageFurniture(w, {
    footer: t('intake.pdf.blankFooter', { practice: practiceName || 'Stillpoint' }),
    runningHeader: () => `${practiceName ? `${practiceName}  ·  ` : ''}${t('intake.pdf.blankRunningHeader')}`,
    t,
  });
  doc.end();
  return bytes;
}

export function signedConsentPrintedTexts(
  paper: SignedConsentPaper,
  say: Translate = translatorFor('en'),
): PrintedText[] {
  return [
    ...practiceHeaderTexts(paper.practice, say),
    { field: printedField(say, 'clientName'), text: paper.clientName },
    { field: printedField(say, 'consentText'), text: paper.consent.text },
    { field: printedField(say, 'typedName'), text: paper.consent.typedName },
    { field: printedField(say, 'witness'), text: paper.consent.witness },
  ];
}

export async function renderSignedConsentPdf(
  paper: SignedConsentPaper,
  options: PdfRenderOptions & {
    /** How a moment reads in a language (main's record format); the locale's long form otherwise. */
    formatMoment?: (language: Language) => (timestamp: string) => string;
  },
): Promise<Uint8Array> {
  const fonts = loadHandoutFonts(options.fontsDir);
  refuseUnprintableText(signedConsentPrintedTexts(paper, options.say), fonts, explainIn(options.say));
  const { consent } = paper;
  const geometry = PAGE_GEOMETRY[paper.paperSize];
  const practiceName = printableText(paper.practice.name, fonts, true);
  const clientName = printableText(paper.clientName, fonts, true);
  const t = translatorFor(paper.language);
  const moment =
    options.formatMoment?.(paper.language) ??
    ((at: string) =>
      new Intl.DateTimeFormat(localeFor(paper.language), {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'UTC',
      }).format(new Date(at)));
  const { doc, bytes } = startPdf(geometry, fonts, {
    title: t('intake.pdf.consentDocTitle', { clientName }),
    author: practiceName || 'Stillpoint',
    subject: t('intake.pdf.consentSubject', { version: consent.version, moment: moment(consent.at) }),
    lang: paper.language,
    now: options.now ?? new Date(),
  });
  const w = new IntakeWriter(doc, geometry, fonts, t);
  w.newPage();
  w.y = geometry.firstPageTop;
  if (paper.practice.name.trim() !== '' || paper.practice.logo)
    drawPracticeHeader(w, paper.practice, paper.practice.logo, fonts, 14, t);
  w.text(t('intake.pdf.consentTitle'), 'bold', TYPE.title, COLOR.accent);
  w.text(
    t('intake.pdf.consentClientLine', { clientName, version: consent.version }),
    'regular',
    TYPE.clientLine,
  );
  w.y += 8;
  for (const paragraph of consent.text.split(/\n+/).filter(Boolean)) {
    w.text(paragraph);
    w.y += 4;
  }
  w.heading(t('intake.pdf.signed'));
  const height = Math.min(100, (260 * consent.signature.height) / consent.signature.width);
  w.ensureSpace(height + 80);
  doc.image(Buffer.from(consent.signature.png, 'base64'), w.left, w.y, { fit: [260, height] });
  w.y += height + 4;
  w.rule(w.y, COLOR.text, 0.5);
  w.y += 6;
  for (const line of [
    t('intake.pdf.name', { name: consent.typedName }),
    t('intake.pdf.signedBy', { role: t(`intake.signerRoles.${consent.signerRole}`) }),
    t('intake.pdf.dateTime', { moment: moment(consent.at) }),
    consent.witness ? t('intake.pdf.witness', { witness: consent.witness }) : t('intake.pdf.witnessNone'),
    // In groups of eight, so the 64 characters wrap between groups and read back intact.
    t('intake.pdf.sha', { hash: groupsOfEight(consent.textSha256) }),
  ]) {
    w.text(line);
  }
  w.y += 6;
  w.text(t('intake.pdf.onScreenNote'), 'italic', TYPE.small, COLOR.muted);
  drawPageFurniture(w, {
    footer: t('intake.pdf.consentFooter', { clientName }),
    runningHeader: () =>
      `${practiceName ? `${practiceName}  ·  ` : ''}${t('intake.pdf.consentDocTitle', { clientName })}`,
    t,
  });
  doc.end();
  return bytes;
}
