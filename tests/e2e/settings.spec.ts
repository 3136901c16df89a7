import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

// A 1x1 PNG.
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test('practice details with a logo are saved; a logo that is not an image, or over 2 MB, is refused', async ({
  page,
  harness,
}, testInfo) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Practice details' });

  const fake = testInfo.outputPath('not-a-logo.png');
  fs.writeFileSync(fake, 'this is text, not an image');
  harness.nextOpenFile(fake);
  await form.getByRole('button', { name: 'Choose logo…' }).click();
  await expect(form.getByRole('alert')).toContainText('must be a PNG or JPEG');

  const huge = testInfo.outputPath('huge.png');
  fs.writeFileSync(huge, Buffer.concat([TINY_PNG, Buffer.alloc(2 * 1024 * 1024)]));
  harness.nextOpenFile(huge);
  await form.getByRole('button', { name: 'Choose logo…' }).click();
  await expect(form.getByRole('alert')).toContainText('larger than 2 MB');

  const logo = testInfo.outputPath('logo.png');
  fs.writeFileSync(logo, TINY_PNG);
  harness.nextOpenFile(logo);
  await form.getByRole('button', { name: 'Choose logo…' }).click();
  await expect(form.getByRole('img', { name: 'Practice logo' })).toBeVisible();

  await form.getByLabel('Practice name').fill('Stillwater Craniosacral');
  await form.getByLabel('Your name').fill('Anna Berg');
  await form.getByLabel('Practice phone').fill('+44 20 7946 0000');
  await form.getByRole('button', { name: 'Save practice details' }).click();
  await expect(form.getByRole('status')).toHaveText('Practice details saved.');

  await page.reload();
  const again = page.getByRole('form', { name: 'Practice details' });
  await expect(again.getByLabel('Practice name')).toHaveValue('Stillwater Craniosacral');
  await expect(again.getByRole('img', { name: 'Practice logo' })).toBeVisible();
  expect(path.basename(logo)).toBe('logo.png');
});

test('the handout text is editable, refuses an unknown placeholder, and resets to the default', async ({
  page,
}) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Aftercare handout text' });
  const intro = form.getByLabel('Opening line');
  await intro.fill('Hello {{clientNickname}}');
  await form.getByRole('button', { name: 'Save handout text' }).click();
  await expect(form.getByText(/Unknown placeholder \{\{clientNickname\}\}/)).toBeVisible();

  await intro.fill('Hello {{clientFirstName}}, thank you for today.');
  await form.getByRole('button', { name: 'Save handout text' }).click();
  await expect(form.getByRole('status')).toHaveText('Handout text saved.');
  await page.reload();
  await expect(
    page.getByRole('form', { name: 'Aftercare handout text' }).getByLabel('Opening line'),
  ).toHaveValue('Hello {{clientFirstName}}, thank you for today.');
  await page
    .getByRole('form', { name: 'Aftercare handout text' })
    .getByRole('button', { name: 'Reset to default' })
    .click();
  await expect(
    page.getByRole('form', { name: 'Aftercare handout text' }).getByLabel('Opening line'),
  ).toHaveValue(/Thank you for coming in today/);
});

test('the handout wording is edited per language; an unedited language keeps the standard wording', async ({
  page,
}) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const form = () => page.getByRole('form', { name: 'Aftercare handout text' });
  await expect(form().getByLabel('Language of this wording')).toHaveValue('en');
  await form().getByLabel('Language of this wording').selectOption('de');
  await expect(form().getByTestId('handout-wording-note')).toHaveText(
    "Handouts in Deutsch use Stillpoint's standard wording until you save your own here.",
  );
  await expect(form().getByLabel('Opening line')).toHaveValue(/^Danke für Ihren Besuch heute/);
  await form().getByLabel('Opening line').fill('Schön, dass Sie da waren, {{clientFirstName}}.');
  await form().getByRole('button', { name: 'Save handout text' }).click();
  await expect(form().getByRole('status')).toHaveText('Handout text saved.');
  await expect(form().getByTestId('handout-wording-note')).toHaveText(
    'Handouts in Deutsch use the wording below, as you saved it.',
  );
  await expect(page.getByTestId('handout-language-note')).toContainText('used for handouts in Deutsch.');

  await page.reload();
  await expect(form().getByLabel('Opening line')).toHaveValue(/^Thank you for coming in today/);
  await form().getByLabel('Language of this wording').selectOption('de');
  await expect(form().getByLabel('Opening line')).toHaveValue(
    'Schön, dass Sie da waren, {{clientFirstName}}.',
  );
  await form().getByLabel('Language of this wording').selectOption('fr');
  await expect(form().getByLabel('Opening line')).toHaveValue(/^Merci d'être venu/);
});

test('a practice rule shows up in a client safety check', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Safety rules' });
  await form.getByRole('button', { name: 'Add practice rule' }).click();
  await form.getByLabel('Word to look for').fill('lupus');
  await form.getByLabel('Message').fill('Check how the client feels today; keep pressure light.');
  await form.getByRole('button', { name: 'Save safety rules' }).click();
  await expect(form.getByRole('status')).toContainText('Safety rules saved');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Ines');
  await page.getByLabel('Last name').fill('Duarte');
  await page.getByRole('button', { name: 'Save client' }).click();
  await page.getByRole('button', { name: 'Add condition' }).click();
  await page.getByRole('group', { name: 'Condition 1' }).getByLabel('Condition').fill('Systemic lupus');
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByRole('region', { name: 'Safety check' })).toContainText('keep pressure light');
});
