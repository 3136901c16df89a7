import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const out = (name: string) => path.resolve(__dirname, '../../docs/images', name);

function isoDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const PEOPLE: [string, string, string, string][] = [
  ['Zoë', 'Ødegård', '1986-03-14', 'zoe.odegard@example.com'],
  ['Σοφία', 'Παπαδοπούλου', '1979-11-02', 'sofia.p@example.gr'],
  ['Анна', 'Кузнецова', '1992-07-21', 'anna.k@example.ru'],
  ['Marta', 'Kowalska', '1958-01-30', 'marta@example.pl'],
  ['James', "O'Connor", '2001-05-09', 'james.oc@example.ie'],
  ['Aiko', 'Tanaka', '1990-09-17', 'aiko.t@example.jp'],
];

async function addClient(page: Page, [first, last, dob, email]: (typeof PEOPLE)[number]) {
  await page.goto('https://stillpoint.test/index.html#/clients/new');
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Date of birth').fill(dob);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Phone', { exact: true }).fill('+44 20 7946 0123');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`client list and client page, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const person of PEOPLE) await addClient(page, person);
    // The last client gets a health history with findings of several severities.
    await page.getByRole('button', { name: 'Add condition' }).click();
    const c1 = page.getByRole('group', { name: 'Condition 1' });
    await c1.getByLabel('From the list').selectOption({ label: 'Skull fracture' });
    await c1.getByLabel('Onset or diagnosis date').fill(isoDaysAgo(12));
    await page.getByRole('button', { name: 'Add condition' }).click();
    const c2 = page.getByRole('group', { name: 'Condition 2' });
    await c2.getByLabel('From the list').selectOption({ label: 'Osteoporosis' });
    await page.getByRole('button', { name: 'Add medication' }).click();
    await page.getByRole('group', { name: 'Medication 1' }).getByLabel('Medication').fill('Warfarin');
    await page.getByRole('button', { name: 'Save health history' }).click();
    await expect(page.getByRole('region', { name: 'Safety check' })).toContainText('Do not treat');
    await page.screenshot({ path: out(`client-page-${scheme}.png`), fullPage: false });

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
    await expect(page.getByRole('list', { name: 'Client list' }).getByRole('listitem')).toHaveCount(
      PEOPLE.length,
    );
    await page.screenshot({ path: out(`client-list-${scheme}.png`) });
  });
}
