import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { isFileChunkId } from '../../src-shared/sync/file-crypto';
import { type SyncServer, startSyncServer } from '../sync-server/server';
import { clearanceLetterPdf } from './documents-files';
import { expect, test } from './fixtures';
import { APP_URL, Harness, TEST_ORIGIN } from './harness/harness';
import { passWelcome } from './welcome';

// Rotating the practice key from Settings → Practice sync (docs/sync.md, "Rotating the practice
// key"): two computers of one practice (two browser contexts, main's real handlers each) and one
// real CouchDB-compatible server. The rotating computer shows a new pairing code; the other, still
// syncing, stops with the locked-out words, pairs again and syncs on the new key.

let server: SyncServer;
test.beforeEach(async () => {
  server = await startSyncServer({ allowOrigin: TEST_ORIGIN });
});
test.afterEach(async () => {
  await server.stop();
});

async function allowLocalNetwork(context: BrowserContext) {
  await context.grantPermissions(['local-network-access'], { origin: TEST_ORIGIN });
}

async function secondComputer(browser: Browser, dir: string): Promise<Page> {
  return (await anotherComputer(browser, dir)).page;
}

async function anotherComputer(browser: Browser, dir: string): Promise<{ page: Page; harness: Harness }> {
  fs.mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  const harness = new Harness(dir);
  await harness.attachContext(context);
  await allowLocalNetwork(context);
  const page = await context.newPage();
  await harness.attachPage(page);
  await page.goto(APP_URL);
  await passWelcome(page);
  return { page, harness };
}

/** The ids of the file chunk documents the server holds (deleted ones are not listed). */
async function chunkIds(): Promise<string[]> {
  return (await server.rawDocuments()).map((doc) => String(doc._id)).filter(isFileChunkId);
}

async function syncSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  return page.getByRole('region', { name: 'Practice sync' });
}

async function newClient(page: Page, first: string, last: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Date of birth').fill('1981-02-03');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
}

async function seesClient(page: Page, last: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('link', { name: new RegExp(last) }).first()).toBeVisible();
}

