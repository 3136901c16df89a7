import { z } from 'zod';
import { LogoSchema } from '../domain/aftercare';
import { regionLabel } from '../domain/body-regions';
import { ClientRecordPracticeSchema } from '../domain/client-record';
import { type IsoDate, IsoDateSchema } from '../domain/dates';
import { afterEffectLabel, SEVERITY_LABELS } from '../domain/sensations';
import type { AfterEffectReport, SessionDraft } from '../domain/session-note';
import { LanguageSchema } from '../i18n/languages';
import { afterEffectName, regionName, severityName } from '../i18n/session-labels';
import type { Translate } from '../i18n/translator';
import {
  DurationSchema,
  ItemScoresSchema,
  type OutcomeProfile,
  type OutcomeScore,
  SCORE_KINDS,
} from './schemas';
import { scoresInOrder } from './score';

/**
 * The progress report (a PDF rendered in main): for the client or for a referring physician,
 * over a period. It holds only facts from the record: what the client scored, how often each
 * area was treated, what after-effects were reported, and the therapist's own summary. It says
 * nothing about why scores changed (../shared/DOMAIN.md, "Evidence, honestly").
 */

export const REPORT_AUDIENCES = ['client', 'physician'] as const;
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];

const text = (max: number) => z.string().max(max);

/**
 * The report's own messages, English like every schema's (main parses the report too); the
 * screens show each in the reader's language, key `validation.progressReport.<name>`
 * (src-shared/i18n/field-messages.ts).
 */
export const PROGRESS_REPORT_MESSAGES = {
  signer: 'Enter your name: the report is signed',
  periodOrder: 'The end of the period is on or after its start',
} as const;

export const ProgressReportSchema = z
  .object({
    audience: z.enum(REPORT_AUDIENCES),
    /** The client's preferred language (issue 19); main uses the app's when there is none. */
    language: LanguageSchema.optional(),
    practice: ClientRecordPracticeSchema,
    logo: LogoSchema.nullable().default(null),
    client: z.object({
      name: text(300).min(1),
      dateOfBirth: IsoDateSchema.nullable(),
      referringPhysician: text(200),
    }),
    period: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
    sessionCount: z.number().int().min(1).max(100_000),
    /** The first session's chief complaint in the period, in the therapist's words. */
    reasonForComing: text(2_000),
    profile: z.object({
      symptom1: text(200).min(1),
      symptom2: text(200).nullable(),
      activity: text(200).nullable(),
      symptom1Duration: DurationSchema,
    }),
    /** The profile's scores in the period (the baseline always), oldest first. */
    scores: z
      .array(z.object({ date: IsoDateSchema, kind: z.enum(SCORE_KINDS), scores: ItemScoresSchema }))
      .min(1)
      .max(500),
    treatedAreas: z.array(z.object({ label: text(200), count: z.number().int().min(1) })).max(300),
    afterEffects: z
      .array(z.object({ date: IsoDateSchema, label: text(200), severity: text(40), resolved: z.boolean() }))
      .max(2_000),
    summary: text(6_000),
    signedBy: text(200).trim().min(1, { message: PROGRESS_REPORT_MESSAGES.signer }),
    signedOn: IsoDateSchema,
  })
  .refine((report) => report.period.from <= report.period.to, {
    path: ['period', 'to'],
    message: PROGRESS_REPORT_MESSAGES.periodOrder,
  });
export type ProgressReport = z.output<typeof ProgressReportSchema>;
export type ProgressReportInput = z.input<typeof ProgressReportSchema>;

export interface ProgressReportParts {
  audience: ReportAudience;
  practice: z.input<typeof ClientRecordPracticeSchema>;
  client: { name: string; dateOfBirth: IsoDate | null; referringPhysician: string };
  profile: OutcomeProfile;
  scores: readonly OutcomeScore[];
  notes: readonly SessionDraft[];
  afterEffects: readonly AfterEffectReport[];
  period: { from: IsoDate; to: IsoDate };
  summary: string;
  signedBy: string;
  signedOn: IsoDate;
  /**
   * The paper's language (issue 19): area, after-effect and severity names from the catalogue.
   * Without it they are the domain's English names, as before.
   */
  t?: Translate;
}

/** The signed sessions inside the period, oldest first. */
export function sessionsInPeriod(notes: readonly SessionDraft[], period: { from: IsoDate; to: IsoDate }) {
  return notes
    .filter((n) => n.status === 'signed' && n.serviceDate >= period.from && n.serviceDate <= period.to)
    .sort((a, b) => (a.serviceDate < b.serviceDate ? -1 : a.serviceDate > b.serviceDate ? 1 : 0));
}

/** The report's content from the record: counts and lists only, no interpretation. */
export function buildProgressReport(parts: ProgressReportParts): ProgressReportInput {
  const { t } = parts;
  const areaName = t ? (id: string) => regionName(t, id) : regionLabel;
  const effectName = t ? (id: string) => afterEffectName(t, id) : afterEffectLabel;
  const severity = (s: AfterEffectReport['severity']) => (t ? severityName(t, s) : SEVERITY_LABELS[s]);
  const sessions = sessionsInPeriod(parts.notes, parts.period);
  const inSessions = new Set(sessions.map((s) => s.id));
  const dateOf = new Map(sessions.map((s) => [s.id, s.serviceDate]));
  const counts = new Map<string, number>();
  for (const note of sessions)
    for (const regionId of new Set(note.treatedAreas.map((a) => a.regionId)))
      counts.set(regionId, (counts.get(regionId) ?? 0) + 1);
  const treatedAreas = [...counts.entries()]
    .map(([regionId, count]) => ({ label: areaName(regionId), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const scores = scoresInOrder(parts.scores).filter(
    (s) => s.kind === 'baseline' || (s.date >= parts.period.from && s.date <= parts.period.to),
  );
  return {
    audience: parts.audience,
    practice: parts.practice,
    client: parts.client,
    period: parts.period,
    sessionCount: sessions.length,
    reasonForComing: sessions.find((s) => s.chiefComplaint.trim() !== '')?.chiefComplaint.trim() ?? '',
    profile: {
      symptom1: parts.profile.symptom1,
      symptom2: parts.profile.symptom2,
      activity: parts.profile.activity,
      symptom1Duration: parts.profile.symptom1Duration,
    },
    scores: scores.map((s) => ({ date: s.date, kind: s.kind, scores: s.scores })),
    treatedAreas,
    afterEffects: parts.afterEffects
      .filter((r) => inSessions.has(r.sessionId))
      .map((r) => ({
        date: dateOf.get(r.sessionId)!,
        label: effectName(r.type),
        severity: severity(r.severity),
        resolved: r.resolved,
      })),
    summary: parts.summary,
    signedBy: parts.signedBy,
    signedOn: parts.signedOn,
  };
}
