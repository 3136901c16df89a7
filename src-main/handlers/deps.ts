import type { MainLanguage } from '../i18n';
import type { SecureStore } from '../services/backups/secure-store';
import type { FileDialogs, Printer } from '../services/files/dialogs';
import type { SyncConfigStore } from '../sync/sync-config-store';

/**
 * Everything a handler needs from the outside world, injected so the same handlers run in
 * Electron (src-main/index.ts) and behind the e2e harness (tests/e2e/harness/harness.ts).
 */
export interface MainDeps {
  appName: string;
  appVersion: string;
  platform: string;
  /** Folder holding this installation's data (Electron's userData). */
  userDataDir: string;
  /** Folder with fonts, icons and default texts. */
  resourcesDir: string;
  dialogs: FileDialogs;
  printer: Printer;
  /** The OS key store for the unattended-backup passphrase (Electron's safeStorage). */
  secureStore: SecureStore;
  now: () => Date;
  /**
   * Practice sync's settings and sealed secrets, shared with the network lockdown and the CSP
   * (which ask it for the one allowed origin). Left out, the handlers keep their own over
   * userDataDir (unit tests that never turn sync on).
   */
  syncConfig?: SyncConfigStore;
  /** The renderer finished its quit-time work; true when a quit was waiting for it. */
  quitReady?: () => boolean;
  harness: boolean;
  /** The operating system's name for this computer (os.hostname); the default name of the computer in sync. */
  hostname?: () => string;
  /** The language main speaks (menus, messages); English when left out. */
  language?: MainLanguage;
}
