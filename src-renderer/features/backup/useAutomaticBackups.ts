import { useEffect } from 'react';
import { repositories } from '../../app/repositories';
import { appEvents, platform } from '../../platform';
import { AutomaticBackupScheduler, trackDatabaseChanges } from './automatic-backups';
import { currentAppVersion, saveBackup } from './backup-service';
import { refreshBackupStatus, setLastAutomaticOutcome } from './backup-status';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Starts the automatic-backup scheduler for as long as the app shell is mounted: at start,
 * every hour, and when the window is hidden or closed (see automatic-backups.ts for what a
 * backup at quit can and cannot promise).
 */
export function useAutomaticBackups(): void {
  useEffect(() => {
    if (!window.stillpoint) return; // opened outside the app: nothing to back up to
    const records = repositories().backupSnapshot;
    const changes = trackDatabaseChanges(records.databaseName, { storage: localStorageOrNull() });
    const scheduler = new AutomaticBackupScheduler({
      changes,
      status: refreshBackupStatus,
      readPassphrase: async () => {
        const result = await platform().backupReadKey();
        if (!result.ok) throw new Error(result.error.message);
        return result.value.passphrase;
      },
      isEmpty: () => records.hasOnlySettings(),
      backUp: async (passphrase) => {
        await saveBackup({ records, passphrase, appVersion: await currentAppVersion(), automatic: true });
        await refreshBackupStatus();
      },
      page: {
        addEventListener: (type, listener) =>
          (type === 'pagehide' ? window : document).addEventListener(type, listener),
        removeEventListener: (type, listener) =>
          (type === 'pagehide' ? window : document).removeEventListener(type, listener),
        isHidden: () => document.visibilityState === 'hidden',
      },
      onOutcome: setLastAutomaticOutcome,
    });
    scheduler.start();
    // The app is about to quit: make the quit backup if one is due, then let main close.
    const stopListening = appEvents()?.onBeforeQuit(() => {
      void scheduler
        .check('hidden')
        .catch(() => undefined)
        .finally(() => void platform().appQuitReady());
    });
    return () => {
      stopListening?.();
      scheduler.stop();
      changes.stop();
    };
  }, []);
}
