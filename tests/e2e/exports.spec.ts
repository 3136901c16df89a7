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

test('"Export spreadsheet" saves clients.csv, sessions.csv and outcomes.csv, UTF-8 with BOM, with the client and the note', async ({
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
  expect(saved.map((file) => path.basename(file))).toEqual(['clients.csv', 'sessions.csv', 'outcomes.csv']);
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
    '3 ready to import · 0 with problems · 1 already on record',
  );
  const preview = card.getByRole('table', { name: 'Preview' });
  await expect(preview.locator('tbody tr')).toHaveCount(4);
  await expect(preview.locator('tr[data-status="ready"]').first()).toContainText('1980-04-02');
  // One bad cell no longer costs the client: the e-mail is left empty and the row says so.
  await expect(preview.locator('tr[data-notices="true"]')).toContainText(
    'Email: left empty: Enter an email address like name@example.com (found "ola.example.com")',
  );

  await card.getByText('Rows that will be skipped (1)').click();
  await expect(card.locator('.skipped-preview:not(.noticed-preview) li')).toHaveText([
    'Row 4: Duplicate: Marta Kowalska (born 1975-07-15) is already a client',
  ]);

  await card.getByRole('button', { name: 'Import 3 clients' }).click();
  const report = card.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status').first()).toHaveText(
    'Imported 3 clients from clients from old tool.csv. 1 row was skipped. 1 client was imported with a field left empty or a name to check.',
  );
  await expect(report.getByRole('list', { name: 'Rows skipped' }).getByRole('listitem')).toHaveText([
    'Row 4: Duplicate: Marta Kowalska (born 1975-07-15) is already a client',
  ]);
  await expect(report.getByRole('list', { name: 'Imported: check these' }).getByRole('listitem')).toHaveText([
    'Row 3: Email: left empty: Enter an email address like name@example.com (found "ola.example.com")',
  ]);
  await report.getByRole('button', { name: 'Save report as CSV…' }).click();
  await expect(report.getByText(/Report saved to/)).toBeVisible();
  const [reportFile] = await harness.savedFiles();
  expect(fs.readFileSync(reportFile!, 'utf8')).toBe(
    '\uFEFFrow,outcome,field,reason\r\n' +
      '3,imported,Email,"left empty: Enter an email address like name@example.com (found ""ola.example.com"")"\r\n' +
      '4,skipped,Duplicate,Marta Kowalska (born 1975-07-15) is already a client\r\n',
  );

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  const list = page.getByRole('list', { name: 'Client list' });
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect(list).toContainText('Σοφία Παπαδοπούλου');
  await expect(list).toContainText('Анна Кузнецова');
  await expect(list).toContainText('Ola Nordmann');
});

// Issue 13 finding 4: a broken quote swallowed the rows after it, and one bad byte re-read the
// whole file as Windows-1252, with nothing reported.
test('an import with a broken quote and a byte that is not UTF-8 shows both in the preview and the report, and imports every other row', async ({
  page,
  harness,
}, testInfo) => {
  const file = testInfo.outputPath('broken.csv');
  fs.writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(
        [
          'First,Last,Email',
          'Zoë,Ødegård,zoe@example.com',
          'Ben,"Carter,ben@example.com',
          'Cleo,Dune,cleo@example.com',
          'Mar',
        ].join('\r\n'),
        'utf8',
      ),
      Buffer.from([0xeb]),
      Buffer.from('l,Berg,\r\nАнна,Кузнецова,\r\n', 'utf8'),
    ]),
  );
  harness.nextOpenFile(file);
  await openBackupPage(page);
  const card = page.getByRole('region', { name: 'Import clients' });
  await card.getByRole('button', { name: 'Choose CSV file…' }).click();

  await expect(card.getByTestId('import-file-summary')).toContainText('broken.csv: 5 rows');
  await expect(card.getByText('1 row could not be read because of a quote (")')).toBeVisible();
  await expect(card.getByText('Some characters in this file are not UTF-8 and show as �.')).toBeVisible();
  await expect(card.getByLabel('Read the file as')).toHaveValue('utf-8');
  await expect(card.getByTestId('import-summary')).toHaveText(
    '3 ready to import · 2 with problems · 0 already on record',
  );
  const preview = card.getByRole('table', { name: 'Preview' });
  // Accents elsewhere in the file are read as written, not as Windows-1252.
  await expect(preview.locator('tbody tr').first()).toContainText('Zoë');
  await expect(preview.locator('tbody tr').first()).toContainText('Ødegård');
  await expect(preview.locator('tr[data-status="unreadable"]')).toContainText('Ben,"Carter,ben@example.com');

  await card.getByRole('button', { name: 'Import 3 clients' }).click();
  const report = card.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status').first()).toHaveText(
    'Imported 3 clients from broken.csv. 2 rows were skipped.',
  );
  await expect(report.getByRole('list', { name: 'Rows skipped' }).getByRole('listitem')).toHaveText([
    'Row 3: Whole row: This row could not be read: a quote (") opened in it is never closed. Fix the quotes in the file and import it again. It starts: Ben,"Carter,ben@example.com',
    'Row 5: First name: Mar\uFFFDl holds characters that could not be read (this part of the file is not UTF-8); fix the file or read it as Windows-1252',
  ]);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  const list = page.getByRole('list', { name: 'Client list' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list).toContainText('Zoë Ødegård');
  await expect(list).toContainText('Cleo Dune');
  await expect(list).toContainText('Анна Кузнецова');
});

