import { clientDisplayName } from '../../../src-shared/domain/client';
import type { IsoDate } from '../../../src-shared/domain/dates';
import {
  emptyPracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { recordPractice } from '../../../src-shared/exports/client-record-export';
import { type Translate, translatorFor } from '../../../src-shared/i18n';
import {
  buildProgressReport,
  ProgressReportSchema,
  type ReportAudience,
  sessionsInPeriod,
} from '../../../src-shared/outcomes/report';
import { outcomeMessages } from '../../../src-shared/outcomes/words';
import { fieldErrors } from '../../../src-shared/validation';
import { repositories } from '../../app/repositories';
import { platform } from '../../platform';

const locale = typeof navigator !== 'undefined' ? navigator.language : 'en-GB';

export interface ReportRequest {
  clientId: string;
  audience: ReportAudience;
  from: IsoDate;
  to: IsoDate;
  summary: string;
  signedBy: string;
  signedOn: IsoDate;
}

export type ReportOutcome =
  | { saved: true; path: string }
  | { saved: false; fields?: Record<string, string>; error?: string };

/**
 * Gathers the report from the record (the current profile, its scores, the signed sessions and
 * after-effects in the period), has main render and save it, and records "Progress report
 * saved" on each signed note of the period, in one transaction.
 */
export async function saveProgressReport(t: Translate, request: ReportRequest): Promise<ReportOutcome> {
  const repos = repositories();
  const client = await repos.clients.get(request.clientId);
  if (!client) return { saved: false, error: t('outcomes.dialog.clientGone') };
  const profile = await repos.outcomes.currentProfile(client.id);
  if (!profile) return { saved: false, error: t('outcomes.dialog.noProfile') };
  const [scores, notes, afterEffects, practice] = await Promise.all([
    repos.outcomes.listScores(profile.id),
    repos.sessions.listForClient(client.id),
    repos.afterEffects.listForClient(client.id),
    repos.settings.get(SETTINGS_KEYS.practice, PracticeSettingsSchema, emptyPracticeSettings(locale)),
  ]);
  const period = { from: request.from, to: request.to };
  const sessions = sessionsInPeriod(notes, period);
  if (request.from && request.to && request.from <= request.to && sessions.length === 0)
    return { saved: false, fields: { from: t('outcomes.dialog.noSessions') } };
  const input = buildProgressReport({
    audience: request.audience,
    practice: recordPractice(practice),
    client: {
      name: clientDisplayName(client),
      dateOfBirth: client.dateOfBirth,
      referringPhysician: client.referringPhysician,
    },
    profile,
    scores,
    notes,
    afterEffects,
    period,
    summary: request.summary,
    signedBy: request.signedBy,
    signedOn: request.signedOn,
    // Area and after-effect names in the paper's language: the client's, else the app's.
    t: client.preferredLanguage ? translatorFor(client.preferredLanguage) : t,
  });
  // The client's language when chosen; main uses the app's otherwise (as for the client record).
  const language = client.preferredLanguage ? { language: client.preferredLanguage } : {};
  const parsed = ProgressReportSchema.safeParse({ ...input, ...language, logo: practice.practice.logo });
  if (!parsed.success) {
    const all = outcomeMessages(t, fieldErrors(parsed.error));
    return {
      saved: false,
      fields: {
        ...(all['period.from'] ? { from: all['period.from'] } : {}),
        ...(all['period.to'] ? { to: all['period.to'] } : {}),
        ...(all.signedBy ? { signedBy: all.signedBy } : {}),
        ...(all.summary ? { summary: all.summary } : {}),
      },
      error: Object.keys(all).some((k) => !['period.from', 'period.to', 'signedBy', 'summary'].includes(k))
        ? t('outcomes.dialog.cannotMake', {
            problems: Object.entries(all)
              .map(([k, v]) => `${k}: ${v}`)
              .join('; '),
          })
        : undefined,
    } as ReportOutcome;
  }
  const result = await platform().outcomesSaveProgressReport({ report: parsed.data });
  if (!result.ok) return { saved: false, error: result.error.message };
  if (!result.value.path) return { saved: false };
  const file = result.value.path.split(/[\\/]/).pop() ?? result.value.path;
  await repos.audit.appendMany(
    sessions.map((note) => ({
      noteId: note.id,
      clientId: client.id,
      action: 'progress-report-saved' as const,
      detail: `Progress report for the ${request.audience === 'physician' ? 'referring physician' : 'client'} saved (${file}), signed by ${request.signedBy.trim()}`,
    })),
  );
  return { saved: true, path: result.value.path };
}
