import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from './fixtures';
import type { Harness } from './harness/harness';

/**
 * Issue 17's "first hour": a fresh install, through Welcome, to a signed note, a printed
 * handout and the first backup, with nothing refused on the way and Back returning to the
 * previous screen at each step.
 */
test.use({ welcome: 'show' });

const PASSPHRASE = 'quiet harbour tide pools at dawn';

function heading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

async function back(page: Page) {
  await page.keyboard.press('Alt+ArrowLeft');
}

async function forward(page: Page) {
  await page.keyboard.press('Alt+ArrowRight');
}

/** New client through the form; Back then returns to the list the form was opened from. */
async function createClient(page: Page) {
  await page.getByRole('button', { name: 'New client' }).click();
  await expect(heading(page)).toHaveText('New client');
  await page.getByLabel('First name').fill('Ingrid');
  await page.getByLabel('Last name').fill('Solberg');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(heading(page)).toContainText('Solberg');
  await back(page);
  await expect(heading(page)).toHaveText('Clients');
  await forward(page);
  await expect(heading(page)).toContainText('Solberg');
  await page.getByRole('button', { name: 'Reviewed with the client today: no changes' }).click();
  await expect(page.getByRole('region', { name: 'Safety check' })).toContainText(
    'Health history last reviewed',
  );
}

/** A short note, signed; Back returns to the client. */
async function writeAndSign(page: Page, signer: 'prefilled' | 'asked') {
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(heading(page)).toContainText('Session 1');
  await page.getByLabel('Chief complaint').fill('Jaw tension after dental work');
  await page.getByLabel('Plan').fill('Weekly for three weeks');
  if (signer === 'prefilled') {
    await expect(page.getByLabel('Signed by')).toHaveValue('Maren Holt, RCST');
    await page.getByRole('button', { name: 'Sign note' }).click();
  } else {
    await expect(page.getByLabel('Signed by')).toHaveValue('');
    await page.getByRole('button', { name: 'Sign note' }).click();
    const ask = page.getByRole('dialog', { name: 'Who is signing?' });
    await ask.getByLabel('Your name').fill('Maren Holt');
    await ask.getByRole('button', { name: 'Sign note' }).click();
  }
  await expect(heading(page)).toContainText('Signed');
  await expect(page.locator('.sign-problems')).toHaveCount(0);
  await expect(page.getByTestId('signature')).toContainText('Maren Holt');
}

