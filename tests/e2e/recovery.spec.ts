import type { Page } from '@playwright/test';
import type { StillpointBridge } from '../../src-shared/ipc';
import { expect, test } from './fixtures';
import { APP_URL, type Harness } from './harness/harness';

const SENDER = { url: APP_URL, isMainFrame: true };

async function rememberedCounts(harness: Harness) {
  const answer = await harness.dispatch('records:get-counts', undefined, SENDER);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as { clients: number; at: string } | null;
}

async function createClient(page: Page, first: string, last: string) {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${first} ${last}` })).toBeVisible();
}

/** The app's first report has landed, so nothing of the first page load can overwrite ours. */
async function settled(harness: Harness) {
  await expect.poll(() => rememberedCounts(harness)).not.toBeNull();
}

test('main keeps the record counts up to date as clients are added and removed', async ({
  page,
  harness,
}) => {
  await settled(harness);
  expect(await rememberedCounts(harness)).toMatchObject({ clients: 0 });
  await createClient(page, 'Marta', 'Kowalska');
  await page.getByRole('link', { name: 'Clients' }).first().click();
  await createClient(page, 'Sam', 'Archer');
  await expect.poll(async () => (await rememberedCounts(harness))?.clients).toBe(2);

  await harness.chooseBackupFolder();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Type/).fill('sam archer');
  await dialog.getByLabel('Your name').fill('Anna Lind');
  await dialog.getByLabel('Backup passphrase', { exact: true }).fill('quiet river stone path');
  await dialog.getByLabel('Backup passphrase again').fill('quiet river stone path');
  await dialog.getByRole('button', { name: 'Delete client and sessions' }).click();
  await expect.poll(async () => (await rememberedCounts(harness))?.clients).toBe(1);
});

test('an empty database on a computer that had clients: a clear notice that offers the backup', async ({
  page,
  harness,
}) => {
  await settled(harness);
  const at = '2026-11-20T16:45:00.000Z';
  const set = await harness.dispatch('records:set-counts', { clients: 12, at }, SENDER);
  expect(set.ok).toBe(true);

  await page.clock.install();
  const callsBeforeReload = harness.calls.length;
  await page.reload();
  const notice = page.getByRole('region', { name: 'Your records may be missing' });
  await expect(notice).toBeVisible();
  const when = await page.evaluate(
    (iso) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    at,
  );
  await expect(notice.getByRole('alert')).toHaveText(
    `Stillpoint found no records, but this computer had 12 clients on ${when}. Your data may have been removed. Restore the latest automatic backup?`,
  );

  // While the therapist has not answered, the app must not overwrite what main remembers. The
  // counts go to main a second after they settle: run the page's timers well past that, then
  // make one more call from the page; every call made before it has arrived by its answer.
  await page.clock.runFor(10_000);
  await page.evaluate(() => (window as unknown as { stillpoint: StillpointBridge }).stillpoint.appInfo());
  expect(harness.calls.slice(callsBeforeReload)).not.toContain('records:set-counts');
  expect(await rememberedCounts(harness)).toEqual({ clients: 12, at });

  // The offer leads to the Backup screen; the notice stays until answered.
  await notice.getByRole('link', { name: 'Restore the latest backup' }).click();
  await expect(page).toHaveURL(/#\/backup\/restore-latest$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible();
  await expect(notice).toBeVisible();
});

test('"Start fresh" asks once more, then forgets the old counts and the notice stays away', async ({
  page,
  harness,
}) => {
  await settled(harness);
  await harness.dispatch('records:set-counts', { clients: 3, at: '2026-11-20T16:45:00.000Z' }, SENDER);
  await page.reload();
  const notice = page.getByRole('region', { name: 'Your records may be missing' });
  await expect(notice).toContainText('this computer had 3 clients');

  await notice.getByRole('button', { name: 'Start fresh' }).click();
  await notice.getByRole('button', { name: 'Cancel' }).click();
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Start fresh' }).click();
  await notice.getByRole('button', { name: 'Yes, start fresh' }).click();
  await expect(notice).toHaveCount(0);
  expect(await rememberedCounts(harness)).toMatchObject({ clients: 0 });

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your records may be missing' })).toHaveCount(0);
});

test('records that come back (a restore) end the notice, and the counts are kept again', async ({
  page,
  harness,
}) => {
  await settled(harness);
  await harness.dispatch('records:set-counts', { clients: 5, at: '2026-11-20T16:45:00.000Z' }, SENDER);
  await page.reload();
  const notice = page.getByRole('region', { name: 'Your records may be missing' });
  await expect(notice).toBeVisible();
  await createClient(page, 'Restored', 'Client');
  await expect(notice).toHaveCount(0);
  await expect.poll(async () => (await rememberedCounts(harness))?.clients).toBe(1);
});
