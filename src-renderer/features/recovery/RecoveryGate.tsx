import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useEffect, useState } from 'react';
import type { RecordCounts } from '../../../src-shared/ipc';
import { formatTimestamp } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { platform } from '../../platform';
import { keepCountsRemembered, recordsWentMissing } from './record-counts';
import './recovery.css';

type Check =
  | { kind: 'checking' }
  /** Counts agree with the database (or nothing was remembered): keep them up to date. */
  | { kind: 'fine'; remembered: RecordCounts | null }
  /** The database is empty but this computer had clients: ask before starting fresh. */
  | { kind: 'missing'; remembered: RecordCounts }
  /** Main could not answer: neither warn nor overwrite what it remembers. */
  | { kind: 'unknown' };

/**
 * At start, compares the database with the counts main remembers outside IndexedDB. If the
 * records are gone, a notice offers the latest automatic backup (the Backup screen restores
 * it) instead of silently starting fresh; until the therapist answers, the remembered counts
 * are left alone.
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const [check, setCheck] = useState<Check>({ kind: 'checking' });
  const [confirmFresh, setConfirmFresh] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const answer = await platform().recordsGetCounts();
      if (!answer.ok) return { kind: 'unknown' } as const;
      const current = await repositories().recordCounts.countClients();
      return recordsWentMissing(current, answer.value)
        ? ({ kind: 'missing', remembered: answer.value! } as const)
        : ({ kind: 'fine', remembered: answer.value } as const);
    })()
      .catch(() => ({ kind: 'unknown' }) as const)
      .then((result) => {
        if (live) setCheck(result);
      });
    return () => {
      live = false;
    };
  }, []);

  // Records came back (a restore, or the therapist carried on): the notice has done its job.
  // Watched only while the notice shows: otherwise every client save would recount.
  const missing = check.kind === 'missing';
  const clientsNow = useLiveQuery(
    async () => (missing ? (await repositories().recordCounts.countClients()).clients : undefined),
    [missing],
  );
  useEffect(() => {
    if (check.kind === 'missing' && clientsNow !== undefined && clientsNow > 0) {
      setCheck({ kind: 'fine', remembered: check.remembered });
    }
  }, [check, clientsNow]);

  const rememberedAtStart = check.kind === 'fine' ? check.remembered : null;
  const keeping = check.kind === 'fine';
  useEffect(() => {
    if (!keeping) return;
    return keepCountsRemembered(repositories().recordCounts, platform(), { lastSent: rememberedAtStart });
  }, [keeping, rememberedAtStart]);

  const startFresh = async () => {
    setError(null);
    const result = await platform().recordsSetCounts({
      clients: 0,
      at: new Date().toISOString(),
    });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setCheck({ kind: 'fine', remembered: result.value });
  };

  // The app stays in the same place in the tree whether or not the notice shows, so answering
  // the notice (or a restore bringing records back) never remounts the screen in use.
  return (
    <div className="recovery-layout">
      {check.kind === 'missing' && (
        <RecoveryNotice
          remembered={check.remembered}
          confirmFresh={confirmFresh}
          setConfirmFresh={setConfirmFresh}
          error={error}
          startFresh={startFresh}
        />
      )}
      {children}
    </div>
  );
}

function RecoveryNotice({
  remembered,
  confirmFresh,
  setConfirmFresh,
  error,
  startFresh,
}: {
  remembered: { clients: number; at: string };
  confirmFresh: boolean;
  setConfirmFresh: (value: boolean) => void;
  error: string | null;
  startFresh: () => Promise<void>;
}) {
  const t = useT();
  return (
    <section className="recovery-notice" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('recovery.notice.title')}</h2>
      <p role="alert">
        {t('recovery.notice.found', { count: remembered.clients, date: formatTimestamp(remembered.at) })}
      </p>
      {error && <p className="notice error">{error}</p>}
      {!confirmFresh ? (
        <div className="button-row">
          <a className="button primary" href="#/backup/restore-latest">
            {t('recovery.notice.restore')}
          </a>
          <button type="button" onClick={() => setConfirmFresh(true)}>
            {t('recovery.notice.startFresh')}
          </button>
        </div>
      ) : (
        <div className="button-row">
          <span>{t('recovery.notice.confirm')}</span>
          <button type="button" className="danger" onClick={() => void startFresh()}>
            {t('recovery.notice.yesStartFresh')}
          </button>
          <button type="button" onClick={() => setConfirmFresh(false)}>
            {t('recovery.notice.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
