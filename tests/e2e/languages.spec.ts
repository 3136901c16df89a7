import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { HANDOUT_TEMPLATES } from '../../src-shared/i18n';
import { expect, test } from './fixtures';

/**
 * Issue 19: the app speaks the therapist's language, papers speak the client's. The app is
 * switched to German; a client who reads Spanish gets a Spanish handout (red flags included)
 * and a Spanish client record, while every screen around them stays German.
 */

async function pdfText(file: string): Promise<string> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

async function switchToGerman(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const practice = page.getByRole('form', { name: 'Practice details' });
  await practice.getByLabel('Practice name').fill('Praxis Stille');
  await practice.getByLabel('Your name').fill('Maren Holt');
  await practice.getByRole('button', { name: 'Save practice details' }).click();
  await expect(practice.getByRole('status')).toHaveText('Practice details saved.');

  await page.getByLabel('Language of Stillpoint').selectOption('de');
  const nav = page.getByRole('navigation', { name: 'Bereiche' });
  await expect(nav.getByRole('link', { name: 'Einstellungen' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sprache' })).toContainText(
    'Gespeichert. Stillpoint spricht jetzt Deutsch.',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
}

test('German app, Spanish client: the handout and the client record are Spanish, the screens German', async ({
  page,
  harness,
}) => {
  await switchToGerman(page);
  const nav = page.getByRole('navigation', { name: 'Bereiche' });
  await expect(nav).toContainText('Zu unterschreiben');
  await expect(nav).toContainText('Die Daten bleiben auf diesem Computer.');

  // A client who reads Spanish.
  await nav.getByRole('link', { name: 'Klienten' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Lucía');
  await page.getByLabel('Last name').fill('Fernández');
  await expect(page.getByLabel('Bevorzugte Sprache')).toHaveValue('');
  await page.getByLabel('Bevorzugte Sprache').selectOption('es');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Fernández/ })).toBeVisible();
  await page.getByRole('button', { name: 'Reviewed with the client today: no changes' }).click();
  await expect(page.getByRole('region', { name: 'Safety check' })).toContainText(
    'Health history last reviewed',
  );

  // A note, signed.
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await page.getByLabel('Chief complaint').fill('Tensión en la mandíbula');
  // Settings' "Your name" signs.
  await expect(page.getByLabel('Signed by')).toHaveValue('Maren Holt');
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByTestId('signature')).toContainText('Maren Holt');

  // The handout: the dialog in German, the paper in Spanish.
  await page.getByRole('button', { name: 'Print aftercare' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nachsorgeblatt drucken' });
  await expect(dialog.getByTestId('handout-language')).toHaveText('Sprache des Blatts: Español');
  const preview = dialog.getByRole('article', { name: 'Vorschau des Nachsorgeblatts' });
  await expect(preview).toContainText('Busque atención médica si nota');
  await dialog.getByRole('button', { name: 'PDF speichern' }).click();
  await expect(dialog.getByRole('status')).toContainText('Gespeichert unter');
  const [handoutFile] = await harness.savedFiles();
  const handout = await pdfText(handoutFile!);
  expect(handout).toContain('Después de su sesión');
  expect(handout).toContain('Busque atención médica si nota');
  for (const flag of HANDOUT_TEMPLATES.es.seekHelp) expect(handout).toContain(flag);
  expect(handout).toContain('Gracias por venir hoy, Lucía.');
  expect(handout).not.toContain('Seek medical help');
  expect(handout).not.toContain('Suchen Sie ärztliche Hilfe');
  await dialog.getByRole('button', { name: 'Schließen' }).click();

  // The client record: Spanish too.
  await page.goBack();
  // The export dialog is the app's (German); the record it saves is the client's (Spanish).
  await page.getByRole('button', { name: 'Klientenakte exportieren' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Klientenakte exportieren' });
  await exportDialog.getByRole('button', { name: 'PDF speichern…' }).click();
  await expect(exportDialog.getByRole('status')).toContainText('PDF gespeichert unter');
  const files = await harness.savedFiles();
  const record = await pdfText(files[files.length - 1]!);
  expect(record).toContain('Historial del cliente');
  expect(record).toContain('Contacto y consentimiento');
  expect(record).toContain('Notas de sesión');
  expect(record).toContain('Firmada por Maren Holt');
  expect(record).not.toContain('Klientenakte');
  expect(record).not.toContain('Client record');

  // And the app around them still speaks German.
  await expect(
    page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Datensicherung' }),
  ).toBeVisible();
});

test('the app language can go back to following the computer', async ({ page }) => {
  await switchToGerman(page);
  await page.getByLabel('Sprache von Stillpoint').selectOption('system');
  await expect(
    page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