test('a file saved by an older Windows program is read as Windows-1252 only when the therapist chooses it', async ({
  page,
  harness,
}, testInfo) => {
  const file = testInfo.outputPath('legacy.csv');
  fs.writeFileSync(file, Buffer.from('First,Last\r\nZo\xeb,M\xfcller\r\n', 'latin1'));
  harness.nextOpenFile(file);
  await openBackupPage(page);
  const card = page.getByRole('region', { name: 'Import clients' });
  await card.getByRole('button', { name: 'Choose CSV file…' }).click();
  await expect(card.getByTestId('import-summary')).toHaveText(
    '0 ready to import · 1 with problems · 0 already on record',
  );
  await card.getByLabel('Read the file as').selectOption('windows-1252');
  await expect(card.getByTestId('import-file-summary')).toContainText('read as Windows-1252 (as you chose)');
  await expect(card.getByTestId('import-summary')).toHaveText(
    '1 ready to import · 0 with problems · 0 already on record',
  );
  await expect(card.getByRole('table', { name: 'Preview' }).locator('tbody tr').first()).toContainText(
    'Müller',
  );
});

// Issue 21 item 12: columns it could not map were dropped without a word, a whole client was
// skipped for one bad cell, and "BECKER TOM" became first name BECKER.
test('columns without a field are listed with samples and kept as notes or conditions to review; names in capitals are flagged', async ({
  page,
  harness,
}, testInfo) => {
  const file = testInfo.outputPath('other tool.csv');
  fs.writeFileSync(
    file,
    [
      'Client ID,Name,Email,Medical Alerts,Last Appointment',
      '1042,BECKER TOM,tom@example,"Epilepsy, Warfarin 5mg",2026-01-12',
      '1043,Anna Berg,anna@example.com,,2026-02-01',
    ].join('\r\n'),
  );
  harness.nextOpenFile(file);
  await openBackupPage(page);
  const card = page.getByRole('region', { name: 'Import clients' });
  await card.getByRole('button', { name: 'Choose CSV file…' }).click();

  const extras = card.getByRole('region', { name: 'Columns without a Stillpoint field' });
  await expect(extras.getByRole('listitem')).toHaveCount(3);
  await expect(extras.getByLabel('Client ID')).toHaveValue('notes');
  await expect(extras.getByRole('listitem').filter({ hasText: 'Client ID' })).toContainText(
    'e.g. 1042 · 1043',
  );
  await expect(extras.getByLabel('Medical Alerts')).toHaveValue('conditions');
  await expect(extras.getByRole('listitem').filter({ hasText: 'Medical Alerts' })).toContainText(
    'e.g. Epilepsy, Warfarin 5mg',
  );
  await extras.getByLabel('Last Appointment').selectOption('leave-out');

  await expect(card.getByLabel('Names written in capitals (BECKER TOM) put')).toHaveValue('last-first');
  await expect(card.getByText('1 name is written wholly in capitals')).toBeVisible();
  await expect(card.getByTestId('import-summary')).toHaveText(
    '2 ready to import · 0 with problems · 0 already on record',
  );
  await card.getByRole('button', { name: 'Import 2 clients' }).click();
  const report = card.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('list', { name: 'Imported: check these' }).getByRole('listitem')).toHaveText([
    'Row 2: Full name: "BECKER TOM" is in capitals, so the order is unclear: read as first name TOM, last name BECKER. Check it',
    'Row 2: Email: left empty: Enter an email address like name@example.com (found "tom@example")',
  ]);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page
    .getByRole('list', { name: 'Client list' })
    .getByRole('link', { name: /TOM BECKER/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /TOM BECKER/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Contact and consent' })).toContainText('Client ID: 1042');
  await expect(page.getByRole('region', { name: 'Contact and consent' })).not.toContainText('2026-01-12');
  await expect(page.getByRole('group', { name: 'Condition 1' }).getByLabel('Condition')).toHaveValue(
    'Epilepsy',
  );
  await expect(page.getByRole('group', { name: 'Condition 2' }).getByLabel('Condition')).toHaveValue(
    'Warfarin 5mg',
  );
  // The safety check reads the imported conditions.
  await expect(page.getByRole('region', { name: 'Safety check' })).not.toContainText('No contraindications');
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
