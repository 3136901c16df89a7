import { HISTORY_NOT_RECORDED_RULE_ID } from '../safety/evaluate';
import { severityLabel } from '../safety/severity';
import { regionLabel as defaultRegionLabel, SIDE_LABELS } from './body-regions';
import { localToday } from './dates';
import {
  AMPLITUDE_LABELS,
  afterEffectLabel,
  palpationSiteLabel,
  SYMMETRY_LABELS,
  sensationLabel,
} from './sensations';
import { type AfterEffectReport, AREA_FINDING_LABELS, type SessionDraft } from './session-note';
import { techniqueLabel as defaultTechniqueLabel } from './techniques';

/**
 * The SOAP view of a note (some boards require SOAP format), generated from the structured fields
 * so it never disagrees with them. Plain sentences that record what was reported, found and done;
 * no sentence claims that the treatment worked.
 */

export interface SoapView {
  /** Session number, date and time of service, date of entry, signature. */
  header: string[];
  /** Chief complaint, pain before, changes since last time, reported after-effects, sensations. */
  subjective: string[];
  /** Safety check, rhythm, still points, treated areas, observations. */
  objective: string[];
  /** Findings summary, global response, pain after against before, emotional release. */
  assessment: string[];
  /** Plan, next session, home care. */
  plan: string[];
  /** Corrections added after signing, oldest first; the original above stays as signed. */
  addenda: string[];
}

export interface SoapOptions {
  regionLabel?: (regionId: string) => string;
  techniqueLabel?: (idOrCustom: string) => string;
  /** Moments are stored as ISO timestamps; the default shows local "YYYY-MM-DD HH:MM". */
  formatTimestamp?: (timestamp: string) => string;
  /** Calendar dates ("YYYY-MM-DD") as the screen shows them; the default keeps them as stored. */
  formatDate?: (date: string) => string;
  /** Times of day ("HH:MM") as the screen shows them; the default keeps them as stored. */
  formatTime?: (time: string) => string;
  /** After-effects the client reported from the previous session (they live in their own table). */
  afterEffectsReported?: readonly AfterEffectReport[];
}