test('rotating the practice key: a new pairing code here, the other computer locked out until it pairs again; a letter attached before reaches a computer that joins after', async ({
  page,
  harness,
  browser,
}, testInfo) => {
  await allowLocalNetwork(page.context());
  let card = await syncSettings(page);
  await card.getByRole('button', { name: 'Start the practice on a server…' }).click();
  await card.getByLabel('Server address').fill(server.databaseUrl);
  await card.getByLabel('Sync user name').fill(server.user);
  await card.getByLabel('Sync password').fill(server.password);
  await card.getByLabel('This computer’s name').fill('Treatment room laptop');
  await card.getByRole('button', { name: 'Create the practice key and start syncing' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Synced');
  await newClient(page, 'Wilhelmina', 'Oosterhuis');
  // A clearance letter with the client, sent as one chunk under the first key.
  const letter = clearanceLetterPdf();
  const sha256 = crypto.createHash('sha256').update(letter).digest('hex');
  const file = testInfo.outputPath('letter.pdf');
  fs.writeFileSync(file, letter);
  harness.nextOpenFile(file);
  const documents = page.getByRole('region', { name: 'Documents and photos' });
  await documents.getByRole('button', { name: 'Attach a file' }).click();
  const attach = page.getByRole('dialog', { name: 'Attach a file' });
  await attach.getByLabel('Title').fill('Clearance from Dr Fischer');
  await attach.getByLabel('Kind').selectOption('clearance letter');
  await attach.getByRole('button', { name: 'Attach' }).click();
  await expect.poll(chunkIds).toHaveLength(1);
  const [oldChunk] = await chunkIds();
  card = await syncSettings(page);
  await card.getByRole('button', { name: 'Show the pairing code' }).click();
  const firstCode = (await card.getByTestId('pairing-code').textContent()) ?? '';

  const b = await secondComputer(browser, testInfo.outputPath('computer-b'));
  const bCard = await syncSettings(b);
  await bCard.getByRole('button', { name: 'Join with a pairing code…' }).click();
  await bCard.getByRole('textbox', { name: 'Pairing code' }).fill(firstCode);
  await bCard.getByLabel('Sync password').fill(server.password);
  await bCard.getByLabel('This computer’s name').fill('Desk at home');
  await bCard.getByRole('button', { name: 'Join the practice' }).click();
  await expect(b.getByTestId('sync-status')).toHaveText('Synced');
  await seesClient(b, 'Oosterhuis');

  // The confirmation says what it does and what it does not (the password is the admin's).
  card = await syncSettings(page);
  await card.getByRole('button', { name: 'Rotate the practice key…' }).click();
  await expect(card).toContainText('every record on the server again under it');
  await expect(card).toContainText('change the sync user’s password');
  await card.getByRole('button', { name: 'Rotate the key now' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'The practice key was changed' })).toBeVisible();
  const newCode = (await card.getByTestId('pairing-code').last().textContent()) ?? '';
  expect(newCode).toMatch(/^STILLPOINT-PAIR-1\./);
  expect(newCode).not.toBe(firstCode);
  await expect(page.getByTestId('sync-status')).toHaveText('Synced');
  // The letter's chunk under the new key, the old one deleted.
  await expect.poll(chunkIds).not.toContain(oldChunk);
  expect(await chunkIds()).toHaveLength(1);

  // The other computer, still open, stops before applying anything under the new key.
  await expect(b.getByTestId('sync-status')).toHaveText(
    'Sync stopped: This computer’s practice key was replaced: pair again with a pairing code from a computer of the practice.',
  );
  await newClient(page, 'Evert', 'Nieuwsleutel');

  // It pairs again with the new code: its records stay, and the new ones arrive.
  const again = await syncSettings(b);
  await again.getByRole('button', { name: 'Pair again with a new pairing code…' }).click();
  const form = again.getByRole('form', { name: 'Pair again' });
  await form.getByRole('textbox', { name: 'Pairing code' }).fill(newCode);
  await form.getByLabel('Sync password').fill(server.password);
  await form.getByRole('button', { name: 'Pair again' }).click();
  await expect(b.getByTestId('sync-status')).toHaveText('Synced');
  await seesClient(b, 'Nieuwsleutel');
  await seesClient(b, 'Oosterhuis');

  // A computer that joins only now (it never had the first key) opens the letter: the same bytes.
  const c = await anotherComputer(browser, testInfo.outputPath('computer-c'));
  const cCard = await syncSettings(c.page);
  await cCard.getByRole('button', { name: 'Join with a pairing code…' }).click();
  await cCard.getByRole('textbox', { name: 'Pairing code' }).fill(newCode);
  await cCard.getByLabel('Sync password').fill(server.password);
  await cCard.getByLabel('This computer’s name').fill('Reception');
  await cCard.getByRole('button', { name: 'Join the practice' }).click();
  await expect(c.page.getByTestId('sync-status')).toHaveText('Synced');
  await seesClient(c.page, 'Oosterhuis');
  await c.page
    .getByRole('link', { name: /Oosterhuis/ })
    .first()
    .click();
  const onC = c.page.getByRole('region', { name: 'Documents and photos' });
  const item = onC.getByTestId('document-item');
  await expect(item).toContainText('Clearance from Dr Fischer');
  await expect(item.getByRole('status')).toHaveCount(0);
  await item.getByRole('button', { name: /Save a copy/ }).click();
  await expect(onC.getByRole('status')).toContainText('Saved a copy of');
  const [copy] = await c.harness.savedFiles();
  expect(crypto.createHash('sha256').update(fs.readFileSync(copy!)).digest('hex')).toBe(sha256);
  await c.page.context().close();

  const stored = JSON.stringify(await server.rawDocuments());
  for (const word of ['Wilhelmina', 'Oosterhuis', 'Evert', 'Nieuwsleutel'])
    expect(stored).not.toContain(word);
  await b.context().close();
});
