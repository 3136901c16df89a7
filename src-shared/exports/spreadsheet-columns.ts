import { ATTACHMENT_KIND_LABELS, type Attachment } from '../documents/attachment';
import { regionLabel, SIDE_LABELS } from '../domain/body-regions';
import { type Client, clientDisplayName } from '../domain/client';
import type { HealthHistory } from '../domain/health-history';
import {
  AMPLITUDE_LABELS,
  afterEffectLabel,
  palpationSiteLabel,
  SYMMETRY_LABELS,
  sensationLabel,
} from '../domain/sensations';
import { type AfterEffectReport, AREA_FINDING_LABELS, type SessionDraft } from '../domain/session-note';
import { techniqueLabel } from '../domain/techniques';
import { type ConsentRecord, consentInForce } from '../intake/records';
import { builtInRule } from '../safety/rules';
import { severityLabel } from '../safety/severity';
import type { CsvColumn, CsvValue } from './csv';

/**
 * The spreadsheet export's columns: clients.csv (one row per client) and sessions.csv (one row
 * per session note, drafts included). The names, order and formats are documented in
 * docs/export-formats.md (a unit test keeps the two in step); add columns at the end only.
 *
 * Conventions: dates are YYYY-MM-DD; moments are ISO 8601 in UTC as stored
 * (2026-03-12T10:05:00.000Z); yes/no columns say "yes" or "no"; lists are joined with "; ";
 * an empty cell means not recorded.
 */

export const LIST_SEPARATOR = '; ';

export interface ClientSheetRow {
  client: Client;
  healthHistory: HealthHistory | null;
  sessionCount: number;
  /** Signed consents and withdrawals (schema version 3); none when left out. */
  consents?: readonly ConsentRecord[];
}

