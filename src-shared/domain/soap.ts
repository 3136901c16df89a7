import type { MessageKey } from '../i18n/catalogues';
import { ruleTitle } from '../i18n/safety-names';
import {
  afterEffectName,
  amplitudeName,
  findingInline,
  palpationSiteName,
  regionName,
  safetySeverityName,
  sensationName,
  severityInline,
  sideName,
  symmetryName,
  techniqueName,
} from '../i18n/session-labels';
import { type Translate, translatorFor } from '../i18n/translator';
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
  /**
   * The words in the paper's language (issue 19). Without it the view is English, named as the
   * domain names things; with it, pick-list names come from the sessions catalogue by their ids.
   */
  t?: Translate;
}

/** How the sentences name things: the catalogue's words, or the domain's English ones. */
interface Words {
  t: Translate;
  region: (id: string) => string;
  technique: (idOrCustom: string) => string;
  /** A pick-list name inside a sentence: lower case where the language writes it so. */
  inline: (name: string) => string;
  side: (side: NonNullable<SessionDraft['treatedAreas'][number]['side']>) => string;
  sensation: (id: string) => string;
  afterEffect: (idOrCustom: string) => string;
  severity: (severity: AfterEffectReport['severity']) => string;
  safetySeverity: (severity: SessionDraft['safetyCheck']['findings'][number]['severity']) => string;
  amplitude: (amplitude: NonNullable<SessionDraft['rhythm']['amplitude']>) => string;
  symmetry: (symmetry: NonNullable<SessionDraft['rhythm']['symmetry']>) => string;
  site: (id: string) => string;
  finding: (finding: NonNullable<SessionDraft['treatedAreas'][number]['finding']>) => string;
  /** A safety finding's rule: a built-in rule's title in the paper's language, a practice's as written. */
  ruleTitle: (ruleId: string, stored: string) => string;
}

function wordsFor(options: SoapOptions): Words {
  const given = options.t;
  if (!given) {
    return {
      t: translatorFor('en'),
      region: options.regionLabel ?? defaultRegionLabel,
      technique: options.techniqueLabel ?? defaultTechniqueLabel,
      inline: (name) => name.toLowerCase(),
      side: (side) => SIDE_LABELS[side].toLowerCase(),
      sensation: (id) => sensationLabel(id).toLowerCase(),
      afterEffect: afterEffectLabel,
      severity: (severity) => severity,
      safetySeverity: severityLabel,
      amplitude: (amplitude) => AMPLITUDE_LABELS[amplitude].toLowerCase(),
      symmetry: (symmetry) => SYMMETRY_LABELS[symmetry].toLowerCase(),
      site: palpationSiteLabel,
      finding: (finding) => AREA_FINDING_LABELS[finding].toLowerCase(),
      // English as the note stored it: a signed note printed in English reads as it was signed.
      ruleTitle: (ruleId, stored) => stored.trim() || ruleId,
    };
  }
  const t = given;
  const inline =
    t('clinical.lowercaseNames') === 'yes' ? (name: string) => name.toLowerCase() : (name: string) => name;
  return {
    t,
    region: options.regionLabel ?? ((id) => regionName(t, id)),
    technique: options.techniqueLabel ?? ((id) => techniqueName(t, id)),
    inline,
    side: (side) => inline(sideName(t, side)),
    sensation: (id) => inline(sensationName(t, id)),
    afterEffect: (id) => afterEffectName(t, id),
    severity: (severity) => severityInline(t, severity),
    safetySeverity: (severity) => safetySeverityName(t, severity),
    amplitude: (amplitude) => inline(amplitudeName(t, amplitude)),
    symmetry: (symmetry) => inline(symmetryName(t, symmetry)),
    site: (id) => palpationSiteName(t, id),
    finding: (finding) => findingInline(t, finding),
    ruleTitle: (ruleId, stored) => ruleTitle(t, ruleId, stored),
  };
}

const soapKey = (key: string) => `clinical.soap.${key}` as MessageKey;

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

type LabelKey =
  | 'chiefComplaint'
  | 'painBefore'
  | 'painAfter'
  | 'changesSinceLast'
  | 'observations'
  | 'emotionalRelease'
  | 'plan'
  | 'nextSession'
  | 'homeCare';

