import { defineConfig } from '@playwright/test';

/**
 * `npm run test:bench-smoke` (the last step of `npm test`): the bench harness and the demo-data
 * script on a small practice, numbers only, no timing checks. It runs on its own, one test at a
 * time and after the e2e suite, because it builds the bench page and drives a Chromium of its
 * own: inside the two-worker e2e run it took a core from the tests beside it.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'smoke.spec.ts',
  outputDir: '../../test-results/bench-smoke',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 240_000,
  reporter: [['list']],
});