/** Print aftercare, Save PDF; returns the handout's text. */
async function printHandout(page: Page, harness: Harness, asksForPractice: boolean): Promise<string> {
  await page.getByRole('button', { name: 'Print aftercare' }).click();
  const dialog = page.getByRole('dialog', { name: 'Print aftercare' });
  if (asksForPractice) {
    await expect(dialog.getByRole('button', { name: 'Save PDF' })).toBeDisabled();
    await dialog.getByLabel('Practice name').fill('Quiet Harbour');
    // The name just used to sign is offered.
    await expect(dialog.getByLabel('Your name and credentials')).toHaveValue('Maren Holt');
    await dialog.getByRole('button', { name: 'Save and continue' }).click();
  }
  await expect(dialog.getByRole('article', { name: 'Handout preview' })).toContainText('Quiet Harbour');
  await dialog.getByRole('button', { name: 'Save PDF' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved to');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const [saved] = await harness.savedFiles();
  const bytes = new Uint8Array(fs.readFileSync(saved!));
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text;
}

/** The first backup from the Backup screen; Back then returns to the session. */
async function firstBackup(page: Page, harness: Harness, folderChosen: boolean) {
  const folder = path.join(harness.baseDir, 'first-backups');
  fs.mkdirSync(folder, { recursive: true });
  if (!folderChosen) harness.nextFolder(folder);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Backup' }).click();
  await expect(heading(page)).toHaveText('Backup');
  const card = page.getByRole('form', { name: 'Make a backup' });
  await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await card.getByLabel('Passphrase again').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Back up now' }).click();
  await expect(card.getByRole('status')).toContainText('Backup saved', { timeout: 20_000 });
  const file = (await card.getByTestId('backup-path').textContent())!;
  expect(path.dirname(file)).toBe(folder);
  expect(fs.existsSync(file)).toBe(true);
  await back(page);
  await expect(heading(page)).toContainText('Session 1');
}

/** The holes issue 17 names, in the handout's text. */
function holesIn(text: string): string[] {
  const holes: string[] = [];
  if (/call\s*[.,]/iu.test(text)) holes.push('call .');
  if (/\s[.,;:](?:\s|$)/u.test(text)) holes.push('space before punctuation');
  if (/\(\s*\)|\[\s*\]/u.test(text)) holes.push('empty brackets');
  if (/\{\{|\}\}/u.test(text)) holes.push('placeholder');
  return holes;
}

test('first hour: Welcome (lock skipped), a client, a signed note, a handout and the first backup', async ({
  page,
  harness,
}) => {
  // Welcome, step 1: the practice, with a phone number.
  await page.getByLabel('Practice name').fill('Quiet Harbour');
  await page.getByLabel('Your name and credentials').fill('Maren Holt, RCST');
  await page.getByLabel('Phone (optional)').fill('0117 496 0123');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  // Step 2: the backup folder and a kept passphrase; the app lock is left alone.
  await expect(heading(page)).toHaveText('Keep your notes safe');
  const folder = path.join(harness.baseDir, 'first-backups');
  fs.mkdirSync(folder, { recursive: true });
  harness.nextFolder(folder);
  await page.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(page.getByTestId('backup-folder')).toHaveText(folder);
  await page.getByLabel('Backup passphrase').fill(PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Keep this passphrase' }).click();
  await expect(page.getByText('A passphrase is kept for automatic backups.')).toBeVisible();
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(heading(page)).toHaveText('Clients');

  await createClient(page);
  await writeAndSign(page, 'prefilled');
  // Back from the signed note is the client; Forward (the menu's) the note again.
  await back(page);
  await expect(heading(page)).toContainText('Solberg');
  await harness.menuNavigate(page, 'forward');
  await expect(heading(page)).toContainText('Session 1');

  const text = await printHandout(page, harness, false);
  expect(text).toContain('call 0117 496 0123.');
  expect(holesIn(text)).toEqual([]);

  await firstBackup(page, harness, true);
});

test('first hour with every optional detail left empty: asked in place, and the handout has no hole', async ({
  page,
  harness,
}) => {
  // Welcome skipped altogether.
  await page.getByRole('button', { name: 'Skip this step' }).click();
  await page.getByRole('button', { name: 'Skip this step' }).click();
  await expect(heading(page)).toHaveText('Clients');

  await createClient(page);
  await writeAndSign(page, 'asked');
  const text = await printHandout(page, harness, true);
  expect(holesIn(text)).toEqual([]);
  expect(text).not.toContain('worries you, call');
  expect(text).toContain('At your next visit, let me know how you felt');

  // The mouse's back button, then the first backup asks for its folder at the press.
  await page.evaluate(() => window.dispatchEvent(new MouseEvent('mouseup', { button: 3 })));
  await expect(heading(page)).toContainText('Solberg');
  await page.evaluate(() => window.dispatchEvent(new MouseEvent('mouseup', { button: 4 })));
  await expect(heading(page)).toContainText('Session 1');
  await firstBackup(page, harness, false);
});

test('cancelling the folder at the first backup says so calmly and keeps the passphrase', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Skip this step' }).click();
  await page.getByRole('button', { name: 'Skip this step' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Backup' }).click();
  const card = page.getByRole('form', { name: 'Make a backup' });
  await expect(card).toContainText('First you choose where backups are kept.');
  await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await card.getByLabel('Passphrase again').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Back up now' }).click(); // the folder dialog is cancelled
  await expect(card.getByRole('status')).toContainText('No folder was chosen, so nothing was saved.');
  await expect(card.getByLabel('Passphrase', { exact: true })).toHaveValue(PASSPHRASE);
});
