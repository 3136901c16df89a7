import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PASSCODE = 'quiet-tide-42';

function isoDaysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function turnOnAppLock(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'App lock' });
  await card.getByLabel('New passcode', { exact: true }).fill(PASSCODE);
  await card.getByLabel('Repeat the new passcode').fill(PASSCODE);
  await card.getByRole('button', { name: 'Turn on app lock' }).click();
  await expect(card.getByRole('status')).toContainText('App lock is on');
  await card.getByLabel('Lock after').selectOption('never');
  await expect(card.getByTestId('app-lock-state')).toContainText('never after a pause');
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

test('a new client fills in the intake form and signs; the therapist returns with the passcode, reviews, and the safety check says "Do not treat"', async ({
  page,
  harness,
}) => {
  test.slow(); // PBKDF2 checks of the passcode
  await turnOnAppLock(page);

  // The therapist starts a new client and hands the app over.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('button', { name: 'Hand to client…' }).click();
  const hand = page.getByRole('dialog', { name: 'Hand to a new client' });
  await hand.getByLabel('First name').fill('Ingrid');
  await hand.getByLabel('Last name').fill('Solberg');
  await hand.getByRole('button', { name: 'Hand to client', exact: true }).click();
  // The new-client form behind the dialog has a date of birth too: wait for the client's screen.
  await expect(page.getByTestId('client-mode')).toBeVisible();

  // Client mode: nothing of the practice, no way out.
  const clientMode = page.getByTestId('client-mode');
  await expect(clientMode).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'About you and your health' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  await expect(page.getByRole('link')).toHaveCount(0);
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+n');
  await page.evaluate(() => {
    window.location.hash = '#/clients';
  });
  await expect(page).toHaveURL(/#\/clients$/);
  await expect(clientMode).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);

  // The client fills in the form: a skull fracture three weeks ago.
  await expect(page.getByLabel('First name')).toHaveValue('Ingrid');
  await page.getByLabel('Date of birth').fill('1984-06-02');
  await page.getByLabel('Phone number', { exact: true }).fill('+47 912 34 567');
  await page.getByLabel('What brings you here?').fill('Headaches since a fall.');
  const fracture = page.getByRole('group', { name: /broken a bone in your skull/ });
  await expect(page.getByText('When was that? (your best guess is fine)')).toHaveCount(0);
  await fracture.getByLabel('Yes').check();
  const when = page.getByLabel('When was that? (your best guess is fine)');
  // A date in the future gets a message beside the field.
  await when.fill(isoDaysAgo(-5));
  await page.getByRole('button', { name: 'Next: consent' }).click();
  await expect(page.getByText('This date is in the future: please check it')).toBeVisible();
  await when.fill(isoDaysAgo(21));
  await page.getByRole('button', { name: 'Next: consent' }).click();

  // Consent: an empty signature is refused, a drawn one is taken.
  await expect(page.getByRole('heading', { level: 1, name: 'Consent' })).toBeVisible();
  await expect(page.getByText('It does not replace care from your doctor', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Your full name')).toHaveValue('Ingrid Solberg');
  await page.getByRole('button', { name: 'Sign and send to my therapist' }).click();
  await expect(page.getByText('Please sign in the box')).toBeVisible();
  await signWithMouse(page);
  await page.getByRole('button', { name: 'Sign and send to my therapist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();

  // Only the therapist gets back: a wrong passcode does not, the right one does.
  await page.getByRole('button', { name: 'Therapist: return' }).click();
  await page.getByLabel('App lock passcode').fill('wrong-code-1');
  await page.getByRole('button', { name: 'Return', exact: true }).click();
  await expect(page.getByText('That is not the passcode.')).toBeVisible();
  await expect(clientMode).toBeVisible();
  await page.getByLabel('App lock passcode').fill(PASSCODE);
  await page.getByRole('button', { name: 'Return', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ingrid Solberg' })).toBeVisible();

  // Nothing reached the health history yet: the form waits for review.
  const card = page.getByRole('region', { name: 'Intake and consent' });
  await expect(card.getByRole('heading', { name: 'Intake to review' })).toBeVisible();
  await expect(page.getByText('Do not treat')).toHaveCount(0);
  await card.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('region', { name: /Review the intake form/ });
  const row = review.getByRole('row').filter({ hasText: 'broken a bone in your skull' });
  await expect(row).toContainText('Skull fracture, current');
  await expect(row).toContainText('New');
  await review.getByRole('button', { name: 'Accept into the health history' }).click();
  await expect(card.getByRole('heading', { name: 'Intake to review' })).toHaveCount(0);
  await expect(page.getByText('Do not treat').first()).toBeVisible();
  await expect(card).toContainText('Version 1, signed');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();

  // The signed consent as a PDF: the text and the signature image, a valid file.
  await card.getByRole('button', { name: 'Save signed consent as PDF' }).click();
  await expect(card.getByRole('status')).toContainText('Saved to');
  const [pdf] = await harness.savedFiles();
  expect(path.basename(pdf!)).toMatch(/^Consent Solberg-Ingrid \d{4}-\d{2}-\d{2}\.pdf$/);
  expect(execFileSync('qpdf', ['--check', pdf!], { encoding: 'utf8' })).toContain(
    'No syntax or stream encoding errors found',
  );
  const images = execFileSync('pdfimages', ['-list', pdf!], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean);
  expect(images.filter((row) => row.trim().split(/\s+/)[2] === 'image')).toHaveLength(1);
  const text = execFileSync('pdftotext', [pdf!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('It is not a medical treatment.');
  expect(text).toContain('Name: Ingrid Solberg');
});

test('a returning client past the update period is asked to update; the review shows exactly the one change', async ({
  page,
}) => {
  const start = new Date();
  await page.clock.setFixedTime(start);
  await page.reload();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('button', { name: 'Hand to client…' }).click();
  const hand = page.getByRole('dialog', { name: 'Hand to a new client' });
  await hand.getByLabel('First name').fill('Per');
  await hand.getByLabel('Last name').fill('Lund');
  await hand.getByRole('button', { name: 'Hand to client', exact: true }).click();
  // The new-client form behind the dialog has a date of birth too: wait for the client's screen.
  await expect(page.getByTestId('client-mode')).toBeVisible();
  await page.getByLabel('Date of birth').fill('1950-03-09');
  await page
    .getByRole('group', { name: /osteoporosis/ })
    .getByLabel('Yes')
    .check();
  await page
    .getByRole('group', { name: /fever or an infection/ })
    .getByLabel('No')
    .check();
  await page.getByRole('button', { name: 'Next: consent' }).click();
  await signWithMouse(page);
  await page.getByRole('button', { name: 'Sign and send to my therapist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  // No passcode set: the therapist types the word "therapist" (no name in Settings).
  await page.getByRole('button', { name: 'Therapist: return' }).click();
  await page.getByLabel('Type the word “therapist”').fill('client');
  await page.getByRole('button', { name: 'Return', exact: true }).click();
  await expect(page.getByText('Type the word “therapist”.')).toBeVisible();
  await page.getByLabel('Type the word “therapist”').fill('therapist');
  await page.getByRole('button', { name: 'Return', exact: true }).click();
  const card = page.getByRole('region', { name: 'Intake and consent' });
  await card.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Accept into the health history' }).click();
  await expect(card.getByRole('heading', { name: 'Intake to review' })).toHaveCount(0);
  await expect(card).not.toContainText('An update is due');

  // Thirteen months later the client page asks for the short update.
  await page.clock.setFixedTime(new Date(start.getTime() + 396 * 24 * 60 * 60 * 1000));
  await page.reload();
  await expect(card).toContainText('An update is due');
  await expect(card.getByRole('note')).toContainText('Has anything changed since your last visit?');
  await card.getByRole('button', { name: 'Hand to client: update form' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Has anything changed?' })).toBeVisible();
  // Last time's answers are there; the client changes one.
  await expect(page.getByRole('group', { name: /osteoporosis/ }).getByLabel('Yes')).toBeChecked();
  await page
    .getByLabel('Has anything changed since your last visit?')
    .fill('I have a chest infection this week.');
  await page
    .getByRole('group', { name: /fever or an infection/ })
    .getByLabel('Yes')
    .check();
  await page.getByRole('button', { name: 'Send to my therapist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await page.getByRole('button', { name: 'Therapist: return' }).click();
  await page.getByLabel('Type the word “therapist”').fill('therapist');
  await page.getByRole('button', { name: 'Return', exact: true }).click();

  await card.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('region', { name: /Review the health update/ });
  const changed = review.locator('tbody tr:not([data-change="same"])');
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText('fever or an infection');
  await expect(review).toContainText('I have a chest infection this week.');
  await review.getByRole('button', { name: 'Accept into the health history' }).click();
  await expect(page.getByText('Do not treat').first()).toBeVisible();
  await expect(card).not.toContainText('An update is due');
});

test('a client who walks away: after the idle time the screen clears, and the answers come back as a draft', async ({
  page,
}) => {
  const start = new Date();
  await page.clock.setFixedTime(start);
  await page.reload();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('button', { name: 'Hand to client…' }).click();
  const hand = page.getByRole('dialog', { name: 'Hand to a new client' });
  await hand.getByLabel('First name').fill('Aud');
  await hand.getByLabel('Last name').fill('Berg');
  await hand.getByRole('button', { name: 'Hand to client', exact: true }).click();
  // The new-client form behind the dialog has a date of birth too: wait for the client's screen.
  await expect(page.getByTestId('client-mode')).toBeVisible();
  await page.getByLabel('What brings you here?').fill('Neck pain after a car accident');
  await expect(page.getByTestId('answers-kept')).toHaveAttribute('data-kept', '3');

  // Four minutes without a touch (the default idle time is three).
  await page.clock.setFixedTime(new Date(start.getTime() + 4 * 60_000));
  await expect(page.getByRole('heading', { level: 1, name: 'This form has been put away' })).toBeVisible();
  expect(await page.content()).not.toContain('Neck pain after a car accident');
  await expect(page.getByRole('textbox')).toHaveCount(0);

  await page.getByRole('button', { name: 'Therapist: return' }).click();
  await page.getByLabel('Type the word “therapist”').fill('therapist');
  await page.getByRole('button', { name: 'Return', exact: true }).click();
  const card = page.getByRole('region', { name: 'Intake and consent' });
  await expect(card).toContainText('Form in progress');
  await card.getByRole('button', { name: 'Hand to client' }).click();
  await expect(page.getByLabel('What brings you here?')).toHaveValue('Neck pain after a car accident');
});

test('"New session" for a returning client past the update period suggests the update form, without blocking the note', async ({
  page,
}) => {
  const start = new Date();
  await page.clock.setFixedTime(start);
  await page.reload();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('button', { name: 'Hand to client…' }).click();
  const hand = page.getByRole('dialog', { name: 'Hand to a new client' });
  await hand.getByLabel('First name').fill('Signe');
  await hand.getByLabel('Last name').fill('Holm');
  await hand.getByRole('button', { name: 'Hand to client', exact: true }).click();
  // The new-client form behind the dialog has a date of birth too: wait for the client's screen.
  await expect(page.getByTestId('client-mode')).toBeVisible();
  await page.getByLabel('Date of birth').fill('1962-05-14');
  await page
    .getByRole('group', { name: /fever or an infection/ })
    .getByLabel('No')
    .check();
  await page.getByRole('button', { name: 'Next: consent' }).click();
  await signWithMouse(page);
  await page.getByRole('button', { name: 'Sign and send to my therapist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await page.getByRole('button', { name: 'Therapist: return' }).click();
  await page.getByLabel('Type the word “therapist”').fill('therapist');
  await page.getByRole('button', { name: 'Return', exact: true }).click();
  const card = page.getByRole('region', { name: 'Intake and consent' });
  await card.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Accept into the health history' }).click();
  await expect(card.getByRole('heading', { name: 'Intake to review' })).toHaveCount(0);

  // Thirteen months later (Settings' period is 12 months), "New session" suggests the update.
  await page.clock.setFixedTime(new Date(start.getTime() + 396 * 24 * 60 * 60 * 1000));
  await page.reload();
  await expect(card).toContainText('An update is due');
  // The date the client page shows: the submission's stored day, in the locale's format.
  const confirmed = await page.evaluate((at) => {
    const day = new Date(at);
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(
      new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()),
    );
  }, start.getTime());
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await sessions.getByRole('button', { name: 'New session' }).click();
  const suggestion = page.getByRole('region', { name: 'Health history update' });
  await expect(suggestion).toContainText(
    `Signe last confirmed their health history on ${confirmed}. Hand them the update form first?`,
  );
  // Not blocking: the note takes typing while the suggestion is there, and "Not now" puts it away.
  await page.getByLabel('Chief complaint').fill('Stiff neck');
  await suggestion.getByRole('button', { name: 'Not now' }).click();
  await expect(suggestion).toHaveCount(0);
  await expect(page.getByLabel('Chief complaint')).toHaveValue('Stiff neck');

  // The next "New session" asks again; "Hand to client" gives the client the short update form.
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Signe Holm' })
    .click();
  await sessions.getByRole('button', { name: 'New session' }).click();
  await suggestion.getByRole('button', { name: 'Hand to client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Has anything changed?' })).toBeVisible();
});
