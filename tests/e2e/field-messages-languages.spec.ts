import { expect, test } from './fixtures';

/**
 * Issue 19: the messages beside form fields that the shared zod schemas write are shown in the
 * app's language, not in the schema's English.
 */

test('a German therapist saving a client without a first name reads why in German', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language of Stillpoint').selectOption('de');
  const nav = page.getByRole('navigation', { name: 'Bereiche' });
  await expect(nav.getByRole('link', { name: 'Einstellungen' })).toBeVisible();

  await nav.getByRole('link', { name: 'Klienten' }).click();
  await page.getByRole('button', { name: 'Neuer Klient' }).click();
  await page.getByLabel('Nachname').fill('Fernández');
  await page.getByLabel('Rufname').fill('L'.repeat(101));
  await page.getByRole('button', { name: 'Klient speichern' }).click();

  const firstName = page.getByLabel('Vorname', { exact: true });
  await expect(firstName).toHaveAttribute('aria-invalid', 'true');
  await expect(firstName).toHaveAccessibleDescription('Geben Sie einen Vornamen ein');
  await expect(page.getByLabel('Rufname')).toHaveAccessibleDescription(
    'Der Rufname darf höchstens 100 Zeichen lang sein',
  );
  await expect(page.getByText('Enter a first name')).toHaveCount(0);

  // Once named, the client is saved: the message was the only thing in the way.
  await firstName.fill('Lucía');
  await page.getByLabel('Rufname').fill('Lu');
  await page.getByRole('button', { name: 'Klient speichern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Fernández/ })).toBeVisible();
});
