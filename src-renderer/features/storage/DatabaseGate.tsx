import { type ReactNode, useEffect, useState } from 'react';
import { database } from '../../db/database';
import { NEWER_DATABASE_MESSAGE, type OpenOutcome, openDatabaseSafely } from '../../db/open-database';
import { requestPersistentStorage } from './persistence';
import './storage.css';

/**
 * Opens the database before anything reads it. A database from a newer Stillpoint is refused
 * with a full-page message and left closed and untouched; nothing below this gate runs.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const [outcome, setOutcome] = useState<OpenOutcome | null>(null);

  useEffect(() => {
    let live = true;
    void requestPersistentStorage();
    void openDatabaseSafely(database()).then((result) => {
      if (live) setOutcome(result);
    });
    return () => {
      live = false;
    };
  }, []);

  if (outcome === null) {
    return (
      <main className="gate-page" aria-busy="true">
        <p className="muted">Opening your records…</p>
      </main>
    );
  }
  if (outcome.kind === 'newer') {
    return (
      <main className="gate-page">
        <section className="gate-card" aria-labelledby="newer-title">
          <h1 id="newer-title">Stillpoint needs updating</h1>
          <p role="alert">{NEWER_DATABASE_MESSAGE}</p>
          <p className="muted gate-detail">
            {Number.isFinite(outcome.foundVersion)
              ? `The records are in format ${outcome.foundVersion}; this Stillpoint reads up to format ${outcome.supportedVersion}.`
              : `This Stillpoint reads records up to format ${outcome.supportedVersion}.`}
          </p>
        </section>
      </main>
    );
  }
  if (outcome.kind === 'failed') {
    return (
      <main className="gate-page">
        <section className="gate-card" aria-labelledby="open-failed-title">
          <h1 id="open-failed-title">Your records could not be opened</h1>
          <p role="alert">{outcome.message}</p>
        </section>
      </main>
    );
  }
  return children;
}
