import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 21 item 4: impossible dates are refused, doubtful ones questioned, incomplete ones
 * flagged, on the therapist's own path through the forms. The page's clock is fixed: "today" is
 * Thursday 3 December 2026.
 */
const TODAY = new Date(2026, 11, 3, 16, 30);

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
});

async function createClient(page: Page, first: string, last: string, dateOfBirth: string) {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Date of birth').fill(dateOfBirth);
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
  // The intake, gone through with nothing to note (else every note acknowledges "no health
  // history recorded yet" before it can be signed).
  await page.getByRole('button', { name: 'Reviewed with the client today: no changes' }).click();
  await expect(page.getByRole('region', { name: 'Safety check' })).toContainText(
    'Health history last reviewed with the client on',
  );
}

async function newSession(page: Page, number: number) {
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Session ${number}`) })).toBeVisible();
}

function dateField(page: Page) {
  return page.getByRole('region', { name: 'Session details' });
}

test('a service date before the client was born is refused on screen and at signing; the timeline and last visit stay right', async ({
  page,
}) => {
  await createClient(page, 'Nora', 'Lie', '1985-04-02');
  await newSession(page, 1);
  await page.getByLabel('Chief complaint').fill('Neck pain');
  await page.getByLabel('Signed by').fill('Anna Lind');

  // The slip from the issue: 1926 typed for 2026.
  await page.getByLabel('Date of service').fill('1926-12-03');
  await expect(dateField(page).getByRole('alert')).toHaveText(
    'This is before the client was born (1985-04-02): check the year',
  );
  // An unborn client is not "a child under 2".
  await expect(page.getByRole('region', { name: 'Safety check' })).not.toContainText('Child under 2 years');

  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.locator('.sign-problems')).toContainText('Date of service');
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Signed');

  // Corrected, it signs; the client's last visit and timeline show the real day.
  await page.getByLabel('Date of service').fill('2026-12-03');
  await expect(dateField(page).getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Nora Lie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nora Lie' })).toBeVisible();
  const subtitle = page.locator('.page-header .subtitle');
  await expect(subtitle).toContainText('Last visit');
  await expect(subtitle).toContainText('2026');
  await expect(subtitle).not.toContainText('1926');
  await expect(page.getByRole('region', { name: 'Sessions' })).not.toContainText('1926');
});

test('a date in the future is refused; one long ago or before the previous session is questioned but can be signed', async ({
  page,
}) => {
  await createClient(page, 'Ola', 'Dahl', '1979-08-20');
  await newSession(page, 1);
  await page.getByLabel('Chief complaint').fill('Headaches');
  await page.getByLabel('Signed by').fill('Anna Lind');
  await page.getByLabel('Date of service').fill('2026-12-04');
  await expect(dateField(page).getByRole('alert')).toHaveText('A session cannot be dated in the future');
  await page.getByLabel('Date of service').fill('2026-11-20');
  await expect(dateField(page).getByRole('alert')).toHaveCount(0);
  await expect(dateField(page).getByRole('status')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Ola Dahl' }).click();
  await newSession(page, 2);
  await page.getByLabel('Chief complaint').fill('Follow-up');
  await page.getByLabel('Date of service').fill('2026-10-01');
  // The previous session's date as every date on screen: the locale's (issue 21, item 11).
  const previousDate = await page.evaluate(() =>
    new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(2026, 10, 20)),
  );
  await expect(dateField(page).getByRole('status')).toHaveText(
    `This is 63 days ago: check the date. This is before the previous session (session 1) on ${previousDate}`,
  );
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');
});

test('a date typed without its year is flagged, not saved as "not recorded"', async ({ page }) => {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Siri');
  await page.getByLabel('Last name').fill('Moe');
  // Month and day typed, the year left out (the browser then reports no value at all).
  await page.getByLabel('Date of birth').focus();
  await page.keyboard.type('0614');
  await page.getByRole('button', { name: 'Save client' }).click();
  const form = page.getByRole('form', { name: 'New client' });
  await expect(
    form.getByText('This date is incomplete: enter the day, month and year, or clear it'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /Siri Moe/ })).toHaveCount(0);

  // With the year it saves, and the date of birth is on record.
  await page.getByLabel('Date of birth').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1990');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Siri Moe/ })).toBeVisible();
  const subtitle = page.locator('.page-header .subtitle');
  await expect(subtitle).toContainText('1990');
  await expect(subtitle).not.toContainText('not recorded');

  // The date of service, emptied in part, is flagged beside the field and cannot be signed.
  await newSession(page, 1);
  await page.getByLabel('Date of service').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Backspace');
  await page.getByLabel('Chief complaint').click();
  await expect(dateField(page).getByRole('alert')).toHaveText(
    'This date is incomplete: enter the day, month and year, or clear it',
  );
});
