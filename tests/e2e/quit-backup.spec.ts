import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PASSPHRASE = 'cedar river lantern quietly';

async function createClient(page: Page, first: string, last: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
}

test('quitting after a change makes an automatic backup before the app closes', async ({ page, harness }) => {
  test.slow(); // the config's ceiling times three: heavy work on a possibly busy machine
  await createClient(page, 'Aiko', 'Tanaka');
  const folder = harness.userDataDir.replace('user-data', 'backups');
  fs.mkdirSync(folder, { recursive: true });
  harness.nextFolder(folder);

  // "Back up now", remembering the passphrase for unattended backups ("when the app quits" is on).
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Backup' }).click();
  const card = page.getByRole('form', { name: 'Make a backup' });
  await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await card.getByLabel('Passphrase again').fill(PASSPHRASE);
  await card.getByRole('checkbox', { name: 'Remember for automatic backups' }).check();
  await card.getByRole('button', { name: 'Back up now' }).click();
  await expect(card.getByRole('status')).toContainText('Backup saved', { timeout: 30_000 });
  const automatic = () => fs.readdirSync(folder).filter((name) => name.startsWith('Stillpoint auto-backup '));
  expect(automatic()).toEqual([]);

  // A change after that backup, then the user quits: main asks the page first.
  await createClient(page, 'Bruno', 'Alves');
  await harness.requestQuit(page);
  expect(automatic()).toHaveLength(1);

  // Nothing changed since: the next quit closes at once, without another backup.
  await harness.requestQuit(page);
  expect(automatic()).toHaveLength(1);
});
