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

/**
 * The page's clock is fixed (Date.now and new Date() return exactly what the test sets) while
 * its timers keep running, so the lock's waits, counted from when a try was made, do not depend
 * on how long the PBKDF2 check, a reload or the database took on this machine.
 */
const START = new Date('2026-11-26T09:00:00.000Z').getTime();
const at = (ms: number) => new Date(START + ms);

test('a passcode locks at start; wrong tries are slowed down, also across a reload; the right one unlocks', async ({
  page,
}) => {
  // Eight runs of a 600,000-iteration PBKDF2 hash and four page loads: slow on a busy machine.
  test.slow();
  await page.clock.setFixedTime(at(0));
  await page.reload();
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

  // The wait counts down with the clock and ends exactly 2 s after the third try.
  await page.clock.setFixedTime(at(1_000));
  await expect(page.getByTestId('lock-wait')).toContainText('Try again in 0:01');
  await expect(page.getByLabel('Passcode', { exact: true })).toBeDisabled();
  await page.clock.setFixedTime(at(2_000));
  await expect(page.getByLabel('Passcode', { exact: true })).toBeEnabled();

  // The fourth wrong try: now 4 s.
  await enterPasscode(page, 'wrong-4');
  await expect(page.getByTestId('lock-wait')).toContainText('Try again in 0:04');

  // A reload does not reset the count or the wait: still 4 s at the same moment.
  await page.reload();
  await expect(lockScreen(page)).toBeVisible();
  await expect(page.getByTestId('lock-wait')).toContainText('Try again in 0:04');
  await expect(page.getByLabel('Passcode', { exact: true })).toBeDisabled();

  await page.clock.setFixedTime(at(5_999));
  await expect(page.getByTestId('lock-wait')).toContainText('Try again in 0:01');
  await page.clock.setFixedTime(at(6_000));
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
  await page.clock.setFixedTime(at(0));
  await page.reload();
  await createClient(page, 'Zoë', 'Ødegård');
  await turnOnAppLock(page, '1');

  // The idle check runs once a second on the page's timers. Each step fixes the time, then runs
  // the timers one second on, so the check has certainly looked at that time.
  const checkAt = async (ms: number) => {
    await page.clock.setFixedTime(at(ms));
    await page.clock.runFor(1_000);
  };

  // Forty seconds, some activity, forty more: still open (the minute restarts with activity).
  await checkAt(40_000);
  await page.mouse.move(200, 200);
  await page.mouse.move(220, 240);
  await checkAt(80_000);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(lockScreen(page)).toHaveCount(0);

  // A full minute without activity: locked, and the records are gone from the page.
  await checkAt(100_000);
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
