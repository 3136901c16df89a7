import { kindLabel, mediaTypeLabel } from '../../../src-shared/documents/words';
import { type Client, clientDisplayName } from '../../../src-shared/domain/client';
import type { ClientRecord } from '../../../src-shared/domain/client-record';
import { type HealthHistory, historyNotRecorded } from '../../../src-shared/domain/health-history';
import type { AfterEffectReport, SessionDraft } from '../../../src-shared/domain/session-note';
import { buildSoapView, type SoapView } from '../../../src-shared/domain/soap';
import {
  formatBytes,
  type Language,
  localeFor,
  type Translate,
  translatorFor,
} from '../../../src-shared/i18n';
import type { MessageKey } from '../../../src-shared/i18n/catalogues';
import { conditionName, ruleTitle } from '../../../src-shared/i18n/safety-names';
import { afterEffectName, auditActionName, severityInline } from '../../../src-shared/i18n/session-labels';

const historyKey = (key: string) => `clinical.history.${key}` as MessageKey;

import type { PrintedText } from './glyph-check';
import { practiceHeaderTexts } from './page-furniture';

/**
 * The words of the client-record PDF, apart from where they are drawn: dates as a reader in any
 * country reads them ("2 April 1980", never 02/04/1980), the SOAP view of each note (generated
 * here from the note itself, so the PDF never disagrees with the fields), and every printed text
 * with the name of where it comes from, for the glyph check.
 */

export interface RecordFormat {
  /** A calendar date, e.g. "2 April 1980". */
  date(date: string): string;
  /** A moment in the practice's time zone, e.g. "12 Mar 2026, 11:05". */
  moment(timestamp: string): string;
  /** A file's size, e.g. "2.4 MB", "2,4 Mo" (src-shared/i18n/bytes.ts). */
  size(bytes: number): string;
  /** The record's words in its language (the client's). */
  t: Translate;
  language: Language;
}

/**
 * Dates and words for a record in `language` (the client's): British conventions for English as
 * before, each language's usual ones otherwise ("2. April 1980", "2 avril 1980").
 */
export function recordFormat(timeZone?: string, language: Language = 'en'): RecordFormat {
  const locale = language === 'en' ? 'en-GB' : localeFor(language);
  const dateFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const momentFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  });
  return {
    t: translatorFor(language),
    language,
    size: (bytes) => formatBytes(bytes, locale),
    date: (date) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      if (!match) return date;
      const value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      return Number.isNaN(value.getTime()) ? date : dateFormat.format(value);
    },
    moment: (timestamp) => {
      const value = new Date(timestamp);
      return Number.isNaN(value.getTime()) ? timestamp : momentFormat.format(value);
    },
  };
}

