import type { Attachment } from '../documents/attachment';
import type { AuditEntry } from '../domain/audit';
import type { Client } from '../domain/client';
import {
  CLIENT_RECORD_FORMAT,
  CLIENT_RECORD_VERSION,
  type ClientRecord,
  type ClientRecordPractice,
  ClientRecordSchema,
} from '../domain/client-record';
import type { HealthHistory } from '../domain/health-history';
import type { AfterEffectReport, SessionDraft } from '../domain/session-note';
import type { PracticeSettings } from '../domain/settings';
import { buildSoapView, type SoapOptions } from '../domain/soap';
import type { ConsentRecord, IntakeDraft, IntakeSubmission } from '../intake/records';
import type { FollowUp, OutcomeProfile, OutcomeScore } from '../outcomes/schemas';
import { scoresInOrder } from '../outcomes/score';
import { parseWith } from '../validation';

/** Oldest first: date of service, then time, then session number (the order a record is read). */
export function oldestFirst(a: SessionDraft, b: SessionDraft): number {
  if (a.serviceDate !== b.serviceDate) return a.serviceDate < b.serviceDate ? -1 : 1;
  if (a.serviceTime !== b.serviceTime) return a.serviceTime < b.serviceTime ? -1 : 1;
  return (a.sessionNumber ?? 0) - (b.sessionNumber ?? 0);
}

export function recordPractice(settings: PracticeSettings | null | undefined): ClientRecordPractice {
  const practice = settings?.practice;
  return {
    name: practice?.name ?? '',
    address: practice?.address ?? '',
    phone: practice?.phone ?? '',
    email: practice?.email ?? '',
    website: practice?.website ?? '',
    therapistName: settings?.therapistName ?? '',
    paperSize: settings?.paperSize ?? 'A4',
  };
}

export interface ClientRecordParts {
  client: Client;
  healthHistory: HealthHistory;
  notes: readonly SessionDraft[];
  afterEffects: readonly AfterEffectReport[];
  auditLog: readonly AuditEntry[];
  intakeSubmissions?: readonly IntakeSubmission[];
  intakeDraft?: IntakeDraft | null;
  consents?: readonly ConsentRecord[];
  attachments?: readonly Attachment[];
  outcomeProfiles?: readonly OutcomeProfile[];
  outcomeScores?: readonly OutcomeScore[];
  followUps?: readonly FollowUp[];
  practice: PracticeSettings | null | undefined;
  now: Date;
  /** How timestamps read inside the SOAP sentences (default: local "YYYY-MM-DD HH:MM"). */
  formatTimestamp?: SoapOptions['formatTimestamp'];
}

/**
 * The client-record document from what the repositories hold. Every note gets its SOAP view
 * (with the after-effects the client reported while it was written), notes run oldest first,
 * and the result is checked with ClientRecordSchema: a record that does not validate is never
 * handed over.
 */
export function assembleClientRecord(parts: ClientRecordParts): ClientRecord {
  const { searchText: _searchText, ...client } = parts.client;
  const notes = [...parts.notes].sort(oldestFirst);
  const sessions = notes.map((note) => {
    const soap = buildSoapView(note, {
      afterEffectsReported: parts.afterEffects.filter((report) => report.reportedInSessionId === note.id),
      ...(parts.formatTimestamp ? { formatTimestamp: parts.formatTimestamp } : {}),
    });
    return { note, soap };
  });
  return parseWith(
    ClientRecordSchema,
    {
      format: CLIENT_RECORD_FORMAT,
      version: CLIENT_RECORD_VERSION,
      exportedAt: parts.now.toISOString(),
      practice: recordPractice(parts.practice),
      client,
      healthHistory: parts.healthHistory,
      sessions,
      afterEffects: [...parts.afterEffects],
      auditLog: [...parts.auditLog],
      intakeSubmissions: [...(parts.intakeSubmissions ?? [])].sort((a, b) =>
        a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0,
      ),
      intakeDrafts: parts.intakeDraft ? [parts.intakeDraft] : [],
      consents: [...(parts.consents ?? [])].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
      attachments: [...(parts.attachments ?? [])],
      outcomeProfiles: [...(parts.outcomeProfiles ?? [])].sort((a, b) =>
        a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
      ),
      outcomeScores: scoresInOrder(parts.outcomeScores ?? []),
      followUps: [...(parts.followUps ?? [])].sort((a, b) =>
        a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0,
      ),
    },
    'The client record',
  );
}

/** The JSON file's text: two-space indented, UTF-8, ending with a newline. */
export function clientRecordJson(record: ClientRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
