import type { Translate } from '../../../src-shared/i18n';
import { formatTimestamp } from '../../app/format';
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
export function syncStateWords(state: SyncState, t: Translate): string {
  switch (state.kind) {
    case 'off':
      return t('sync.state.off');
    case 'starting':
      return t('sync.state.starting');
    case 'synced':
      return t('sync.state.synced');
    case 'syncing':
      return state.pending > 0
        ? t('sync.state.syncingCount', { count: state.pending })
        : t('sync.state.syncing');
    case 'offline':
      return t('sync.state.offline', {
        time: formatTimestamp(state.since),
        reason: state.reason,
      });
    case 'error':
      return t('sync.state.error', { message: state.message });
  }
}
