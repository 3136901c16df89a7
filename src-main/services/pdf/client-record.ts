import type { Logo } from '../../../src-shared/domain/aftercare';
import { clientDisplayName } from '../../../src-shared/domain/client';
import type { ClientRecord } from '../../../src-shared/domain/client-record';
import type { StoredSessionNote } from '../../../src-shared/domain/session-note';
import { LANGUAGE_NAMES, type Language, type Translate, translatorFor } from '../../../src-shared/i18n';
import {
  drawIntakeSection,
  hasIntakeRecords,
  intakePrintedTexts,
  isIntakeAuditEntry,
} from './client-record-intake';
import { drawOutcomesSection, hasOutcomeRecords, outcomePrintedTexts } from './client-record-outcomes';
import {
  afterEffectSentence,
  auditRows,
  clearanceLines,
  clientRecordPrintedTexts,
  conditionLines,
  consentText,
  documentRows,
  emergencyContactText,
  headInjuryLines,
  historyReviewedLine,
  medicationLines,
  noteTitle,
  pregnancyLine,
  type RecordFormat,
  recordFormat,
  soapFor,
  surgeryLines,
} from './client-record-text';
import { RECORD_SPACE, RECORD_TYPE, RecordWriter } from './client-record-writer';
import { type HandoutFonts, loadHandoutFonts, printableText } from './fonts';
import { listSome, refuseUnprintableText } from './glyph-check';
import { COLOR, PAGE_GEOMETRY, TYPE } from './layout';
import { drawPageFurniture, drawPracticeHeader } from './page-furniture';
import { finishPdf, type PdfRenderOptions, startPdf } from './pdf-document';

export interface RenderClientRecordOptions extends PdfRenderOptions {
  /** The practice logo from Settings, printed on the cover. */
  logo?: Logo | null;
  /** Time zone for moments (signed at, audit entries); the computer's own by default. */
  timeZone?: string;
  /**
   * The record's language: the client's preferred one, else the app's (the export handler
   * decides). English by default.
   */
  language?: Language;
  /**
   * The app's language, for what the therapist reads if the record is refused (the names of the
   * fields holding unprintable characters); English by default.
   */
  say?: Translate;
}

/** Which optional sections a record has; the three first sections are always there. */
export interface RecordSectionsPresent {
  intake?: boolean;
  outcomes?: boolean;
  otherAudit?: boolean;
  documents?: boolean;
}

/**
 * The section titles in one language, numbered in the order they appear in this record: a section
 * the record does not have takes no number, so the contents never skip one.
 */
export function recordSections(t: Translate, present: RecordSectionsPresent = {}) {
  let next = 4;
  const optional = (shown: boolean | undefined, title: string) =>
    `${shown ? next++ : ''}  ${title}`.trimStart();
  return {
    contact: `1  ${t('record.sectionContact')}`,
    health: `2  ${t('record.sectionHealth')}`,
    notes: `3  ${t('record.sectionNotes')}`,
    intake: optional(present.intake, t('record.sectionIntake')),
    outcomes: optional(present.outcomes, t('record.sectionOutcomes')),
    otherAudit: optional(present.otherAudit, t('record.sectionOtherAudit')),
    documents: optional(present.documents, t('record.sectionDocuments')),
  };
}

export const CLIENT_RECORD_TITLE = translatorFor('en')('record.title');
/** The English titles of a record holding every section (4 to 7). */
export const RECORD_SECTIONS = recordSections(translatorFor('en'), {
  intake: true,
  outcomes: true,
  otherAudit: true,
  documents: true,
});

function auditColumns(t: Translate) {
  return [
    { title: t('record.when'), width: 92 },
    { title: t('record.what'), width: 82 },
    { title: t('record.detail'), width: 0 },
  ];
}

