import type { AppInfo } from '../../src-shared/domain/app-info';
import type { MainHandlers } from '../ipc';
import type { FileDialogs, Printer } from '../services/files/dialogs';

/**
 * Everything a handler needs from the outside world, injected so the same handlers run in
 * Electron (src-main/index.ts) and behind the e2e harness (tests/e2e/fixtures.ts).
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
  now: () => Date;
  harness: boolean;
}

function platformName(platform: string): AppInfo['platform'] {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other';
}

export function createMainHandlers(deps: MainDeps): MainHandlers {
  return {
    appInfo: async () => ({
      name: deps.appName,
      version: deps.appVersion,
      dataLocation: deps.userDataDir,
      platform: platformName(deps.platform),
      harness: deps.harness,
    }),
  };
}
