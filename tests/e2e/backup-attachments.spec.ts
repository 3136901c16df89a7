import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Documents in a backup (issue 15, format version 2): a clearance letter stored with a client is
 * backed up as its own segments, the client is deleted (with the letter), and a restore brings
 * the letter back byte for byte. The documents screens land with the documents feature; until
 * then the letter is written straight into the app's IndexedDB, shaped as the documents
 * feature stores it (a metadata row with its SHA-256, the bytes apart), as other specs seed
 * data. Real PBKDF2, real IndexedDB, main's real backup handlers (streamed writes and reads).
 */

const PASSPHRASE = 'cedar river lantern quietly';

/** A small real PDF, large enough to span two 1 MiB segments. */
function letterBytes(): number[] {
  const head = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n';
  const bytes = Array.from(Buffer.from(head));
  for (let i = 0; bytes.length < 1_200_000; i++) bytes.push((i * 7919) % 251);
  bytes.push(...Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n'));
  return bytes;
}

/** Stores the letter for the client and answers its SHA-256 (computed in the page). */
async function seedLetter(page: Page, clientId: string): Promise<string> {
  return page.evaluate(
    async ({ clientId, bytes }) => {
      const data = new Uint8Array(bytes);
      const hash = [...new Uint8Array(await crypto.subtle.digest('SHA-256', data))]
        .map((byte) => byte.toString(16).padStart(2, '0'))
        .join('');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('stillpoint');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['attachments', 'attachmentBlobs'], 'readwrite');
      tx.objectStore('attachments').put({
        id: 'e2e-clearance-letter',
        clientId,
        title: 'Clearance letter, Dr. Lind',
        kind: 'clearance letter',
        date: '2026-12-01',
        note: '',
        originalName: 'clearance.pdf',
        mediaType: 'application/pdf',
        size: data.length,
        sha256: hash,
        addedAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        gpsRemoved: false,
        otherMetadataRemoved: false,
        orientation: 1,
      });
      tx.objectStore('attachmentBlobs').put({ id: 'e2e-clearance-letter', data: new Blob([data]) });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return hash;
    },
    { clientId, bytes: letterBytes() },
  );
}

/** The stored letter: its record's SHA-256 and the SHA-256 of its stored bytes (null if gone). */
async function storedLetter(page: Page): Promise<{ recorded: string; bytes: string } | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('stillpoint');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const get = (store: string) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).get('e2e-clearance-letter');
        request.onsuccess = () => resolve(request.result as Record<string, unknown> | undefined);
        request.onerror = () => reject(request.error);
      });
    const row = await get('attachments');
    const blob = await get('attachmentBlobs');
    db.close();
    if (!row || !blob) return null;
    const data = new Uint8Array(await (blob.data as Blob).arrayBuffer());
    const hash = [...new Uint8Array(await crypto.subtle.digest('SHA-256', data))]
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('');
    return { recorded: String(row.sha256), bytes: hash };
  });
}

test('a clearance letter is backed up, goes with its client, and a restore brings it back with the same SHA-256', async ({
  page,
  harness,
}) => {
  test.slow(); // three backups with real PBKDF2 on a possibly busy machine
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Zoë');
  await page.getByLabel('Last name').fill('Ødegård');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë Ødegård' })).toBeVisible();
  const clientId = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('stillpoint');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const ids = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const request = db.transaction('clients').objectStore('clients').getAllKeys();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return String(ids[0]);
  });
  const hash = await seedLetter(page, clientId);
  expect(await storedLetter(page)).toEqual({ recorded: hash, bytes: hash });

  // Back up now, into the folder.
  const folder = await harness.chooseBackupFolder();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Backup' }).click();
  const card = page.getByRole('form', { name: 'Make a backup' });
  await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await card.getByLabel('Passphrase again').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Back up now' }).click();
  await expect(card.getByRole('status')).toContainText('Backup saved', { timeout: 30_000 });
  const file = (await card.getByTestId('backup-path').textContent())!;
  // Format version 2, and larger than the letter: its bytes are in it.
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 9).toString('latin1')).toBe('SPBACKUP');
  expect(JSON.parse(bytes.subarray(20, 20 + bytes.readUInt32BE(12)).toString('utf8'))).toMatchObject({
    formatVersion: 2,
    attachments: { table: 'attachments', count: 1, bytes: letterBytes().length },
  });
  expect(fs.readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);

  // Delete the client: the letter goes with her.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('list', { name: 'Client list' }).getByText('Zoë Ødegård').click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Type/).fill('Zoë Ødegård');
  await dialog.getByLabel('Your name').fill('Anna Lind');
  await dialog.getByLabel('Backup passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByLabel('Backup passphrase again').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Delete client and sessions' }).click();
  await expect(page.getByText('No clients yet.')).toBeVisible({ timeout: 30_000 });
  expect(await storedLetter(page)).toBeNull();

  // Restore the backup made before: Replace all.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Backup' }).click();
  const restore = page.getByRole('region', { name: 'Restore from backup' });
  await restore.getByRole('button', { name: `Restore ${path.basename(file)}` }).click();
  await restore.getByLabel('Passphrase of this backup').fill(PASSPHRASE);
  await restore.getByRole('button', { name: 'Open backup' }).click();
  await expect(restore.getByText('every record checks out')).toBeVisible({ timeout: 30_000 });
  await restore.getByRole('button', { name: 'Replace all' }).click();
  await page
    .getByRole('dialog', { name: 'Replace all records?' })
    .getByRole('button', { name: 'Replace everything' })
    .click();
  await expect(restore.getByTestId('restore-summary')).toContainText('Restored', { timeout: 30_000 });

  // The letter is back, byte for byte.
  expect(await storedLetter(page)).toEqual({ recorded: hash, bytes: hash });
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('list', { name: 'Client list' })).toContainText('Zoë Ødegård');
});
