import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 21 item 3: the user guide's keyboard path must never write a technique the therapist did
 * not choose. Enter in an area's empty technique box used to add the first protocol step
 * ("Still point induction (CV-4)") to every area without a usual technique, and the signed note
 * and "Copy from last session" kept it.
 */

async function newClientSession(page: Page) {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Tove');
  await page.getByLabel('Last name').fill('Ruud');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tove Ruud' })).toBeVisible();
  // The intake, gone through with nothing to note (else every note acknowledges "no health
  // history recorded yet" before it can be signed).
  await page.getByRole('button', { name: 'Reviewed with the client today: no changes' }).click();
  await expect(page.getByRole('region', { name: 'Safety check' })).toContainText(
    'Health history last reviewed with the client on',
  );
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
}

function area(page: Page, name: string): Locator {
  return page
    .getByRole('list', { name: 'Treated areas, cranium to sacrum' })
    .getByRole('group', { name, exact: true });
}

test('Enter in an empty technique box adds nothing; ↓ Enter adds the usual one; typing picks the match', async ({
  page,
}) => {
  await newClientSession(page);
  await page.getByLabel('Chief complaint').fill('Low back ache');

  // The guide's path: Ctrl+Shift+A, a few letters and Enter per area.
  await page.keyboard.press('Control+Shift+A');
  for (const query of ['occ', 't12', 'cocc']) {
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
  }
  await expect(
    page.getByRole('list', { name: 'Treated areas, cranium to sacrum' }).getByRole('listitem'),
  ).toHaveCount(3);

  // Occipital: Tab, Release, Tab to techniques. Enter with nothing highlighted adds nothing;
  // ↓ highlights the area's usual technique and Enter adds it.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  const occipitalBox = page.getByRole('combobox', { name: 'Add a technique for Occipital' });
  await expect(occipitalBox).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(area(page, 'Occipital').locator('.chip')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(area(page, 'Occipital').locator('.chip > span')).toHaveText(['Still point induction (CV-4)']);
  // A second Enter out of habit does not add the next suggestion.
  await page.keyboard.press('Enter');
  await expect(area(page, 'Occipital').locator('.chip')).toHaveCount(1);
  await page.keyboard.press('Tab'); // note
  await page.keyboard.press('Tab'); // Remove

  // T12 has no usual technique: Enter (twice, out of habit) writes nothing.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Add a technique for T12' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(area(page, 'T12').locator('.chip')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');

  // Coccyx: what the therapist typed towards is taken.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  await page.keyboard.type('v-s');
  await page.keyboard.press('Enter');
  await expect(area(page, 'Coccyx').locator('.chip > span')).toHaveText(['V-spread']);

  // The signed note says what was done, and nothing more.
  await page.getByLabel('Signed by').fill('Anna Lind');
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');
  await expect(page.getByText('Treated T12: no technique recorded')).toBeVisible();
  await expect(page.getByText('Treated Occipital: Still point induction (CV-4)')).toBeVisible();
  await expect(page.getByText('Treated Coccyx: V-spread')).toBeVisible();
  await expect(page.getByText(/Treated (T12|Coccyx): Still point/)).toHaveCount(0);

  // "Copy from last session" carries forward only what was chosen.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Tove Ruud' }).click();
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 2/ })).toBeVisible();
  await page.getByRole('button', { name: 'Copy from last session' }).click();
  await expect(area(page, 'T12')).toBeVisible();
  await expect(area(page, 'T12').locator('.chip')).toHaveCount(0);
  await expect(area(page, 'Occipital').locator('.chip > span')).toHaveText(['Still point induction (CV-4)']);
});
