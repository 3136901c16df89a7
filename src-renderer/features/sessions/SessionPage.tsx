import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Client } from '../../../src-shared/domain/client';
import type { SessionDraft } from '../../../src-shared/domain/session-note';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { SessionEditor } from './SessionEditor';
import { SignedNoteView } from './SignedNoteView';

/**
 * The 'session' route: a draft opens in the editor, a signed note read-only. Only the note's
 * status is watched here, so the editor is not re-rendered by its own autosaves; the moment the
 * note is signed, the page turns to the signed view.
 */
export function SessionPage({ clientId, sessionId }: { clientId: string; sessionId: string }) {
  const t = useT();
  const client = useLiveQuery(async () => (await repositories().clients.get(clientId)) ?? null, [clientId]);
  const status = useLiveQuery(async () => {
    const note = await repositories().sessions.get(sessionId);
    return note && note.clientId === clientId ? note.status : 'missing';
  }, [sessionId, clientId]);

  if (client === undefined || status === undefined)
    return <p className="page muted">{t('sessions.common.loading')}</p>;
  if (client === null || status === 'missing') {
    return (
      <section className="page">
        <h1>{t('sessions.page.notFoundTitle')}</h1>
        <p>{t('sessions.page.notFoundText')}</p>
        <a href={client ? `#/clients/${encodeURIComponent(client.id)}` : '#/clients'}>
          {t('sessions.page.back')}
        </a>
      </section>
    );
  }
  if (status === 'signed') return <SignedNoteView client={client} noteId={sessionId} />;
  return <DraftLoader client={client} noteId={sessionId} />;
}

/** Reads the draft once; from then on the editor holds it and saves it. */
function DraftLoader({ client, noteId }: { client: Client; noteId: string }) {
  const t = useT();
  const [initial, setInitial] = useState<SessionDraft | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void repositories()
      .sessions.get(noteId)
      .then((note) => {
        if (current) setInitial(note ?? null);
      });
    return () => {
      current = false;
    };
  }, [noteId]);
  if (initial === undefined) return <p className="page muted">{t('sessions.common.loading')}</p>;
  if (initial === null) return <p className="page muted">{t('sessions.common.noteGone')}</p>;
  return <SessionEditor key={initial.id} client={client} initial={initial} />;
}
