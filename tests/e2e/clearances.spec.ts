import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from './fixtures';

/**
 * Issue 21, item 6: a "Do not treat" concussion offers, besides a reason to treat anyway, a way
 * to record that a physician assessed the client. The clearance is kept on the client's file (who,
 * when, until when, who recorded it), so the next session shows it and the finding reads as
 * cleared; the signed note and the client record PDF say so in words.
 */

// A whole path of many steps: a slow, shared machine gets three times the usual budget.
test.slow();

async function openApp(page: Page) {
  await page.clock.setFixedTime(new Date('2026-12-03T10:00:00'));
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

async function pdfText(file: string): Promise<string> {
  const proxy = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
  const { text } = await extractText(proxy, { mergePages: true });
  // Lines wrap wherever the page ends them: compare words, not line breaks.
  return text.replace(/\s+/g, ' ');
}

test('a concussion 2 weeks ago: record the physician clearance, sign, and the next session shows it cleared', async ({
  page,
  harness,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Ines');
  await page.getByLabel('Last name').fill('Moreau');
  await page.getByLabel('Date of birth').fill('1984-06-20');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Ines Moreau/ })).toBeVisible();

  // Concussion two weeks ago, not (yet) seen by a physician: "Do not treat".
  await page.getByRole('button', { name: 'Add head injury' }).click();
  const injury = page.getByRole('group', { name: 'Head injury 1' });
  await injury.getByLabel('Injury date').fill('2026-11-19');
  await injury.getByLabel('What happened').fill('Concussion, fell off her bike');
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByText('Health history saved.')).toBeVisible();

  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
  const safety = page.getByRole('region', { name: 'Safety check' });
  const finding = safety.locator('li[data-severity="AVOID"]');
  await expect(finding).toContainText('Do not treat');
  await expect(finding).toContainText('Brain injury or concussion');
  await expect(finding.getByLabel('Reason to treat despite this finding')).toBeVisible();

  // The physician assessed her: record it. Dates go through the date rules, beside the field.
  await finding.getByRole('button', { name: /Record physician clearance/ }).click();
  const form = finding.getByRole('group', { name: /Physician clearance for Brain injury or concussion/ });
  await form.getByLabel('Assessed and cleared by (physician)').fill('Dr Lena Fischer');
  await form.getByLabel('Clearance date').fill('2026-12-05');
  await expect(form.getByText('The clearance date cannot be in the future')).toBeVisible();
  await form.getByLabel('Clearance date').fill('2026-12-01');
  await form.getByLabel('Valid until (optional)').fill('2026-11-30');
  await expect(form.getByText('The "valid until" date cannot be before the clearance date')).toBeVisible();
  await form.getByRole('button', { name: "Save clearance to the client's file" }).click();
  // Refused while a date is wrong: nothing written, the form stays with what was typed.
  await expect(form.getByLabel('Assessed and cleared by (physician)')).toHaveValue('Dr Lena Fischer');
  await form.getByLabel('Valid until (optional)').fill('2027-01-15');
  await form.getByLabel('Recorded by').fill('Anna Lind');
  await form.getByLabel('Note (optional)').fill('GP letter: no concussion signs on examination');
  await form.getByRole('button', { name: "Save clearance to the client's file" }).click();

  // The finding now reads as cleared: no reason to treat despite it is needed.
  await expect(finding.locator('.clearance-on-file')).toContainText(
    /Cleared by Dr Lena Fischer on .+, until .+ \(recorded by Anna Lind\)/,
  );
  await expect(finding.getByLabel('Reason to treat despite this finding')).toHaveCount(0);
  await safety.getByRole('checkbox', { name: /Acknowledge/ }).check();
  await page.getByLabel('Chief complaint').fill('Neck stiffness since the fall');
  await page.getByLabel('Signed by').fill('Anna Lind');
  await page.getByRole('button', { name: 'Sign note' }).click();
  const soap = page.getByRole('region', { name: 'SOAP note' });
  // Dates in whichever form the screen shows them.
  await expect(soap).toContainText(
    /Brain injury or concussion \(Do not treat\), acknowledged; cleared by Dr Lena Fischer on .+, valid until .+ \(physician clearance on the client's file, recorded by Anna Lind\)/,
  );
  await expect(soap).not.toContainText('AVOID');
  const audit = page.getByRole('region', { name: 'Audit log' });
  await expect(audit.locator('tr[data-action="clearance-recorded"]')).toContainText(
    'Brain injury or concussion: cleared by Dr Lena Fischer on 2026-12-01',
  );

  // A week later: the next session shows the clearance on file, and the finding is cleared.
  await page.clock.setFixedTime(new Date('2026-12-10T10:00:00'));
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /Ines Moreau/ })).toBeVisible();
  const banner = page.getByRole('region', { name: 'Safety check' });
  await expect(banner.locator('.finding-group.lifted')).toContainText(
    /Brain injury or concussion.*Cleared by Dr Lena Fischer on .+, until .+/,
  );
  await expect(banner.locator('li[data-severity="AVOID"]')).toHaveCount(0);
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 2/ })).toBeVisible();
  const next = page.getByRole('region', { name: 'Safety check' }).locator('li[data-severity="AVOID"]');
  await expect(next.locator('.clearance-on-file')).toContainText(/Cleared by Dr Lena Fischer on .+, until /);
  await expect(next.getByText('Cleared', { exact: true })).toBeVisible();
  await expect(next.getByRole('button', { name: /Record physician clearance/ })).toHaveCount(0);
  await expect(next.getByLabel('Reason to treat despite this finding')).toHaveCount(0);

  // The client record PDF names the clearance, in words, in the history and in the signed note.
  await page.goBack();
  await page.getByRole('button', { name: 'Export client record' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export client record' });
  await dialog.getByRole('button', { name: 'Save PDF…' }).click();
  await expect(dialog.getByRole('status')).toContainText('PDF saved to');
  const [pdfFile] = await harness.savedFiles();
  const text = await pdfText(pdfFile!);
  expect(text).toContain(
    'Brain injury or concussion (head injury: Concussion, fell off her bike): cleared by Dr Lena Fischer on',
  );
  expect(text).toContain('Recorded by Anna Lind on');
  expect(text).toContain('GP letter: no concussion signs on examination.');
  expect(text).toContain("(physician clearance on the client's file, recorded by Anna Lind)");
  expect(text).not.toMatch(/\bAVOID\b/);
});
