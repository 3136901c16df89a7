import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function createClient(
  page: Page,
  first: string,
  last: string,
  details: { dob?: string; phone?: string; notes?: string } = {},
) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  if (details.dob) await page.getByLabel('Date of birth').fill(details.dob);
  if (details.phone) await page.getByLabel('Phone').first().fill(details.phone);
  if (details.notes) await page.getByLabel('Notes', { exact: true }).fill(details.notes);
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
}

/** A draft note with a chief complaint, autosaved; back on the client page afterwards. */
async function writeDraftNote(page: Page, complaint: string) {
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
  await page.getByLabel('Chief complaint').fill(complaint);
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Export client record' })).toBeVisible();
}

async function openBackupPage(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Backup' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible();
}

test('"Export spreadsheet" saves clients.csv then sessions.csv, UTF-8 with BOM, with the client and the note', async ({
  page,
  harness,
}) => {
  await createClient(page, 'Zoë', 'Ødegård', { dob: '1980-04-02', phone: '+47 912 34 567' });
  await writeDraftNote(page, 'Jaw tension, "mornings"');

  await openBackupPage(page);
  const card = page.getByRole('region', { name: 'Exports' });
  await card.getByRole('button', { name: 'Export spreadsheet' }).click();
  await expect(card.getByRole('status')).toContainText('1 client saved to');
  await expect(card.getByRole('status')).toContainText('1 session note saved to');

  const saved = await harness.savedFiles();
  expect(saved.map((file) => path.basename(file))).toEqual(['clients.csv', 'sessions.csv']);
  const clients = fs.readFileSync(saved[0]!);
  expect([...clients.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const clientsText = clients.toString('utf8');
  expect(clientsText).toContain('client_id,first_name,last_name,');
  expect(clientsText).toContain(',Zoë,Ødegård,,1980-04-02,');
  // The phone starts with "+": written as text, not a formula.
  expect(clientsText).toContain(`"'+47 912 34 567"`);
  const sessionsText = fs.readFileSync(saved[1]!, 'utf8');
  expect(sessionsText).toContain('Zoë Ødegård');
  expect(sessionsText).toContain('"Jaw tension, ""mornings"""');
  expect(sessionsText).toContain(',draft,');
});

test('"Export client record" saves a PDF and a JSON, and each note records the export', async ({
  page,
  harness,
}) => {
  await createClient(page, 'Σοφία', 'Παπαδοπούλου', { dob: '1980-04-02' });
  await writeDraftNote(page, 'Tension headaches');

  await page.getByRole('button', { name: 'Export client record' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export client record' });
  await expect(dialog).toContainText('1 note (0 signed)');
  await dialog.getByRole('button', { name: 'Save PDF…' }).click();
  await expect(dialog.getByRole('status')).toContainText('PDF saved to');
  await dialog.getByRole('button', { name: 'Save JSON…' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'JSON saved to' })).toBeVisible();

  const saved = await harness.savedFiles();
  expect(saved).toHaveLength(2);
  const [pdfFile, jsonFile] = saved as [string, string];
  expect(path.basename(pdfFile)).toMatch(/^Client record Παπαδοπούλου-Σοφία \d{4}-\d{2}-\d{2}\.pdf$/);
  expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
  const record = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  expect(record).toMatchObject({
    format: 'stillpoint-client-record',
    version: 1,
    client: { firstName: 'Σοφία', lastName: 'Παπαδοπούλου', dateOfBirth: '1980-04-02' },
  });
  expect(record.sessions).toHaveLength(1);
  expect(record.sessions[0].note.chiefComplaint).toBe('Tension headaches');
  // The JSON was read after the PDF was saved, so it holds the PDF's "exported" entry.
  expect(record.auditLog.map((entry: { action: string }) => entry.action)).toEqual(['created', 'exported']);
  expect(record.auditLog[1].detail).toContain('Client record exported as PDF');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await page
    .getByRole('list', { name: 'Sessions, newest first' })
    .getByRole('link', { name: /Tension headaches/ })
    .click();
  const audit = page.getByRole('region', { name: 'Audit log' });
  await expect(audit.locator('tr[data-action="exported"]')).toHaveCount(2);
});

test('a record the PDF fonts cannot print is refused with the characters, and the JSON still saves', async ({
  page,
  harness,
}) => {
  await createClient(page, 'Mei', 'Chen', { notes: 'Prefers 陈 on letters 🍵' });
  await page.getByRole('button', { name: 'Export client record' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export client record' });
  await dialog.getByRole('button', { name: 'Save PDF…' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'These characters cannot be printed with the PDF fonts: 陈, 🍵. They are in: Client notes.',
  );
  expect(await harness.savedFiles()).toEqual([]);
  await dialog.getByRole('button', { name: 'Save JSON…' }).click();
  await expect(dialog.getByRole('status')).toContainText('JSON saved to');
  const [jsonFile] = await harness.savedFiles();
  expect(JSON.parse(fs.readFileSync(jsonFile!, 'utf8')).client.notes).toBe('Prefers 陈 on letters 🍵');
});

test('"Import clients" maps the columns, previews, imports the good rows and reports the skipped ones', async ({
  page,
  harness,
}, testInfo) => {
  await createClient(page, 'Marta', 'Kowalska', { dob: '1975-07-15' });
  const file = testInfo.outputPath('clients from old tool.csv');
  fs.writeFileSync(
    file,
    [
      'First Name,Surname,DOB,E-mail,Mobile',
      'Σοφία,Παπαδοπούλου,02/04/1980,sofia@example.com,+30 21 0123 4567',
      'Ola,Nordmann,17/05/1990,ola.example.com,',
      'Marta,Kowalska,15/07/1975,,',
      'Анна,Кузнецова,25/12/1985,,',
    ].join('\r\n'),
  );
  harness.nextOpenFile(file);

  await openBackupPage(page);
  const card = page.getByRole('region', { name: 'Import clients' });
  await card.getByRole('button', { name: 'Choose CSV file…' }).click();

  // The mapping preview: guessed from the header names, each with an example value.
  await expect(card).toContainText('clients from old tool.csv: 4 rows, fields separated by comma');
  const mapping = card.getByRole('group', { name: 'The column of your file for each Stillpoint field' });
  await expect(mapping.getByLabel('First name', { exact: true })).toHaveValue('0');
  await expect(mapping.getByLabel('Last name', { exact: true })).toHaveValue('1');
  await expect(mapping.getByLabel('Date of birth', { exact: true })).toHaveValue('2');
  await expect(mapping.getByLabel('Email', { exact: true })).toHaveValue('3');
  await expect(mapping.getByLabel('Phone', { exact: true })).toHaveValue('4');
  await expect(card.getByLabel('Dates in this file are written')).toHaveValue('dmy');
  await expect(card.getByTestId('import-summary')).toHaveText(
    '2 ready to import · 1 with problems · 1 already on record',
  );
  const preview = card.getByRole('table', { name: 'Preview' });
  await expect(preview.locator('tbody tr')).toHaveCount(4);
  await expect(preview.locator('tr[data-status="ready"]').first()).toContainText('1980-04-02');
  await expect(preview.locator('tr[data-status="invalid"]')).toContainText(
    'Email: Enter an email address like name@example.com',
  );

  await card.getByText('Rows that will be skipped (2)').click();
  await expect(card.locator('.skipped-preview li')).toHaveText([
    'Row 3: Email: Enter an email address like name@example.com',
    'Row 4: Duplicate: Marta Kowalska (born 1975-07-15) is already a client',
  ]);

  await card.getByRole('button', { name: 'Import 2 clients' }).click();
  const report = card.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status').first()).toHaveText(
    'Imported 2 clients from clients from old tool.csv. 2 rows were skipped.',
  );
  await expect(report.getByRole('list', { name: 'Rows skipped' }).getByRole('listitem')).toHaveText([
    'Row 3: Email: Enter an email address like name@example.com',
    'Row 4: Duplicate: Marta Kowalska (born 1975-07-15) is already a client',
  ]);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  const list = page.getByRole('list', { name: 'Client list' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list).toContainText('Σοφία Παπαδοπούλου');
  await expect(list).toContainText('Анна Кузнецова');
  await expect(list).not.toContainText('Nordmann');
});

test('an import whose dates could be either order asks which, and the preview follows the choice', async ({
  page,
  harness,
}, testInfo) => {
  const file = testInfo.outputPath('ambiguous.csv');
  fs.writeFileSync(file, '\uFEFFName;Date of birth\r\n"Berg, Anna";03/04/1980\r\n');
  harness.nextOpenFile(file);
  await openBackupPage(page);
  const card = page.getByRole('region', { name: 'Import clients' });
  await card.getByRole('button', { name: 'Choose CSV file…' }).click();
  await expect(card).toContainText('separated by semicolon');
  await expect(card.getByText('Dates like 03/04/1980 could mean 3 April or March 4')).toBeVisible();
  const preview = card.getByRole('table', { name: 'Preview' });
  await card.getByLabel('Dates in this file are written').selectOption('mdy');
  await expect(preview.locator('tbody tr').first()).toContainText('1980-03-04');
  await card.getByLabel('Dates in this file are written').selectOption('dmy');
  await expect(preview.locator('tbody tr').first()).toContainText('1980-04-03');
  await expect(preview.locator('tbody tr').first()).toContainText('Anna');
  await expect(preview.locator('tbody tr').first()).toContainText('Berg');
});