export interface SessionSheetRow {
  note: SessionDraft;
  client: Client;
  /** Reports about what followed this session. */
  afterEffects: readonly AfterEffectReport[];
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const list = (items: readonly string[]): string =>
  items
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .join(LIST_SEPARATOR);
/** A number as a number (never formula-guarded); null for not recorded or not a finite number. */
const num = (value: number | null | undefined): CsvValue =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const text = (value: string | null | undefined): string => value ?? '';

function column<Row>(
  name: string,
  description: string,
  format: string,
  value: (row: Row) => CsvValue,
): CsvColumn<Row> {
  return { name, description, format, value };
}

const TEXT = 'text';
const DATE = 'YYYY-MM-DD';
const MOMENT = 'ISO 8601 date and time, UTC';
const YES_NO = 'yes / no';
const LIST = 'list joined with "; "';

function conditionText(condition: HealthHistory['conditions'][number]): string {
  const details = [
    condition.status,
    condition.severity,
    condition.onsetDate ? `from ${condition.onsetDate}` : '',
    condition.resolvedDate ? `until ${condition.resolvedDate}` : '',
  ].filter(Boolean);
  return `${condition.label} (${details.join(', ')})`;
}

function clearanceText(clearance: HealthHistory['clearances'][number]): string {
  const rule = builtInRule(clearance.ruleId)?.title ?? clearance.ruleId;
  const until = clearance.validUntil ? `, until ${clearance.validUntil}` : '';
  return `${rule}: cleared by ${clearance.givenBy} on ${clearance.date}${until}`;
}

/**
 * A finding as the therapist saw it on screen (issue 21 item 6): "Do not treat: Concussion", never
 * the internal code "AVOID"; a finding lifted by a physician's clearance says who cleared it, when.
 */
function findingText(finding: SessionDraft['safetyCheck']['findings'][number]): string {
  const base = `${severityLabel(finding.severity)}: ${finding.title.trim() || finding.ruleId}`;
  const clearance = finding.clearance;
  if (!clearance) return base;
  const until = clearance.validUntil ? `, until ${clearance.validUntil}` : '';
  return `${base} (cleared by ${clearance.givenBy.trim() || 'unnamed'} on ${clearance.date}${until})`;
}

export const CLIENT_COLUMNS: readonly CsvColumn<ClientSheetRow>[] = [
  column('client_id', "Stillpoint's permanent id for the client", TEXT, (r) => r.client.id),
  column('first_name', 'First name', TEXT, (r) => r.client.firstName),
  column('last_name', 'Last name', TEXT, (r) => r.client.lastName),
  column('preferred_name', 'Preferred name, if different', TEXT, (r) => r.client.preferredName),
  column('date_of_birth', 'Date of birth', DATE, (r) => text(r.client.dateOfBirth)),
  column('phone', 'Phone number as entered', TEXT, (r) => r.client.phone),
  column('email', 'Email address', TEXT, (r) => r.client.email),
  column('address', 'Postal address; may hold line breaks', TEXT, (r) => r.client.address),
  column('emergency_contact_name', 'Emergency contact', TEXT, (r) => r.client.emergencyContact.name),
  column(
    'emergency_contact_phone',
    "Emergency contact's phone",
    TEXT,
    (r) => r.client.emergencyContact.phone,
  ),
  column('referring_physician', 'Referring physician', TEXT, (r) => r.client.referringPhysician),
  column('referral_source', 'How the client heard of the practice', TEXT, (r) => r.client.referralSource),
  column('consent_given', 'Informed consent recorded', YES_NO, (r) => yesNo(r.client.consent.given)),
  column('consent_date', 'Date consent was given', DATE, (r) => text(r.client.consent.date)),
  column(
    'consent_version',
    'Version of the consent wording agreed to',
    TEXT,
    (r) => r.client.consent.textVersion,
  ),
  column('tags', "The practice's tags for the client", LIST, (r) => list(r.client.tags)),
  column('notes', 'Free notes about the client; may hold line breaks', TEXT, (r) => r.client.notes),
  column('archived', 'Archived (no longer seen, kept on record)', YES_NO, (r) => yesNo(r.client.archived)),
  column('conditions', 'Health conditions: label (status, severity, dates)', LIST, (r) =>
    list(r.healthHistory?.conditions.map(conditionText) ?? []),
  ),
  column('medications', 'Current medications: name and dose', LIST, (r) =>
    list(r.healthHistory?.medications.map((m) => (m.dose ? `${m.name} ${m.dose}` : m.name)) ?? []),
  ),
  column('session_count', 'Session notes on record (drafts included)', 'whole number', (r) => r.sessionCount),
  column('last_visit', 'Date of the latest signed session', DATE, (r) => text(r.client.lastVisitAt)),
  column('created_at', 'When the client was added', MOMENT, (r) => r.client.createdAt),
  column('updated_at', 'When the details were last changed', MOMENT, (r) => r.client.updatedAt),
  column('clearances', 'Physician clearances on file: rule, who, dates', LIST, (r) =>
    list(r.healthHistory?.clearances.map(clearanceText) ?? []),
  ),
  column(
    'signed_consent_at',
    'When the consent in force was signed on screen (empty: none, or withdrawn)',
    MOMENT,
    (r) => text(consentInForce(r.consents ?? [])?.at),
  ),
  column('signed_consent_version', 'Version of the consent wording signed on screen', 'whole number', (r) =>
    num(consentInForce(r.consents ?? [])?.version),
  ),
  column('consent_withdrawn', 'A signed consent was withdrawn', YES_NO, (r) =>
    yesNo((r.consents ?? []).some((record) => record.kind === 'withdrawn')),
  ),
  column('history_reviewed_on', 'When the health history was last reviewed with the client', DATE, (r) =>
    text(r.healthHistory?.reviewedAt),
  ),
  column(
    'preferred_language',
    "Language for handouts and papers: en, de, fr, es, nl (empty: the app's)",
    TEXT,
    (r) => r.client.preferredLanguage ?? '',
  ),
];

function areaName(area: SessionDraft['treatedAreas'][number]): string {
  const name = regionLabel(area.regionId);
  return area.side ? `${name} (${SIDE_LABELS[area.side].toLowerCase()})` : name;
}

function techniques(note: SessionDraft): string[] {
  const seen = new Set<string>();
  for (const area of note.treatedAreas) {
    for (const technique of area.techniques) seen.add(techniqueLabel(technique).trim());
  }
  return [...seen];
}

function afterEffectText(report: AfterEffectReport): string {
  const parts: string[] = [report.severity];
  if (typeof report.durationHours === 'number') parts.push(`${report.durationHours} h`);
  parts.push(report.resolved ? 'resolved' : 'not resolved');
  return `${afterEffectLabel(report.type)} (${parts.join(', ')})`;
}

export const SESSION_COLUMNS: readonly CsvColumn<SessionSheetRow>[] = [
  column('session_id', "Stillpoint's permanent id for the note", TEXT, (r) => r.note.id),
  column('client_id', 'The client (client_id in clients.csv)', TEXT, (r) => r.client.id),
  column('client_name', "The client's name as shown in Stillpoint", TEXT, (r) => clientDisplayName(r.client)),
  column('session_number', "Session number in the client's course", 'whole number', (r) =>
    num(r.note.sessionNumber),
  ),
  column('status', 'draft (still editable) or signed (final)', 'draft / signed', (r) => r.note.status),
  column('service_date', 'Date of service', DATE, (r) => r.note.serviceDate),
  column('service_time', 'Time of service, local', 'HH:MM, 24-hour', (r) => r.note.serviceTime),
  column('duration_minutes', 'Length of the session', 'minutes', (r) => num(r.note.durationMinutes)),
  column('entry_date', 'When the note was first written (date of entry)', MOMENT, (r) => r.note.entryDate),
  column('chief_complaint', 'Reason for the session', TEXT, (r) => r.note.chiefComplaint),
  column('pain_before', 'Pain before the session', '0-10', (r) => num(r.note.painBefore.score)),
  column('pain_before_location', 'Where the pain was before', TEXT, (r) => r.note.painBefore.location),
  column('pain_after', 'Pain after the session', '0-10', (r) => num(r.note.painAfter.score)),
  column('pain_after_location', 'Where the pain was after', TEXT, (r) => r.note.painAfter.location),
  column('changes_since_last', 'Changes since the last session', TEXT, (r) => r.note.changesSinceLast),
  column('rhythm_rate_cpm', 'Craniosacral rhythm rate', 'cycles per minute', (r) =>
    num(r.note.rhythm.rateCpm),
  ),
  column('rhythm_amplitude', 'Rhythm amplitude', 'Low / Normal / High', (r) =>
    r.note.rhythm.amplitude ? AMPLITUDE_LABELS[r.note.rhythm.amplitude] : '',
  ),
  column('rhythm_symmetry', 'Rhythm symmetry', 'Balanced / Restricted left / Restricted right', (r) =>
    r.note.rhythm.symmetry ? SYMMETRY_LABELS[r.note.rhythm.symmetry] : '',
  ),
  column('rhythm_quality', 'Rhythm quality or vitality', TEXT, (r) => r.note.rhythm.quality),
  column('rhythm_site', 'Where the rhythm was palpated', TEXT, (r) =>
    r.note.rhythm.site ? palpationSiteLabel(r.note.rhythm.site) : '',
  ),
  column('still_points', 'Number of still points', 'whole number', (r) =>
    num(r.note.rhythm.stillPoints.count),
  ),
  column('still_points_seconds', 'Total still point time', 'seconds', (r) =>
    num(r.note.rhythm.stillPoints.totalSeconds),
  ),
  column('treated_areas', 'Areas treated, in the order entered, side in brackets', LIST, (r) =>
    list(r.note.treatedAreas.map(areaName)),
  ),
  column('techniques', 'Techniques used, each once', LIST, (r) => list(techniques(r.note))),
  column('area_findings', 'Finding per treated area: "area: finding"', LIST, (r) =>
    list(
      r.note.treatedAreas
        .filter((area) => area.finding)
        .map((area) => `${areaName(area)}: ${AREA_FINDING_LABELS[area.finding!].toLowerCase()}`),
    ),
  ),
  column('sensations', 'Sensations the client reported (pick list, then own words)', LIST, (r) =>
    list([...r.note.sensations.selected.map(sensationLabel), r.note.sensations.other]),
  ),
  column('observations', "Therapist's observations", TEXT, (r) => r.note.observations),
  column('emotional_release', 'Emotional release', TEXT, (r) => r.note.emotionalRelease),
  column('global_improvement_percent', 'Global response as a percentage', '-100 to 100', (r) =>
    num(r.note.globalResponse.improvementPercent),
  ),
  column('global_response', 'Global response in words', TEXT, (r) => r.note.globalResponse.description),
  column('plan', 'Plan', TEXT, (r) => r.note.plan),
  column('next_session', 'Recommended next session', TEXT, (r) => r.note.nextSessionRecommendation),
  column('home_care', 'Home care advice', TEXT, (r) => r.note.homeCare),
  column(
    'safety_findings',
    'Safety check findings in the words on screen: "Do not treat: title (cleared by who on date)"',
    LIST,
    (r) => list(r.note.safetyCheck.findings.map(findingText)),
  ),
  column('signed_at', 'When the note was signed', MOMENT, (r) => text(r.note.signedAt)),
  column('signed_by', 'Who signed the note', TEXT, (r) => text(r.note.signedBy)),
  column('addenda_count', 'Corrections added after signing', 'whole number', (r) => r.note.addenda.length),
  column(
    'after_effects',
    'After-effects reported after this session: type (severity, hours, resolved)',
    LIST,
    (r) => list(r.afterEffects.map(afterEffectText)),
  ),
  column('updated_at', 'When the note last changed', MOMENT, (r) => r.note.updatedAt),
];

/** One document or photo (schema version 4): its details and hash, never the file itself. */
export interface AttachmentSheetRow {
  attachment: Attachment;
  client: Client;
}

export const ATTACHMENT_COLUMNS: readonly CsvColumn<AttachmentSheetRow>[] = [
  column('attachment_id', "Stillpoint's permanent id for the document", TEXT, (r) => r.attachment.id),
  column('client_id', 'The client (client_id in clients.csv)', TEXT, (r) => r.client.id),
  column('client_name', "The client's name as shown in Stillpoint", TEXT, (r) => clientDisplayName(r.client)),
  column('session_id', "The session note it belongs to (empty: the client's file)", TEXT, (r) =>
    text(r.attachment.sessionId),
  ),
  column('title', 'Title', TEXT, (r) => r.attachment.title),
  column(
    'kind',
    'Clearance letter, referral, consent, report, photo or other',
    TEXT,
    (r) => ATTACHMENT_KIND_LABELS[r.attachment.kind],
  ),
  column('date', "The document's own date", DATE, (r) => r.attachment.date),
  column(
    'media_type',
    'File type',
    'application/pdf, image/jpeg, image/png, image/webp, text/plain',
    (r) => r.attachment.mediaType,
  ),
  column('size_bytes', 'Size of the file', 'whole number of bytes', (r) => r.attachment.size),
  column('sha256', 'SHA-256 of the file', '64 lowercase hex digits', (r) => r.attachment.sha256),
  column('original_name', 'The file name it had when attached', TEXT, (r) => r.attachment.originalName),
  column('added_at', 'When it was attached', MOMENT, (r) => r.attachment.addedAt),
  column('gps_removed', 'Location data was removed from the photo on import', YES_NO, (r) =>
    yesNo(r.attachment.gpsRemoved),
  ),
  column(
    'details_removed',
    'Camera details, captions or a hidden preview were removed from the photo on import',
    YES_NO,
    (r) => yesNo(r.attachment.otherMetadataRemoved),
  ),
  column('note', 'Note', TEXT, (r) => text(r.attachment.note)),
];

export const CLIENTS_CSV_FILE_NAME = 'clients.csv';
export const ATTACHMENTS_CSV_FILE_NAME = 'attachments.csv';
export const SESSIONS_CSV_FILE_NAME = 'sessions.csv';
