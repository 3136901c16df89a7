import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PASSCODE = 'quiet-tide-42';

async function createClient(page: Page, first: string, last: string) {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${first} ${last}` })).toBeVisible();
}

async function turnOnAppLock(page: Page, idle: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'App lock' });
  await card.getByLabel('New passcode', { exact: true }).fill(PASSCODE);
  await card.getByLabel('Repeat the new passcode').fill(PASSCODE);
  await card.getByRole('button', { name: 'Turn on app lock' }).click();
  await expect(card.getByRole('status')).toContainText('App lock is on');
  await card.getByLabel('Lock after').selectOption(idle);
  await expect(card.getByTestId('app-lock-state')).toContainText(
    idle === 'never' ? 'never after a pause' : `after ${idle === '1' ? '1 minute' : `${idle} minutes`}`,
  );
}

const lockScreen = (page: Page) => page.getByRole('heading', { level: 1, name: 'Stillpoint is locked' });

async function expectNoRecordsInPage(page: Page, names: string[]) {
  const html = await page.content();
  for (const name of names) expect(html).not.toContain(name);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
}

async function enterPasscode(page: Page, passcode: string) {
  await page.getByLabel('Passcode', { exact: true }).fill(passcode);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

test('a passcode locks at start; wrong tries are slowed down, also across a reload; the right one unlocks', async ({
  page,
}) => {
  await page.clock.install();
  await createClient(page, 'Marta', 'Kowalska');
  await turnOnAppLock(page, '15');

  await page.reload();
  await expect(lockScreen(page)).toBeVisible();
  await expectNoRecordsInPage(page, ['Kowalska', 'Marta']);

  // Three wrong tries are free; after the third the next try waits.
  for (const [i, left] of [
    [1, '2 more tries'],
    [2, '1 more try'],
  ] as const) {
    await enterPasscode(page, `wrong-${i}`);
    await expect(page.getByRole('status')).toContainText(left);
  }
  await enterPasscode(page, 'wrong-3');
  await expect(page.getByTestId('lock-wait')).toContainText('Try again in 0:02');
  await expect(page.getByLabel('Passcode', { exact: true })).toBeDisabled();

  // The fourth wrong try, after the wait: now 4 s.
  await page.clock.runFor(2_100);
  await expect(page.getByLabel('Passcode', { exact: true })).toBeEnabled();
  await enterPasscode(page, 'wrong-4');
  await expect(page.getByTestId('lock-wait')).toContainText('Try again in 0:04');

  // A reload does not reset the count or the wait.
  await page.reload();
  await expect(lockScreen(page)).toBeVisible();
  await expect(page.getByTestId('lock-wait')).toContainText(/Try again in 0:0[1-4]/);
  await expect(page.getByLabel('Passcode', { exact: true })).toBeDisabled();

  await page.clock.runFor(4_100);
  await expect(page.getByLabel('Passcode', { exact: true })).toBeEnabled();
  await enterPasscode(page, PASSCODE);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('link', { name: 'Clients' }).first().click();
  await expect(page.getByRole('list', { name: 'Client list' })).toContainText('Marta Kowalska');

  // A right passcode clears the count: the next wrong try is free again.
  await page.reload();
  await enterPasscode(page, 'wrong-again');
  await expect(page.getByRole('status')).toContainText('2 more tries');
});

test('the app locks itself after the idle time; activity keeps it open', async ({ page }) => {
  await page.clock.install();
  await page.reload();
  await createClient(page, 'Zoë', 'Ødegård');
  await turnOnAppLock(page, '1');

  // Forty seconds, some activity, forty more: still open (the minute restarts with activity).
  await page.clock.runFor(40_000);
  await page.mouse.move(200, 200);
  await page.mouse.move(220, 240);
  await page.clock.runFor(40_000);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // A full minute without activity: locked, and the records are gone from the page.
  await page.clock.runFor(61_000);
  await expect(lockScreen(page)).toBeVisible();
  await expectNoRecordsInPage(page, ['Ødegård', 'Zoë']);

  await enterPasscode(page, PASSCODE);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('the passcode can be changed (only with the current one) and removed', async ({ page }) => {
  await turnOnAppLock(page, 'never');
  const card = page.getByRole('region', { name: 'App lock' });

  await card.getByRole('button', { name: 'Change passcode' }).click();
  await card.getByLabel('Current passcode').fill('not-it');
  await card.getByLabel('New passcode', { exact: true }).fill('new-code-1');
  await card.getByLabel('Repeat the new passcode').fill('new-code-1');
  await card.getByRole('button', { name: 'Change passcode' }).click();
  await expect(card.getByRole('alert')).toContainText('current passcode is not right');

  await card.getByLabel('Current passcode').fill(PASSCODE);
  await card.getByLabel('New passcode', { exact: true }).fill('new-code-1');
  await card.getByLabel('Repeat the new passcode').fill('new-code-2');
  await card.getByRole('button', { name: 'Change passcode' }).click();
  await expect(card.getByText('The two passcodes are not the same.')).toBeVisible();
  await card.getByLabel('Repeat the new passcode').fill('new-code-1');
  await card.getByRole('button', { name: 'Change passcode' }).click();
  await expect(card.getByRole('status')).toHaveText('The passcode was changed.');

  await card.getByRole('button', { name: 'Lock now' }).click();
  await expect(lockScreen(page)).toBeVisible();
  await enterPasscode(page, PASSCODE);
  await expect(page.getByRole('status')).toContainText('not right');
  await enterPasscode(page, 'new-code-1');
  await expect(card).toBeVisible();

  await card.getByRole('button', { name: 'Remove passcode' }).click();
  await card.getByLabel('Current passcode').fill('new-code-1');
  await card.getByRole('button', { name: 'Remove passcode' }).click();
  await expect(card.getByRole('status')).toContainText('App lock is off');
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(lockScreen(page)).toHaveCount(0);
});
