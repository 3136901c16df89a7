import type { SessionDraft } from '../../../src-shared/domain/session-note';
import type { Translate } from '../../../src-shared/i18n';

/** "1 draft to sign", "3 drafts to sign"; in the app's language when given its `t`. */
export function draftsToSignText(count: number, t?: Translate): string {
  if (t) return t('attention.draftsToSign', { count });
  return `${count} draft${count === 1 ? '' : 's'} to sign`;
}

/**
 * How a client's visits read beside their name: the last signed visit, else whether a note is
 * waiting to be signed. A draft is a session that took place, so never "No sessions yet" then.
 */
export function visitSummaryText(
  lastVisitAt: string | null,
  drafts: number,
  formatDate: (d: string) => string,
  t?: Translate,
) {
  if (t) {
    if (lastVisitAt) return t('attention.lastVisit', { date: formatDate(lastVisitAt) });
    return t(drafts > 0 ? 'attention.noSignedSessions' : 'attention.noSessions');
  }
  if (lastVisitAt) return `Last visit ${formatDate(lastVisitAt)}`;
  return drafts > 0 ? 'No signed sessions yet' : 'No sessions yet';
}

/** Unsigned drafts per client id. */
export function draftCountsByClient(drafts: readonly Pick<SessionDraft, 'clientId'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const draft of drafts) counts.set(draft.clientId, (counts.get(draft.clientId) ?? 0) + 1);
  return counts;
}
