import { regionById, regionOrder, type Side } from '../../../src-shared/domain/body-regions';
import { isRealCalendarDate, localToday } from '../../../src-shared/domain/dates';
import { newId } from '../../../src-shared/domain/ids';
import { pendingSafetyFinding, type SessionDraft } from '../../../src-shared/domain/session-note';
import { type MessageKey, type Translate, translatorFor } from '../../../src-shared/i18n';
import type { Finding } from '../../../src-shared/safety';
import { regionName } from './session-labels';

/**
 * Pure edits of a draft note, used by the editor's components (and unit-tested on their own).
 * Every function returns a new draft; none validates: the draft is lenient, signing is strict.
 */

export type TreatedAreaDraft = SessionDraft['treatedAreas'][number];
export type SafetyFindingDraft = SessionDraft['safetyCheck']['findings'][number];

/** Areas stay in cranium-to-sacrum order, whatever order they were added in (DOMAIN.md). */
function inBodyOrder(areas: TreatedAreaDraft[]): TreatedAreaDraft[] {
  return areas
    .map((area, index) => ({ area, index }))
    .sort((a, b) => regionOrder(a.area.regionId) - regionOrder(b.area.regionId) || a.index - b.index)
    .map(({ area }) => area);
}

function combineSides(current: Side | null, clicked: Side): Side {
  if (current === null || current === clicked) return clicked;
  return 'both';
}

/**
 * Adds a treated area, once per region. Adding a region already in the note with a side (a click
 * on the left half of the map) records that side: left then right becomes both.
 * Returns the draft unchanged for an unknown region.
 */
export function addTreatedArea(
  draft: SessionDraft,
  regionId: string,
  side: Side | null = null,
): SessionDraft {
  const region = regionById(regionId);
  if (!region) return draft;
  const sideFor = (current: Side | null) =>
    region.bilateral && side ? combineSides(current, side) : current;
  const existing = draft.treatedAreas.find((area) => area.regionId === regionId);
  if (existing) {
    const nextSide = sideFor(existing.side);
    if (nextSide === existing.side) return draft;
    return updateTreatedArea(draft, existing.id, { side: nextSide });
  }
  const area: TreatedAreaDraft = {
    id: newId(),
    regionId,
    side: sideFor(null),
    techniques: [],
    finding: null,
    note: '',
  };
  return { ...draft, treatedAreas: inBodyOrder([...draft.treatedAreas, area]) };
}

/**
 * Puts a removed area back as it was (side, techniques, finding, note), in body order. Nothing
 * happens if the region was added again meanwhile: that newer entry is what the therapist wants.
 */
export function restoreTreatedArea(draft: SessionDraft, area: TreatedAreaDraft): SessionDraft {
  if (hasTreatedArea(draft, area.regionId)) return draft;
  return { ...draft, treatedAreas: inBodyOrder([...draft.treatedAreas, area]) };
}

export function hasTreatedArea(draft: SessionDraft, regionId: string): boolean {
  return draft.treatedAreas.some((area) => area.regionId === regionId);
}

export function removeTreatedArea(draft: SessionDraft, areaId: string): SessionDraft {
  return { ...draft, treatedAreas: draft.treatedAreas.filter((area) => area.id !== areaId) };
}

export function updateTreatedArea(
  draft: SessionDraft,
  areaId: string,
  changes: Partial<Omit<TreatedAreaDraft, 'id'>>,
): SessionDraft {
  return {
    ...draft,
    treatedAreas: draft.treatedAreas.map((area) => (area.id === areaId ? { ...area, ...changes } : area)),
  };
}

export function addTechnique(draft: SessionDraft, areaId: string, technique: string): SessionDraft {
  const value = technique.trim();
  const area = draft.treatedAreas.find((a) => a.id === areaId);
  if (!area || value === '' || area.techniques.includes(value)) return draft;
  return updateTreatedArea(draft, areaId, { techniques: [...area.techniques, value] });
}

export function removeTechnique(draft: SessionDraft, areaId: string, technique: string): SessionDraft {
  const area = draft.treatedAreas.find((a) => a.id === areaId);
  if (!area) return draft;
  return updateTreatedArea(draft, areaId, { techniques: area.techniques.filter((t) => t !== technique) });
}

export function toggleSensation(draft: SessionDraft, sensationId: string, on: boolean): SessionDraft {
  const selected = draft.sensations.selected.filter((id) => id !== sensationId);
  if (on) selected.push(sensationId);
  return { ...draft, sensations: { ...draft.sensations, selected } };
}

// ---------------------------------------------------------------------------------------------
// Safety check

/** The day the safety check is run for: the date of service when it is a real date, else today. */
export function safetyCheckDay(draft: Pick<SessionDraft, 'serviceDate'>, now: Date): string {
  return isRealCalendarDate(draft.serviceDate) ? draft.serviceDate : localToday(now);
}

