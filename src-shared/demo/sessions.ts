import type { AuditEntry } from '../domain/audit';
import { regionOrder } from '../domain/body-regions';
import type { Id } from '../domain/ids';
import { AFTER_EFFECT_TYPES, PALPATION_SITES, SENSATION_IDS } from '../domain/sensations';
import type {
  Addendum,
  AfterEffectReport,
  SafetyFinding,
  SessionNote,
  TreatedArea,
} from '../domain/session-note';
import { techniqueLabel } from '../domain/techniques';
import { activeFindings, evaluateContraindications } from '../safety/evaluate';
import {
  ALL_REGION_IDS,
  addendumContent,
  afterEffectNote,
  areaNote,
  type CaseProfile,
  CUSTOM_AFTER_EFFECTS,
  clearanceReason,
  emotionalReleaseText,
  globalDescription,
  homeCareText,
  modificationText,
  NEXT_SESSION,
  observationText,
  overrideReason,
  PROTOCOL_REGIONS,
  planText,
  REGIONS_BY_ID,
  RHYTHM_QUALITIES,
  SENSATION_OTHER,
  techniquesFor,
} from './clinical';
import type { ClientHistory } from './health';
import { clearingPhysician } from './people';
import { type Random, Weighted } from './random';
import { clockTime, isoDay, momentTimestamp, SECONDS_PER_DAY } from './time';

/**
 * A client's session notes, with the after-effect reports and audit entries that go with them.
 * Every note is strictly valid (`SessionNoteSchema`): signed notes carry their signature, drafts
 * (the newest note or two of an active client) are complete but unsigned.
 */

export interface SessionPlan {
  clientId: Id;
  /** Days of the sessions, oldest first. */
  days: readonly number[];
  today: number;
  dobDay: number | null;
  history: ClientHistory;
  profile: CaseProfile;
  /** Who signs this client's notes. */
  therapist: string;
  /** How many of the newest notes are still drafts. */
  drafts: number;
  /** The client's usual appointment time, seconds after midnight. */
  usualSlot: number;
}

export interface ClientSessions {
  sessions: SessionNote[];
  afterEffects: AfterEffectReport[];
  auditLog: AuditEntry[];
}