/** The SHA-256 column takes what is left: 64 hex digits wrap onto two or three lines. */
function documentColumns(t: Translate) {
  return [
    { title: t('record.docColDocument'), width: 130 },
    { title: t('record.docColKind'), width: 70 },
    { title: t('record.docColDate'), width: 64 },
    { title: t('record.docColFile'), width: 92 },
    { title: 'SHA-256', width: 0 },
  ];
}

/**
 * Renders one client's complete record as a PDF to hand over: a cover with the summary and
 * contents, contact and consent, the health history, then every note in date order with its
 * SOAP sections, signature, addenda, the after-effects reported after it and its audit trail.
 * Pages carry "Page X of Y" and, from page 2, the client's name.
 *
 * The record is validated once, where it enters main (the export channel's schema); callers
 * outside the channel (tests, the bench) parse it with ClientRecordSchema first. A record with
 * characters the bundled fonts cannot draw is refused with the list of them and where they are,
 * as the aftercare handout is; the JSON export keeps every character.
 *
 * Throws UserFacingError: UNSUPPORTED (characters, logo), FILE_READ_FAILED.
 */
export async function renderClientRecordPdf(
  record: ClientRecord,
  options: RenderClientRecordOptions,
): Promise<Uint8Array> {
  const fonts = loadHandoutFonts(options.fontsDir);
  const format = recordFormat(options.timeZone, options.language ?? 'en');
  const say = options.say ?? translatorFor('en');
  refuseUnprintableText(
    [
      ...clientRecordPrintedTexts(record, format, say),
      ...intakePrintedTexts(record, say, format.t),
      ...outcomePrintedTexts(record, say),
    ],
    fonts,
    ({ characters, fields }) => ({
      key: 'errors.recordUnprintable',
      values: { characters, fields: listSome(fields, 8, say) },
    }),
  );
  return renderValidRecord(record, fonts, format, options);
}

function renderValidRecord(
  record: ClientRecord,
  fonts: HandoutFonts,
  format: RecordFormat,
  options: RenderClientRecordOptions,
): Promise<Uint8Array> {
  const geometry = PAGE_GEOMETRY[record.practice.paperSize];
  const line = (text: string) => printableText(text, fonts, true);
  const print = (text: string) => printableText(text, fonts).trim();
  const clientName = line(clientDisplayName(record.client));
  const practiceName = line(record.practice.name);
  const now = options.now ?? new Date();
  const { t } = format;
  const title = t('record.title');

  const { doc, structure, bytes } = startPdf(geometry, fonts, {
    title: `${title}: ${clientName}`,
    author: practiceName || 'Stillpoint',
    subject: t('record.subject', { clientName, moment: format.moment(record.exportedAt) }),
    lang: format.language,
    now,
  });

  const w = new RecordWriter(doc, geometry).tagged(structure);
  w.newPage();
  const orphanAudit = record.auditLog.filter(
    (entry) =>
      !record.sessions.some((session) => session.note.id === entry.noteId) &&
      !isIntakeAuditEntry(record, entry),
  );
  const sections = recordSections(t, presentSections(record, orphanAudit.length > 0));
  const contents = drawCover(w, record, format, {
    line,
    print,
    logo: options.logo ?? null,
    orphanAudit: orphanAudit.length > 0,
    fonts,
  });
  drawContact(w, record, format, { line, print });
  drawHealthHistory(w, record, format, print);
  drawNotes(w, record, format, { line, print });
  if (hasIntakeRecords(record)) drawIntakeSection(w, sections.intake, record, format, print);
  if (hasOutcomeRecords(record)) drawOutcomesSection(w, sections.outcomes, record, format, print);
  if (orphanAudit.length > 0) {
    w.sectionTitle(sections.otherAudit, 40);
    w.note(t('record.orphanAudit'));
    w.y += 2;
    w.table(
      auditColumns(t),
      auditRows(orphanAudit, format).map((row) => row.map(print)),
    );
  }
  if (record.attachments.length > 0) {
    w.sectionTitle(sections.documents, 40);
    w.note(t('record.documentsNote'));
    w.y += 2;
    w.table(
      documentColumns(t),
      documentRows(record, format).map((row) => row.map(print)),
    );
  }
  drawContents(w, contents, t);
  w.closeTags();
  const born = record.client.dateOfBirth ? format.date(record.client.dateOfBirth) : '';
  const who = born ? t('record.bornOn', { clientName, date: born }) : clientName;
  drawPageFurniture(w, {
    footer: t('record.footer', { who }),
    runningHeader: (pageIndex) => {
      const continued = w.continuing.get(pageIndex);
      return [
        practiceName,
        `${title}: ${clientName}`,
        continued ? t('record.continued', { what: continued.split(' · ').slice(0, 2).join(', ') }) : '',
      ]
        .filter(Boolean)
        .join('   ·   ');
    },
    t,
  });
  finishPdf({ doc, structure });
  return bytes;
}

