import type { Page } from '@playwright/test';
import { CURRENT_SCHEMA_VERSION } from '../../src-renderer/db/database';
import { runDurability, summaryLine } from '../faults/durability-run';
import { expect, test } from './fixtures';

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

/** The database as raw IndexedDB sees it, opened without a version (so never upgraded). */
function inspectDatabase(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; future: unknown }>((resolve, reject) => {
        const request = indexedDB.open('stillpoint');
        request.onsuccess = () => {
          const db = request.result;
          const stores = [...db.objectStoreNames].sort();
          if (!stores.includes('futureTable')) {
            db.close();
            resolve({ version: db.version, stores, future: null });
            return;
          }
          const get = db.transaction('futureTable').objectStore('futureTable').get('f1');
          get.onsuccess = () => {
            db.close();
            resolve({ version: db.version, stores, future: get.result });
          };
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

test('Settings says in plain words whether storage is protected and how much room is used and left', async ({
  page,
}) => {
  // The app asks for persistent storage at start (Chromium decides; it never prompts).
  await page.addInitScript(() => {
    const storage = navigator.storage;
    const persist = storage.persist.bind(storage);
    const counter = window as unknown as { __persistAsked: number };
    counter.__persistAsked = 0;
    storage.persist = () => {
      counter.__persistAsked += 1;
      return persist();
    };
  });
  await page.reload();
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const asked = (window as unknown as { __persistAsked: number }).__persistAsked;
        return asked > 0 || (await navigator.storage.persisted());
      }),
    )
    .toBe(true);

  await openSettings(page);
  const card = page.getByRole('region', { name: 'Storage' });
  await expect(card.getByTestId('storage-persisted')).toHaveText(
    /^(Yes\.|Not confirmed\.|This system does not say\.)/,
  );
  await expect(card.getByTestId('storage-used')).toHaveText(
    /Stillpoint’s records take about \d+(\.\d)? (bytes|kB|MB|GB)\./,
  );
  await expect(card.getByTestId('storage-available')).toHaveText(
    /About \d+(\.\d)? (kB|MB|GB|TB) more can be stored\./,
  );
  // What the card says matches what the browser reports.
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  await expect(card.getByTestId('storage-persisted')).toHaveText(persisted ? /^Yes\./ : /^Not confirmed\./);
});

test('a full disk while saving a client: a clear message, the typed form kept, and a later save works', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Ingrid');
  await page.getByLabel('Last name').fill('Bergström');
  await page.getByLabel('Notes').fill('Prefers morning appointments.');

  // Fault: the disk is full for every write IndexedDB attempts.
  await page.evaluate(() => {
    const store = IDBObjectStore.prototype as unknown as Record<string, unknown>;
    const originals = { add: store.add, put: store.put };
    (window as unknown as Record<string, unknown>).__restoreDisk = () => Object.assign(store, originals);
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    store.add = full;
    store.put = full;
  });
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The disk is full, so this could not be saved. Your draft is kept on screen; free some space and save again.',
  );
  await expect(page.getByLabel('First name')).toHaveValue('Ingrid');
  await expect(page.getByLabel('Last name')).toHaveValue('Bergström');
  await expect(page.getByLabel('Notes')).toHaveValue('Prefers morning appointments.');

  // Space freed: the same form saves.
  await page.evaluate(() => (window as unknown as { __restoreDisk: () => void }).__restoreDisk());
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ingrid Bergström' })).toBeVisible();
});

test('a database from a newer Stillpoint is refused with a message and left exactly as it was', async ({
  page,
}) => {
  // A newer version upgrades the database (one Dexie version past this build's; Dexie stores
  // version n as IndexedDB version n * 10) and adds a table. Derived from the build's own
  // version, so a schema bump does not turn this test into "the same version".
  const newer = CURRENT_SCHEMA_VERSION + 1;
  await page.evaluate(
    (idbVersion) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('stillpoint', idbVersion);
        request.onupgradeneeded = () => {
          request.result
            .createObjectStore('futureTable', { keyPath: 'id' })
            .put({ id: 'f1', from: 'the future' });
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('blocked: the app did not let go of the database'));
      }),
    newer * 10,
  );
  const before = await inspectDatabase(page);
  expect(before.version).toBe(newer * 10);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Stillpoint needs updating' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(
    'This data was written by a newer version of Stillpoint. Install the newer version to open it; nothing was changed.',
  );
  await expect(
    page.getByText(
      `The records are in format ${newer}; this Stillpoint reads up to format ${CURRENT_SCHEMA_VERSION}.`,
    ),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);

  // The refusal is on screen, so the app's one open has ended: look now, and again once a second
  // start has ended in the same refusal: same version, same tables, same rows.
  expect(await inspectDatabase(page)).toEqual(before);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Stillpoint needs updating' })).toBeVisible();
  expect(await inspectDatabase(page)).toEqual(before);
  expect(before.future).toEqual({ id: 'f1', from: 'the future' });
});

// The quick form of `npm run test:faults` (tests/faults/durability.spec.ts): three SIGKILLs of
// a real Chromium on a persistent profile during a stream of client saves.
test('acknowledged saves survive the browser being killed (3 quick SIGKILL cycles)', async () => {
  test.slow(); // the config's ceiling times three: heavy work on a possibly busy machine
  const testInfo = test.info();
  const summary = await runDurability({
    cycles: 3,
    baseDir: testInfo.outputPath('durability'),
    killAfterMs: [1_500, 3_500],
    countFromFirstAck: true,
  });
  console.log(summaryLine(summary));
  expect(summary.kills).toBe(3);
  expect(summary.invalidRecords).toEqual([]);
  expect(summary.missing).toEqual([]);
  expect(summary.savesFound).toBe(summary.savesAcknowledged);
  expect(summary.savesAcknowledged).toBeGreaterThanOrEqual(3);
});