function localTimestamp(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${localToday(date)} ${time}`;
}

/** Free text as a sentence: trimmed, with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return /[.!?)"'”’]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function labelled(label: string, text: string | null | undefined): string[] {
  const body = sentence(text ?? '');
  return body ? [`${label}: ${body}`] : [];
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function formatSeconds(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

function formatHours(hours: number): string {
  return `${formatNumber(hours)} ${hours === 1 ? 'hour' : 'hours'}`;
}

function painLine(
  label: string,
  pain: SessionDraft['painBefore'],
  before?: SessionDraft['painBefore'],
): string[] {
  const location = pain.location.trim();
  const hasScore = isNumber(pain.score);
  if (!hasScore && !location) return [];
  let line = `${label}: ${hasScore ? `${formatNumber(pain.score as number)}/10` : 'not scored'}`;
  if (location) line += `, ${location}`;
  if (before && isNumber(before.score)) line += ` (before the session: ${formatNumber(before.score)}/10)`;
  return [`${line}.`];
}

function listJoin(items: string[]): string {
  return items.join(', ');
}

function areaName(area: SessionDraft['treatedAreas'][number], regionLabel: (id: string) => string): string {
  const name = regionLabel(area.regionId);
  return area.side ? `${name} (${SIDE_LABELS[area.side].toLowerCase()})` : name;
}

function afterEffectLine(report: AfterEffectReport): string {
  const parts = [`${afterEffectLabel(report.type)} (${report.severity})`];
  if (isNumber(report.onsetHours)) parts.push(`began ${formatHours(report.onsetHours)} after the session`);
  if (isNumber(report.durationHours)) parts.push(`lasted ${formatHours(report.durationHours)}`);
  parts.push(report.resolved ? 'resolved' : 'not resolved');
  const notes = sentence(report.notes);
  return `After the previous session the client reported: ${parts.join(', ')}.${notes ? ` ${notes}` : ''}`;
}

function safetyLines(
  note: SessionDraft,
  formatTimestamp: (timestamp: string) => string,
  formatDate: (date: string) => string,
): string[] {
  const { checkedAt, findings } = note.safetyCheck;
  if (checkedAt === null && findings.length === 0) return [];
  const when = checkedAt ? ` (${formatTimestamp(checkedAt)})` : '';
  const reviewedAt = note.safetyCheck.historyReviewedAt;
  if (findings.length === 0) {
    // Notes written before the review date was recorded say only "no findings".
    if (reviewedAt === undefined) return [`Safety check${when}: no findings.`];
    return [
      reviewedAt === null
        ? `Safety check${when}: no findings; the health history was never reviewed with the client.`
        : `Safety check${when}: no findings in the health history reviewed with the client on ${formatDate(reviewedAt)}.`,
    ];
  }
  const reviewed =
    typeof reviewedAt === 'string'
      ? [`Health history last reviewed with the client on ${formatDate(reviewedAt)}.`]
      : [];
  return [
    ...reviewed,
    ...findings.map((finding) => {
      if (finding.ruleId === HISTORY_NOT_RECORDED_RULE_ID) {
        const ack = finding.acknowledged ? 'acknowledged' : 'not acknowledged';
        return `Safety check${when}: no health history recorded yet, so nothing could be checked; ${ack}.`;
      }
      const parts = [finding.acknowledged ? 'acknowledged' : 'not acknowledged'];
      if (finding.clearance) {
        // The clearance the acknowledgement relied on, as it stood on the client's file.
        const c = finding.clearance;
        const until = c.validUntil ? `, valid until ${formatDate(c.validUntil)}` : '';
        const onFile = c.clearanceId ? " (physician clearance on the client's file" : '';
        const recorded =
          c.clearanceId && c.recordedBy?.trim() ? `, recorded by ${c.recordedBy.trim()})` : onFile ? ')' : '';
        parts.push(
          `cleared by ${c.givenBy.trim() || 'unnamed'} on ${formatDate(c.date)}${until}${onFile}${recorded}`,
        );
      }
      for (const letter of finding.letters ?? []) {
        parts.push(`clearance letter attached: "${letter.title}" (SHA-256 ${letter.sha256.slice(0, 12)}…)`);
      }
      if (finding.overrideReason.trim()) parts.push(`reason to proceed: ${finding.overrideReason.trim()}`);
      if (finding.modification.trim()) parts.push(`treatment modified: ${finding.modification.trim()}`);
      // The words the therapist saw on screen ("Do not treat"), never the internal code ("AVOID").
      return `Safety check${when}: ${finding.title.trim() || finding.ruleId} (${severityLabel(finding.severity)}), ${parts.join('; ')}.`;
    }),
  ];
}

function rhythmLines(rhythm: SessionDraft['rhythm']): string[] {
  const parts: string[] = [];
  if (isNumber(rhythm.rateCpm)) parts.push(`${formatNumber(rhythm.rateCpm)} cycles per minute`);
  if (rhythm.amplitude) parts.push(`${AMPLITUDE_LABELS[rhythm.amplitude].toLowerCase()} amplitude`);
  if (rhythm.symmetry) parts.push(SYMMETRY_LABELS[rhythm.symmetry].toLowerCase());
  if (rhythm.quality.trim()) parts.push(`quality: ${rhythm.quality.trim()}`);
  if (rhythm.site.trim()) parts.push(`palpated at: ${palpationSiteLabel(rhythm.site.trim())}`);
  const lines = parts.length > 0 ? [`Craniosacral rhythm: ${parts.join(', ')}.`] : [];
  const { count, totalSeconds } = rhythm.stillPoints;
  if ((isNumber(count) && count > 0) || (isNumber(totalSeconds) && totalSeconds > 0)) {
    const counted = isNumber(count) ? formatNumber(count) : 'not counted';
    const time = isNumber(totalSeconds) ? `, about ${formatSeconds(totalSeconds)} in total` : '';
    lines.push(`Still points: ${counted}${time}.`);
  }
  return lines;
}

function treatedAreaLines(
  note: SessionDraft,
  regionLabel: (id: string) => string,
  techniqueLabel: (idOrCustom: string) => string,
): string[] {
  return note.treatedAreas.map((area) => {
    const techniques = area.techniques.map((t) => techniqueLabel(t).trim()).filter(Boolean);
    let line = `Treated ${areaName(area, regionLabel)}: ${techniques.length > 0 ? listJoin(techniques) : 'no technique recorded'}`;
    if (area.finding) line += `; finding: ${AREA_FINDING_LABELS[area.finding].toLowerCase()}`;
    line += '.';
    const areaNote = sentence(area.note);
    return areaNote ? `${line} ${areaNote}` : line;
  });
}

function findingSummary(note: SessionDraft, regionLabel: (id: string) => string): string[] {
  const lines: string[] = [];
  const phrases: Record<string, string> = {
    restriction: 'Restriction noted at',
    release: 'Release noted at',
    'no-change': 'No change noted at',
  };
  for (const finding of ['restriction', 'release', 'no-change'] as const) {
    const areas = note.treatedAreas
      .filter((area) => area.finding === finding)
      .map((a) => areaName(a, regionLabel));
    if (areas.length > 0) lines.push(`${phrases[finding]}: ${listJoin(areas)}.`);
  }
  return lines;
}

function globalResponseLines(response: SessionDraft['globalResponse']): string[] {
  const parts: string[] = [];
  const percent = response.improvementPercent;
  if (isNumber(percent)) {
    if (percent > 0) parts.push(`${formatNumber(percent)}% better`);
    else if (percent < 0) parts.push(`${formatNumber(-percent)}% worse`);
    else parts.push('no change (0%)');
  }
  const description = response.description.trim();
  if (description) parts.push(description);
  return parts.length > 0 ? [`Global response as reported by the client: ${sentence(parts.join('; '))}`] : [];
}

export function buildSoapView(note: SessionDraft, options: SoapOptions = {}): SoapView {
  const regionLabel = options.regionLabel ?? defaultRegionLabel;
  const techniqueLabel = options.techniqueLabel ?? defaultTechniqueLabel;
  const formatTimestamp = options.formatTimestamp ?? localTimestamp;
  const formatDate = options.formatDate ?? ((date: string) => date);
  const formatTime = options.formatTime ?? ((time: string) => time);

  const header: string[] = [];
  const when = [
    note.serviceDate.trim() && `on ${formatDate(note.serviceDate.trim())}`,
    note.serviceTime.trim() && `at ${formatTime(note.serviceTime.trim())}`,
  ]
    .filter(Boolean)
    .join(' ');
  const duration = isNumber(note.durationMinutes) ? `, ${formatNumber(note.durationMinutes)} minutes` : '';
  const number = isNumber(note.sessionNumber) ? ` ${formatNumber(note.sessionNumber)}` : '';
  header.push(`Session${number}${when ? ` ${when}` : ''}${duration}.`);
  if (note.entryDate.trim()) header.push(`Entered ${formatTimestamp(note.entryDate)}.`);
  if (note.status === 'signed') {
    const at = note.signedAt ? ` ${formatTimestamp(note.signedAt)}` : '';
    const by = note.signedBy?.trim() ? ` by ${note.signedBy.trim()}` : '';
    header.push(`Signed${at}${by}.`);
  } else {
    header.push('Draft, not signed.');
  }
  if (note.conflictCopyOf)
    header.push(`Conflict copy of note ${note.conflictCopyOf}, kept by a backup merge.`);

  const sensationNames = note.sensations.selected.map((id) => sensationLabel(id).toLowerCase());
  if (note.sensations.other.trim()) sensationNames.push(note.sensations.other.trim());
  const subjective = [
    ...labelled('Chief complaint', note.chiefComplaint),
    ...painLine('Pain before the session', note.painBefore),
    ...labelled('Changes since the last session', note.changesSinceLast),
    ...(options.afterEffectsReported ?? []).map(afterEffectLine),
    ...(sensationNames.length > 0
      ? [`Sensations the client reported: ${sentence(listJoin(sensationNames))}`]
      : []),
  ];

  const objective = [
    ...safetyLines(note, formatTimestamp, formatDate),
    ...rhythmLines(note.rhythm),
    ...treatedAreaLines(note, regionLabel, techniqueLabel),
    ...labelled('Observations', note.observations),
  ];

  const assessment = [
    ...findingSummary(note, regionLabel),
    ...globalResponseLines(note.globalResponse),
    ...painLine('Pain after the session', note.painAfter, note.painBefore),
    ...labelled('Emotional release', note.emotionalRelease),
  ];

  const plan = [
    ...labelled('Plan', note.plan),
    ...labelled('Next session', note.nextSessionRecommendation),
    ...labelled('Home care', note.homeCare),
  ];

  const addenda = note.addenda.map((addendum) => {
    const by = addendum.author.trim() ? ` by ${addendum.author.trim()}` : '';
    return `Addendum ${formatTimestamp(addendum.createdAt)}${by}. Reason: ${sentence(addendum.reason)} ${sentence(addendum.text)}`.trim();
  });

  return { header, subjective, objective, assessment, plan, addenda };
}

const SECTION_TITLES: ReadonlyArray<[keyof SoapView, string]> = [
  ['subjective', 'S - Subjective'],
  ['objective', 'O - Objective'],
  ['assessment', 'A - Assessment'],
  ['plan', 'P - Plan'],
];

/** Multi-line free text keeps its line breaks, indented under its entry. */
function indent(line: string): string {
  return `  ${line.replace(/\r?\n/g, '\n    ')}`;
}

/** The SOAP view as plain text, for copying into a letter or printing. */
export function soapAsText(view: SoapView): string {
  const blocks: string[] = [];
  if (view.header.length > 0) blocks.push(view.header.join('\n'));
  for (const [key, title] of SECTION_TITLES) {
    const lines = view[key].length > 0 ? view[key].map(indent) : ['  Nothing recorded.'];
    blocks.push([title, ...lines].join('\n'));
  }
  if (view.addenda.length > 0) blocks.push(['Addenda', ...view.addenda.map(indent)].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