/** One acknowledgement per rule and severity; the history items behind it are shown beside it. */
export function findingKey(finding: { ruleId: string; severity: string }): string {
  return `${finding.ruleId}|${finding.severity}`;
}

export function groupFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = findingKey(finding);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return groups;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Brings the note's safety check in line with the findings for the day of service, keeping what
 * the therapist already acknowledged and wrote. A clearance on file (a finding lifted by it) is
 * filled in from the health history, and the day the history was last reviewed with the client is
 * recorded with the check. Returns null when nothing needs to change.
 */
export function syncSafetyCheck(
  current: SessionDraft['safetyCheck'],
  findings: readonly Finding[],
  now: Date,
  historyReviewedAt: string | null = null,
): SessionDraft['safetyCheck'] | null {
  const next: SafetyFindingDraft[] = [];
  for (const [key, group] of groupFindings(findings)) {
    const first = group[0]!;
    const kept = current.findings.find((f) => findingKey(f) === key);
    const base: SafetyFindingDraft = kept ? { ...kept } : pendingSafetyFinding(first);
    base.title = first.title;
    const onFile = group.every((f) => f.lifted) ? first.clearance : undefined;
    if (onFile) {
      base.clearance = {
        givenBy: onFile.givenBy,
        date: onFile.date,
        clearanceId: onFile.id,
        validUntil: onFile.validUntil,
        ...(onFile.recordedBy ? { recordedBy: onFile.recordedBy } : {}),
      };
    } else if (base.clearance?.clearanceId) {
      // The clearance it relied on no longer counts (expired, or the date of service moved
      // before it): the note must not keep claiming it.
      base.clearance = null;
    }
    next.push(base);
  }
  if (
    current.checkedAt !== null &&
    sameJson(next, current.findings) &&
    current.historyReviewedAt === historyReviewedAt
  )
    return null;
  return { checkedAt: now.toISOString(), findings: next, historyReviewedAt };
}

// ---------------------------------------------------------------------------------------------
// Messages beside the fields

/** The value at a field path such as "painBefore.score" or "treatedAreas.2.regionId". */
export function valueAtPath(source: unknown, path: string): unknown {
  if (path === '') return undefined;
  let value: unknown = source;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function hasValue(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Which signing problems to show now. Before the first "Sign note", only values the therapist
 * entered that are wrong (a pain of 11, a date in the future): an empty field is not an error
 * while the note is being written. After it, every problem.
 */
export function visibleProblems(
  problems: Record<string, string>,
  draft: SessionDraft,
  signAttempted: boolean,
): Record<string, string> {
  if (signAttempted) return problems;
  return Object.fromEntries(Object.entries(problems).filter(([path]) => hasValue(valueAtPath(draft, path))));
}

const FIELD_NAMES: Record<string, MessageKey> = {
  serviceDate: 'sessions.fields.serviceDate',
  serviceTime: 'sessions.fields.serviceTime',
  durationMinutes: 'sessions.fields.durationMinutes',
  sessionNumber: 'sessions.fields.sessionNumber',
  chiefComplaint: 'sessions.fields.chiefComplaint',
  'painBefore.score': 'sessions.fields.painBefore',
  'painAfter.score': 'sessions.fields.painAfter',
  'rhythm.rateCpm': 'sessions.fields.rhythmRate',
  'rhythm.stillPoints.count': 'sessions.fields.stillPoints',
  'rhythm.stillPoints.totalSeconds': 'sessions.fields.stillPointTime',
  'globalResponse.improvementPercent': 'sessions.fields.globalResponse',
  'safetyCheck.checkedAt': 'sessions.fields.safetyCheck',
  signedBy: 'sessions.fields.signedBy',
};

/**
 * A short name for a field path, for the list of problems above the "Sign note" button, in the
 * language of `t` (English when none is given).
 */
export function fieldName(path: string, draft: SessionDraft, t: Translate = translatorFor('en')): string {
  const known = FIELD_NAMES[path];
  if (known) return t(known);
  const finding = /^safetyCheck\.findings\.(\d+)/.exec(path);
  if (finding) {
    const title = draft.safetyCheck.findings[Number(finding[1])]?.title;
    return title ? t('sessions.fields.safetyFinding', { title }) : t('sessions.fields.safetyCheck');
  }
  const area = /^treatedAreas\.(\d+)/.exec(path);
  if (area) {
    const regionId = draft.treatedAreas[Number(area[1])]?.regionId ?? '';
    return regionById(regionId)
      ? t('sessions.fields.treatedArea', { name: regionName(t, regionId) })
      : t('sessions.fields.treatedAreaNumber', { number: Number(area[1]) + 1 });
  }
  if (path.startsWith('sensations')) return t('sessions.fields.sensations');
  return path === '' ? t('sessions.fields.note') : path;
}
