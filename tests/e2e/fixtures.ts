import fs from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { APP_URL, Harness } from './harness/harness';

/**
 * The e2e test API. Every test gets:
 * - `harness`: the operating system around the app (save/open dialogs, printer, data folder)
 *   with main's real handlers behind the typed bridge;
 * - `page`: the built renderer, opened under a secure origin on a fresh, empty database,
 *   showing its first screen.
 */
export const test = base.extend<{ harness: Harness }>({
  harness: async ({ context }, use, testInfo) => {
    const dir = testInfo.outputPath('harness');
    fs.mkdirSync(dir, { recursive: true });
    const harness = new Harness(dir);
    await harness.attachContext(context);
    await use(harness);
  },
  page: async ({ page, harness }, use) => {
    await harness.attachPage(page);
    await page.goto(APP_URL);
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await use(page);
  },
});

export { expect };
