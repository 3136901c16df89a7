import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { passWelcome } from './welcome';

/**
 * A therapist's backup day: back up into a folder, lose the database, restore it; a damaged
 * copy and a wrong passphrase are refused with their own messages and change nothing. Real
 * PBKDF2 (600,000 iterations), real IndexedDB, main's real backup handlers.
 */

const PASSPHRASE = 'cedar river lantern quietly';

async function createClient(page: Page, first: string, last: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Date of birth').fill('1980-04-02');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
}

async function openBackupScreen(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Backup' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible();
}

/** "Back up now" with the passphrase typed twice; returns the path of the file written. */
async function backUpNow(page: Page, options: { remember?: boolean } = {}): Promise<string> {
  await openBackupScreen(page);
  const card = page.getByRole('form', { name: 'Make a backup' });
  await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await card.getByLabel('Passphrase again').fill(PASSPHRASE);
  if (options.remember) await card.getByRole('checkbox', { name: 'Remember for automatic backups' }).check();
  await card.getByRole('button', { name: 'Back up now' }).click();
  await expect(card.getByRole('status')).toContainText('Backup saved', { timeout: 20_000 });
  const file = (await card.getByTestId('backup-path').textContent())!;
  expect(fs.existsSync(file)).toBe(true);
  return file;
}

/**
 * Deletes the whole IndexedDB database from the page, as a broken profile would, and reloads:
 * a fresh install again, so Welcome opens and is skipped.
 */
async function wipeDatabase(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('stillpoint');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await page.reload();
  await passWelcome(page);
}

function restoreCard(page: Page) {
  return page.getByRole('region', { name: 'Restore from backup' });
}

async function expectClientListed(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('list', { name: 'Client list' })).toContainText(name);
}