const DURATIONS_ADULT = new Weighted([
  [60, 60],
  [45, 14],
  [50, 10],
  [75, 9],
  [90, 7],
] as const);
const DURATIONS_INFANT = new Weighted([
  [30, 60],
  [45, 40],
] as const);
const AREA_COUNT = new Weighted(
  [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map(
    (n) => [n, [6, 9, 12, 14, 14, 12, 10, 8, 6, 5, 4][n - 5]!] as const,
  ),
);
const SIDES = new Weighted([
  ['both', 50],
  ['left', 25],
  ['right', 25],
] as const);
const FINDINGS = new Weighted([
  ['release', 40],
  ['restriction', 30],
  ['no-change', 10],
  [null, 20],
] as const);
const AMPLITUDE_TABLE = new Weighted([
  ['normal', 55],
  ['low', 30],
  ['high', 8],
  [null, 7],
] as const);
const SYMMETRY_TABLE = new Weighted([
  ['balanced', 45],
  ['restricted-left', 25],
  ['restricted-right', 22],
  [null, 8],
] as const);
const SITE_TABLE = new Weighted(
  PALPATION_SITES.map(
    (site) => [site.id, { head: 35, sacrum: 25, feet: 15, occiput: 10 }[site.id] ?? 4] as const,
  ),
);
const SENSATION_TABLE = new Weighted(
  SENSATION_IDS.map(
    (id) =>
      [
        id,
        {
          'deep-calm': 30,
          warmth: 25,
          heaviness: 15,
          'drowsiness-sleep': 18,
          tingling: 12,
          pulsing: 10,
          floating: 8,
          lightness: 8,
          'gentle-movement': 6,
          twitching: 4,
          'emotional-release': 4,
          'memories-surfacing': 3,
        }[id] ?? 3,
      ] as const,
  ),
);
const AFTER_EFFECT_TABLE = new Weighted([
  ...AFTER_EFFECT_TYPES.map(
    (type) =>
      [
        type.id,
        {
          tiredness: 25,
          'better-sleep': 20,
          'mild-soreness': 15,
          headache: 12,
          'emotions-surfacing': 8,
          lightheadedness: 6,
          'old-pains-returning': 6,
          yawning: 5,
        }[type.id] ?? 3,
      ] as const,
  ),
  ...CUSTOM_AFTER_EFFECTS.map((type) => [type, 1] as const),
]);
const AFTER_EFFECT_SEVERITY = new Weighted([
  ['mild', 80],
  ['moderate', 17],
  ['severe', 3],
] as const);

const YEAR = 365;

function nextSessionText(random: Random, gap: number | null): string {
  if (gap === null || random.chance(0.15)) return random.pick(NEXT_SESSION);
  if (gap <= 10) return '1 week';
  if (gap <= 17) return '2 weeks';
  if (gap <= 35) return '3-4 weeks';
  return random.chance(0.5) ? 'As needed' : '1 month';
}

/** The change the client reports: follows the pain scores when there are any. */
function improvement(random: Random, before: number | null, after: number | null): number {
  if (before === null || after === null || before === 0) return random.normalInt(30, 22, -20, 95);
  const fromPain = ((before - after) / before) * 100;
  return Math.min(100, Math.max(-30, Math.round((fromPain + random.normal(0, 10)) / 5) * 5));
}

/** The areas of one session: mostly the client's usual ones, cranium to sacrum. */
function treatedAreas(random: Random, usual: readonly string[]): TreatedArea[] {
  const count = AREA_COUNT.pick(random);
  const chosen = new Set<string>();
  for (const id of random.sample(usual, Math.min(usual.length, count - (random.chance(0.5) ? 1 : 0))))
    chosen.add(id);
  let guard = 0;
  while (chosen.size < count && guard < 100) {
    chosen.add(random.pick(ALL_REGION_IDS));
    guard += 1;
  }
  const ids = [...chosen].sort((a, b) => regionOrder(a) - regionOrder(b));
  return ids.map((regionId) => ({
    id: random.uuid(),
    regionId,
    side: REGIONS_BY_ID.get(regionId)?.bilateral ? SIDES.pick(random) : null,
    techniques: techniquesFor(random, regionId),
    finding: FINDINGS.pick(random),
    note: areaNote(random),
  }));
}

function acknowledge(
  random: Random,
  findings: ReturnType<typeof activeFindings>,
  day: number,
  referringPhysician: string,
  clearances: Map<string, { givenBy: string; date: string }>,
): SafetyFinding[] {
  return findings.map((finding) => {
    const out: SafetyFinding = {
      ruleId: finding.ruleId,
      severity: finding.severity,
      title: finding.title,
      acknowledged: true,
      overrideReason: '',
      modification: '',
      clearance: null,
    };
    switch (finding.severity) {
      case 'AVOID':
        out.overrideReason = overrideReason(random, finding.ruleId);
        break;
      case 'CLEARANCE':
        if (random.chance(0.8)) {
          // The same letter serves later sessions; the first one arrived this week.
          let clearance = clearances.get(finding.ruleId);
          if (clearance === undefined) {
            clearance = {
              givenBy: clearingPhysician(random, referringPhysician),
              date: isoDay(day - random.int(0, 3)),
            };
            clearances.set(finding.ruleId, clearance);
          }
          out.clearance = { ...clearance };
        } else {
          out.overrideReason = clearanceReason(random);
        }
        break;
      case 'MODIFY':
        out.modification = modificationText(random, finding.ruleId);
        break;
      case 'CAUTION':
        if (random.chance(0.6)) out.modification = modificationText(random, finding.ruleId);
        break;
    }
    return out;
  });
}

/** Notes, after-effects and audit entries for one client. */
export function generateSessions(
  random: Random,
  plan: SessionPlan,
  referringPhysician: string,
): ClientSessions {
  const { clientId, days, today, dobDay, history, profile, therapist } = plan;
  const sessions: SessionNote[] = [];
  const afterEffects: AfterEffectReport[] = [];
  const auditLog: AuditEntry[] = [];
  if (days.length === 0) return { sessions, afterEffects, auditLog };

  const todayEnd = today * SECONDS_PER_DAY + SECONDS_PER_DAY - 1;
  const usual = [
    ...new Set([
      ...random.sample(profile.regions, random.int(5, Math.min(9, profile.regions.length))),
      ...random.sample(PROTOCOL_REGIONS, random.int(3, 6)),
    ]),
  ];
  const painLocation = profile.painLocations.length > 0 ? random.pick(profile.painLocations) : '';
  let complaint = random.pick(profile.complaints);
  let episodeStart = 0;
  const ids = days.map(() => random.uuid());
  const checkTimes: number[] = [];
  const firstDraft = days.length - plan.drafts;
  const clearancesSeen = new Map<string, { givenBy: string; date: string }>();

  for (let index = 0; index < days.length; index += 1) {
    const day = days[index]!;
    const id = ids[index]!;
    const previousGap = index > 0 ? day - days[index - 1]! : null;
    const nextGap = index + 1 < days.length ? days[index + 1]! - day : null;
    if (previousGap !== null && previousGap > 60) {
      episodeStart = index;
      if (random.chance(0.4)) complaint = random.pick(profile.complaints);
    }
    const infantNow = dobDay !== null && day - dobDay < 2 * YEAR;

    const slot = random.chance(0.6) ? plan.usualSlot : 8 * 3600 + random.int(0, 42) * 900; // 08:00 to 18:30 in quarter hours
    const duration = infantNow ? DURATIONS_INFANT.pick(random) : DURATIONS_ADULT.pick(random);
    const start = day * SECONDS_PER_DAY + slot;
    const checkedAt = start - random.int(60, 600);
    checkTimes.push(checkedAt);
    const created = start + duration * 60 + random.int(120, 3600);

    // Safety findings as they stood on the day of the session.
    const asOf = history.asOf(day);
    const findings =
      asOf === null
        ? []
        : acknowledge(
            random,
            activeFindings(
              evaluateContraindications(asOf, {
                today: isoDay(day),
                dateOfBirth: dobDay === null ? null : isoDay(dobDay),
              }),
            ),
            day,
            referringPhysician,
            clearancesSeen,
          );

    const areas = treatedAreas(random, usual);
    const areaLabels = areas.map((area) => REGIONS_BY_ID.get(area.regionId)?.label ?? area.regionId);
    const techniqueLabels = areas.flatMap((area) => area.techniques.map(techniqueLabel));

    // Pain eases over an episode of care, with noise.
    let painBefore: number | null = null;
    let painAfter: number | null = null;
    if (profile.pain !== null && !infantNow && random.chance(0.9)) {
      const [low, high] = profile.pain;
      const progress = Math.min(1, (index - episodeStart) / 8);
      const base = high - (high - low) * progress * 0.6;
      painBefore = Math.min(10, Math.max(0, Math.round(random.normal(base, 1.2))));
      painAfter = random.chance(0.85)
        ? Math.min(10, Math.max(0, painBefore - random.int(0, 3) + (random.chance(0.05) ? 1 : 0)))
        : null;
    }

    const rate = random.chance(0.9) ? Math.min(16, Math.max(3, random.normal(8.6, 1.7))) : null;
    const rateCpm = rate === null ? null : random.chance(0.7) ? Math.round(rate) : Math.round(rate * 2) / 2;
    const stillPointCount = Math.min(10, random.poisson(1.4));
    const isDraft = index >= firstDraft;
    const sparse = isDraft && random.chance(0.5);

    const note: SessionNote = {
      id,
      clientId,
      status: isDraft ? 'draft' : 'signed',
      serviceDate: isoDay(day),
      serviceTime: clockTime(slot),
      durationMinutes: duration,
      sessionNumber: index + 1,
      entryDate: momentTimestamp(created),
      chiefComplaint: complaint,
      painBefore: { score: painBefore, location: painBefore === null ? '' : painLocation },
      changesSinceLast: index === 0 || random.chance(0.15) ? '' : random.pick(profile.changes),
      safetyCheck: { checkedAt: momentTimestamp(checkedAt), findings },
      rhythm: {
        rateCpm,
        amplitude: AMPLITUDE_TABLE.pick(random),
        symmetry: SYMMETRY_TABLE.pick(random),
        quality: random.chance(0.7) ? random.pick(RHYTHM_QUALITIES) : '',
        site: SITE_TABLE.pick(random),
        stillPoints: {
          count: stillPointCount,
          totalSeconds:
            stillPointCount === 0 ? (random.chance(0.5) ? 0 : null) : stillPointCount * random.int(20, 240),
        },
      },
      treatedAreas: areas,
      sensations: {
        selected: [
          ...new Set(
            Array.from({ length: Math.min(5, random.poisson(1.6)) }, () => SENSATION_TABLE.pick(random)),
          ),
        ],
        other: random.chance(0.08) ? random.pick(SENSATION_OTHER) : '',
      },
      observations: sparse || random.chance(0.05) ? '' : observationText(random, areaLabels, techniqueLabels),
      emotionalRelease: random.chance(0.08) ? emotionalReleaseText(random) : '',
      painAfter: { score: painAfter, location: painAfter === null ? '' : painLocation },
      globalResponse: {
        improvementPercent: random.chance(0.7) ? improvement(random, painBefore, painAfter) : null,
        description: random.chance(0.75) ? globalDescription(random) : '',
      },
      plan: sparse || random.chance(0.15) ? '' : planText(random),
      nextSessionRecommendation: sparse ? '' : nextSessionText(random, nextGap),
      homeCare: random.chance(0.7) ? homeCareText(random) : '',
      signedAt: null,
      signedBy: null,
      addenda: [],
      createdAt: momentTimestamp(created),
      updatedAt: momentTimestamp(created),
    };

    auditLog.push({
      id: random.uuid(),
      noteId: id,
      clientId,
      action: 'created',
      at: note.createdAt,
      detail: '',
    });

    if (isDraft) {
      note.updatedAt = momentTimestamp(Math.min(todayEnd, created + random.int(30, 900)));
    } else {
      const signed = Math.min(
        todayEnd,
        random.chance(0.85)
          ? created + random.int(60, 1200)
          : (day + random.int(1, 3)) * SECONDS_PER_DAY + random.int(8 * 3600, 20 * 3600),
      );
      note.signedAt = momentTimestamp(signed);
      note.signedBy = therapist;
      note.updatedAt = note.signedAt;
      auditLog.push({
        id: random.uuid(),
        noteId: id,
        clientId,
        action: 'signed',
        at: note.signedAt,
        detail: therapist,
      });

      if (random.chance(0.15)) {
        const printed = Math.min(todayEnd, signed + random.int(20, 300));
        auditLog.push({
          id: random.uuid(),
          noteId: id,
          clientId,
          action: random.chance(0.85) ? 'printed' : 'pdf-saved',
          at: momentTimestamp(printed),
          detail: `Aftercare handout, ${note.serviceDate}`,
        });
      }

      if (random.chance(0.03)) {
        const addenda: Addendum[] = [];
        let at = signed;
        const count = random.chance(0.85) ? 1 : 2;
        for (let k = 0; k < count; k += 1) {
          // Later that day or on a working day soon after, in working hours.
          const atDay = Math.floor(at / SECONDS_PER_DAY) + (random.chance(0.3) ? 0 : random.int(1, 10));
          const atSecond = Math.max(at + 600, atDay * SECONDS_PER_DAY + random.int(8 * 3600, 20 * 3600));
          at = Math.min(todayEnd, atSecond);
          if (at <= signed) break;
          const { text, reason } = addendumContent(random);
          const addendum: Addendum = {
            id: random.uuid(),
            text,
            reason,
            author: therapist,
            createdAt: momentTimestamp(at),
          };
          addenda.push(addendum);
          auditLog.push({
            id: random.uuid(),
            noteId: id,
            clientId,
            action: 'addendum',
            at: addendum.createdAt,
            detail: reason,
          });
        }
        if (addenda.length > 0) {
          note.addenda = addenda;
          note.updatedAt = addenda[addenda.length - 1]!.createdAt;
        }
      }
    }
    sessions.push(note);
  }

  // After-effects: about 15% of signed sessions, reported at the next session or by phone.
  for (let index = 0; index < sessions.length; index += 1) {
    const note = sessions[index]!;
    if (note.status !== 'signed' || !random.chance(0.15)) continue;
    const day = days[index]!;
    const nextIndex = index + 1 < sessions.length && days[index + 1]! - day <= 60 ? index + 1 : null;
    const reports = random.chance(0.85) ? 1 : 2;
    for (let k = 0; k < reports; k += 1) {
      let reportedIn: Id | null = null;
      let reportedAt: number;
      if (nextIndex !== null && random.chance(0.7)) {
        reportedIn = ids[nextIndex]!;
        reportedAt = checkTimes[nextIndex]! + random.int(0, 300);
      } else {
        reportedAt = (day + random.int(1, 3)) * SECONDS_PER_DAY + random.int(9 * 3600, 18 * 3600);
        if (reportedAt > todayEnd) continue;
      }
      const resolved = random.chance(0.92);
      afterEffects.push({
        id: random.uuid(),
        sessionId: note.id,
        clientId,
        reportedInSessionId: reportedIn,
        reportedAt: momentTimestamp(reportedAt),
        type: AFTER_EFFECT_TABLE.pick(random),
        onsetHours: random.chance(0.9) ? Math.min(72, Math.round(random.gammaInt(2, 3))) : null,
        durationHours: resolved
          ? random.chance(0.9)
            ? Math.max(1, Math.round(random.gammaInt(2, 9)))
            : null
          : null,
        severity: AFTER_EFFECT_SEVERITY.pick(random),
        resolved,
        notes: afterEffectNote(random),
      });
    }
  }
  return { sessions, afterEffects, auditLog };
}
