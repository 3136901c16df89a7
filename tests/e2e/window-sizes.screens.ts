import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type SeedSession, seedSignedSessions } from './session-seed';

/**
 * The session editor and the client page at the smallest window Stillpoint supports (1024 x 700)
 * and a wide one (1920 x 1080), for the user guide (issue 21, items 10 and 11). Written to
 * docs/images; OUT_DIR=<folder> writes them elsewhere to look at without touching the guide.
 */
const outDir = process.env.OUT_DIR ?? path.resolve(__dirname, '../../docs/images');

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
] as const;

const HISTORY: SeedSession[] = [
  { daysAgo: 35, before: 6, after: 4, rate: 7, complaint: 'Headaches less often; neck stiff' },
  { daysAgo: 21, before: 5, after: 2, rate: 8, complaint: 'One headache after a long drive' },
  { daysAgo: 7, before: 4, after: 2, rate: 8.5, complaint: 'Mild neck tension, sleeping better' },
];

async function shoot(page: Page, name: string) {
  fs.mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: path.join(outDir, name) });
}

test('session editor and client page at 1024 x 700 and 1920 x 1080', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Marta');
  await page.getByLabel('Last name').fill('Kowalska');
  await page.getByLabel('Date of birth').fill('1978-06-14');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Marta Kowalska' })).toBeVisible();
  await page.getByRole('button', { name: 'Add condition' }).click();
  const condition = page.getByRole('group', { name: 'Condition 1' });
  await condition.getByLabel('From the list').selectOption({ label: 'Osteoporosis' });
  await condition
    .getByLabel('Notes')
    .fill(
      'Diagnosed after a wrist fracture; DEXA T-score -2.8 at the lumbar spine. On alendronate weekly. ' +
        'Avoid compression along the spine and firm pressure over the ribs.',
    );
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByText('Health history saved.')).toBeVisible();
  const clientId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  await seedSignedSessions(page, clientId, HISTORY);
  // The sessions repository keeps the client's last visit as it signs; seeded notes skip it.
  await page.evaluate(
    async ({ clientId, daysAgo }) => {
      const d = new Date();
      d.setDate(d.getDate() - daysAgo);
      const lastVisitAt = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('stillpoint');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('clients', 'readwrite');
      const store = tx.objectStore('clients');
      const read = store.get(clientId);
      read.onsuccess = () => store.put({ ...read.result, lastVisitAt });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { clientId, daysAgo: Math.min(...HISTORY.map((s) => s.daysAgo)) },
  );
  await page.reload();
  await expect(page.getByRole('region', { name: 'Sessions' }).locator('canvas').first()).toBeVisible();

  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.locator('#main-content').evaluate((el) => el.scrollTo(0, 0));
    await shoot(page, `client-page-${size.width}.png`);
  }

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 4/ })).toBeVisible();
  const safety = page.getByRole('region', { name: 'Safety check' });
  await safety
    .getByLabel('How the treatment was modified')
    .fill('Light contact only; no compression along the spine');
  await safety.getByRole('checkbox', { name: /Acknowledge Osteoporosis/ }).check();
  await page.getByLabel('Chief complaint').fill('Mild neck tension, one headache after a long drive');
  await page.getByLabel('Pain before (0-10)').fill('4');
  const filter = page.getByRole('combobox', { name: 'Add an area from the list' });
  for (const q of ['occ', 'temporal', 'c1', 'sacrum']) {
    await filter.fill(q);
    await filter.press('Enter');
  }
  const occipital = page.getByRole('group', { name: 'Occipital', exact: true });
  await occipital.getByRole('radio', { name: 'Release' }).check();
  await occipital
    .getByLabel('Note')
    .fill(
      'Softened after the second still point; the right side stayed firmer than the left until the end, ' +
        'when the client sighed deeply and the whole cranial base let go.',
    );
  await expect(page.locator('.save-status')).toHaveText('Saved');

  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.locator('#main-content').evaluate((el) => el.scrollTo(0, 0));
    await shoot(page, `session-editor-${size.width}.png`);
    await page.getByRole('region', { name: 'Treated areas' }).evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      document.getElementById('main-content')?.scrollBy(0, -90);
    });
    await shoot(page, `session-editor-areas-${size.width}.png`);
  }
});
