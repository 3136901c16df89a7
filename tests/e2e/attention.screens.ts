import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Screenshots of the client list's marks and "Notes to sign" (docs/images), at 1024 and 1920 px. */
const out = (name: string) => path.resolve(__dirname, '../../docs/images', name);
const TODAY = new Date('2026-11-26T10:00:00');

async function addClient(page: Page, first: string, last: string, condition?: [string, string | null]) {
  await page.goto('https://stillpoint.test/index.html#/clients/new');
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Date of birth').fill('1975-06-12');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
  if (!condition) return;
  await page.getByRole('button', { name: 'Add condition' }).click();
  const group = page.getByRole('group', { name: 'Condition 1' });
  await group.getByLabel('From the list').selectOption({ label: condition[0] });
  if (condition[1]) await group.getByLabel('Onset or diagnosis date').fill(condition[1]);
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByRole('status')).toHaveText('Health history saved.');
}

async function startDraft(page: Page, complaint: string) {
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await page.getByLabel('Chief complaint').fill(complaint);
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`client list marks and notes to sign, ${scheme}`, async ({ page }) => {
    // The light 1024 px ones illustrate the user guide; the rest are for looking at.
    const shot = (name: string) =>
      scheme === 'light' && name.endsWith('-1024.png') && !name.startsWith('client-page')
        ? out(name.replace('-light-1024', ''))
        : test.info().outputPath(name);
    await page.clock.setFixedTime(TODAY);
    await page.emulateMedia({ colorScheme: scheme });
    await addClient(page, 'Marta', 'Kowalska', ['Skull fracture', '2026-11-14']);
    await startDraft(page, 'Headaches since the fall');
    await addClient(page, 'Zoë', 'Ødegård', ['Osteoporosis', null]);
    await addClient(page, 'James', "O'Connor", ['Chiari malformation', null]);
    await addClient(page, 'Aiko', 'Tanaka');
    await startDraft(page, 'Jaw tension');
    await addClient(page, 'Анна', 'Кузнецова', ['Epilepsy', null]);
    await addClient(page, 'Tom', 'Becker');

    for (const [width, height] of [
      [1024, 700],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto('https://stillpoint.test/index.html#/clients');
      await expect(page.locator('.client-row [data-severity="AVOID"]')).toBeVisible();
      await page.screenshot({ path: shot(`client-list-attention-${scheme}-${width}.png`) });
      await page.goto('https://stillpoint.test/index.html#/notes-to-sign');
      await expect(page.getByRole('list', { name: 'Drafts to sign' }).getByRole('listitem')).toHaveCount(2);
      await page.screenshot({ path: shot(`notes-to-sign-${scheme}-${width}.png`) });
      await page.getByRole('link', { name: /Marta Kowalska/ }).click();
      await page
        .getByRole('navigation', { name: 'Breadcrumb' })
        .getByRole('link', { name: 'Marta Kowalska' })
        .click();
      await expect(page.locator('.client-page .page-header')).toContainText('1 draft to sign');
      await page.screenshot({ path: shot(`client-page-draft-${scheme}-${width}.png`) });
    }
  });
}
