import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

function isoDaysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function createClient(page: Page, first: string, last: string) {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Date of birth').fill('1978-06-14');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
}

/** A condition from the list in the health history, saved (it drives the safety check). */
async function addCondition(page: Page, label: string, index: number) {
  await page.getByRole('button', { name: 'Add condition' }).click();
  await page
    .getByRole('group', { name: `Condition ${index}` })
    .getByLabel('From the list')
    .selectOption({ label });
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByText('Health history saved.')).toBeVisible();
}

function bodyMap(page: Page): Locator {
  return page.getByRole('group', { name: /^Body map, / });
}

function area(page: Page, name: string): Locator {
  return page
    .getByRole('list', { name: 'Treated areas, cranium to sacrum' })
    .getByRole('group', { name, exact: true });
}

async function waitForSaved(page: Page) {
  await expect(page.locator('.save-status')).toHaveText('Saved');
}

test('a therapist writes, reloads, signs and corrects a session note, and sees it in the timeline', async ({
  page,
}) => {
  await createClient(page, 'Marta', 'Kowalska');
  await addCondition(page, 'Osteoporosis', 1);

  const sessionsCard = page.getByRole('region', { name: 'Sessions' });
  await sessionsCard.getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();

  // Safety check first: the osteoporosis finding for today, acknowledged with how the work was modified.
  const safety = page.getByRole('region', { name: 'Safety check' });
  await expect(safety).toContainText('Osteoporosis');
  await safety
    .getByLabel('How the treatment was modified')
    .fill('Light contact, no compression on the spine');
  await safety.getByRole('checkbox', { name: /Acknowledge/ }).check();
  await expect(safety).toContainText('1 of 1 acknowledged');

  await page.getByLabel('Chief complaint').fill('Tension headaches after desk work');
  await page.getByLabel('Pain before (0-10)').fill('6');
  await page.getByLabel('Rate (cycles per minute)').fill('8');

  // The body map: the occipital region and the sacrum.
  await bodyMap(page).getByRole('button', { name: 'Occipital', exact: true }).click();
  await bodyMap(page).getByRole('button', { name: 'Sacrum', exact: true }).click();
  await expect(area(page, 'Occipital')).toBeVisible();
  await expect(area(page, 'Sacrum')).toBeVisible();

  // Techniques: a protocol item by type-ahead and a custom one.
  const occipitalTechniques = page.getByRole('combobox', { name: 'Add a technique for Occipital' });
  await occipitalTechniques.fill('cv-4');
  await occipitalTechniques.press('Enter');
  await occipitalTechniques.fill('Gentle occipital cradle');
  await occipitalTechniques.press('Enter');
  await area(page, 'Occipital').getByRole('radio', { name: 'Release' }).check();
  const sacrumTechniques = page.getByRole('combobox', { name: 'Add a technique for Sacrum' });
  await sacrumTechniques.focus();
  await sacrumTechniques.press('Enter');
  await expect(area(page, 'Occipital')).toContainText('Still point induction (CV-4)');
  await expect(area(page, 'Occipital')).toContainText('Gentle occipital cradle');
  await expect(area(page, 'Sacrum')).toContainText('Sacral / lumbosacral decompression');

  // Sensations.
  const sensations = page.getByRole('region', { name: 'Sensations' });
  await sensations.getByRole('checkbox', { name: 'Warmth' }).check();
  await sensations.getByRole('checkbox', { name: 'Deep calm' }).check();
  await sensations.getByLabel("Other sensations, in the client's words").fill('a wave down the spine');

  // Reload mid-note: the draft is intact.
  await waitForSaved(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
  await expect(page.getByLabel('Chief complaint')).toHaveValue('Tension headaches after desk work');
  await expect(page.getByLabel('Pain before (0-10)')).toHaveValue('6');
  await expect(area(page, 'Occipital')).toContainText('Gentle occipital cradle');
  await expect(area(page, 'Occipital').getByRole('radio', { name: 'Release' })).toBeChecked();
  await expect(area(page, 'Sacrum')).toContainText('Sacral / lumbosacral decompression');
  await expect(page.getByRole('checkbox', { name: 'Warmth' })).toBeChecked();
  await expect(
    page.getByRole('region', { name: 'Safety check' }).getByRole('checkbox', { name: /Acknowledge/ }),
  ).toBeChecked();

  await page.getByLabel('Pain after (0-10)').fill('3');
  await page.getByLabel('Plan').fill('Weekly for four weeks');
  await page.getByLabel('Signed by').fill('Anna Lind');
  await page.getByRole('button', { name: 'Sign note' }).click();

  // Signed: read-only SOAP view with the signature.
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toContainText('Signed');
  await expect(page.getByTestId('signature')).toContainText('Anna Lind');
  const soap = page.getByRole('region', { name: 'SOAP note' });
  await expect(soap).toContainText('Chief complaint: Tension headaches after desk work.');
  await expect(soap).toContainText(
    'Treated Occipital: Still point induction (CV-4), Gentle occipital cradle',
  );
  await expect(page.getByLabel('Chief complaint')).toHaveCount(0);

  // An addendum, shown under the original with its reason.
  await page.getByRole('button', { name: 'Add addendum' }).click();
  await page
    .getByLabel('Addendum', { exact: true })
    .fill('Client phoned: the headache settled the next morning.');
  await page.getByLabel('Reason for the addendum').fill('Late entry');
  await page.getByRole('button', { name: 'Save addendum' }).click();
  const addenda = page.getByRole('region', { name: 'Addenda' });
  await expect(addenda).toContainText('Reason: Late entry');
  await expect(addenda).toContainText('the headache settled the next morning');
  const audit = page.getByRole('region', { name: 'Audit log' });
  await expect(audit.getByRole('row')).toHaveCount(4);
  await expect(audit).toContainText('Addendum added');

  // The client's timeline: the session and the chart.
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Marta Kowalska' })
    .click();
  const timeline = page.getByRole('region', { name: 'Sessions' });
  await expect(timeline.locator('canvas').first()).toBeVisible();
  const row = timeline.getByRole('list', { name: 'Sessions, newest first' }).getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Tension headaches after desk work');
  await expect(row).toContainText('Signed');
  await expect(row).toContainText('2 areas');
  await expect(page.getByText(/Last visit/)).toBeVisible();
});
