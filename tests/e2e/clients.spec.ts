import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

function isoDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function createClient(page: Page, first: string, last: string, extra?: (page: Page) => Promise<void>) {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  if (extra) await extra(page);
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
}

test('a recent skull fracture shows an AVOID finding with its source, and resolving it clears the banner', async ({
  page,
}) => {
  await createClient(page, 'Marta', 'Kowalska', async (p) => {
    await p.getByLabel('Date of birth').fill('1980-04-02');
  });
  const banner = page.getByRole('region', { name: 'Safety check' });
  // A new client's history was never taken: not a clean bill of health.
  await expect(banner).toContainText('No health history recorded yet');
  await expect(banner).not.toContainText('No contraindications');

  await page.getByRole('button', { name: 'Add condition' }).click();
  const condition = page.getByRole('group', { name: 'Condition 1' });
  await condition.getByLabel('From the list').selectOption({ label: 'Skull fracture' });
  await condition.getByLabel('Onset or diagnosis date').fill(isoDaysAgo(10));
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByRole('status')).toHaveText('Health history saved.');

  await expect(banner).toContainText('Do not treat');
  await expect(banner).toContainText('Recent skull fracture');
  await expect(banner.locator('li[data-severity="AVOID"]')).toContainText(
    'Reference: https://drnikookar.com',
  );

  // Resolve it: the fracture has healed (marked past, healed today), so the rule no longer applies.
  await condition.getByLabel('Status').selectOption('past');
  await condition.getByLabel('Resolved date').fill(isoDaysAgo(0));
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByRole('status')).toHaveText('Health history saved.');
  await expect(banner).toContainText('No contraindications');
  await expect(banner.locator('li[data-severity="AVOID"]')).toHaveCount(0);
});

test('search finds "Zoë Ødegård" by "zoe od", ignoring case and accents', async ({ page }) => {
  await createClient(page, 'Zoë', 'Ødegård');
  await page.getByRole('link', { name: 'Clients' }).first().click();
  await createClient(page, 'Anna', 'Kuznetsova');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();

  const search = page.getByRole('searchbox', { name: 'Search clients' });
  await search.fill('zoe od');
  const list = page.getByRole('list', { name: 'Client list' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Zoë Ødegård');

  await search.fill('ODEG');
  await expect(list).toContainText('Zoë Ødegård');
  await search.fill('kuz');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Anna Kuznetsova');
  await search.fill('nobody-like-this');
  await expect(page.getByText('No client matches')).toBeVisible();
});

test('bad input gets a message beside the field and nothing is saved', async ({ page }) => {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Ola');
  await page.getByLabel('Last name').fill('Nordmann');
  await page.getByLabel('Email').fill('ola.example.com');
  await page.getByLabel('Date of birth').fill(isoDaysAgo(-30));
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByText('Enter an email address like name@example.com')).toBeVisible();
  await expect(page.getByText('Date of birth cannot be in the future')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Email').fill('ola@example.com');
  await page.getByLabel('Date of birth').fill('1990-05-17');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ola Nordmann' })).toBeVisible();

  // Resolved before its onset from the first keystroke on, so no moment of it is valid and
  // autosave never stores any of it.
  await page.getByRole('button', { name: 'Add condition' }).click();
  const condition = page.getByRole('group', { name: 'Condition 1' });
  await condition.getByLabel('Status').selectOption('past');
  await condition.getByLabel('Resolved date').fill(isoDaysAgo(40));
  await condition.getByLabel('Onset or diagnosis date').fill(isoDaysAgo(30));
  await condition.getByLabel('Condition').fill('Whiplash');
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(condition.getByText('The resolved date cannot be before the onset date')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No conditions recorded.')).toBeVisible();
});

test('archive, restore, and delete with the name typed', async ({ page, harness }) => {
  await harness.chooseBackupFolder();
  await createClient(page, 'Sam', 'Archer');
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('Archived', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('button', { name: 'Archive' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByRole('button', { name: 'Delete client and sessions' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type/).fill('sam archer');
  await dialog.getByLabel('Your name').fill('Anna Lind');
  await dialog.getByLabel('Backup passphrase', { exact: true }).fill('quiet river stone path');
  await dialog.getByLabel('Backup passphrase again').fill('quiet river stone path');
  await confirm.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(page.getByText('No clients yet.')).toBeVisible();
});