test('back up, lose the database, restore: clients, health history and notes come back', async ({
  page,
  harness,
}) => {
  test.slow(); // the config's ceiling times three: heavy work on a possibly busy machine
  await createClient(page, 'Zoë', 'Ødegård');
  await page.getByRole('button', { name: 'Add condition' }).click();
  await page
    .getByRole('group', { name: 'Condition 1' })
    .getByLabel('From the list')
    .selectOption({ label: 'Osteoporosis' });
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByText('Health history saved.')).toBeVisible();
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
  await page.getByLabel('Chief complaint').fill('Headaches after desk work, “tension” ✓');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await createClient(page, 'Σοφία', 'Παπαδοπούλου');

  const folder = harness.userDataDir.replace('user-data', 'backups');
  fs.mkdirSync(folder, { recursive: true });
  harness.nextFolder(folder);
  const file = await backUpNow(page);
  expect(path.dirname(file)).toBe(folder);
  expect(path.basename(file)).toMatch(/^Stillpoint backup \d{4}-\d{2}-\d{2} \d{6}\.stillpoint$/);
  expect(fs.readFileSync(file).subarray(1, 9).toString('latin1')).toBe('SPBACKUP');
  await expect(page.getByTestId('backup-folder')).toHaveText(folder);
  await expect(page.getByTestId('last-backup')).toContainText('just now');

  await wipeDatabase(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByText('No clients yet.')).toBeVisible();

  await openBackupScreen(page);
  harness.nextOpenFile(file);
  await restoreCard(page).getByRole('button', { name: 'Choose a backup file…' }).click();
  const facts = restoreCard(page).getByTestId('backup-facts');
  await expect(facts).toContainText(path.basename(file));
  await expect(facts).toContainText(/Records\s*\d+/);
  await restoreCard(page).getByLabel('Passphrase of this backup').fill(PASSPHRASE);
  await restoreCard(page).getByRole('button', { name: 'Open backup' }).click();
  await expect(restoreCard(page).getByText('every record checks out')).toBeVisible({ timeout: 20_000 });
  const preview = restoreCard(page).getByRole('table', { name: /What a restore would change/ });
  await expect(preview.getByRole('row', { name: /^Clients/ })).toContainText('2 added');
  await expect(preview.getByRole('row', { name: /^Session notes/ })).toContainText('1 added');

  await restoreCard(page).getByRole('button', { name: 'Replace all' }).click();
  await page
    .getByRole('dialog', { name: 'Replace all records?' })
    .getByRole('button', { name: 'Replace everything' })
    .click();
  await expect(restoreCard(page).getByTestId('restore-summary')).toContainText('Restored');

  await expectClientListed(page, 'Σοφία Παπαδοπούλου');
  await page.getByRole('list', { name: 'Client list' }).getByText('Zoë Ødegård').click();
  await expect(page.getByRole('heading', { level: 1, name: /Ødegård/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Condition 1' }).getByLabel('From the list')).toHaveValue(
    /osteoporosis/i,
  );
  const timeline = page.getByRole('list', { name: 'Sessions, newest first' });
  await expect(timeline).toContainText('Headaches after desk work, “tension” ✓');
  await timeline.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
  await expect(page.getByLabel('Chief complaint')).toHaveValue('Headaches after desk work, “tension” ✓');
});

test('a damaged copy and a wrong passphrase are refused with their own messages; the records stay', async ({
  page,
  harness,
}) => {
  test.slow(); // the config's ceiling times three: heavy work on a possibly busy machine
  await createClient(page, 'Marta', 'Kowalska');
  const folder = harness.userDataDir.replace('user-data', 'backups');
  fs.mkdirSync(folder, { recursive: true });
  harness.nextFolder(folder);
  const file = await backUpNow(page);
  // A change after the backup, so "unchanged" means something.
  await createClient(page, 'Only', 'Afterwards');

  // A byte flipped in the middle of the file (in a small practice's file, that is the header):
  // refused as soon as it is picked.
  const middleFlipped = fs.readFileSync(file);
  const middle = Math.floor(middleFlipped.length / 2);
  middleFlipped[middle] = middleFlipped[middle]! ^ 0x01;
  const damaged = path.join(harness.baseDir, 'damaged copy.stillpoint');
  fs.writeFileSync(damaged, middleFlipped);
  await openBackupScreen(page);
  harness.nextOpenFile(damaged);
  await restoreCard(page).getByRole('button', { name: 'Choose a backup file…' }).click();
  await expect(restoreCard(page).getByTestId('restore-error')).toHaveText(
    'This backup file is damaged and cannot be restored. Your records are unchanged.',
  );

  // A byte flipped in the encrypted records: found once the passphrase opens the file.
  const bodyFlipped = fs.readFileSync(file);
  bodyFlipped[bodyFlipped.length - 20] = bodyFlipped[bodyFlipped.length - 20]! ^ 0x01;
  const damagedBody = path.join(harness.baseDir, 'damaged records.stillpoint');
  fs.writeFileSync(damagedBody, bodyFlipped);
  harness.nextOpenFile(damagedBody);
  await restoreCard(page).getByRole('button', { name: 'Choose a backup file…' }).click();
  await restoreCard(page).getByLabel('Passphrase of this backup').fill(PASSPHRASE);
  await restoreCard(page).getByRole('button', { name: 'Open backup' }).click();
  await expect(restoreCard(page).getByTestId('restore-error')).toHaveText(
    'This backup file is damaged and cannot be restored. Your records are unchanged.',
    { timeout: 20_000 },
  );

  // The intact file with a wrong passphrase: its own message.
  await restoreCard(page).getByRole('button', { name: 'Choose another file' }).click();
  await restoreCard(page)
    .getByRole('button', { name: `Restore ${path.basename(file)}` })
    .click();
  await restoreCard(page).getByLabel('Passphrase of this backup').fill('cedar river lantern loudly');
  await restoreCard(page).getByRole('button', { name: 'Open backup' }).click();
  await expect(restoreCard(page).getByTestId('restore-error')).toHaveText(
    'That passphrase does not open this backup. Check it and try again. Your records are unchanged.',
    { timeout: 20_000 },
  );

  // A truncated copy is refused as soon as it is picked.
  const truncated = path.join(harness.baseDir, 'half copied.stillpoint');
  fs.writeFileSync(truncated, fs.readFileSync(file).subarray(0, 300));
  await restoreCard(page).getByRole('button', { name: 'Choose another file' }).click();
  harness.nextOpenFile(truncated);
  await restoreCard(page).getByRole('button', { name: 'Choose a backup file…' }).click();
  await expect(restoreCard(page).getByTestId('restore-error')).toContainText(
    'This backup file is incomplete',
  );

  await expectClientListed(page, 'Marta Kowalska');
  await expect(page.getByRole('list', { name: 'Client list' })).toContainText('Only Afterwards');
});

test('automatic backups: schedule, remembered passphrase, the insecure-store warning, restore the latest', async ({
  page,
  harness,
}) => {
  test.slow(); // the config's ceiling times three: heavy work on a possibly busy machine
  harness.keyStorage = 'insecure';
  await createClient(page, 'Aiko', 'Tanaka');
  const folder = harness.userDataDir.replace('user-data', 'backups');
  fs.mkdirSync(folder, { recursive: true });
  harness.nextFolder(folder);
  const file = await backUpNow(page, { remember: true });

  const auto = page.getByRole('form', { name: 'Automatic backups' });
  await expect(auto).toContainText(
    'This computer has no secure key store: the stored passphrase is only obscured.',
  );
  await expect(auto.getByTestId('stored-key')).toContainText('Stored, but only obscured');
  await auto.getByLabel('Automatic backups to keep').fill('5');
  await auto.getByRole('button', { name: 'Save schedule' }).click();
  await expect(auto.getByRole('status')).toHaveText('Schedule saved.');
  await page.reload();
  await expect(
    page.getByRole('form', { name: 'Automatic backups' }).getByLabel('Automatic backups to keep'),
  ).toHaveValue('5');

  // An automatic backup in the folder (a copy, named as main names them): one click picks it.
  const autoFile = path.join(folder, 'Stillpoint auto-backup 2030-01-02 030405.stillpoint');
  fs.copyFileSync(file, autoFile);
  await page.reload();
  await restoreCard(page).getByRole('button', { name: 'Restore latest automatic backup' }).click();
  await expect(restoreCard(page).getByTestId('backup-facts')).toContainText(
    'Stillpoint auto-backup 2030-01-02 030405',
  );
  await restoreCard(page).getByLabel('Passphrase of this backup').fill(PASSPHRASE);
  await restoreCard(page).getByRole('button', { name: 'Open backup' }).click();
  await expect(restoreCard(page).getByRole('table', { name: /What a restore would change/ })).toContainText(
    '1 unchanged',
    { timeout: 20_000 },
  );
  await restoreCard(page).getByRole('button', { name: 'Merge' }).click();
  await expect(restoreCard(page).getByTestId('restore-summary')).toContainText('Merged');
  await expect(restoreCard(page).getByTestId('restore-summary')).toContainText('0 added');

  // Forgetting the passphrase pauses automatic backups.
  await page
    .getByRole('form', { name: 'Automatic backups' })
    .getByRole('button', { name: 'Forget it' })
    .click();
  await expect(page.getByTestId('stored-key')).toContainText('Not stored');
});

test('leaving the Backup screen forgets a refused file: coming back starts from choosing a file', async ({
  page,
  harness,
}) => {
  const notABackup = path.join(harness.baseDir, 'holiday photo.stillpoint');
  fs.writeFileSync(notABackup, 'These are not the bytes of a backup.');
  await openBackupScreen(page);
  harness.nextOpenFile(notABackup);
  await restoreCard(page).getByRole('button', { name: 'Choose a backup file…' }).click();
  await expect(restoreCard(page).getByTestId('restore-error')).toContainText('not a Stillpoint backup');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await openBackupScreen(page);
  await expect(restoreCard(page).getByRole('button', { name: 'Choose a backup file…' })).toBeEnabled();
  await expect(restoreCard(page).getByTestId('restore-error')).toHaveCount(0);
});
