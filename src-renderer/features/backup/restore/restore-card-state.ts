import type { BackupInfo, BackupSource, RestoreMode } from '../../../../src-shared/backup';
import { createUiStore } from '../../../app/ui-store';
import type { LoadedBackup, RestoreProgress } from './load-backup';
import type { RestorePreview } from './restore-preview';
import type { RestoreResult } from './restore-service';

export interface Source {
  fileName: string;
  /** The file as main holds it open (read a range at a time), or bytes (tests). */
  bytes: BackupSource;
}

export type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'header'; source: Source; info: BackupInfo }
  | { kind: 'opening'; source: Source; info: BackupInfo; progress: RestoreProgress }
  | {
      kind: 'ready';
      source: Source;
      info: BackupInfo;
      loaded: LoadedBackup;
      passphrase: string;
      merge: RestorePreview;
      replace: RestorePreview;
    }
  | { kind: 'restoring'; source: Source; mode: RestoreMode; progress: RestoreProgress }
  | { kind: 'done'; fileName: string; result: RestoreResult };

export interface RestoreCardState {
  step: Step;
  /** What went wrong last, in the therapist's words; cleared by the next action. */
  error: string | null;
}

export type RestoreAction =
  /** A step forward (or a progress report): any earlier error is cleared. */
  | { type: 'step'; step: Step }
  /** Progress within the same step: an error shown stays. */
  | { type: 'progress'; step: Step }
  /** Something failed: its message, and the step to go back to. */
  | { type: 'failed'; message: string; back: Step }
  /** Start again from choosing a file. */
  | { type: 'reset' };

export const INITIAL_STATE: RestoreCardState = { step: { kind: 'choose' }, error: null };

export function restoreCardReducer(state: RestoreCardState, action: RestoreAction): RestoreCardState {
  switch (action.type) {
    case 'step':
      return { step: action.step, error: null };
    case 'progress':
      return { ...state, step: action.step };
    case 'failed':
      return { step: action.back, error: action.message };
    case 'reset':
      return INITIAL_STATE;
  }
}

/** Reading, decrypting or writing: a step that must not be interrupted or forgotten. */
export function isBusy(step: Step): boolean {
  return step.kind === 'reading' || step.kind === 'opening' || step.kind === 'restoring';
}

// Module-level, not component state: the app shell can remount while a restore runs (the
// records-missing notice steps aside when the records come back, the app lock replaces the
// shell), and the therapist must still see how it ended.
const store = createUiStore<RestoreCardState>(INITIAL_STATE);

export const restoreCard = {
  use: store.use,
  get: store.get,
  dispatch(action: RestoreAction): void {
    store.set((state) => restoreCardReducer(state, action));
  },
};

/** The running open or restore, for its Cancel button. */
export const activeRestore: { abort: AbortController | null } = { abort: null };

/**
 * Leaving the Backup screen forgets a finished or refused attempt, so coming back starts from
 * choosing a file (a refused file's message must not greet the therapist later, issue 17). A
 * restore still running is kept: its progress and outcome are shown on return. A remount of the
 * shell does not change the hash, so it keeps the card as it was.
 */
export function forgetOnLeavingBackup(hash: string): void {
  if (hash.startsWith('#/backup')) return;
  if (isBusy(store.get().step)) return;
  if (store.get() !== INITIAL_STATE) store.set(INITIAL_STATE);
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => forgetOnLeavingBackup(window.location.hash));
}
