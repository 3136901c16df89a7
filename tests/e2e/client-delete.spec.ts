import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PASSPHRASE = 'quiet river stone path';

async function clientWithNote(page: Page) {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Marta');
  await page.getByLabel('Last name').fill('Kowalska');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Marta Kowalska' })).toBeVisible();
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await page.getByLabel('Chief complaint').fill('Migraine since the fall');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await page.getByRole('link', { name: 'Marta Kowalska' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Marta Kowalska' })).toBeVisible();
}

test('deleting a client saves a backup of every record first, and is refused without a backup folder', async ({
  page,
  harness,
}) => {
  await clientWithNote(page);

  // No backup folder yet: the dialog says where to choose one, and nothing can be deleted.
  await page.getByRole('button', { name: 'Delete' }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('alert')).toContainText('Choose a backup folder in Backup first');
  await dialog.getByLabel(/Type/).fill('Marta Kowalska');
  await dialog.getByLabel('Your name').fill('Anna Lind');
  await expect(dialog.getByRole('button', { name: 'Delete client and sessions' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const folder = await harness.chooseBackupFolder();
  await page.getByRole('button', { name: 'Delete' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Type/).fill('marta kowalska');
  await dialog.getByLabel('Your name').fill('Anna Lind');
  await dialog.getByLabel('Backup passphrase', { exact: true }).fill('too short');
  await dialog.getByLabel('Backup passphrase again').fill('too short');
  await dialog.getByRole('button', { name: 'Delete client and sessions' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Nothing was deleted: The passphrase needs at least 10 characters.',
  );

  await dialog.getByLabel('Backup passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByLabel('Backup passphrase again').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Delete client and sessions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(page.getByText('No clients yet.')).toBeVisible();

  // The safety backup is in the folder.
  const files = fs.readdirSync(folder);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(
    /^Stillpoint backup before deleting a client \d{4}-\d{2}-\d{2} \d{6}\.stillpoint$/,
  );
  expect(fs.statSync(path.join(folder, files[0]!)).size).toBeGreaterThan(0);

  // What is left of the client in the database: one audit entry, no name, no note.
  const left = await page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('stillpoint');
        open.onsuccess = () => {
          const all = open.result.transaction('auditLog').objectStore('auditLog').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  expect(left).toHaveLength(1);
  expect(left[0]).toMatchObject({
    action: 'client-deleted',
    detail: `Client deleted by Anna Lind, with 1 session note. Safety backup: ${files[0]}`,
  });
  expect(JSON.stringify(left)).not.toMatch(/Marta|Kowalska|Migraine/);
});
