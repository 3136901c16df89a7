import fs from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from './fixtures';
import { seedSignedSessions } from './session-seed';

test('from a signed session, "Print aftercare" then "Save PDF" writes a real PDF and the audit log shows it', async ({
  page,
  harness,
}) => {
  // Practice details head every handout.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const practice = page.getByRole('form', { name: 'Practice details' });
  await practice.getByLabel('Practice name').fill('Quiet Harbour Craniosacral Therapy');
  await practice.getByLabel('Your name').fill('Maren Holt');
  await practice.getByLabel('Practice phone').fill('0117 496 0123');
  await practice.getByRole('button', { name: 'Save practice details' }).click();
  await expect(practice.getByRole('status')).toHaveText('Practice details saved.');

  await page.goto('https://stillpoint.test/index.html#/clients/new');
  await page.getByLabel('First name').fill('Σοφία');
  await page.getByLabel('Last name').fill('Παπαδοπούλου');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Παπαδοπούλου/ })).toBeVisible();
  const clientId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
  await seedSignedSessions(page, clientId, [
    { daysAgo: 0, before: 6, after: 3, rate: 8, complaint: 'Neck tension' },
  ]);
  await page.goto(
    `https://stillpoint.test/index.html#/clients/${encodeURIComponent(clientId)}/sessions/seed-1`,
  );
  await expect(page.getByTestId('signature')).toBeVisible();

  await page.getByRole('button', { name: 'Print aftercare' }).click();
  const dialog = page.getByRole('dialog', { name: 'Print aftercare' });
  const preview = dialog.getByRole('article', { name: 'Handout preview' });
  await expect(preview).toContainText('Σοφία Παπαδοπούλου');
  await expect(preview).toContainText('Seek medical help');
  await dialog.getByLabel('Personal note for the client').fill('Slow breaths when the neck tightens.');
  await dialog.getByRole('button', { name: 'Save PDF' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved to');

  const [saved] = await harness.savedFiles();
  expect(saved).toMatch(/\.pdf$/);
  const bytes = new Uint8Array(fs.readFileSync(saved!));
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  expect(text).toContain('Σοφία Παπαδοπούλου');
  expect(text).toContain('Quiet Harbour Craniosacral Therapy');
  expect(text).toContain('Slow breaths when the neck tightens.');

  await dialog.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Sent to the printer.');
  expect(await harness.savedFiles()).toHaveLength(2);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const audit = page.getByRole('region', { name: /Audit log/ });
  await expect(audit).toContainText('Saved as PDF');
  await expect(audit).toContainText('Printed');
});

test('a name no bundled font can print is reported before printing', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const practice = page.getByRole('form', { name: 'Practice details' });
  await practice.getByLabel('Practice name').fill('Stillwater');
  await practice.getByLabel('Your name').fill('Anna Berg');
  await practice.getByRole('button', { name: 'Save practice details' }).click();
  await expect(practice.getByRole('status')).toHaveText('Practice details saved.');

  await page.goto('https://stillpoint.test/index.html#/clients/new');
  await page.getByLabel('First name').fill('美咲');
  await page.getByLabel('Last name').fill('Tanaka');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Tanaka/ })).toBeVisible();
  const clientId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
  await seedSignedSessions(page, clientId, [{ daysAgo: 0, before: 4, after: 2, rate: 9, complaint: 'Jaw' }]);
  await page.goto(
    `https://stillpoint.test/index.html#/clients/${encodeURIComponent(clientId)}/sessions/seed-1`,
  );
  await page.getByRole('button', { name: 'Print aftercare' }).click();
  const dialog = page.getByRole('dialog', { name: 'Print aftercare' });
  await expect(dialog.getByRole('alert')).toContainText('cannot be printed with the handout fonts');
  await expect(dialog.getByRole('alert')).toContainText('美');
  await expect(dialog.getByRole('button', { name: 'Print', exact: true })).toBeDisabled();
});
