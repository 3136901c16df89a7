import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedSignedSessions } from './session-seed';

/**
 * Issue 19's layout check: the extracted screens in the pseudo-locale (accented, 40 % longer,
 * bracketed: cut or overflowing text shows), and the session editor with the app in German.
 * Writes docs/images/pseudo-*.png and session-editor-de.png; `npm run screenshots` runs it.
 */

const out = (name: string) => path.resolve(__dirname, '../../docs/images', name);

test.use({ viewport: { width: 1280, height: 900 } });

async function chooseLanguage(page: Page, value: string) {
  await page.getByRole('navigation').getByRole('link').nth(2).click();
  await page
    .locator('#app-language, select')
    .filter({ has: page.locator('option[value="system"]') })
    .selectOption(value);
}

async function practiceAndClient(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const practice = page.getByRole('form', { name: 'Practice details' });
  await practice.getByLabel('Practice name').fill('Quiet Harbour Craniosacral Therapy');
  await practice.getByLabel('Your name').fill('Maren Holt');
  await practice.getByRole('button', { name: 'Save practice details' }).click();
  await expect(practice.getByRole('status')).toHaveText('Practice details saved.');
  await page.goto('https://stillpoint.test/index.html#/clients/new');
  await page.getByLabel('First name').fill('Sanne');
  await page.getByLabel('Last name').fill('de Vries');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /de Vries/ })).toBeVisible();
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
}

test('the extracted screens in the pseudo-locale', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const clientId = await practiceAndClient(page);
  await seedSignedSessions(page, clientId, [{ daysAgo: 0, before: 6, after: 3, rate: 8, complaint: 'Neck' }]);
  await chooseLanguage(page, 'en-XA');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  await page.getByRole('heading', { level: 2, name: /Ļáñĝúáĝé/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: out('pseudo-settings-language.png') });

  await page.getByRole('navigation').getByRole('link').nth(1).click();
  await expect(page.getByRole('heading', { level: 1, name: /Ñöţéš ţö šíĝñ/ })).toBeVisible();
  await page.screenshot({ path: out('pseudo-notes-to-sign.png') });

  await page.goto(
    `https://stillpoint.test/index.html#/clients/${encodeURIComponent(clientId)}/sessions/seed-1`,
  );
  await page.getByRole('button', { name: /ŕíñţ áƒţéŕçáŕé/ }).click();
  await expect(page.getByRole('dialog', { name: /ŕíñţ áƒţéŕçáŕé/ })).toBeVisible();
  await page.screenshot({ path: out('pseudo-aftercare-dialog.png') });
});

test('the session editor with the app in German', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await practiceAndClient(page);
  const clientPage = page.url();
  await chooseLanguage(page, 'de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.goto(clientPage);
  await page.getByRole('button', { name: 'Heute mit dem Klienten durchgesehen: keine Änderungen' }).click();
  await page.getByRole('region', { name: 'Sitzungen' }).getByRole('button', { name: 'Neue Sitzung' }).click();
  await page.getByLabel('Hauptanliegen').fill('Kieferverspannung nach Zahnbehandlung');
  await expect(page.getByText('Gespeichert', { exact: true })).toBeVisible();
  await page.screenshot({ path: out('session-editor-de.png') });
});
