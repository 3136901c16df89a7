import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { attachmentDocuments, everythingTheServerHolds } from '../sync-server/holdings';
import { type SyncServer, startSyncServer } from '../sync-server/server';
import { clearanceLetterPdf } from './documents-files';
import { expect, test } from './fixtures';
import { APP_URL, Harness, TEST_ORIGIN } from './harness/harness';
import { passWelcome } from './welcome';

// Two computers of one practice (two browser contexts: two IndexedDBs, two data folders with
// main's real handlers) and one real CouchDB-compatible server on 127.0.0.1.

let server: SyncServer;
test.beforeEach(async () => {
  server = await startSyncServer({ allowOrigin: TEST_ORIGIN });
});
test.afterEach(async () => {
  await server.stop();
});

/**
 * How many removed documents' files the computer's file pass has marked as waiting out their
 * grace period: the entries with a third field (when it first saw the removal) in its file index,
 * a `_local` document of its PouchDB replica (file-index.ts), read from PouchDB's IndexedDB store.
 */
function filesWaitingRemoval(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('_pouch_stillpoint-sync-replica');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db
            .transaction('local-store')
            .objectStore('local-store')
            .get('_local/stillpoint-files');
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            db.close();
            const files = (read.result?.files ?? {}) as Record<string, unknown[]>;
            resolve(Object.values(files).filter((entry) => typeof entry[2] === 'number').length);
          };
        };
      }),
  );
}

/** A second computer: its own context (IndexedDB), data folder and main handlers. */
async function secondComputer(browser: Browser, dir: string): Promise<{ page: Page; harness: Harness }> {
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

/**
 * Chromium asks a permission (Local Network Access) before a page reaches a server on the local
 * network or loopback; in the app, main's permission handler grants it to the app's page while
 * sync is on (src-main/security.ts, unit-tested there). The request filter and the CSP still
 * let through only the practice server.
 */
async function allowLocalNetwork(context: BrowserContext) {
  await context.grantPermissions(['local-network-access'], { origin: TEST_ORIGIN });
}

async function openSyncSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  return page.getByRole('region', { name: 'Practice sync' });
}

