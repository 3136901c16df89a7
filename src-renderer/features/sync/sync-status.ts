import { createUiStore } from '../../app/ui-store';
import type { SyncConflict } from './sync-conflicts';

/** One record from the server that was not applied, and why, in the therapist's words. */
export interface SyncProblem {
  id: string;
  message: string;
}

/** A client deleted on another computer (shown for 30 days). */
export interface DeletedElsewhere {
  clientId: string;
  label: string;
  at: string;
  computer: string;
}

export type SyncState =
  | { kind: 'off' }
  | { kind: 'starting' }
  | { kind: 'synced'; at: string }
  | { kind: 'syncing'; pending: number }
  | { kind: 'offline'; since: string; reason: string }
  | { kind: 'error'; message: string };

export interface SyncView {
  state: SyncState;
  problems: SyncProblem[];
  deleted: DeletedElsewhere[];
  /** Conflicts the merge rules resolved, kept until a person has seen them, newest first. */
  conflicts: SyncConflict[];
}

export const syncView = createUiStore<SyncView>({
  state: { kind: 'off' },
  problems: [],
  deleted: [],
  conflicts: [],
});

/** The status in plain words, for the indicator. */
export function syncStateWords(state: SyncState): string {
  switch (state.kind) {
    case 'off':
      return 'Sync is off';
    case 'starting':
      return 'Connecting to the practice server…';
    case 'synced':
      return 'Synced';
    case 'syncing':
      return state.pending > 0
        ? `Syncing ${state.pending} record${state.pending === 1 ? '' : 's'}…`
        : 'Syncing…';
    case 'offline':
      return `Offline since ${new Date(state.since).toLocaleTimeString()}: ${state.reason}`;
    case 'error':
      return `Sync stopped: ${state.message}`;
  }
}
