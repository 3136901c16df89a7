import type { AppInfo } from '../../src-shared/domain/app-info';
import type { MainHandlers } from '../ipc';
import { aftercareHandlers } from './aftercare';
import { backupHandlers } from './backup';
import type { MainDeps } from './deps';
import { documentHandlers } from './documents';
import { exportHandlers } from './exports';
import { fileHandlers } from './files';
import { intakeHandlers } from './intake';
import { progressReportHandlers } from './progress-report';
import { recordHandlers } from './records';
import { syncHandlers } from './sync';

export type { MainDeps } from './deps';

function platformName(platform: string): AppInfo['platform'] {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other';
}

/** Main's side of every channel in the table, grouped by capability. */
export function createMainHandlers(deps: MainDeps): MainHandlers {
  return {
    appInfo: async () => ({
      name: deps.appName,
      version: deps.appVersion,
      dataLocation: deps.userDataDir,
      platform: platformName(deps.platform),
      ...(deps.hostname ? { hostname: deps.hostname() } : {}),
      harness: deps.harness,
    }),
    appQuitReady: async () => ({ quitting: deps.quitReady?.() ?? false }),
    appSetLanguage: async ({ language }) => {
      deps.language?.set(language);
      return { language: deps.language?.current() ?? 'en' };
    },
    ...aftercareHandlers(deps),
    ...fileHandlers(deps),
    ...backupHandlers(deps),
    ...recordHandlers(deps),
    ...exportHandlers(deps),
    ...intakeHandlers(deps),
    ...documentHandlers(deps),
    ...progressReportHandlers(deps),
    ...syncHandlers(deps),
  };
}
