import { useCallback, useEffect, useState } from 'react';
import type { Translate } from '../../../src-shared/i18n';
import { formatByteSize } from '../../app/format';
import { useT } from '../../app/i18n';
import { readStorageState, requestPersistentStorage, type StorageState } from './persistence';
import './storage.css';

function protectionText(t: Translate, persisted: boolean | null): string {
  if (persisted === true) return t('storage.card.protectedYes');
  if (persisted === false) return t('storage.card.protectedNo');
  return t('storage.card.protectedUnknown');
}

/** Settings card: is storage protected, how much is used, how much room is left. */
export function StorageCard() {
  const t = useT();
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
      <h2 id="storage-title">{t('storage.card.title')}</h2>
      {!state && <p className="muted">{t('storage.card.checking')}</p>}
      {state && (
        <dl className="facts">
          <dt>{t('storage.card.protected')}</dt>
          <dd data-testid="storage-persisted">{protectionText(t, state.persisted)}</dd>
          <dt>{t('storage.card.used')}</dt>
          <dd data-testid="storage-used">
            {state.usage != null
              ? t('storage.card.usedAbout', { size: formatByteSize(state.usage) })
              : t('storage.card.notSaid')}
          </dd>
          <dt>{t('storage.card.available')}</dt>
          <dd data-testid="storage-available">
            {free != null
              ? t('storage.card.availableAbout', { size: formatByteSize(free) })
              : t('storage.card.notSaid')}
            {share != null && (
              <meter
                className="storage-meter"
                min={0}
                max={1}
                value={share}
                aria-label={t('storage.card.meter')}
              />
            )}
          </dd>
        </dl>
      )}
      <div className="button-row">
        {state?.persisted === false && (
          <button type="button" onClick={askAgain} disabled={asking}>
            {t('storage.card.askAgain')}
          </button>
        )}
        <button type="button" className="link" onClick={() => void refresh()}>
          {t('storage.card.checkAgain')}
        </button>
      </div>
    </section>
  );
}
