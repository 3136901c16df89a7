import type { Id } from '../../../src-shared/domain/ids';
import { useDraftValue } from '../sessions/draft-context';
import { DocumentsCard } from './DocumentsCard';

/**
 * The documents card of a draft note: a clearance letter its safety check names cannot be
 * removed from here, so the note never cites a letter that is gone.
 */
export function DraftDocumentsCard({ clientId, sessionId }: { clientId: Id; sessionId: Id }) {
  // A string, so the store's snapshot compares equal between renders.
  const cited = useDraftValue((draft) =>
    draft.safetyCheck.findings
      .flatMap((finding) => (finding.letters ?? []).map((l) => l.attachmentId))
      .join(' '),
  );
  return <DocumentsCard clientId={clientId} sessionId={sessionId} cited={cited ? cited.split(' ') : []} />;
}
