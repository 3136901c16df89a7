import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { draftsToSignText, visitSummaryText } from './attention-text';
import { DraftBadge } from './SeverityMark';
import { useClientDraftCount } from './useDrafts';

/**
 * " · Last visit 3 Nov 2026" in the client page header, or " · No signed sessions yet" with
 * "1 draft to sign" when a note is waiting: never "No sessions yet" above a draft.
 */
export function ClientVisitSummary({
  clientId,
  lastVisitAt,
}: {
  clientId: string;
  lastVisitAt: string | null;
}) {
  const t = useT();
  const drafts = useClientDraftCount(clientId) ?? 0;
  return (
    <>
      {` · ${visitSummaryText(lastVisitAt, drafts, formatDate, t)}`}
      {drafts > 0 && (
        <>
          {' · '}
          <DraftBadge text={draftsToSignText(drafts, t)} />
        </>
      )}
    </>
  );
}