interface TextTools {
  line: (text: string) => string;
  print: (text: string) => string;
}

/** Where the contents list goes on page 1, filled in once the section pages are known. */
interface ContentsSlot {
  y: number;
  entries: string[];
}

function presentSections(record: ClientRecord, orphanAudit: boolean): RecordSectionsPresent {
  return {
    intake: hasIntakeRecords(record),
    outcomes: hasOutcomeRecords(record),
    otherAudit: orphanAudit,
    documents: record.attachments.length > 0,
  };
}

function drawCover(
  w: RecordWriter,
  record: ClientRecord,
  format: RecordFormat,
  tools: TextTools & { logo: Logo | null; orphanAudit: boolean; fonts: HandoutFonts },
): ContentsSlot {
  const { doc } = w;
  const { line } = tools;
  const { practice, client } = record;
  const { t } = format;
  const sections = recordSections(t, presentSections(record, tools.orphanAudit));
  w.y = w.geometry.firstPageTop;
  if (practice.name.trim() !== '' || tools.logo)
    drawPracticeHeader(w, practice, tools.logo, tools.fonts, 16, t);

  w.tag('H1', () => {
    w.style('bold', TYPE.title, COLOR.accent);
    doc.text(t('record.title'), w.left, w.y, { width: w.width });
  });
  w.y += 1;
  w.tag('P', () => {
    w.style('bold', RECORD_TYPE.clientName, COLOR.text);
    doc.text(line(clientDisplayName(client)), w.left, w.y, { width: w.width });
  });
  w.y += 10;

  const notes = record.sessions.map((session) => session.note);
  const signed = notes.filter((note) => note.status === 'signed').length;
  const dates = notes
    .map((note) => note.serviceDate)
    .filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date))
    .sort();
  const span =
    dates.length > 0
      ? dates[0] === dates[dates.length - 1]
        ? `, ${t('record.onDate', { date: format.date(dates[0]!) })}`
        : `, ${t('record.fromTo', { from: format.date(dates[0]!), to: format.date(dates[dates.length - 1]!) })}`
      : '';
  const afterEffects = t('record.afterEffectReports', { count: record.afterEffects.length });
  const audit = t('record.auditEntries', { count: record.auditLog.length });
  const holds =
    notes.length === 0
      ? `${t('record.noSessionNotes')}; ${afterEffects}; ${audit}.`
      : t('record.holds', {
          notes: t('record.sessionNotes', { count: notes.length }),
          states: t('record.signedAndDrafts', { signed, drafts: notes.length - signed }),
          span,
          afterEffects,
          audit,
        });
  const preparedBy = [practice.therapistName, practice.name].map(line).filter(Boolean).join(', ');
  w.labelValueRows([
    [t('record.dateOfBirth'), client.dateOfBirth ? format.date(client.dateOfBirth) : t('record.notRecorded')],
    [t('record.clientSince'), format.date(client.createdAt.slice(0, 10))],
    [t('record.exported'), format.moment(record.exportedAt)],
    [t('record.preparedBy'), preparedBy],
    [
      t('record.thisRecordHolds'),
      record.attachments.length > 0
        ? `${holds} ${t('record.documentsHeld', { count: record.attachments.length })}`
        : holds,
    ],
  ]);
  w.y += 6;
  w.note(t('record.coverNote'));

  // Contents: titles now, page numbers once every section is laid out.
  const entries: string[] = [sections.contact, sections.health, sections.notes];
  if (hasIntakeRecords(record)) entries.push(sections.intake);
  if (hasOutcomeRecords(record)) entries.push(sections.outcomes);
  if (tools.orphanAudit) entries.push(sections.otherAudit);
  if (record.attachments.length > 0) entries.push(sections.documents);
  w.y += 10;
  w.tag('H2', () => {
    w.style('bold', TYPE.heading, COLOR.text);
    doc.text(t('record.contents'), w.left, w.y, { width: w.width });
  });
  w.y += 3;
  const slot = { y: w.y, entries };
  w.y += entries.length * w.lineHeight('regular', TYPE.body, 4) + 4;
  return slot;
}

