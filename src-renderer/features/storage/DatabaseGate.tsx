import { type ReactNode, useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { type OpenOutcome, openAppDatabase } from '../../db/open-database';
import { replayDraftJournal } from '../sessions/draft-journal';
import { requestPersistentStorage } from './persistence';
import './storage.css';

/**
 * Opens the database before anything reads it. A database from a newer Stillpoint is refused
 * with a full-page message and left closed and untouched; nothing below this gate runs. Once
 * open, a draft's unsaved last keystrokes (draft-journal) are saved before any screen shows.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const t = useT();
  const [outcome, setOutcome] = useState<OpenOutcome | null>(null);

  useEffect(() => {
    let live = true;
    void requestPersistentStorage();
    void openAppDatabase()
      .then(async (result) => {
        // A draft's last keystrokes from before a reload or a closed window go into the draft
        // before any screen reads it (see draft-journal).
        if (result.kind === 'open') await replayDraftJournal(repositories().sessions).catch(() => null);
        return result;
      })
      .then((result) => {
        if (live) setOutcome(result);
      });
    return () => {
      live = false;
    };
  }, []);

  if (outcome === null) {
    return (
      <main className="gate-page" aria-busy="true">
        <p className="muted">{t('storage.gate.opening')}</p>
      </main>
    );
  }
  if (outcome.kind === 'newer') {
    return (
      <main className="gate-page">
        <section className="gate-card" aria-labelledby="newer-title">
          <h1 id="newer-title">{t('storage.gate.needsUpdating')}</h1>
          <p role="alert">{t('storage.gate.newerMessage')}</p>
          <p className="muted gate-detail">
            {Number.isFinite(outcome.foundVersion)
              ? t('storage.gate.newerFormat', {
                  found: String(outcome.foundVersion),
                  supported: String(outcome.supportedVersion),
                })
              : t('storage.gate.readsUpTo', { supported: String(outcome.supportedVersion) })}
          </p>
        </section>
      </main>
    );
  }
  if (outcome.kind === 'failed') {
    return (
      <main className="gate-page">
        <section className="gate-card" aria-labelledby="open-failed-title">
          <h1 id="open-failed-title">{t('storage.gate.openFailed')}</h1>
          <p role="alert">{outcome.message}</p>
        </section>
      </main>
    );
  }
  return children;
}
