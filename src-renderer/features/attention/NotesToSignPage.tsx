import { useLiveQuery } from 'dexie-react-hooks';
import { clientDisplayName } from '../../../src-shared/domain/client';
import type { SessionDraft } from '../../../src-shared/domain/session-note';
import { formatDate, formatTime } from '../../app/format';
import { repositories } from '../../app/repositories';
import { routeToHash } from '../../app/router';
import './attention.css';
import { useT } from '../../app/i18n';

interface DraftToSign {
  draft: SessionDraft;
  clientName: string;
}

/** Every unsigned draft with its client's name, oldest first (kept live). */
async function loadDraftsToSign(clientGone: string): Promise<DraftToSign[]> {
  const { sessions, clients } = repositories();
  const drafts = await sessions.listDrafts();
  const names = new Map<string, string>();
  for (const clientId of new Set(drafts.map((draft) => draft.clientId))) {
    const client = await clients.get(clientId);
    names.set(clientId, client ? clientDisplayName(client) : clientGone);
  }
  return drafts.map((draft) => ({ draft, clientName: names.get(draft.clientId) ?? '' }));
}

/** A draft's date as the therapist typed it: formatted when it is a whole date, else as it stands. */
function serviceDateText(draft: SessionDraft, dateNotSet: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(draft.serviceDate)) {
    const formatted = formatDate(draft.serviceDate);
    if (formatted !== 'Invalid Date') return formatted;
  }
  return draft.serviceDate ? draft.serviceDate : dateNotSet;
}

/**
 * "Notes to sign": every session note still a draft, across clients, oldest first, each opening
 * the draft. A note is not part of the record until it is signed, so the oldest waits longest.
 */
export function NotesToSignPage() {
  const t = useT();
  const clientGone = t('attention.clientGone');
  const items = useLiveQuery(() => loadDraftsToSign(clientGone), [clientGone]);
  return (
    <section className="page notes-to-sign-page" aria-labelledby="notes-to-sign-title">
      <header className="page-header">
        <div>
          <h1 id="notes-to-sign-title">{t('attention.title')}</h1>
          <p className="subtitle" aria-live="polite">
            {items === undefined
              ? t('attention.loading')
              : items.length === 0
                ? t('attention.allSigned')
                : t('attention.waiting', { count: items.length })}
          </p>
        </div>
      </header>
      {items !== undefined && items.length > 0 && (
        <ul className="card notes-to-sign" aria-label={t('attention.listLabel')}>
          {items.map(({ draft, clientName }) => (
            <li key={draft.id}>
              <a
                href={routeToHash({ name: 'session', clientId: draft.clientId, sessionId: draft.id })}
                className="note-to-sign-link"
              >
                <span className="note-to-sign-client">{clientName}</span>
                <span className="note-to-sign-when">
                  #{draft.sessionNumber ?? '?'} · {serviceDateText(draft, t('attention.dateNotSet'))}
                  {draft.serviceTime ? ` ${formatTime(draft.serviceTime)}` : ''}
                </span>
                <span className="note-to-sign-what">
                  {draft.chiefComplaint.trim() ? draft.chiefComplaint : t('attention.noComplaint')}
                </span>
                <span className="tag draft-badge">{t('attention.draft')}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
