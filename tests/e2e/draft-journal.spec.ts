import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The user guide promises that a reload or a closed window loses nothing of a draft. The draft
 * saves itself a moment after typing stops; what was typed inside that moment is kept in a
 * journal written with every keystroke (features/sessions/draft-journal.ts).
 */
async function startNote(page: Page) {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Ines');
  await page.getByLabel('Last name').fill('Brandt');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ines Brandt' })).toBeVisible();
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
}

test('text typed just before a reload is in the draft after it', async ({ page }) => {
  await startNote(page);
  const complaint = page.getByLabel('Chief complaint');
  await complaint.fill('Jaw tension');
  await expect(page.locator('.save-status')).toHaveText('Saved');

  // Keys typed, then at once a reload: no pause for the autosave.
  await complaint.press('End');
  await page.keyboard.type(', worse after dental work');
  await page.reload();

  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
  await expect(page.getByLabel('Chief complaint')).toHaveValue('Jaw tension, worse after dental work');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  // Saved into the database: the journal is empty again, and a second reload shows the same.
  expect(await journalKeys(page)).toEqual([]);
  await page.reload();
  await expect(page.getByLabel('Chief complaint')).toHaveValue('Jaw tension, worse after dental work');
});

test('the last keystrokes of a plan survive the window being closed', async ({ page, context, harness }) => {
  await startNote(page);
  await page.getByLabel('Plan').click();
  await page.keyboard.type('Follow-up in two weeks');
  const url = page.url();
  await page.close({ runBeforeUnload: true });

  const next = await context.newPage();
  await harness.attachPage(next);
  await next.goto(url);
  await expect(next.getByLabel('Plan')).toHaveValue('Follow-up in two weeks');
  await expect(next.locator('.save-status')).toHaveText('Saved');
});

function journalKeys(page: Page) {
  return page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('stillpoint.draft-journal.')),
  );
}
