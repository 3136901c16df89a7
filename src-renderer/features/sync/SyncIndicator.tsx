import { syncStateWords, syncView } from './sync-status';

/** The quiet status line in the sidebar: hidden while sync is off. */
export function SyncIndicator() {
  const { state } = syncView.use();
  if (state.kind === 'off') return null;
  return (
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
  );
}
