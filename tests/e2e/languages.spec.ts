import fs from 'node:fs';
import path from 'node:path';
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

/** Draws a signature with the mouse: a few strokes across the box. */
async function signWithMouse(page: Page) {
  const box = await page.getByTestId('signature-box').boundingBox();
  if (!box) throw new Error('no signature box');
  await page.mouse.move(box.x + 30, box.y + 100);
  await page.mouse.down();
  for (let i = 1; i <= 25; i++) {
    await page.mouse.move(box.x + 30 + i * 14, box.y + 100 - Math.round(Math.sin(i / 2) * 40), { steps: 2 });
  }
  await page.mouse.up();
}

function isoDaysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
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
  await page.getByRole('button', { name: 'Neuer Klient' }).click();
  await page.getByLabel('Vorname').fill('Lucía');
  await page.getByLabel('Nachname').fill('Fernández');
  await expect(page.getByLabel('Bevorzugte Sprache')).toHaveValue('');
  await page.getByLabel('Bevorzugte Sprache').selectOption('es');
  await page.getByRole('button', { name: 'Klient speichern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Fernández/ })).toBeVisible();
  await page.getByRole('button', { name: 'Heute mit dem Klienten durchgesehen: keine Änderungen' }).click();
  await expect(page.getByRole('region', { name: 'Sicherheitsprüfung' })).toContainText(
    'Krankengeschichte zuletzt am',
  );

  // A note, signed: the session screens speak German too.
  await page.getByRole('region', { name: 'Sitzungen' }).getByRole('button', { name: 'Neue Sitzung' }).click();
  await page.getByLabel('Hauptanliegen').fill('Tensión en la mandíbula');
  // Settings' "Your name" signs.
  await expect(page.getByLabel('Unterschrieben von')).toHaveValue('Maren Holt');
  await page.getByRole('button', { name: 'Notiz unterschreiben' }).click();
  await expect(page.getByTestId('signature')).toContainText('Unterschrieben am');
  await expect(page.getByTestId('signature')).toContainText('Maren Holt');

  // The handout: the dialog in German, the paper in Spanish.
  await page.getByRole('button', { name: 'Nachsorgeblatt drucken' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nachsorgeblatt drucken' });
  await expect(dialog.getByTestId('handout-language')).toHaveText('Sprache des Blatts: Español');
  const preview = dialog.getByRole('article', { name: 'Vorschau des Nachsorgeblatts' });
  await expect(preview).toContainText('Busque atención médica si nota');
  await dialog.getByRole('button', { name: 'PDF speichern' }).click();
  await expect(dialog.getByRole('status')).toContainText('Gespeichert unter');
  const [handoutFile] = await harness.savedFiles();
  // Named in the paper's language too.
  expect(path.basename(handoutFile!)).toMatch(/^Hoja de cuidados .+ \d{4}-\d{2}-\d{2}\.pdf$/);
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
  expect(path.basename(files[files.length - 1]!)).toMatch(/^Historial del cliente .+\.pdf$/);
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

test('German app, Spanish client: the intake form and consent are Spanish, the review German, the signed consent PDF Spanish', async ({
  page,
  harness,
}) => {
  await switchToGerman(page);
  const nav = page.getByRole('navigation', { name: 'Bereiche' });
  await nav.getByRole('link', { name: 'Klienten' }).click();
  await page.getByRole('button', { name: 'Neuer Klient' }).click();
  await page.getByLabel('Vorname').fill('Lucía');
  await page.getByLabel('Nachname').fill('Fernández');
  await page.getByLabel('Bevorzugte Sprache').selectOption('es');
  await page.getByRole('button', { name: 'Klient speichern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Fernández/ })).toBeVisible();

  // The therapist's card is German and says the form will be Spanish.
  const card = page.getByRole('region', { name: 'Aufnahme und Einwilligung' });
  await expect(card.getByTestId('intake-language')).toHaveText('Español');
  await card.getByRole('button', { name: 'An den Klienten übergeben', exact: true }).click();

  // Client mode: the form, its questions and messages in Spanish.
  const clientMode = page.getByTestId('client-mode');
  await expect(page.getByRole('heading', { level: 1, name: 'Sobre usted y su salud' })).toBeVisible();
  await expect(clientMode.getByRole('main')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 2, name: 'Su salud' })).toBeVisible();
  await expect(page.getByLabel(/^Nombre/)).toHaveValue('Lucía');
  await page.getByLabel('Fecha de nacimiento').fill('1979-04-11');
  await page.getByLabel('¿Qué le trae por aquí?').fill('Dolor de cabeza desde una caída.');
  const fracture = page.getByRole('group', { name: /fractura de cráneo/ });
  await fracture.getByLabel('Sí').check();
  const when = page.getByLabel('¿Cuándo fue? (basta con una fecha aproximada)');
  await when.fill(isoDaysAgo(-5));
  await page.getByRole('button', { name: 'Siguiente: consentimiento' }).click();
  await expect(page.getByText('Esta fecha está en el futuro: por favor, compruébela')).toBeVisible();
  await when.fill(isoDaysAgo(21));
  await page.getByRole('button', { name: 'Siguiente: consentimiento' }).click();

  // The consent the client reads and signs: Stillpoint's Spanish wording.
  await expect(page.getByRole('heading', { level: 1, name: 'Consentimiento' })).toBeVisible();
  await expect(page.getByText('No es un tratamiento médico.', { exact: false })).toBeVisible();
  await expect(page.getByText('It is not a medical treatment.', { exact: false })).toHaveCount(0);
  await expect(page.getByLabel('Su nombre completo')).toHaveValue('Lucía Fernández');
  await page.getByRole('button', { name: 'Firmar y enviar a mi terapeuta' }).click();
  await expect(page.getByText('Por favor, firme en el recuadro')).toBeVisible();
  await signWithMouse(page);
  await page.getByRole('button', { name: 'Firmar y enviar a mi terapeuta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gracias' })).toBeVisible();

  // The therapist's way back is German.
  await page.getByRole('button', { name: 'Therapeut: zurück' }).click();
  const back = page.getByRole('dialog', { name: 'Therapeut: zurück zu Stillpoint' });
  await back
    .getByLabel('Geben Sie Ihren Namen ein (den Therapeutennamen aus den Einstellungen)')
    .fill('Maren Holt');
  await back.getByRole('button', { name: 'Zurück', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Fernández/ })).toBeVisible();

  // The review: German, the questions in German too, though the client read them in Spanish.
  await expect(card.getByRole('heading', { name: 'Aufnahme zu prüfen' })).toBeVisible();
  await card.getByRole('button', { name: 'Prüfen' }).click();
  const review = page.getByRole('region', { name: /Aufnahmebogen vom/ });
  await expect(review.getByRole('columnheader', { name: 'Antwort des Klienten' })).toBeVisible();
  const row = review.getByRole('row').filter({ hasText: 'Knochenbruch am Schädel' });
  await expect(row).toContainText('Neu');
  await expect(review).toContainText('Weitere Antworten');
  await review.getByRole('button', { name: 'In die Gesundheitsangaben übernehmen' }).click();
  await expect(card.getByRole('heading', { name: 'Aufnahme zu prüfen' })).toHaveCount(0);
  await expect(card).toContainText('Version 1, unterschrieben am');

  // The signed consent as a PDF: Spanish, whatever the app speaks.
  await card.getByRole('button', { name: 'Unterschriebene Einwilligung als PDF speichern' }).click();
  await expect(card.getByRole('status')).toContainText('Gespeichert unter');
  const [file] = await harness.savedFiles();
  expect(path.basename(file!)).toMatch(/^Consentimiento .+ \d{4}-\d{2}-\d{2}\.pdf$/);
  const consent = await pdfText(file!);
  expect(consent).toContain('Consentimiento para la terapia craneosacral');
  expect(consent).toContain('No es un tratamiento médico.');
  expect(consent).toContain('Nombre: Lucía Fernández');
  expect(consent).toContain('Firmado por: El/la cliente');
  expect(consent).toContain('Testigo: Maren Holt');
  expect(consent).not.toContain('Consent to craniosacral therapy');
  expect(consent).not.toContain('Einwilligung');
});

test('a new client handed the form in French reads it in French; the way back stays in the app language', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('button', { name: 'Hand to client…' }).click();
  const hand = page.getByRole('dialog', { name: 'Hand to a new client' });
  await hand.getByLabel('First name').fill('Élodie');
  await hand.getByLabel('Last name').fill('Marchand');
  await hand.getByLabel('Preferred language').selectOption('fr');
  await hand.getByRole('button', { name: 'Hand to client', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vous et votre santé' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Suivant : consentement' })).toBeVisible();
  await page.getByRole('button', { name: 'Therapist: return' }).click();
  await page.getByLabel('Type the word “therapist”').fill('therapist');
  await page.getByRole('button', { name: 'Return', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Marchand/ })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Intake and consent' }).getByTestId('intake-language'),
  ).toHaveText('Français');
});

