import { defineConfig } from '@playwright/test';

/**
 * Fault-injection runs that take minutes: `npm run test:faults`. They launch their own
 * Chromium (a persistent profile that is killed and reopened), so there is no shared browser.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/faults',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 15 * 60_000,
  reporter: [['list']],
});
