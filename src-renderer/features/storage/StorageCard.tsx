import { useCallback, useEffect, useState } from 'react';
import { formatBytes, readStorageState, requestPersistentStorage, type StorageState } from './persistence';
import './storage.css';

function protectionText(persisted: boolean | null): string {
  if (persisted === true) {
    return 'Yes. The system will not clear Stillpoint’s records to make room on the disk.';
  }
  if (persisted === false) {
    return 'Not confirmed. If the disk becomes nearly full, the system could clear stored records to make room. Keep automatic backups on.';
  }
  return 'This system does not say. Keep automatic backups on.';
}

/** Settings card: is storage protected, how much is used, how much room is left. */
export function StorageCard() {
  const [state, setState] = useState<StorageState | null>(null);
  const [asking, setAsking] = useState(false);

  const refresh = useCallback(async () => setState(await readStorageState()), []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const askAgain = async () => {
    setAsking(true);
    await requestPersistentStorage();
    await refresh();
    setAsking(false);
  };

  const free = state?.usage != null && state.quota != null ? Math.max(0, state.quota - state.usage) : null;
  const share = state?.usage != null && state.quota ? Math.min(1, state.usage / state.quota) : null;

  return (
    <section className="card storage-card" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      {!state && <p className="muted">Checking…</p>}
      {state && (
        <dl className="facts">
          <dt>Protected from clean-up</dt>
          <dd data-testid="storage-persisted">{protectionText(state.persisted)}</dd>
          <dt>Space used</dt>
          <dd data-testid="storage-used">
            {state.usage != null
              ? `Stillpoint’s records take about ${formatBytes(state.usage)}.`
              : 'This system does not say.'}
          </dd>
          <dt>Space available</dt>
          <dd data-testid="storage-available">
            {free != null ? `About ${formatBytes(free)} more can be stored.` : 'This system does not say.'}
            {share != null && (
              <meter
                className="storage-meter"
                min={0}
                max={1}
                value={share}
                aria-label="Share of the room in use"
              />
            )}
          </dd>
        </dl>
      )}
      <div className="button-row">
        {state?.persisted === false && (
          <button type="button" onClick={askAgain} disabled={asking}>
            Ask for protection again
          </button>
        )}
        <button type="button" className="link" onClick={() => void refresh()}>
          Check again
        </button>
      </div>
    </section>
  );
}
