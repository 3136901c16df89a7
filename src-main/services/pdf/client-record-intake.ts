import type { ClientRecord } from '../../../src-shared/domain/client-record';
import { answerText } from '../../../src-shared/intake/answers';
import { SIGNER_ROLE_LABELS, type SignedConsent } from '../../../src-shared/intake/records';
import type { RecordFormat } from './client-record-text';
import type { RecordWriter } from './client-record-writer';
import type { PrintedText } from './glyph-check';
import { TYPE } from './layout';

/**
 * The client record's intake and consent section (schema version 3): every submitted form with
 * its answers as the client gave them, every signed consent with its text, hash and signature
 * image, and every withdrawal. Only drawn when the client has any.
 */

export function hasIntakeRecords(record: ClientRecord): boolean {
  return record.intakeSubmissions.length + record.consents.length + record.intakeDrafts.length > 0;
}

/** Audit entries about a submission or consent: shown in the intake section, not as orphans. */
export function isIntakeAuditEntry(record: ClientRecord, entry: ClientRecord['auditLog'][number]): boolean {
  return (
    entry.action.startsWith('intake-') ||
    entry.action.startsWith('consent-') ||
    record.intakeSubmissions.some((s) => s.id === entry.noteId) ||
    record.consents.some((c) => c.id === entry.noteId)
  );
}

function formTitle(kind: 'intake' | 'update'): string {
  return kind === 'intake' ? 'Intake form' : 'Health update';
}

export function intakePrintedTexts(record: ClientRecord): PrintedText[] {
  const texts: PrintedText[] = [];
  for (const submission of record.intakeSubmissions) {
    for (const answer of submission.answers) {
      texts.push({
        field: `${formTitle(submission.kind)}: ${answer.question}`,
        text: answerText(answer.value),
      });
    }
  }
  for (const consent of record.consents) {
    if (consent.kind === 'signed') {
      texts.push({ field: 'Signed consent: text', text: consent.text });
      texts.push({ field: 'Signed consent: name', text: consent.typedName });
      texts.push({ field: 'Signed consent: witness', text: consent.witness });
    } else {
      texts.push({ field: 'Consent withdrawal', text: `${consent.recordedBy} ${consent.reason}` });
    }
  }
  return texts;
}

export function drawSignatureImage(w: RecordWriter, consent: SignedConsent, maxWidth = 220): void {
  const height = Math.min(90, (maxWidth * consent.signature.height) / consent.signature.width);
  w.ensureSpace(height + 8);
  w.doc.image(Buffer.from(consent.signature.png, 'base64'), w.left, w.y, { fit: [maxWidth, height] });
  w.y += height + 4;
}

export function drawIntakeSection(
  w: RecordWriter,
  title: string,
  record: ClientRecord,
  format: RecordFormat,
  print: (text: string) => string,
): void {
  w.sectionTitle(title, 60);
  const lineGap = w.lineHeight('regular', TYPE.body, TYPE.bodyLineGap);
  for (const consent of record.consents) {
    if (consent.kind === 'withdrawn') {
      w.subheading(`Consent withdrawn, ${format.moment(consent.at)}`, lineGap);
      w.labelValueRows([
        ['Recorded by', print(consent.recordedBy)],
        ['Reason', print(consent.reason)],
      ]);
      continue;
    }
    w.subheading(`Consent version ${consent.version}, signed ${format.moment(consent.at)}`, lineGap * 3);
    w.labelValueRows([
      ['Signed by', `${print(consent.typedName)} (${SIGNER_ROLE_LABELS[consent.signerRole].toLowerCase()})`],
      ['Witness', print(consent.witness)],
      ['Text SHA-256', consent.textSha256],
    ]);
    w.bullets(print(consent.text).split(/\n+/).filter(Boolean));
    drawSignatureImage(w, consent);
  }
  for (const submission of record.intakeSubmissions) {
    w.subheading(
      `${formTitle(submission.kind)} submitted ${format.moment(submission.submittedAt)} (kept as submitted)`,
      lineGap * 2,
    );
    w.labelValueRows(
      submission.answers.map((answer) => [print(answer.question), print(answerText(answer.value))]),
    );
  }
  const audit = record.auditLog.filter((entry) => isIntakeAuditEntry(record, entry));
  if (audit.length > 0) {
    w.subheading('Audit trail', lineGap * 2);
    w.bullets(audit.map((entry) => `${format.moment(entry.at)}  ${print(entry.detail)}`));
  }
  if (record.intakeDrafts.length > 0) {
    w.note(
      `A form the client started and has not submitted was last saved ${format.moment(record.intakeDrafts[0]!.updatedAt)}.`,
    );
  }
}
