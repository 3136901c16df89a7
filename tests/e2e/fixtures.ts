import fs from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { APP_URL, Harness } from './harness/harness';
import { passWelcome } from './welcome';

/**
 * The e2e test API. Every test gets:
 * - `harness`: the operating system around the app (save/open dialogs, printer, data folder)
 *   with main's real handlers behind the typed bridge;
 * - `page`: the built renderer, opened under a secure origin on a fresh, empty database,
 *   showing the Clients screen: the Welcome screens a fresh install opens with are skipped
 *   (through the app's own "Skip this step") unless the test sets `welcome: 'show'`.
 */
export const test = base.extend<{ harness: Harness; welcome: 'skip' | 'show' }>({
  welcome: ['skip', { option: true }],
  harness: async ({ context }, use, testInfo) => {
    const dir = testInfo.outputPath('harness');
    fs.mkdirSync(dir, { recursive: true });
    const harness = new Harness(dir);
    await harness.attachContext(context);
    await use(harness);
  },
  page: async ({ page, harness, welcome }, use) => {
    await harness.attachPage(page);
    await page.goto(APP_URL);
    if (welcome === 'skip') await passWelcome(page);
    else await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Stillpoint' })).toBeVisible();
    await use(page);
  },
});

export { expect };
