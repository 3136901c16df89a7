import { useT } from '../../app/i18n';
import { syncStateWords, syncView } from './sync-status';

/**
 * The sidebar's footnote: where the records are, and with practice sync on, a quiet status line
 * (synced / syncing n / offline since / stopped and why) that opens Settings, and a link to the
 * Sync conflicts screen while conflicts wait to be seen.
 */
export function SyncIndicator() {
  const { state, conflicts } = syncView.use();
  const t = useT();
  if (state.kind === 'off' && conflicts.length === 0)
    return <p className="sidebar-footnote">{t('shell.footnote')}</p>;
  return (
    <>
      <p className="sidebar-footnote">{t('sync.indicator.footnote')}</p>
      <p
        className={`sync-indicator sync-${state.kind}`}
        role="status"
        aria-live="polite"
        data-testid="sync-status"
      >
        <a href="#/settings" title={t('sync.indicator.openSettings')}>
          {syncStateWords(state, t)}
        </a>
      </p>
      {conflicts.length > 0 && (
        <p className="sync-indicator sync-conflicts-link">
          <a href="#/sync-conflicts" data-testid="sync-conflicts-link">
            {t('sync.indicator.conflicts', { count: conflicts.length })}
          </a>
        </p>
      )}
    </>
  );
}
