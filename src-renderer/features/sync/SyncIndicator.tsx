import { useT } from '../../app/i18n';
import { syncStateWords, syncView } from './sync-status';

/**
 * The sidebar's footnote: where the records are, and with practice sync on, a quiet status line
 * (synced / syncing n / offline since / stopped and why) that opens Settings.
 */
export function SyncIndicator() {
  const { state } = syncView.use();
  const t = useT();
  if (state.kind === 'off') return <p className="sidebar-footnote">{t('shell.footnote')}</p>;
  return (
    <>
      <p className="sidebar-footnote">Records stay on the practice’s computers.</p>
      <p
        className={`sync-indicator sync-${state.kind}`}
        role="status"
        aria-live="polite"
        data-testid="sync-status"
      >
        <a href="#/settings" title="Practice sync (Settings)">
          {syncStateWords(state)}
        </a>
      </p>
    </>
  );
}