test('the app language can go back to following the computer', async ({ page }) => {
  await switchToGerman(page);
  await page.getByLabel('Sprache von Stillpoint').selectOption('system');
  await expect(
    page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

// Issue 19: the CSV import's field names, choices and row problems follow the app's language.
test('German app: the CSV import names fields, choices and row problems in German', async ({
  page,
  harness,
}, testInfo) => {
  const file = testInfo.outputPath('klienten.csv');
  fs.writeFileSync(
    file,
    [
      'First name;Last name;Date of birth;Email;Medical alerts',
      'Marta;Kowalska;31/02/1980;marta.example.com;Epilepsy',
      'Tom;Becker;;;',
    ].join('\r\n'),
  );
  await switchToGerman(page);
  harness.nextOpenFile(file);
  await page
    .getByRole('navigation', { name: 'Bereiche' })
    .getByRole('link', { name: 'Datensicherung' })
    .click();
  const card = page.getByRole('region', { name: 'Klienten importieren' });
  await card.getByRole('button', { name: 'CSV-Datei wählen…' }).click();

  await expect(card.getByTestId('import-file-summary')).toContainText('Felder getrennt durch Semikolon');
  await expect(card.getByLabel('Geburtsdatum', { exact: true })).toBeVisible();
  await expect(card.getByLabel('Datumsangaben in dieser Datei sind geschrieben als')).toContainText(
    'TT/MM/JJJJ (Tag zuerst)',
  );
  await expect(card.getByLabel('Medical alerts')).toContainText('Weglassen');
  await expect(card.locator('.noticed-preview')).toContainText(
    'Zeile 2: Geburtsdatum: leer gelassen: „31/02/1980“ ist kein gültiges Datum',
  );
  // The schema's own reason, German to the end.
  await expect(card.locator('.noticed-preview')).toContainText(
    'Zeile 2: E-Mail: leer gelassen: Geben Sie eine E-Mail-Adresse wie name@example.com ein (gefunden: „marta.example.com“)',
  );

  // A file that is no client list is refused in German.
  const empty = testInfo.outputPath('leer.csv');
  fs.writeFileSync(empty, 'First name;Last name\r\n');
  await card.getByRole('button', { name: 'Abbrechen' }).click();
  harness.nextOpenFile(empty);
  await card.getByRole('button', { name: 'CSV-Datei wählen…' }).click();
  await expect(card.getByRole('alert')).toHaveText(
    'Diese Datei hat eine Kopfzeile, aber keine Klienten darunter.',
  );

  // The passphrase meter knows German words: one common word is too easy to guess.
  const backup = page.getByRole('form', { name: 'Sicherung erstellen' });
  await backup.getByLabel('Passphrase', { exact: true }).fill('Schmetterling');
  await expect(backup.getByText('Stärke: zu leicht zu erraten', { exact: false })).toBeVisible();
});

test('German app: the safety check names a condition picked from the list in German, whichever language stored it', async ({
  page,
}) => {
  // Picked from the list while the app spoke English: stored as "Skull fracture".
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Marta');
  await page.getByLabel('Last name').fill('Kowalska');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Kowalska/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add condition' }).click();
  const condition = page.getByRole('group', { name: 'Condition 1' });
  await condition.getByLabel('From the list').selectOption({ label: 'Skull fracture' });
  await condition.getByLabel('Onset or diagnosis date').fill(isoDaysAgo(10));
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByRole('status')).toHaveText('Health history saved.');
  await expect(page.getByRole('region', { name: 'Safety check' })).toContainText('Skull fracture on');

  await switchToGerman(page);
  await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Klienten' }).click();
  await page.getByRole('link', { name: /Marta Kowalska/ }).click();
  const banner = page.getByRole('region', { name: 'Sicherheitsprüfung' });
  await expect(banner).toContainText('Schädelbruch am');
  await expect(banner).not.toContainText('Skull fracture');
});
