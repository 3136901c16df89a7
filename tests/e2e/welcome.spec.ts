import { expect, test } from './fixtures';

test.use({ welcome: 'show' });

test('a fresh install opens on Welcome; the practice details saved there head Settings', async ({ page }) => {
  await page.getByLabel('Practice name').fill('Quiet Harbour');
  await page.getByLabel('Your name and credentials').fill('Maren Holt, RCST');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keep your notes safe' })).toBeVisible();
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const practice = page.getByRole('form', { name: 'Practice details' });
  await expect(practice.getByLabel('Practice name')).toHaveValue('Quiet Harbour');
  await expect(practice.getByLabel('Your name')).toHaveValue('Maren Holt, RCST');

  // Welcome is done: a reload opens the app itself; Settings opens Welcome again on request.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the Welcome screens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Stillpoint' })).toBeVisible();
  await expect(page.getByLabel('Practice name')).toHaveValue('Quiet Harbour');
});

test('Welcome asks for the practice name and yours beside the fields, and each step can be skipped', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByText('Enter the practice name')).toBeVisible();
  await expect(page.getByText('Enter your name as it should appear on notes and handouts')).toBeVisible();
  await page.getByRole('button', { name: 'Skip this step' }).click();
  await page.getByRole('button', { name: 'Skip this step' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
});

test('sample clients come in marked, and one button removes them and only them', async ({ page }) => {
  await page.getByRole('button', { name: 'Try it with sample clients' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  const notice = page.getByRole('region', { name: 'Sample practice' });
  await expect(notice).toContainText('8 made-up clients');
  await expect(page.locator('.client-row .sample-tag')).toHaveCount(8);

  // A real client added meanwhile stays.
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Ingrid');
  await page.getByLabel('Last name').fill('Solberg');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Solberg/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.locator('.client-row')).toHaveCount(9);

  await notice.getByRole('button', { name: 'Remove sample clients' }).click();
  await expect(notice).toBeHidden();
  await expect(page.locator('.client-row')).toHaveCount(1);
  await expect(page.locator('.client-row')).toContainText('Ingrid Solberg');
});
