import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 21, item 6 (part): one finding per rule on the client page, and the signed note uses the
 * words the therapist saw ("Do not treat"), not the internal codes ("AVOID").
 */

// Whole working-day paths of many steps: a slow, shared machine gets three times the usual budget.
test.slow();

async function openApp(page: Page) {
  await page.clock.setFixedTime(new Date('2026-12-03T10:00:00'));
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

test('a concussion recorded as a condition and as a head injury is one finding; the signed note says "Do not treat"', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Tove');
  await page.getByLabel('Last name').fill('Dahl');
  await page.getByLabel('Date of birth').fill('1988-02-11');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Tove Dahl/ })).toBeVisible();

  await page.getByRole('button', { name: 'Add condition' }).click();
  const condition = page.getByRole('group', { name: 'Condition 1' });
  await condition.getByLabel('From the list').selectOption({ label: 'Concussion / brain injury' });
  await condition.getByLabel('Onset or diagnosis date').fill('2026-11-29');
  await page.getByRole('button', { name: 'Add head injury' }).click();
  const injury = page.getByRole('group', { name: 'Head injury 1' });
  await injury.getByLabel('Injury date').fill('2026-11-29');
  await injury.getByLabel('What happened').fill('Fell while skiing');
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByText('Health history saved.')).toBeVisible();

  const banner = page.getByRole('region', { name: 'Safety check' });
  const avoid = banner.locator('li[data-severity="AVOID"]');
  await expect(avoid).toHaveCount(1);
  await expect(avoid).toContainText('Brain injury or concussion');
  // The finding's dates in the locale's format, like every other date on screen (issue 21, item 11).
  const injured = await page.evaluate(() =>
    new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(2026, 10, 29)),
  );
  await expect(avoid).toContainText(`Concussion / brain injury on ${injured}`);
  await expect(avoid).toContainText(`Head injury (Fell while skiing) on ${injured}`);
  await expect(avoid).not.toContainText('2026-11-29');

  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  const safety = page.getByRole('region', { name: 'Safety check' });
  await expect(safety).toContainText('Do not treat');
  await safety.getByLabel('Reason to treat despite this finding').fill('Assessed by her GP on 1 December');
  await safety.getByRole('checkbox', { name: /Acknowledge/ }).check();
  await page.getByLabel('Chief complaint').fill('Headache since the fall');
  await page.getByLabel('Signed by').fill('Anna Lind');
  await page.getByRole('button', { name: 'Sign note' }).click();
  const soap = page.getByRole('region', { name: 'SOAP note' });
  await expect(soap).toContainText('Brain injury or concussion (Do not treat), acknowledged');
  await expect(soap).not.toContainText('AVOID');
});