function drawContents(w: RecordWriter, slot: ContentsSlot, t: Translate): void {
  const { doc } = w;
  const current = w.pageIndex();
  const y = w.y;
  doc.switchToPage(doc.bufferedPageRange().start);
  let rowY = slot.y;
  const rowHeight = w.lineHeight('regular', TYPE.body, 4);
  const width = Math.min(w.width, 320);
  for (const title of slot.entries) {
    const page = (w.sectionPages.get(title) ?? 0) - doc.bufferedPageRange().start + 1;
    const label = title.replace(/^\d+\s+/, (n) => `${n.trim()}.  `);
    const pageText = t('record.pageNumber', { page });
    // Drawn last on the cover, so read last: a contents entry is its title and its page.
    w.tag('P', () => {
      w.style('regular', TYPE.body, COLOR.text);
      doc.text(label, w.left, rowY, { width: width - 40, lineBreak: false });
      w.style('regular', TYPE.body, COLOR.muted);
      doc.text(pageText, w.left + width - 60, rowY, { width: 60, align: 'right', lineBreak: false });
    });
    // Dotted leader between the title and its page.
    w.style('regular', TYPE.body, COLOR.text);
    const labelEnd = w.left + doc.widthOfString(label) + 6;
    w.style('regular', TYPE.body, COLOR.muted);
    const leaderEnd = w.left + width - 60 + (60 - doc.widthOfString(pageText)) - 6;
    if (leaderEnd > labelEnd) {
      w.artifact(() =>
        doc
          .save()
          .lineWidth(0.6)
          .dash(0.6, { space: 2.4 })
          .strokeColor(COLOR.rule)
          .moveTo(labelEnd, rowY + rowHeight * 0.62)
          .lineTo(leaderEnd, rowY + rowHeight * 0.62)
          .stroke()
          .undash()
          .restore(),
      );
    }
    rowY += rowHeight;
  }
  doc.switchToPage(current);
  w.y = y;
}

function drawContact(w: RecordWriter, record: ClientRecord, format: RecordFormat, tools: TextTools): void {
  const { client } = record;
  const { line, print } = tools;
  const { t } = format;
  w.sectionTitle(recordSections(t).contact, 60);
  const preferred = client.preferredName.trim();
  w.labelValueRows([
    [t('record.firstName'), line(client.firstName)],
    [t('record.lastName'), line(client.lastName)],
    ...(preferred ? ([[t('record.preferredName'), line(preferred)]] as const) : []),
    [t('record.dateOfBirth'), client.dateOfBirth ? format.date(client.dateOfBirth) : ''],
    [t('record.phone'), line(client.phone)],
    [t('record.email'), line(client.email)],
    [t('record.address'), print(client.address)],
    [t('record.emergencyContact'), line(emergencyContactText(client))],
    [t('record.referringPhysician'), line(client.referringPhysician)],
    [t('record.referralSource'), line(client.referralSource)],
    [t('record.consent'), line(consentText(client, format))],
    [t('record.tags'), line(client.tags.join(', '))],
    [t('record.notes'), print(client.notes)],
    [t('record.status'), client.archived ? t('record.archived') : t('record.active')],
    [t('record.added'), format.moment(client.createdAt)],
    [t('record.lastChanged'), format.moment(client.updatedAt)],
    // Only when chosen, so records exported before issue 19 read as they did.
    ...(client.preferredLanguage
      ? ([[t('record.preferredLanguage'), LANGUAGE_NAMES[client.preferredLanguage]]] as const)
      : []),
  ]);
}

