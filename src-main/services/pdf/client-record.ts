import type { Logo } from '../../../src-shared/domain/aftercare';
import { clientDisplayName } from '../../../src-shared/domain/client';
import type { ClientRecord } from '../../../src-shared/domain/client-record';
import type { StoredSessionNote } from '../../../src-shared/domain/session-note';
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
}

export const CLIENT_RECORD_TITLE = 'Client record';
export const RECORD_SECTIONS = {
  contact: '1  Contact and consent',
  health: '2  Health history',
  notes: '3  Session notes',
  intake: '4  Intake forms and consent',
  outcomes: '5  Outcomes and follow-ups',
  otherAudit: '6  Other audit entries',
  documents: '7  Documents and photos',
} as const;

/** The SHA-256 column takes what is left: 64 hex digits wrap onto two or three lines. */
const DOCUMENT_COLUMNS = [
  { title: 'Document', width: 130 },
  { title: 'Kind', width: 70 },
  { title: 'Date', width: 64 },
  { title: 'File', width: 92 },
  { title: 'SHA-256', width: 0 },
];

const AUDIT_COLUMNS = [
  { title: 'When', width: 92 },
  { title: 'What', width: 82 },
  { title: 'Detail', width: 0 },
];

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
  const format = recordFormat(options.timeZone);
  refuseUnprintableText(
    [
      ...clientRecordPrintedTexts(record, format),
      ...intakePrintedTexts(record),
      ...outcomePrintedTexts(record),
    ],
    fonts,
    ({ characters, fields }) =>
      `These characters cannot be printed with the PDF fonts: ${characters}. ` +
      `They are in: ${listSome(fields, 8)}. Change them where you can, or save the record as JSON, which keeps every character.`,
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

  const { doc, structure, bytes } = startPdf(geometry, fonts, {
    title: `${CLIENT_RECORD_TITLE}: ${clientName}`,
    author: practiceName || 'Stillpoint',
    subject: `The complete record of ${clientName}, exported ${format.moment(record.exportedAt)}`,
    lang: 'en',
    now,
  });

  const w = new RecordWriter(doc, geometry).tagged(structure);
  w.newPage();
  const orphanAudit = record.auditLog.filter(
    (entry) =>
      !record.sessions.some((session) => session.note.id === entry.noteId) &&
      !isIntakeAuditEntry(record, entry),
  );
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
  if (hasIntakeRecords(record)) drawIntakeSection(w, RECORD_SECTIONS.intake, record, format, print);
  if (hasOutcomeRecords(record)) drawOutcomesSection(w, RECORD_SECTIONS.outcomes, record, format, print);
  if (orphanAudit.length > 0) {
    w.sectionTitle(RECORD_SECTIONS.otherAudit, 40);
    w.note('Entries about notes no longer on record (a deleted draft keeps its history here).');
    w.y += 2;
    w.table(
      AUDIT_COLUMNS,
      auditRows(orphanAudit, format).map((row) => row.map(print)),
    );
  }
  if (record.attachments.length > 0) {
    w.sectionTitle(RECORD_SECTIONS.documents, 40);
    w.note(
      'Documents and photos kept with this record. The files are beside this PDF in the record’s ZIP, named in its manifest; the SHA-256 shows each is the file that was attached.',
    );
    w.y += 2;
    w.table(
      DOCUMENT_COLUMNS,
      documentRows(record, format).map((row) => row.map(print)),
    );
  }
  drawContents(w, contents);
  w.closeTags();
  const born = record.client.dateOfBirth ? format.date(record.client.dateOfBirth) : '';
  const who = born ? `${clientName}, born ${born}` : clientName;
  drawPageFurniture(w, {
    footer: `Confidential health record  ·  ${who}`,
    runningHeader: (pageIndex) => {
      const continued = w.continuing.get(pageIndex);
      return [
        practiceName,
        `${CLIENT_RECORD_TITLE}: ${clientName}`,
        continued ? `${continued.split(' · ').slice(0, 2).join(', ')} (continued)` : '',
      ]
        .filter(Boolean)
        .join('   ·   ');
    },
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

function drawCover(
  w: RecordWriter,
  record: ClientRecord,
  format: RecordFormat,
  tools: TextTools & { logo: Logo | null; orphanAudit: boolean; fonts: HandoutFonts },
): ContentsSlot {
  const { doc } = w;
  const { line } = tools;
  const { practice, client } = record;
  w.y = w.geometry.firstPageTop;
  if (practice.name.trim() !== '' || tools.logo) drawPracticeHeader(w, practice, tools.logo, tools.fonts, 16);

  w.tag('H1', () => {
    w.style('bold', TYPE.title, COLOR.accent);
    doc.text(CLIENT_RECORD_TITLE, w.left, w.y, { width: w.width });
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
        ? `, on ${format.date(dates[0]!)}`
        : `, from ${format.date(dates[0]!)} to ${format.date(dates[dates.length - 1]!)}`
      : '';
  const noteSummary =
    notes.length === 0
      ? 'No session notes'
      : `${plural(notes.length, 'session note')} (${signed} signed, ${notes.length - signed} draft${notes.length - signed === 1 ? '' : 's'})${span}`;
  const preparedBy = [practice.therapistName, practice.name].map(line).filter(Boolean).join(', ');
  w.labelValueRows([
    ['Date of birth', client.dateOfBirth ? format.date(client.dateOfBirth) : 'Not recorded'],
    ['Client since', format.date(client.createdAt.slice(0, 10))],
    ['Record exported', format.moment(record.exportedAt)],
    ['Prepared by', preparedBy],
    [
      'This record holds',
      `${noteSummary}; ${plural(record.afterEffects.length, 'after-effect report')}; ${plural(record.auditLog.length, 'audit entry', 'audit entries')}${record.attachments.length > 0 ? `; ${plural(record.attachments.length, 'document or photo', 'documents and photos')}` : ''}.`,
    ],
  ]);
  w.y += 6;
  w.note(
    'A copy of everything Stillpoint holds about this client at the time of export. Signed notes appear exactly as signed; ' +
      'corrections made after signing follow them as addenda, with their date, author and reason. Each note ends with its ' +
      'audit trail. The same record is available as a machine-readable JSON file.',
  );

  // Contents: titles now, page numbers once every section is laid out.
  const entries: string[] = [RECORD_SECTIONS.contact, RECORD_SECTIONS.health, RECORD_SECTIONS.notes];
  if (hasIntakeRecords(record)) entries.push(RECORD_SECTIONS.intake);
  if (hasOutcomeRecords(record)) entries.push(RECORD_SECTIONS.outcomes);
  if (tools.orphanAudit) entries.push(RECORD_SECTIONS.otherAudit);
  if (record.attachments.length > 0) entries.push(RECORD_SECTIONS.documents);
  w.y += 10;
  w.tag('H2', () => {
    w.style('bold', TYPE.heading, COLOR.text);
    doc.text('Contents', w.left, w.y, { width: w.width });
  });
  w.y += 3;
  const slot = { y: w.y, entries };
  w.y += entries.length * w.lineHeight('regular', TYPE.body, 4) + 4;
  return slot;
}

function drawContents(w: RecordWriter, slot: ContentsSlot): void {
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
    const pageText = `page ${page}`;
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
  w.sectionTitle(RECORD_SECTIONS.contact, 60);
  const preferred = client.preferredName.trim();
  w.labelValueRows([
    ['First name', line(client.firstName)],
    ['Last name', line(client.lastName)],
    ...(preferred ? ([['Preferred name', line(preferred)]] as const) : []),
    ['Date of birth', client.dateOfBirth ? format.date(client.dateOfBirth) : ''],
    ['Phone', line(client.phone)],
    ['Email', line(client.email)],
    ['Address', print(client.address)],
    ['Emergency contact', line(emergencyContactText(client))],
    ['Referring physician', line(client.referringPhysician)],
    ['How they heard of us', line(client.referralSource)],
    ['Informed consent', line(consentText(client, format))],
    ['Tags', line(client.tags.join(', '))],
    ['Notes', print(client.notes)],
    ['Status', client.archived ? 'Archived (no longer seen; kept on record)' : 'Active'],
    ['Added', format.moment(client.createdAt)],
    ['Details last changed', format.moment(client.updatedAt)],
  ]);
}

function drawHealthHistory(
  w: RecordWriter,
  record: ClientRecord,
  format: RecordFormat,
  print: (text: string) => string,
): void {
  const history = record.healthHistory;
  w.sectionTitle(RECORD_SECTIONS.health, 40);
  const pregnancy = pregnancyLine(history, format);
  const parts: [title: string, lines: string[]][] = [
    ['Conditions', conditionLines(history, format)],
    ['Medications', medicationLines(history)],
    ['Pregnancy', pregnancy ? [pregnancy] : []],
    ['Surgeries', surgeryLines(history, format)],
    ['Head injuries', headInjuryLines(history, format)],
    ['Clearances from a physician', clearanceLines(history, format)],
  ];
  const recorded = parts.filter(([, lines]) => lines.length > 0);
  const empty = parts.filter(([, lines]) => lines.length === 0).map(([title]) => title.toLowerCase());
  w.note(`Last updated ${format.moment(history.updatedAt)}. ${historyReviewedLine(history, format)}`);
  for (const [title, lines] of recorded) {
    w.subheading(title, w.lineHeight('regular', TYPE.body, TYPE.bodyLineGap));
    w.bullets(lines.map(print));
  }
  if (empty.length > 0) {
    w.y += recorded.length > 0 ? w.geometry.sectionGap : 2;
    const list = empty.length === parts.length ? 'nothing' : joinWords(empty);
    w.note(`Not recorded: ${list}.`);
  }
}

function drawNotes(w: RecordWriter, record: ClientRecord, format: RecordFormat, tools: TextTools): void {
  const { line, print } = tools;
  w.sectionTitle(`${RECORD_SECTIONS.notes}`, 60);
  if (record.sessions.length === 0) {
    w.note('No session notes are on record for this client.');
    return;
  }
  const bodyLine = w.lineHeight('regular', TYPE.body, TYPE.bodyLineGap);
  record.sessions.forEach(({ note }, index) => {
    if (index > 0) w.y += RECORD_SPACE.noteGap;
    const draft = note.status !== 'signed';
    const title = line(noteTitle(note, format));
    w.context = null;
    w.band(title, draft ? 'DRAFT' : 'SIGNED', draft, bodyLine * 3);
    w.context = title;
    const soap = soapFor(record, note, format);
    const meta = soap.header.filter((text) => text.startsWith('Entered') || text.startsWith('Conflict copy'));
    if (meta.length > 0) {
      w.tag('P', () => {
        w.style('regular', RECORD_TYPE.label, COLOR.muted);
        w.doc.text(meta.map(line).join('  ·  '), w.left, w.y, { width: w.width });
      });
      w.y += 4;
    }
    w.labelledLines('Subjective', soap.subjective.map(print), 'Nothing recorded.');
    w.labelledLines('Objective', soap.objective.map(print), 'Nothing recorded.');
    w.labelledLines('Assessment', soap.assessment.map(print), 'Nothing recorded.');
    // The plan and the signature under it stay together when they are short.
    const plan = soap.plan.map(print);
    const closing = w.labelledLinesHeight(plan, 'Nothing recorded.') + SIGNATURE_HEIGHT;
    if (closing < (w.bottom - w.geometry.margins.top) / 3) w.ensureSpace(closing);
    w.labelledLines('Plan', plan, 'Nothing recorded.');
    drawSignature(w, note, format, line);
    note.addenda.forEach((addendum, addendumIndex) => {
      w.barredBlock(
        line(`Addendum ${addendumIndex + 1}  ·  ${format.moment(addendum.createdAt)}  ·  ${addendum.author}`),
        [
          { text: `Reason: ${print(addendum.reason)}`, face: 'italic' },
          { text: print(addendum.text), face: 'regular' },
        ],
      );
    });
    const followed = record.afterEffects.filter((report) => report.sessionId === note.id);
    if (followed.length > 0) {
      w.labelledLines(
        'After-effects',
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
        w.doc.text('AUDIT TRAIL', w.left, w.y, { width: w.width, characterSpacing: 0.6 });
      });
      w.y += 2;
      w.table(
        AUDIT_COLUMNS,
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
      doc.text(`Signed by ${line(note.signedBy ?? '')}`, x, w.y, { width: w.right - x, continued: true });
      w.style('regular', TYPE.body, COLOR.muted);
      doc.text(note.signedAt ? `  ·  ${format.moment(note.signedAt)}` : '');
    });
  } else {
    w.tag('P', () => {
      w.style('italic', TYPE.body, '#8a5a00');
      doc.text('Draft: not signed. A draft may still change; only signed notes are final.', x, w.y, {
        width: w.right - x,
      });
    });
  }
  w.y += 6;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
