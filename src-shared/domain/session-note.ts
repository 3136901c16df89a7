import { localToday } from './dates';
import { type Id, newId } from './ids';
import type { SafetyFinding, SafetySeverity, SessionDraft } from './session-note-schema';

/**
 * A session note (issue 4, DOMAIN.md): the one place to import it from. The schemas live in
 * session-note-schema.ts and signing in session-signing.ts; this module adds new drafts (empty,
 * or copied from the last session) and re-exports both.
 */
export * from './session-note-schema';
export * from './session-signing';

function localTimeOfDay(now: Date): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** A new, empty draft dated today (this computer's clock), for "New session". */
export function emptySessionNote(options: {
  clientId: Id;
  sessionNumber: number;
  now: Date;
  id?: Id;
  durationMinutes?: number;
}): SessionDraft {
  const at = options.now.toISOString();
  return {
    id: options.id ?? newId(),
    clientId: options.clientId,
    status: 'draft',
    serviceDate: localToday(options.now),
    serviceTime: localTimeOfDay(options.now),
    durationMinutes: options.durationMinutes ?? 60,
    sessionNumber: options.sessionNumber,
    entryDate: at,
    chiefComplaint: '',
    painBefore: { score: null, location: '' },
    changesSinceLast: '',
    safetyCheck: { checkedAt: null, findings: [] },
    rhythm: {
      rateCpm: null,
      amplitude: null,
      symmetry: null,
      quality: '',
      site: '',
      stillPoints: { count: 0, totalSeconds: null },
    },
    treatedAreas: [],
    sensations: { selected: [], other: '' },
    observations: '',
    emotionalRelease: '',
    painAfter: { score: null, location: '' },
    globalResponse: { improvementPercent: null, description: '' },
    plan: '',
    nextSessionRecommendation: '',
    homeCare: '',
    signedAt: null,
    signedBy: null,
    addenda: [],
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * "Copy from last session": a new draft that starts from what a therapist reuses (the chief
 * complaint, the treated areas with their sides and techniques, the palpation site, the plan and
 * the usual duration). Never copied: today's scores and findings, area notes, the safety check
 * (it must be run again for today), dates, signature and addenda.
 */
export function copyFromLastSession(
  previous: SessionDraft,
  options: { now: Date; sessionNumber?: number; id?: Id },
): SessionDraft {
  const sessionNumber = options.sessionNumber ?? (previous.sessionNumber ?? 0) + 1;
  const fresh = emptySessionNote({
    clientId: previous.clientId,
    sessionNumber,
    now: options.now,
    ...(options.id ? { id: options.id } : {}),
    ...(previous.durationMinutes !== null ? { durationMinutes: previous.durationMinutes } : {}),
  });
  return {
    ...fresh,
    chiefComplaint: previous.chiefComplaint,
    treatedAreas: previous.treatedAreas.map((area) => ({
      id: newId(),
      regionId: area.regionId,
      side: area.side,
      techniques: [...area.techniques],
      finding: null,
      note: '',
    })),
    rhythm: { ...fresh.rhythm, site: previous.rhythm.site },
    plan: previous.plan,
  };
}

/** A safety finding as the check reports it, before the therapist has acknowledged it. */
export function pendingSafetyFinding(rule: {
  ruleId: string;
  severity: SafetySeverity;
  title: string;
}): SafetyFinding {
  return { ...rule, acknowledged: false, overrideReason: '', modification: '', clearance: null };
}
