import { defineConfig } from '@playwright/test';
import { findChromium, QUIET_CHROMIUM_FLAGS } from './harness/find-chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Ceilings for a test that hangs, not limits on how fast the app is (that is the bench's job):
  // a shared CI machine under load may take over a second per key press.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 820 },
    launchOptions: {
      executablePath: findChromium(),
      args: QUIET_CHROMIUM_FLAGS,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
