import { useT } from '../../app/i18n';
import type { SaveState } from './useAutosave';

/** "Saved" / "Saving…" beside the note's title; a failed save says why, and the draft is kept. */
export function SaveStatus({ state }: { state: SaveState }) {
  const t = useT();
  return (
    <p className={`save-status save-${state.kind}`} role="status">
      <span className="save-dot" aria-hidden="true" />
      {state.kind === 'saved' && t('sessions.saveStatus.saved')}
      {state.kind === 'saving' && t('sessions.saveStatus.saving')}
      {state.kind === 'error' && t('sessions.saveStatus.error', { message: state.message })}
    </p>
  );
}
