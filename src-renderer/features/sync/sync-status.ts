import { formatTimestamp } from '../../app/format';
import { createUiStore } from '../../app/ui-store';

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
  /** Signed notes kept as both versions (the merge rules' conflict copies), newest first. */
  conflicts: { noteId: string; copyId: string; reason: string }[];
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
      return `Offline since ${formatTimestamp(state.since)}: ${state.reason}`;
    case 'error':
      return `Sync stopped: ${state.message}`;
  }
}