function drawHealthHistory(
  w: RecordWriter,
  record: ClientRecord,
  format: RecordFormat,
  print: (text: string) => string,
): void {
  const history = record.healthHistory;
  const { t } = format;
  w.sectionTitle(recordSections(t).health, 40);
  const pregnancy = pregnancyLine(history, format);
  const parts: [title: string, lines: string[]][] = [
    [t('record.conditions'), conditionLines(history, format)],
    [t('record.medications'), medicationLines(history, format)],
    [t('record.pregnancy'), pregnancy ? [pregnancy] : []],
    [t('record.surgeries'), surgeryLines(history, format)],
    [t('record.headInjuries'), headInjuryLines(history, format)],
    [t('record.clearances'), clearanceLines(history, format)],
  ];
  const recorded = parts.filter(([, lines]) => lines.length > 0);
  const empty = parts
    .filter(([, lines]) => lines.length === 0)
    .map(([title]) => title.toLocaleLowerCase(format.language));
  w.note(
    `${t('record.lastUpdated', { moment: format.moment(history.updatedAt) })} ${historyReviewedLine(history, format)}`,
  );
  for (const [title, lines] of recorded) {
    w.subheading(title, w.lineHeight('regular', TYPE.body, TYPE.bodyLineGap));
    w.bullets(lines.map(print));
  }
  if (empty.length > 0) {
    w.y += recorded.length > 0 ? w.geometry.sectionGap : 2;
    const list = empty.length === parts.length ? t('record.nothing') : joinWords(empty, format.language);
    w.note(t('record.notRecordedList', { list }));
  }
}

