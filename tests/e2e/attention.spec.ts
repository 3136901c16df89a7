import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 21 item 7, "Seeing what needs attention": the client list marks a client the safety
 * check says not to treat, counts unsigned drafts, and "Notes to sign" in the sidebar lists
 * every draft, oldest first, each opening the draft.
 */

// The clock the app reads, fixed: the fracture below is 10 days old on this day.
const TODAY = new Date('2026-11-26T10:00:00');

async function createClient(page: Page, first: string, last: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Date of birth').fill('1980-04-02');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
  // The intake, gone through with nothing to note (else every note acknowledges "no health
  // history recorded yet" before it can be signed).
  await page.getByRole('button', { name: 'Reviewed with the client today: no changes' }).click();
  await expect(page.getByRole('region', { name: 'Safety check' })).toContainText(
    'Health history last reviewed with the client on',
  );
}

async function startDraft(page: Page, complaint: string) {
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
  await page.getByLabel('Chief complaint').fill(complaint);
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
}

function clientRow(page: Page, name: string) {
  return page.getByRole('list', { name: 'Client list' }).getByRole('listitem').filter({ hasText: name });
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
});

test('a "Do not treat" client is marked in the client list; a healthy one is not', async ({ page }) => {
  await createClient(page, 'Marta', 'Kowalska');
  await page.getByRole('button', { name: 'Add condition' }).click();
  const condition = page.getByRole('group', { name: 'Condition 1' });
  await condition.getByLabel('From the list').selectOption({ label: 'Skull fracture' });
  await condition.getByLabel('Onset or diagnosis date').fill('2026-11-16');
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByRole('status')).toHaveText('Health history saved.');
  await expect(page.getByRole('region', { name: 'Safety check' })).toContainText('Do not treat');

  await createClient(page, 'Ben', 'Healthy');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();

  const marta = clientRow(page, 'Marta Kowalska');
  // The words the safety check uses, for eyes and screen readers alike (not the colour alone).
  await expect(marta.locator('[data-severity="AVOID"]')).toHaveText('Safety check: Do not treat');
  await expect(marta.getByRole('link')).toHaveAccessibleName(/Marta Kowalska Safety check: Do not treat/);
  await expect(clientRow(page, 'Ben Healthy')).toBeVisible();
  await expect(clientRow(page, 'Ben Healthy').locator('[data-severity]')).toHaveCount(0);
  await expect(clientRow(page, 'Ben Healthy')).not.toContainText('Do not treat');
});

test('a client with a draft shows "1 draft to sign", and "Notes to sign" opens the draft', async ({
  page,
}) => {
  await createClient(page, 'Lea', 'Sand');
  await startDraft(page, 'Jaw tension since the dentist');

  // Back on the client page: the header does not say "No sessions yet" above the "#1 Draft" row.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Lea Sand' }).click();
  const header = page.locator('.client-page .page-header');
  await expect(header).toContainText('1 draft to sign');
  await expect(header).toContainText('No signed sessions yet');
  await expect(header).not.toContainText('No sessions yet');

  await createClient(page, 'Tom', 'Becker');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  const lea = clientRow(page, 'Lea Sand');
  await expect(lea).toContainText('1 draft to sign');
  await expect(lea).toContainText('No signed sessions yet');
  await expect(lea).not.toContainText('No sessions yet');
  await expect(clientRow(page, 'Tom Becker')).toContainText('No sessions yet');
  await expect(clientRow(page, 'Tom Becker')).not.toContainText('draft to sign');

  const sidebarLink = page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /Notes to sign/ });
  await expect(sidebarLink).toHaveAccessibleName(/^Notes to sign\s*\(1 draft\)$/);
  await sidebarLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notes to sign' })).toBeVisible();
  const drafts = page.getByRole('list', { name: 'Drafts to sign' }).getByRole('listitem');
  await expect(drafts).toHaveCount(1);
  await expect(drafts).toContainText('Lea Sand');
  await expect(drafts).toContainText('Jaw tension since the dentist');

  await drafts.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
  await expect(page.getByLabel('Chief complaint')).toHaveValue('Jaw tension since the dentist');

  // Signed, it leaves the list and the badge.
  await page.getByLabel('Signed by').fill('Anna Lind');
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');
  await sidebarLink.click();
  await expect(page.getByText('Every session note is signed.')).toBeVisible();
  await expect(sidebarLink).toHaveAccessibleName('Notes to sign');
});

test('"Notes to sign" lists drafts across clients, oldest first', async ({ page }) => {
  await createClient(page, 'Ada', 'Newer');
  await startDraft(page, 'Newer complaint');
  await createClient(page, 'Bea', 'Older');
  await startDraft(page, 'Older complaint');
  await page.getByLabel('Date of service').fill('2026-11-20');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /Notes to sign/ })
    .click();
  const drafts = page.getByRole('list', { name: 'Drafts to sign' }).getByRole('listitem');
  await expect(drafts).toHaveCount(2);
  await expect(drafts.nth(0)).toContainText('Bea Older');
  await expect(drafts.nth(1)).toContainText('Ada Newer');
});