function labelled(w: Words, label: LabelKey, text: string | null | undefined): string[] {
  const body = sentence(text ?? '');
  return body ? [w.t(soapKey('labelled'), { label: w.t(soapKey(`labels.${label}`)), text: body })] : [];
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

function formatHours(w: Words, hours: number): string {
  return w.t(soapKey('hours'), { n: hours, hours: formatNumber(hours) });
}

function painLine(
  w: Words,
  label: LabelKey,
  pain: SessionDraft['painBefore'],
  before?: SessionDraft['painBefore'],
): string[] {
  const location = pain.location.trim();
  const hasScore = isNumber(pain.score);
  if (!hasScore && !location) return [];
  const value = hasScore
    ? w.t(soapKey('painScore'), { score: formatNumber(pain.score as number) })
    : w.t(soapKey('notScored'));
  const values = { label: w.t(soapKey(`labels.${label}`)), value, location };
  if (before && isNumber(before.score)) {
    const against = { ...values, before: formatNumber(before.score) };
    return [w.t(soapKey(location ? 'painAtAgainst' : 'painAgainst'), against)];
  }
  return [w.t(soapKey(location ? 'painAt' : 'pain'), values)];
}

function listJoin(items: string[]): string {
  return items.join(', ');
}

function areaName(area: SessionDraft['treatedAreas'][number], w: Words): string {
  const name = w.region(area.regionId);
  return area.side ? w.t(soapKey('areaSide'), { area: name, side: w.side(area.side) }) : name;
}

function afterEffectLine(w: Words, report: AfterEffectReport): string {
  const parts = [
    w.t(soapKey('effectSeverity'), {
      effect: w.afterEffect(report.type),
      severity: w.severity(report.severity),
    }),
  ];
  if (isNumber(report.onsetHours))
    parts.push(w.t(soapKey('began'), { hours: formatHours(w, report.onsetHours) }));
  if (isNumber(report.durationHours))
    parts.push(w.t(soapKey('lasted'), { hours: formatHours(w, report.durationHours) }));
  parts.push(w.t(soapKey(report.resolved ? 'resolved' : 'notResolved')));
  const notes = sentence(report.notes);
  return `${w.t(soapKey('afterEffect'), { details: parts.join(', ') })}${notes ? ` ${notes}` : ''}`;
}

function safetyLines(
  w: Words,
  note: SessionDraft,
  formatTimestamp: (timestamp: string) => string,
  formatDate: (date: string) => string,
): string[] {
  const { checkedAt, findings } = note.safetyCheck;
  if (checkedAt === null && findings.length === 0) return [];
  const check = w.t(soapKey('safetyCheck'), { time: checkedAt ? formatTimestamp(checkedAt) : 'none' });
  const reviewedAt = note.safetyCheck.historyReviewedAt;
  if (findings.length === 0) {
    // Notes written before the review date was recorded say only "no findings".
    if (reviewedAt === undefined) return [w.t(soapKey('noFindings'), { check })];
    return [
      reviewedAt === null
        ? w.t(soapKey('noFindingsNeverReviewed'), { check })
        : w.t(soapKey('noFindingsReviewed'), { check, date: formatDate(reviewedAt) }),
    ];
  }
  const reviewed =
    typeof reviewedAt === 'string' ? [w.t(soapKey('lastReviewed'), { date: formatDate(reviewedAt) })] : [];
  return [
    ...reviewed,
    ...findings.map((finding) => {
      const acknowledged = w.t(soapKey(finding.acknowledged ? 'acknowledged' : 'notAcknowledged'));
      if (finding.ruleId === HISTORY_NOT_RECORDED_RULE_ID) {
        return w.t(soapKey('noHistory'), { check, acknowledged });
      }
      const parts = [acknowledged];
      if (finding.clearance) {
        // The clearance the acknowledgement relied on, as it stood on the client's file.
        const c = finding.clearance;
        const name = c.givenBy.trim() || w.t(soapKey('unnamed'));
        const cleared = c.validUntil
          ? w.t(soapKey('clearedByUntil'), {
              name,
              date: formatDate(c.date),
              until: formatDate(c.validUntil),
            })
          : w.t(soapKey('clearedBy'), { name, date: formatDate(c.date) });
        const recordedBy = c.recordedBy?.trim();
        parts.push(
          !c.clearanceId
            ? cleared
            : recordedBy
              ? w.t(soapKey('onFileBy'), { cleared, name: recordedBy })
              : w.t(soapKey('onFile'), { cleared }),
        );
      }
      for (const letter of finding.letters ?? []) {
        parts.push(w.t(soapKey('letter'), { title: letter.title, hash: letter.sha256.slice(0, 12) }));
      }
      if (finding.overrideReason.trim())
        parts.push(w.t(soapKey('reasonToProceed'), { reason: finding.overrideReason.trim() }));
      if (finding.modification.trim())
        parts.push(w.t(soapKey('modified'), { modification: finding.modification.trim() }));
      // The words the therapist saw on screen ("Do not treat"), never the internal code ("AVOID").
      return w.t(soapKey('finding'), {
        check,
        title: w.ruleTitle(finding.ruleId, finding.title),
        severity: w.safetySeverity(finding.severity),
        details: parts.join('; '),
      });
    }),
  ];
}

function rhythmLines(w: Words, rhythm: SessionDraft['rhythm']): string[] {
  const parts: string[] = [];
  if (isNumber(rhythm.rateCpm)) parts.push(w.t(soapKey('rate'), { rate: formatNumber(rhythm.rateCpm) }));
  if (rhythm.amplitude) parts.push(w.t(soapKey('amplitude'), { amplitude: w.amplitude(rhythm.amplitude) }));
  if (rhythm.symmetry) parts.push(w.symmetry(rhythm.symmetry));
  if (rhythm.quality.trim()) parts.push(w.t(soapKey('quality'), { quality: rhythm.quality.trim() }));
  if (rhythm.site.trim()) parts.push(w.t(soapKey('site'), { site: w.site(rhythm.site.trim()) }));
  const lines = parts.length > 0 ? [w.t(soapKey('rhythm'), { details: parts.join(', ') })] : [];
  const { count, totalSeconds } = rhythm.stillPoints;
  if ((isNumber(count) && count > 0) || (isNumber(totalSeconds) && totalSeconds > 0)) {
    const counted = isNumber(count) ? formatNumber(count) : w.t(soapKey('notCounted'));
    lines.push(
      isNumber(totalSeconds)
        ? w.t(soapKey('stillPointsTime'), { count: counted, time: formatSeconds(totalSeconds) })
        : w.t(soapKey('stillPoints'), { count: counted }),
    );
  }
  return lines;
}

function treatedAreaLines(w: Words, note: SessionDraft): string[] {
  return note.treatedAreas.map((area) => {
    const names = area.techniques.map((id) => w.technique(id).trim()).filter(Boolean);
    const values = {
      area: areaName(area, w),
      techniques: names.length > 0 ? listJoin(names) : w.t(soapKey('noTechnique')),
    };
    const line = area.finding
      ? w.t(soapKey('treatedFinding'), { ...values, finding: w.finding(area.finding) })
      : w.t(soapKey('treated'), values);
    const areaNote = sentence(area.note);
    return areaNote ? `${line} ${areaNote}` : line;
  });
}

function findingSummary(w: Words, note: SessionDraft): string[] {
  const lines: string[] = [];
  const phrases = { restriction: 'restrictionAt', release: 'releaseAt', 'no-change': 'noChangeAt' } as const;
  for (const finding of ['restriction', 'release', 'no-change'] as const) {
    const areas = note.treatedAreas.filter((area) => area.finding === finding).map((a) => areaName(a, w));
    if (areas.length > 0) lines.push(w.t(soapKey(phrases[finding]), { areas: listJoin(areas) }));
  }
  return lines;
}

function globalResponseLines(w: Words, response: SessionDraft['globalResponse']): string[] {
  const parts: string[] = [];
  const percent = response.improvementPercent;
  if (isNumber(percent)) {
    if (percent > 0) parts.push(w.t(soapKey('better'), { percent: formatNumber(percent) }));
    else if (percent < 0) parts.push(w.t(soapKey('worse'), { percent: formatNumber(-percent) }));
    else parts.push(w.t(soapKey('noChange')));
  }
  const description = response.description.trim();
  if (description) parts.push(description);
  return parts.length > 0 ? [w.t(soapKey('globalResponse'), { text: sentence(parts.join('; ')) })] : [];
}

export function buildSoapView(note: SessionDraft, options: SoapOptions = {}): SoapView {
  const w = wordsFor(options);
  const { t } = w;
  const formatTimestamp = options.formatTimestamp ?? localTimestamp;
  const formatDate = options.formatDate ?? ((date: string) => date);
  const formatTime = options.formatTime ?? ((time: string) => time);

  const header: string[] = [];
  const when = [
    note.serviceDate.trim() && t(soapKey('onDate'), { date: formatDate(note.serviceDate.trim()) }),
    note.serviceTime.trim() && t(soapKey('atTime'), { time: formatTime(note.serviceTime.trim()) }),
  ]
    .filter(Boolean)
    .join(' ');
  const session = t(soapKey('sessionName'), {
    number: isNumber(note.sessionNumber) ? formatNumber(note.sessionNumber) : 'none',
  });
  header.push(
    t(soapKey('header'), {
      session,
      when: when || 'none',
      minutes: isNumber(note.durationMinutes) ? formatNumber(note.durationMinutes) : 'none',
    }),
  );
  if (note.entryDate.trim()) header.push(t(soapKey('entered'), { time: formatTimestamp(note.entryDate) }));
  if (note.status === 'signed') {
    const time = note.signedAt ? formatTimestamp(note.signedAt) : '';
    const name = note.signedBy?.trim() ?? '';
    const key = time ? (name ? 'signedAtBy' : 'signedAt') : name ? 'signedBy' : 'signed';
    header.push(t(soapKey(key), { time, name }));
  } else {
    header.push(t(soapKey('draft')));
  }
  if (note.conflictCopyOf) header.push(t(soapKey('conflictCopy'), { id: note.conflictCopyOf }));

  const sensationNames = note.sensations.selected.map(w.sensation);
  if (note.sensations.other.trim()) sensationNames.push(note.sensations.other.trim());
  const subjective = [
    ...labelled(w, 'chiefComplaint', note.chiefComplaint),
    ...painLine(w, 'painBefore', note.painBefore),
    ...labelled(w, 'changesSinceLast', note.changesSinceLast),
    ...(options.afterEffectsReported ?? []).map((report) => afterEffectLine(w, report)),
    ...(sensationNames.length > 0
      ? [t(soapKey('sensations'), { list: sentence(listJoin(sensationNames)) })]
      : []),
  ];

  const objective = [
    ...safetyLines(w, note, formatTimestamp, formatDate),
    ...rhythmLines(w, note.rhythm),
    ...treatedAreaLines(w, note),
    ...labelled(w, 'observations', note.observations),
  ];

  const assessment = [
    ...findingSummary(w, note),
    ...globalResponseLines(w, note.globalResponse),
    ...painLine(w, 'painAfter', note.painAfter, note.painBefore),
    ...labelled(w, 'emotionalRelease', note.emotionalRelease),
  ];

  const plan = [
    ...labelled(w, 'plan', note.plan),
    ...labelled(w, 'nextSession', note.nextSessionRecommendation),
    ...labelled(w, 'homeCare', note.homeCare),
  ];

  const addenda = note.addenda.map((addendum) => {
    const name = addendum.author.trim();
    return t(soapKey(name ? 'addendumBy' : 'addendum'), {
      time: formatTimestamp(addendum.createdAt),
      name,
      reason: sentence(addendum.reason),
      text: sentence(addendum.text),
    }).trim();
  });

  return { header, subjective, objective, assessment, plan, addenda };
}

const SECTION_KEYS: ReadonlyArray<keyof SoapView & ('subjective' | 'objective' | 'assessment' | 'plan')> = [
  'subjective',
  'objective',
  'assessment',
  'plan',
];

/** Multi-line free text keeps its line breaks, indented under its entry. */
function indent(line: string): string {
  return `  ${line.replace(/\r?\n/g, '\n    ')}`;
}

/**
 * The SOAP view as plain text, for copying into a letter or printing. Its headings are in `t`'s
 * language (the view's own lines were built in it); English without one.
 */
export function soapAsText(view: SoapView, t: Translate = translatorFor('en')): string {
  const blocks: string[] = [];
  if (view.header.length > 0) blocks.push(view.header.join('\n'));
  const nothing = `  ${t(soapKey('text.nothingRecorded'))}`;
  for (const key of SECTION_KEYS) {
    const lines = view[key].length > 0 ? view[key].map(indent) : [nothing];
    blocks.push([t(soapKey(`text.${key}`)), ...lines].join('\n'));
  }
  if (view.addenda.length > 0)
    blocks.push([t(soapKey('text.addenda')), ...view.addenda.map(indent)].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
