import path from 'node:path';
import { expect, test } from './fixtures';
import { seedSignedSessions } from './session-seed';

test('aftercare dialog with its preview', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const practice = page.getByRole('form', { name: 'Practice details' });
  await practice.getByLabel('Practice name').fill('Quiet Harbour Craniosacral Therapy');
  await practice.getByLabel('Your name').fill('Maren Holt');
  await practice.getByLabel('Practice phone').fill('0117 496 0123');
  await practice.getByRole('button', { name: 'Save practice details' }).click();
  await expect(practice.getByRole('status')).toHaveText('Practice details saved.');
  await page.goto('https://stillpoint.test/index.html#/clients/new');
  await page.getByLabel('First name').fill('Zoë');
  await page.getByLabel('Last name').fill('Ødegård');
  await page.getByRole('button', { name: 'Save client' }).click();
  const clientId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
  await seedSignedSessions(page, clientId, [
    { daysAgo: 0, before: 6, after: 3, rate: 8, complaint: 'Neck tension' },
  ]);
  await page.goto(
    `https://stillpoint.test/index.html#/clients/${encodeURIComponent(clientId)}/sessions/seed-1`,
  );
  await page.getByRole('button', { name: 'Print aftercare' }).click();
  await expect(page.getByRole('article', { name: 'Handout preview' })).toBeVisible();
  await page.screenshot({ path: path.resolve(__dirname, '../../docs/images/aftercare-dialog.png') });
});
