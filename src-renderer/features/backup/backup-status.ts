import { useEffect } from 'react';
import type { BackupStatus } from '../../../src-shared/domain/backup-settings';
import { createUiStore } from '../../app/ui-store';
import { platform } from '../../platform';
import type { AutoBackupOutcome } from './automatic-backups';

/**
 * Main's backup status (folder, schedule, stored key, last good backup) shared by every card
 * and the reminder, refreshed after anything that changes it. Also the last automatic-backup
 * outcome, so the Backup screen can say when an unattended backup failed.
 */
interface State {
  status: BackupStatus | undefined;
  error: string | null;
  lastAutomatic: AutoBackupOutcome | null;
}

const store = createUiStore<State>({ status: undefined, error: null, lastAutomatic: null });
let inFlight: Promise<BackupStatus | null> | null = null;

function update(next: Partial<State>): void {
  store.set((state) => ({ ...state, ...next }));
}

export function setBackupStatus(status: BackupStatus): void {
  update({ status, error: null });
}

export function setLastAutomaticOutcome(outcome: AutoBackupOutcome): void {
  if (outcome.kind !== 'skipped') update({ lastAutomatic: outcome });
}

/** Asks main again; resolves to null (and records the message) when it cannot answer. */
export function refreshBackupStatus(): Promise<BackupStatus | null> {
  inFlight ??= (async () => {
    try {
      const result = await platform().backupStatus();
      if (result.ok) {
        setBackupStatus(result.value);
        return result.value;
      }
      update({ error: result.error.message });
    } catch (error) {
      update({ error: error instanceof Error ? error.message : String(error) });
    }
    return null;
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** The shared status; fetched on first use. `status` is undefined while loading. */
export function useBackupStatus(): State {
  const snapshot = store.use();
  useEffect(() => {
    if (store.get().status === undefined) void refreshBackupStatus();
  }, []);
  return snapshot;
}