export function noteTitle(note: SessionDraft, format: RecordFormat): string {
  const { t } = format;
  const number =
    note.sessionNumber !== null
      ? t('record.sessionNumber', { number: note.sessionNumber })
      : t('record.session');
  const when = [
    note.serviceDate ? format.date(note.serviceDate) : t('record.dateNotRecorded'),
    note.serviceTime ? t('record.atTime', { time: note.serviceTime }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const duration =
    note.durationMinutes !== null ? ` · ${t('record.minutes', { minutes: note.durationMinutes })}` : '';
  return `${number} · ${when}${duration}`;
}

/** Where a note's text comes from, in the glyph refusal ("Session 3 (12 March 2026)"), in `say`'s language. */
export function noteFieldName(note: SessionDraft, format: RecordFormat, say: Translate = format.t): string {
  return say('record.fields.session', {
    number: note.sessionNumber !== null ? note.sessionNumber : 'none',
    date: note.serviceDate ? format.date(note.serviceDate) : 'none',
  });
}

export function soapFor(record: ClientRecord, note: SessionDraft, format: RecordFormat): SoapView {
  return buildSoapView(note, {
    formatTimestamp: format.moment,
    t: format.t,
    afterEffectsReported: record.afterEffects.filter((report) => report.reportedInSessionId === note.id),
  });
}

export function afterEffectSentence(report: AfterEffectReport, format: RecordFormat): string {
  const { t } = format;
  const parts = [
    t('clinical.soap.effectSeverity', {
      effect: afterEffectName(t, report.type),
      severity: severityInline(t, report.severity),
    }),
  ];
  if (report.onsetHours !== null) parts.push(t(historyKey('beganH'), { hours: report.onsetHours }));
  if (report.durationHours !== null) parts.push(t(historyKey('lastedH'), { hours: report.durationHours }));
  parts.push(t(report.resolved ? 'clinical.soap.resolved' : 'clinical.soap.notResolved'));
  const notes = report.notes.trim();
  const sentence = notes && !/[.!?)"'”’]$/.test(notes) ? `${notes}.` : notes;
  const reported = t(historyKey('afterEffectReported'), {
    details: parts.join(', '),
    time: format.moment(report.reportedAt),
  });
  return `${reported}${sentence ? ` ${sentence}` : ''}`;
}

export function consentText(client: Client | ClientRecord['client'], format: RecordFormat): string {
  const { t } = format;
  if (!client.consent.given) return t('record.notRecorded');
  const given = client.consent.date
    ? t('record.consentGivenOn', { date: format.date(client.consent.date) })
    : t('record.consentGiven');
  return client.consent.textVersion
    ? t('record.consentVersion', { given, version: client.consent.textVersion })
    : given;
}

export function emergencyContactText(client: ClientRecord['client']): string {
  return [client.emergencyContact.name, client.emergencyContact.phone]
    .filter((part) => part.trim())
    .join(', ');
}

export function conditionLines(history: HealthHistory, format: RecordFormat): string[] {
  const { t } = format;
  return history.conditions.map((condition) => {
    const details: string[] = [t(historyKey(condition.status === 'current' ? 'current' : 'past'))];
    if (condition.severity)
      details.push(
        t(historyKey('severity'), {
          severity: condition.severity === 'high-risk' ? 'highRisk' : condition.severity,
        }),
      );
    if (condition.onsetDate) details.push(t(historyKey('since'), { date: format.date(condition.onsetDate) }));
    if (condition.resolvedDate)
      details.push(t(historyKey('resolvedOn'), { date: format.date(condition.resolvedDate) }));
    if (condition.treated !== null) details.push(t(historyKey(condition.treated ? 'treated' : 'notTreated')));
    const notes = condition.notes.trim() ? ` ${condition.notes.trim()}` : '';
    const name = conditionName(t, condition);
    return `${t(historyKey('condition'), { condition: name, details: details.join(', ') })}${notes}`;
  });
}

export function medicationLines(history: HealthHistory, format: RecordFormat): string[] {
  return history.medications.map((medication) => {
    const named = `${medication.name}${medication.dose ? ` ${medication.dose}` : ''}`;
    return medication.anticoagulant ? format.t(historyKey('bloodThinner'), { medication: named }) : named;
  });
}

export function pregnancyLine(history: HealthHistory, format: RecordFormat): string | null {
  const { t } = format;
  const pregnancy = history.pregnancy;
  if (!pregnancy) return null;
  if (!pregnancy.pregnant) return t('record.notPregnant');
  if (pregnancy.dueDate) {
    const date = format.date(pregnancy.dueDate);
    return pregnancy.highRisk ? t('record.pregnantDueHighRisk', { date }) : t('record.pregnantDue', { date });
  }
  return pregnancy.highRisk ? t('record.pregnantHighRisk') : t('record.pregnant');
}

export function surgeryLines(history: HealthHistory, format: RecordFormat): string[] {
  const { t } = format;
  return history.surgeries.map((surgery) => {
    const when = surgery.date
      ? t(historyKey('surgery'), { site: surgery.site, date: format.date(surgery.date) })
      : t(historyKey('surgeryNoDate'), { site: surgery.site });
    const description = surgery.description.trim() ? `: ${surgery.description.trim()}` : '';
    return `${when}${description}`;
  });
}

export function headInjuryLines(history: HealthHistory, format: RecordFormat): string[] {
  const { t } = format;
  return history.headInjuries.map((injury) => {
    const when = injury.date ? format.date(injury.date) : t(historyKey('dateNotKnown'));
    const description = injury.description.trim() ? `: ${injury.description.trim()}` : '';
    return t(historyKey(injury.treated ? 'injurySeen' : 'injuryNotSeen'), {
      injury: `${when}${description}`,
    });
  });
}

/** When the history was last gone through with the client, or that it never was. */
export function historyReviewedLine(history: HealthHistory, format: RecordFormat): string {
  const { t } = format;
  if (history.reviewedAt) return t('record.reviewedOn', { date: format.date(history.reviewedAt) });
  return historyNotRecorded(history) ? t('record.neverReviewed') : t('record.notReviewed');
}

/** How the history names the item a clearance is for ("Head injury: fell off her bike"). */
function clearedItemName(history: HealthHistory, itemId: string | null, t: Translate): string | null {
  if (itemId === null) return null;
  const condition = history.conditions.find((item) => item.id === itemId);
  if (condition) return conditionName(t, condition);
  const injury = history.headInjuries.find((item) => item.id === itemId);
  if (injury)
    return injury.description.trim()
      ? t(historyKey('headInjuryAbout'), { description: injury.description.trim() })
      : t(historyKey('headInjury'));
  const surgery = history.surgeries.find((item) => item.id === itemId);
  if (surgery)
    return surgery.description.trim()
      ? t(historyKey('surgeryItemAbout'), { description: surgery.description.trim() })
      : t(historyKey('surgeryItem'));
  const medication = history.medications.find((item) => item.id === itemId);
  return medication ? medication.name : null;
}

export function clearanceLines(history: HealthHistory, format: RecordFormat): string[] {
  const { t } = format;
  return history.clearances.map((clearance) => {
    const rule = ruleTitle(t, clearance.ruleId);
    const item = clearedItemName(history, clearance.itemId, t);
    const about = item ? `${rule} (${item})` : rule;
    const values = { rule: about, name: clearance.givenBy, date: format.date(clearance.date) };
    const cleared = clearance.validUntil
      ? t(historyKey('clearanceUntil'), { ...values, until: format.date(clearance.validUntil) })
      : t(historyKey('clearance'), values);
    const note = clearance.notes.trim();
    const notes = note ? ` ${/[.!?]$/.test(note) ? note : `${note}.`}` : '';
    // Clearances recorded before who and when were kept say nothing of it.
    const name = clearance.recordedBy.trim();
    const time = clearance.recordedAt ? format.moment(clearance.recordedAt) : '';
    const key = name ? (time ? 'recordedByAt' : 'recordedBy') : time ? 'recordedAt' : null;
    const recorded = key ? ` ${t(historyKey(key), { name, time })}` : '';
    return `${cleared}${notes}${recorded}`;
  });
}

/** The documents table: title (and note), kind, date, file type and size, SHA-256; in the record's language. */
export function documentRows(record: ClientRecord, format: RecordFormat): string[][] {
  const { t } = format;
  return record.attachments.map((a) => [
    a.note ? `${a.title}\n${a.note}` : a.title,
    kindLabel(t, a.kind),
    format.date(a.date),
    t(a.sessionId ? 'documents.record.fileFromNote' : 'documents.record.file', {
      type: mediaTypeLabel(t, a.mediaType),
      size: format.size(a.size),
    }),
    // In groups of 16 so it wraps at a space: a hyphen inside a hash would change it.
    a.sha256.replace(/(.{16})(?=.)/g, '$1 '),
  ]);
}

export function auditRows(entries: ClientRecord['auditLog'], format: RecordFormat): string[][] {
  return entries.map((entry) => {
    // Who wrote what (issue 18): entries written before carry neither name.
    const who = !entry.computer
      ? ''
      : entry.author
        ? format.t('sync.authorship.byOnComputer', { author: entry.author, computer: entry.computer })
        : format.t('sync.authorship.onComputer', { computer: entry.computer });
    const detail = who ? [entry.detail, who].filter(Boolean).join(' · ') : entry.detail;
    return [format.moment(entry.at), auditActionName(format.t, entry.action), detail];
  });
}

/**
 * Every text the PDF prints, with where it comes from as the app names it. Labels and
 * headings are ours (plain Latin); these are the texts a user typed or that derive from them.
 * The field names are in `say`'s language: the therapist reads the refusal in the app's
 * language, whatever the record's (English without it).
 */
export function clientRecordPrintedTexts(
  record: ClientRecord,
  format: RecordFormat,
  say: Translate = translatorFor('en'),
): PrintedText[] {
  const { client, practice, healthHistory: history } = record;
  const field = (key: string) => say(`record.fields.${key}` as MessageKey);
  const texts: PrintedText[] = [
    ...practiceHeaderTexts(practice, say),
    { field: field('yourName'), text: practice.therapistName },
    { field: field('clientName'), text: clientDisplayName(client) },
    { field: field('phone'), text: client.phone },
    { field: field('email'), text: client.email },
    { field: field('address'), text: client.address },
    { field: field('emergencyContact'), text: emergencyContactText(client) },
    { field: field('referringPhysician'), text: client.referringPhysician },
    { field: field('referralSource'), text: client.referralSource },
    { field: field('consentVersion'), text: client.consent.textVersion },
    { field: field('tags'), text: client.tags.join(' ') },
    { field: field('clientNotes'), text: client.notes },
    ...conditionLines(history, format).map((text) => ({ field: field('conditions'), text })),
    ...medicationLines(history, format).map((text) => ({ field: field('medications'), text })),
    ...surgeryLines(history, format).map((text) => ({ field: field('surgeries'), text })),
    ...headInjuryLines(history, format).map((text) => ({ field: field('headInjuries'), text })),
    ...clearanceLines(history, format).map((text) => ({ field: field('clearances'), text })),
  ];
  for (const { note } of record.sessions) {
    const where = noteFieldName(note, format, say);
    const soap = soapFor(record, note, format);
    for (const line of [
      ...soap.header,
      ...soap.subjective,
      ...soap.objective,
      ...soap.assessment,
      ...soap.plan,
    ]) {
      texts.push({ field: where, text: line });
    }
    if (note.signedOnComputer) texts.push({ field: where, text: note.signedOnComputer });
    for (const addendum of note.addenda) {
      texts.push({
        field: say('record.fields.addendum', { session: where }),
        text: `${addendum.author} ${addendum.reason} ${addendum.text}`,
      });
    }
  }
  for (const report of record.afterEffects)
    texts.push({ field: field('afterEffects'), text: afterEffectSentence(report, format) });
  for (const entry of record.auditLog) {
    texts.push({
      field: field('auditEntries'),
      text: [entry.detail, entry.author, entry.computer].filter(Boolean).join(' '),
    });
  }
  for (const attachment of record.attachments) {
    texts.push({ field: field('documents'), text: `${attachment.title} ${attachment.note ?? ''}` });
  }
  return texts;
}
