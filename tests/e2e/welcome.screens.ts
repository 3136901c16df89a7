import path from 'node:path';
import { expect, test } from './fixtures';

const out = (name: string) => path.resolve(__dirname, '../../docs/images', name);

test.use({ welcome: 'show', viewport: { width: 1280, height: 900 } });

test('Welcome and the sample practice, light', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByLabel('Practice name').fill('Quiet Harbour Craniosacral Therapy');
  await page.getByLabel('Your name and credentials').fill('Maren Holt, RCST');
  await page.screenshot({ path: out('welcome-light.png') });
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keep your notes safe' })).toBeVisible();
  await page.getByRole('button', { name: 'Previous step' }).click();
  await page.getByRole('button', { name: 'Try it with sample clients' }).click();
  await expect(page.locator('.client-row .sample-tag').first()).toBeVisible();
  await page.screenshot({ path: out('sample-practice-light.png') });
});
