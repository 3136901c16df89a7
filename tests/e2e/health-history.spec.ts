import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 21, items 1 and 2: nothing typed into the health history is lost, the safety check never
 * runs on a history with unsaved changes, and a history never taken is not a clean bill of health.
 * The clock the app reads is fixed, so dates are known.
 */

const NOW = new Date('2026-12-03T10:00:00');

// Whole working-day paths of many steps: a slow, shared machine gets three times the usual budget.
test.slow();

async function openApp(page: Page) {
  await page.clock.setFixedTime(NOW);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

async function createClient(page: Page, first: string, last: string) {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Date of birth').fill('1979-05-20');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
}

function history(page: Page) {
  return page.getByRole('form', { name: 'Health history' });
}

async function addDvtAndWarfarin(page: Page) {
  await page.getByRole('button', { name: 'Add condition' }).click();
  await page
    .getByRole('group', { name: 'Condition 1' })
    .getByLabel('From the list')
    .selectOption({ label: 'Deep vein thrombosis (DVT)' });
  await page.getByRole('button', { name: 'Add medication' }).click();
  await page.getByRole('group', { name: 'Medication 1' }).getByLabel('Medication').fill('Warfarin');
  await page.getByRole('group', { name: 'Medication 1' }).getByLabel('Dose').fill('5 mg');
}

test('DVT and warfarin typed without pressing Save reach the next session, whose check is not green', async ({
  page,
}) => {
  await openApp(page);
  await createClient(page, 'Greta', 'Holm');
  await addDvtAndWarfarin(page);
  // Straight to "New session": no Save button, no waiting.
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();

  const safety = page.getByRole('region', { name: 'Safety check' });
  await expect(safety).toContainText('Bleeding or clotting disorder, blood thinners');
  await expect(safety).toContainText('Warfarin 5 mg');
  await expect(safety).not.toContainText('No contraindications');

  // And the history itself is stored: it is there after a reload of the client page.
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Greta Holm' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /Greta Holm/ })).toBeVisible();
  await page.reload();
  await expect(history(page).getByRole('group', { name: 'Condition 1' }).getByLabel('Condition')).toHaveValue(
    'Deep vein thrombosis (DVT)',
  );
  await expect(
    history(page).getByRole('group', { name: 'Medication 1' }).getByLabel('Medication'),
  ).toHaveValue('Warfarin');
});

test('going to Settings keeps health-history edits; what cannot be saved stops the move with a question', async ({
  page,
}) => {
  await openApp(page);
  await createClient(page, 'Jonas', 'Berg');
  const banner = page.getByRole('region', { name: 'Safety check' });

  // A valid edit, then straight to Settings by the sidebar link: it is saved on the way.
  await page.getByRole('button', { name: 'Add condition' }).click();
  await page.getByRole('group', { name: 'Condition 1' }).getByLabel('Condition').fill('Whiplash');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /Jonas Berg/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('group', { name: 'Condition 1' }).getByLabel('Condition')).toHaveValue(
    'Whiplash',
  );

  // An edit that cannot be saved (onset in the future): the check says it is not checked, and
  // leaving asks first.
  await page.getByRole('button', { name: 'Add condition' }).click();
  const second = page.getByRole('group', { name: 'Condition 2' });
  await second.getByLabel('From the list').selectOption({ label: 'Concussion / brain injury' });
  await second.getByLabel('Onset or diagnosis date').fill('2026-12-20');
  await expect(second.getByText('The onset date cannot be in the future')).toBeVisible();
  await expect(banner).toContainText('Not checked: the health history has changes that are not saved yet');
  await expect(banner).not.toContainText('No contraindications');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const question = page.getByRole('dialog', { name: 'Leave with unsaved health history?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Stay and fix them' }).click();
  await expect(question).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: /Jonas Berg/ })).toBeVisible();

  // Fixed: "New session" goes ahead, and its check sees the concussion.
  await second.getByLabel('Onset or diagnosis date').fill('2026-11-30');
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Safety check' })).toContainText(
    'Brain injury or concussion',
  );

  // Leaving on purpose with a change that cannot be saved: asked, then gone, and the stored
  // history is the one before that change.
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Jonas Berg' })
    .click();
  const first = page.getByRole('group', { name: 'Condition 1' });
  await first.getByLabel('Onset or diagnosis date').fill('2027-01-02');
  await expect(first.getByText('The onset date cannot be in the future')).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await question.getByRole('button', { name: 'Leave without these changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.goBack();
  await expect(first.getByLabel('Condition')).toHaveValue('Whiplash');
  await expect(first.getByLabel('Onset or diagnosis date')).toHaveValue('');
  await expect(page.getByRole('group', { name: 'Condition 2' }).getByLabel('Condition')).toHaveValue(
    'Concussion / brain injury',
  );
  await expect(page.getByRole('dialog', { name: 'Leave with unsaved health history?' })).toBeHidden();
});

test('a brand-new client reads "No health history recorded yet", and the signed note says so', async ({
  page,
}) => {
  await openApp(page);
  await createClient(page, 'Ines', 'Vik');
  const banner = page.getByRole('region', { name: 'Safety check' });
  await expect(banner).toContainText('No health history recorded yet');
  await expect(banner).toContainText('Health history never reviewed with the client.');
  await expect(banner).not.toContainText('No contraindications');

  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  const safety = page.getByRole('region', { name: 'Safety check' });
  await expect(safety).toContainText('No health history recorded yet');
  await expect(safety).toContainText('Not checked');
  await expect(safety).not.toContainText('No contraindications');
  await page.getByLabel('Chief complaint').fill('Jaw tension');
  await page.getByLabel('Signed by').fill('Anna Lind');
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not signed yet' })).toContainText(
    'Safety check: No health history recorded yet',
  );
  await safety.getByRole('checkbox', { name: /Acknowledge/ }).check();
  await page.getByRole('button', { name: 'Sign note' }).click();
  const soap = page.getByRole('region', { name: 'SOAP note' });
  await expect(soap).toContainText(
    'no health history recorded yet, so nothing could be checked; acknowledged.',
  );
  await expect(soap).not.toContainText('no findings');
});

test('"Reviewed with the client today: no changes" records the review; the next note names its date', async ({
  page,
}) => {
  await openApp(page);
  await createClient(page, 'Pia', 'Lund');
  await history(page).getByRole('button', { name: 'Reviewed with the client today: no changes' }).click();
  const banner = page.getByRole('region', { name: 'Safety check' });
  await expect(banner).toContainText(
    'No contraindications found in the health history reviewed with the client.',
  );
  await expect(banner).toContainText('Health history last reviewed with the client on');
  await expect(history(page)).toContainText('Health history last reviewed with the client on');
  await expect(banner).not.toContainText('No health history recorded yet');

  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  const safety = page.getByRole('region', { name: 'Safety check' });
  await expect(safety).toContainText(
    'No contraindications found in the health history reviewed with the client on',
  );
  await page.getByLabel('Chief complaint').fill('Low back pain');
  await page.getByLabel('Signed by').fill('Anna Lind');
  await page.getByRole('button', { name: 'Sign note' }).click();
  // Dates on screen are the locale's, like every other date (issue 21, item 11).
  const reviewed = await page.evaluate(() =>
    new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(2026, 11, 3)),
  );
  await expect(page.getByRole('region', { name: 'SOAP note' })).toContainText(
    `no findings in the health history reviewed with the client on ${reviewed}.`,
  );
});
