import type { ClientRecord } from '../../../src-shared/domain/client-record';
import type { Translate } from '../../../src-shared/i18n';
import { shownAnswer } from '../../../src-shared/intake/answers';
import { recordedQuestion } from '../../../src-shared/intake/questionnaire';
import type { SignedConsent } from '../../../src-shared/intake/records';
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

/**
 * Where each text comes from, for the "cannot be printed" refusal: `say` is the language the
 * therapist reads that refusal in (the app's), which need not be the record's.
 */
export function intakePrintedTexts(record: ClientRecord, say: Translate, t: Translate): PrintedText[] {
  const texts: PrintedText[] = [];
  for (const submission of record.intakeSubmissions) {
    for (const answer of submission.answers) {
      texts.push({
        field: say('intake.record.fieldAnswer', {
          kind: submission.kind,
          question: recordedQuestion(answer.questionId, answer.question, say),
        }),
        // As printed: a built-in question and a yes, no or choice are the record's words.
        text: `${recordedQuestion(answer.questionId, answer.question, t)} ${shownAnswer(answer, t)}`,
      });
    }
  }
  for (const consent of record.consents) {
    if (consent.kind === 'signed') {
      texts.push({ field: say('intake.record.fieldConsentText'), text: consent.text });
      texts.push({ field: say('intake.record.fieldConsentName'), text: consent.typedName });
      texts.push({ field: say('intake.record.fieldConsentWitness'), text: consent.witness });
    } else {
      texts.push({
        field: say('intake.record.fieldWithdrawal'),
        text: `${consent.recordedBy} ${consent.reason}`,
      });
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
  const { t } = format;
  w.sectionTitle(title, 60);
  const lineGap = w.lineHeight('regular', TYPE.body, TYPE.bodyLineGap);
  for (const consent of record.consents) {
    if (consent.kind === 'withdrawn') {
      w.subheading(t('intake.record.withdrawn', { moment: format.moment(consent.at) }), lineGap);
      w.labelValueRows([
        [t('intake.record.recordedBy'), print(consent.recordedBy)],
        [t('intake.record.reason'), print(consent.reason)],
      ]);
      continue;
    }
    w.subheading(
      t('intake.record.signedVersion', { version: consent.version, moment: format.moment(consent.at) }),
      lineGap * 3,
    );
    w.labelValueRows([
      [
        t('intake.record.signedBy'),
        t('intake.record.signerWithRole', { name: print(consent.typedName), role: consent.signerRole }),
      ],
      [t('intake.record.witness'), print(consent.witness)],
      [t('intake.record.textSha'), consent.textSha256],
    ]);
    // The consent text is printed exactly as the signer read it, in whatever language that was.
    w.bullets(print(consent.text).split(/\n+/).filter(Boolean));
    drawSignatureImage(w, consent);
  }
  for (const submission of record.intakeSubmissions) {
    w.subheading(
      t('intake.record.submitted', { kind: submission.kind, moment: format.moment(submission.submittedAt) }),
      lineGap * 2,
    );
    // The answers as the client gave them; Stillpoint's own question wording, yes/no and a choice in the record's language.
    w.labelValueRows(
      submission.answers.map((answer) => [
        print(recordedQuestion(answer.questionId, answer.question, t)),
        print(shownAnswer(answer, t)),
      ]),
    );
  }
  const audit = record.auditLog.filter((entry) => isIntakeAuditEntry(record, entry));
  if (audit.length > 0) {
    w.subheading(t('intake.record.auditTrail'), lineGap * 2);
    w.bullets(audit.map((entry) => `${format.moment(entry.at)}  ${print(entry.detail)}`));
  }
  if (record.intakeDrafts.length > 0) {
    w.note(t('intake.record.draftSaved', { moment: format.moment(record.intakeDrafts[0]!.updatedAt) }));
  }
}
