import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useT } from '../../app/i18n';
import { confirmLeave } from '../../app/leave-guard';
import { repositories } from '../../app/repositories';
import { navigate } from '../../app/router';
import { markNewDraft } from './new-draft-focus';
import { SessionChart } from './SessionChart';
import { SessionTimeline } from './SessionTimeline';
import { afterEffectsBySession, chartColumns, hasChartValues } from './timeline-data';
import './sessions.css';

/** The client page's "Sessions" card: "New session", the chart, and the timeline, newest first. */
export function ClientSessions({ clientId }: { clientId: string }) {
  const t = useT();
  const notes = useLiveQuery(() => repositories().sessions.listForClient(clientId), [clientId]);
  const reports = useLiveQuery(() => repositories().afterEffects.listForClient(clientId), [clientId]);
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const columns = useMemo(() => chartColumns(notes ?? []), [notes]);
  const bySession = useMemo(() => afterEffectsBySession(reports ?? []), [reports]);

  const start = async () => {
    setStarting(true);
    setFailure(null);
    // The new note's safety check reads the health history: unsaved changes to it are saved
    // first, or the therapist decides about them, before the note exists.
    if (!(await confirmLeave())) {
      setStarting(false);
      return;
    }
    try {
      const draft = await repositories().sessions.createDraft(clientId);
      markNewDraft(draft.id);
      navigate({ name: 'session', clientId, sessionId: draft.id });
    } catch (error) {
      setFailure(
        t('sessions.clientSessions.notStarted', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
      setStarting(false);
    }
  };

  return (
    <section className="card client-sessions" aria-labelledby="sessions-title">
      <div className="card-header">
        <h2 id="sessions-title">{t('sessions.clientSessions.title')}</h2>
        <button type="button" className="primary" onClick={() => void start()} disabled={starting}>
          {t('sessions.clientSessions.newSession')}
        </button>
      </div>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      {notes === undefined ? (
        <p className="muted">{t('sessions.common.loading')}</p>
      ) : notes.length === 0 ? (
        <p className="muted">{t('sessions.clientSessions.empty')}</p>
      ) : (
        <>
          {hasChartValues(columns) && <SessionChart columns={columns} />}
          <SessionTimeline notes={notes} afterEffects={bySession} />
        </>
      )}
    </section>
  );
}