async function startPractice(page: Page) {
  const card = await openSyncSettings(page);
  await card.getByRole('button', { name: 'Start the practice on a server…' }).click();
  await card.getByLabel('Server address').fill(server.databaseUrl);
  await card.getByLabel('Sync user name').fill(server.user);
  await card.getByLabel('Sync password').fill(server.password);
  await card.getByLabel('This computer’s name').fill('Treatment room laptop');
  await card.getByRole('button', { name: 'Create the practice key and start syncing' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Synced');
}

async function pairingCode(page: Page): Promise<string> {
  const card = await openSyncSettings(page);
  await card.getByRole('button', { name: 'Show the pairing code' }).click();
  await expect(card.getByRole('img', { name: 'The pairing code as a QR code' })).toBeVisible();
  return (await card.getByTestId('pairing-code').textContent()) ?? '';
}

async function joinPractice(page: Page, code: string) {
  const card = await openSyncSettings(page);
  await card.getByRole('button', { name: 'Join with a pairing code…' }).click();
  await card.getByRole('textbox', { name: 'Pairing code' }).fill(code);
  await card.getByLabel('Sync password').fill(server.password);
  await card.getByLabel('This computer’s name').fill('Desk at home');
  await card.getByRole('button', { name: 'Join the practice' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Synced');
}

async function clientWithSignedNote(page: Page, first: string, last: string, complaint: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Date of birth').fill('1978-06-14');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
  await page.getByRole('button', { name: 'Reviewed with the client today: no changes' }).click();
  await expect(page.getByRole('region', { name: 'Safety check' })).toContainText(
    'Health history last reviewed with the client on',
  );
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await page.getByLabel('Chief complaint').fill(complaint);
  await page.getByLabel('Signed by').fill('Anna Lind');
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');
}

test('a client and a signed note made on one computer reach the other; an edit there comes back; the server holds ciphertext only', async ({
  page,
  harness,
  browser,
}, testInfo) => {
  // Sync off (the default): nothing was let through to the server.
  expect(harness.syncRequestLog).toEqual([]);
  await allowLocalNetwork(page.context());

  await startPractice(page);
  await clientWithSignedNote(page, 'Ingeborg', 'Quillfeather', 'Tinnitus after the Lisbon flight');
  const code = await pairingCode(page);

  const b = await secondComputer(browser, testInfo.outputPath('computer-b'));
  await joinPractice(b.page, code);
  await b.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await b.page
    .getByRole('link', { name: /Quillfeather/ })
    .first()
    .click();
  const sessions = b.page.getByRole('region', { name: 'Sessions' });
  await expect(sessions).toContainText('Signed');
  await sessions.getByRole('link').first().click();
  await expect(b.page.getByRole('heading', { level: 1 })).toContainText('Signed');
  await expect(b.page.getByText('Tinnitus after the Lisbon flight')).toBeVisible();
  // Who wrote what: the note says who signed it on which computer, on the other computer too.
  await expect(b.page.getByTestId('signed-on-computer')).toHaveText(
    'Signed by Anna Lind on computer Treatment room laptop',
  );

  // B edits the client's details; A sees the edit.
  await b.page
    .getByRole('link', { name: /Quillfeather/ })
    .first()
    .click();
  await b.page.getByRole('button', { name: 'Edit details' }).click();
  await b.page.getByLabel('Phone', { exact: true }).fill('+44 20 7946 0018');
  await b.page.getByRole('button', { name: 'Save client' }).click();
  await expect(b.page.getByTestId('sync-status')).toHaveText('Synced');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page
    .getByRole('link', { name: /Quillfeather/ })
    .first()
    .click();
  await expect(page.getByText('+44 20 7946 0018')).toBeVisible();

  // Only the practice server was reached, and it holds ids, revisions and ciphertext only.
  for (const url of [...harness.syncRequestLog, ...b.harness.syncRequestLog]) {
    expect(url.startsWith(`${server.origin}/`)).toBe(true);
  }
  // Its documents, and the bytes of every attachment it keeps (documents' files, none here yet).
  const stored = await everythingTheServerHolds(server);
  for (const word of ['Ingeborg', 'Quillfeather', 'Tinnitus', 'Lisbon', 'Anna Lind', '7946', '1978-06-14']) {
    expect(stored).not.toContain(word);
  }
  await b.page.context().close();
});

async function editPhone(page: Page, last: string, phone: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page
    .getByRole('link', { name: new RegExp(last) })
    .first()
    .click();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByLabel('Phone', { exact: true }).fill(phone);
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByText(phone)).toBeVisible();
}

test('edits made while the server is down: after it is back the newer one wins on both computers; a client deleted on one is gone on the other and listed', async ({
  page,
  harness,
  browser,
}, testInfo) => {
  await allowLocalNetwork(page.context());
  await startPractice(page);
  await clientWithSignedNote(page, 'Rosalind', 'Achterberg', 'Jaw tension since the dental work');
  const b = await secondComputer(browser, testInfo.outputPath('computer-b'));
  await joinPractice(b.page, await pairingCode(page));
  await b.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await expect(b.page.getByRole('link', { name: /Achterberg/ }).first()).toBeVisible();

  // The server goes away (killed): both computers keep working and say they are offline.
  await server.stop();
  await editPhone(page, 'Achterberg', '+31 20 555 0101');
  await expect(page.getByTestId('sync-status')).toContainText('Offline since');
  await editPhone(b.page, 'Achterberg', '+31 20 555 0202');
  await expect(b.page.getByTestId('sync-status')).toContainText('Offline since');

  // Back: both resume from their checkpoints, and the later edit (B's) wins on both.
  await server.restart();
  await expect(page.getByText('+31 20 555 0202')).toBeVisible();
  await expect(b.page.getByText('+31 20 555 0202')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveText('Synced');
  await expect(b.page.getByTestId('sync-status')).toHaveText('Synced');

  // The version that lost is kept until a person has seen it, on the Sync conflicts screen of both
  // computers, whichever sent first (the one that settles leaves the losing revision in place).
  await expect(page.getByTestId('sync-conflicts-link')).toBeVisible();
  await expect(b.page.getByTestId('sync-conflicts-link')).toBeVisible();
  const witness = page;
  await witness.getByTestId('sync-conflicts-link').click();
  const conflict = witness.getByRole('listitem', { name: 'Client details of Rosalind Achterberg' });
  await expect(conflict.getByRole('table')).toContainText('+31 20 555 0202');
  await expect(conflict.getByRole('table')).toContainText('+31 20 555 0101');
  await conflict.getByRole('button', { name: 'Seen: Client details of Rosalind Achterberg' }).click();
  await expect(witness.getByTestId('no-sync-conflicts')).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page
    .getByRole('link', { name: /Achterberg/ })
    .first()
    .click();

  // A deletes the client (after the safety backup the app asks for).
  await harness.chooseBackupFolder();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Type/).fill('Rosalind Achterberg');
  await dialog.getByLabel('Your name').fill('Anna Lind');
  await dialog.getByLabel('Backup passphrase', { exact: true }).fill('quiet river stone path');
  await dialog.getByLabel('Backup passphrase again').fill('quiet river stone path');
  await dialog.getByRole('button', { name: 'Delete client and sessions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();

  // Gone on B, and listed there as deleted on the other computer.
  await b.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await expect(b.page.getByRole('link', { name: /Achterberg/ })).toHaveCount(0);
  const card = await openSyncSettings(b.page);
  await expect(card.getByTestId('deleted-elsewhere')).toContainText(
    'Rosalind Achterberg, deleted on Treatment room laptop',
  );
  await b.page.context().close();
});

async function openFirstSession(page: Page, last: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page
    .getByRole('link', { name: new RegExp(last) })
    .first()
    .click();
  await page.getByRole('region', { name: 'Sessions' }).getByRole('link').first().click();
}

async function signDraftAs(page: Page, complaint: string, signer: string) {
  await page.getByLabel('Chief complaint').fill(complaint);
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await page.getByLabel('Signed by').fill(signer);
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');
}

test('both computers sign the same draft while apart: both versions kept, the same conflict listed on both, Seen clears it', async ({
  page,
  browser,
}, testInfo) => {
  await allowLocalNetwork(page.context());
  await startPractice(page);
  // A client with a draft note (not signed yet), on both computers.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Halvard');
  await page.getByLabel('Last name').fill('Brennecke');
  await page.getByLabel('Date of birth').fill('1969-02-11');
  await page.getByRole('button', { name: 'Save client' }).click();
  await page.getByRole('button', { name: 'Reviewed with the client today: no changes' }).click();
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await page.getByLabel('Chief complaint').fill('Neck stiffness');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  const b = await secondComputer(browser, testInfo.outputPath('computer-b'));
  await joinPractice(b.page, await pairingCode(page));
  await openFirstSession(b.page, 'Brennecke');
  await expect(b.page.getByLabel('Chief complaint')).toHaveValue('Neck stiffness');

  // Apart (the server is down), each computer signs its own version of the note.
  await server.stop();
  await openFirstSession(page, 'Brennecke');
  await signDraftAs(page, 'Neck stiffness, written on the laptop', 'Anna Lind');
  await signDraftAs(b.page, 'Neck stiffness, written at the desk', 'Ben Ortiz');
  await server.restart();

  // Both versions are kept on both computers, and both list the same conflict.
  const hrefs: string[][] = [];
  for (const p of [page, b.page]) {
    await p.getByTestId('sync-conflicts-link').click();
    await expect(p.getByRole('heading', { level: 1, name: 'Sync conflicts' })).toBeVisible();
    const item = p.getByRole('listitem', { name: 'Session note of Halvard Brennecke' });
    await expect(item).toHaveCount(1);
    await expect(item.getByRole('region', { name: 'The note' })).toContainText('Signed by');
    await expect(item.getByRole('region', { name: 'The other version (copy)' })).toContainText('Signed by');
    await expect(item).toContainText('written on the laptop');
    await expect(item).toContainText('written at the desk');
    hrefs.push(
      await item
        .getByRole('link', { name: 'Open' })
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')),
    );
  }
  expect(hrefs[0]).toEqual(hrefs[1]);

  // Seen on A: gone from A's list (and stays gone after a reload); B still lists it.
  await page.getByRole('button', { name: 'Seen: Session note of Halvard Brennecke' }).click();
  await expect(page.getByTestId('no-sync-conflicts')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveText('Synced');
  await expect(page.getByTestId('no-sync-conflicts')).toBeVisible();
  await expect(b.page.getByRole('listitem', { name: 'Session note of Halvard Brennecke' })).toHaveCount(1);
  await b.page.context().close();
});

test('a PDF letter attached on one computer reaches the other: listed, then opened there with the same hash; the server never sees its title, name or bytes; removed there, its encrypted chunk stays on the server for the grace period', async ({
  page,
  harness,
  browser,
}, testInfo) => {
  await allowLocalNetwork(page.context());
  await startPractice(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Wilhelmina');
  await page.getByLabel('Last name').fill('Osterhagen');
  await page.getByLabel('Date of birth').fill('1964-02-29');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Osterhagen/ })).toBeVisible();

  // A attaches a clearance letter (a PDF) on the client page.
  const letter = clearanceLetterPdf();
  const sha256 = crypto.createHash('sha256').update(letter).digest('hex');
  const file = testInfo.outputPath('fischer-clearance-osterhagen.pdf');
  fs.writeFileSync(file, letter);
  harness.nextOpenFile(file);
  const documents = page.getByRole('region', { name: 'Documents and photos' });
  await documents.getByRole('button', { name: 'Attach a file' }).click();
  const attach = page.getByRole('dialog', { name: 'Attach a file' });
  await attach.getByLabel('Title').fill('Clearance from Dr Fischer');
  await attach.getByLabel('Kind').selectOption('clearance letter');
  await attach.getByRole('button', { name: 'Attach' }).click();
  await expect(documents.getByTestId('document-item')).toHaveCount(1);
  // Sent: its row and its file's chunk are on the server before B joins.
  await expect.poll(() => attachmentDocuments(server)).toBe(1);
  await expect(page.getByTestId('sync-status')).toHaveText('Synced');

  // B joins, finds the letter with the client, and opens it: the same PDF, drawn by pdf.js.
  const b = await secondComputer(browser, testInfo.outputPath('computer-b'));
  await joinPractice(b.page, await pairingCode(page));
  await b.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await b.page
    .getByRole('link', { name: /Osterhagen/ })
    .first()
    .click();
  const onB = b.page.getByRole('region', { name: 'Documents and photos' });
  const item = onB.getByTestId('document-item');
  await expect(item).toContainText('Clearance from Dr Fischer');
  // Once the file is here and checked, it is no longer "arriving".
  await expect(item.getByRole('status')).toHaveCount(0);
  await item.getByRole('button', { name: /View/ }).click();
  const viewer = b.page.getByRole('dialog', { name: 'Clearance from Dr Fischer' });
  await expect(viewer.getByTestId('pdf-status')).toHaveText('1 page.');
  await viewer.getByRole('button', { name: 'Close' }).click();
  await item.getByRole('button', { name: /Save a copy/ }).click();
  await expect(onB.getByRole('status')).toContainText('Saved a copy of');
  const [copy] = await b.harness.savedFiles();
  expect(crypto.createHash('sha256').update(fs.readFileSync(copy!)).digest('hex')).toBe(sha256);

  // The server holds ids, revisions and ciphertext: no title, file name, name or byte of the PDF.
  const held = await everythingTheServerHolds(server);
  for (const word of [
    'Clearance from Dr Fischer',
    'fischer-clearance-osterhagen',
    'Wilhelmina',
    'Osterhagen',
    'Dr Lena Fischer',
    '%PDF',
    sha256,
  ]) {
    expect(held).not.toContain(word);
  }

  // B removes the letter: it goes on A too. Both computers' file passes find it removed and mark
  // it in their file index; its chunk (ciphertext only) stays on the server for the 30 days'
  // grace (a note signed elsewhere may still need it; file-sync.test.ts drives the clock past it).
  await item.getByRole('button', { name: /Remove/ }).click();
  await b.page
    .getByRole('dialog', { name: 'Remove this document?' })
    .getByRole('button', { name: 'Remove document' })
    .click();
  await expect(onB.getByTestId('document-item')).toHaveCount(0);
  await expect(documents.getByTestId('document-item')).toHaveCount(0);
  await expect.poll(() => filesWaitingRemoval(b.page)).toBe(1);
  await expect.poll(() => filesWaitingRemoval(page)).toBe(1);
  expect(await attachmentDocuments(server)).toBe(1);
  await b.page.context().close();
});
