import type { SaveState } from './useAutosave';

/** "Saved" / "Saving…" beside the note's title; a failed save says why, and the draft is kept. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p className={`save-status save-${state.kind}`} role="status">
      <span className="save-dot" aria-hidden="true" />
      {state.kind === 'saved' && 'Saved'}
      {state.kind === 'saving' && 'Saving…'}
      {state.kind === 'error' && `Not saved: ${state.message} Your text is kept on screen.`}
    </p>
  );
}