function drawNotes(w: RecordWriter, record: ClientRecord, format: RecordFormat, tools: TextTools): void {
  const { line, print } = tools;
  const { t } = format;
  w.sectionTitle(`${recordSections(t).notes}`, 60);
  if (record.sessions.length === 0) {
    w.note(t('record.noNotes'));
    return;
  }
  const bodyLine = w.lineHeight('regular', TYPE.body, TYPE.bodyLineGap);
  record.sessions.forEach(({ note }, index) => {
    if (index > 0) w.y += RECORD_SPACE.noteGap;
    const draft = note.status !== 'signed';
    const title = line(noteTitle(note, format));
    w.context = null;
    w.band(title, draft ? t('record.draftBand') : t('record.signedBand'), draft, bodyLine * 3);
    w.context = title;
    const soap = soapFor(record, note, format);
    // The entry time and a conflict copy's origin, as the SOAP view words them in this language.
    const entered = note.entryDate.trim()
      ? t('clinical.soap.entered', { time: format.moment(note.entryDate) })
      : null;
    const conflict = note.conflictCopyOf
      ? t('clinical.soap.conflictCopy', { id: note.conflictCopyOf })
      : null;
    const meta = soap.header.filter((text) => text === entered || text === conflict);
    if (meta.length > 0) {
      w.tag('P', () => {
        w.style('regular', RECORD_TYPE.label, COLOR.muted);
        w.doc.text(meta.map(line).join('  ·  '), w.left, w.y, { width: w.width });
      });
      w.y += 4;
    }
    const nothing = t('record.nothingRecorded');
    w.labelledLines(t('record.subjective'), soap.subjective.map(print), nothing);
    w.labelledLines(t('record.objective'), soap.objective.map(print), nothing);
    w.labelledLines(t('record.assessment'), soap.assessment.map(print), nothing);
    // The plan and the signature under it stay together when they are short.
    const plan = soap.plan.map(print);
    const closing = w.labelledLinesHeight(plan, nothing) + SIGNATURE_HEIGHT;
    if (closing < (w.bottom - w.geometry.margins.top) / 3) w.ensureSpace(closing);
    w.labelledLines(t('record.plan'), plan, nothing);
    drawSignature(w, note, format, line);
    note.addenda.forEach((addendum, addendumIndex) => {
      w.barredBlock(
        line(
          t('record.addendum', {
            number: addendumIndex + 1,
            moment: format.moment(addendum.createdAt),
            author: addendum.author,
          }),
        ),
        [
          { text: t('record.reason', { reason: print(addendum.reason) }), face: 'italic' },
          { text: print(addendum.text), face: 'regular' },
        ],
      );
    });
    const followed = record.afterEffects.filter((report) => report.sessionId === note.id);
    if (followed.length > 0) {
      w.labelledLines(
        t('record.afterEffects'),
        followed.map((report) => print(afterEffectSentence(report, format))),
        '',
      );
    }
    const audit = record.auditLog
      .filter((entry) => entry.noteId === note.id)
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    if (audit.length > 0) {
      w.ensureSpace(w.lineHeight('bold', RECORD_TYPE.label) + 40);
      w.tag('H4', () => {
        w.style('bold', RECORD_TYPE.label, COLOR.muted);
        w.doc.text(t('record.auditTrail'), w.left, w.y, { width: w.width, characterSpacing: 0.6 });
      });
      w.y += 2;
      w.table(
        auditColumns(t),
        auditRows(audit, format).map((row) => row.map(print)),
      );
    }
  });
  w.context = null;
}

const SIGNATURE_HEIGHT = 26;

function drawSignature(
  w: RecordWriter,
  note: StoredSessionNote,
  format: RecordFormat,
  line: (text: string) => string,
): void {
  const { doc } = w;
  w.ensureSpace(SIGNATURE_HEIGHT);
  w.y += 3;
  const x = w.left + RECORD_SPACE.soapColumn;
  if (note.status === 'signed') {
    w.artifact(() =>
      doc
        .save()
        .lineWidth(0.6)
        .strokeColor(COLOR.rule)
        .moveTo(x, w.y)
        .lineTo(w.right, w.y)
        .stroke()
        .restore(),
    );
    w.y += 4;
    w.tag('P', () => {
      w.style('bold', TYPE.body, COLOR.text);
      doc.text(format.t('record.signedBy', { name: line(note.signedBy ?? '') }), x, w.y, {
        width: w.right - x,
        continued: true,
      });
      w.style('regular', TYPE.body, COLOR.muted);
      // Who wrote what (issue 18): the computer it was signed on, when the note records one.
      const computer = note.signedOnComputer
        ? `  ·  ${format.t('sync.authorship.onComputer', { computer: line(note.signedOnComputer) })}`
        : '';
      doc.text(`${note.signedAt ? `  ·  ${format.moment(note.signedAt)}` : ''}${computer}`);
    });
  } else {
    w.tag('P', () => {
      w.style('italic', TYPE.body, '#8a5a00');
      doc.text(format.t('record.draftNotSigned'), x, w.y, {
        width: w.right - x,
      });
    });
  }
  w.y += 6;
}

/** "a, b and c" in the record's language (Intl.ListFormat: "a, b und c", "a, b et c"). */
function joinWords(words: readonly string[], language: Language): string {
  return new Intl.ListFormat(language === 'en' ? 'en-GB' : language, { type: 'conjunction' }).format(words);
}
