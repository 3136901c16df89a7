import path from 'node:path';
import { expect, test } from './fixtures';

/** Screenshots of client mode and the therapist's review (docs/images). */
const out = (name: string) => path.resolve(__dirname, '../../docs/images', name);

test('client mode, the consent step and the review', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('button', { name: 'Hand to client…' }).click();
  const hand = page.getByRole('dialog', { name: 'Hand to a new client' });
  await hand.getByLabel('First name').fill('Ingrid');
  await hand.getByLabel('Last name').fill('Solberg');
  await hand.getByRole('button', { name: 'Hand to client', exact: true }).click();
  // The new-client form behind the dialog has a date of birth too: wait for the client's screen.
  await expect(page.getByTestId('client-mode')).toBeVisible();
  await page.getByLabel('Date of birth').fill('1984-06-02');
  await page.getByLabel('What brings you here?').fill('Headaches since a fall in November.');
  await page
    .getByRole('group', { name: /broken a bone in your skull/ })
    .getByLabel('Yes')
    .check();
  await page.getByLabel('When was that? (your best guess is fine)').fill('2026-11-16');
  await page.getByRole('heading', { name: 'Your health', exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: out('intake-client-mode.png') });
  await page.getByRole('button', { name: 'Next: consent' }).click();
  const box = await page.getByTestId('signature-box').boundingBox();
  if (!box) throw new Error('no signature box');
  await page.mouse.move(box.x + 30, box.y + 100);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++)
    await page.mouse.move(box.x + 30 + i * 12, box.y + 90 - Math.round(Math.sin(i / 2) * 35));
  await page.mouse.up();
  await page.getByTestId('signature-box').scrollIntoViewIfNeeded();
  await page.screenshot({ path: out('intake-consent.png') });
  await page.getByRole('button', { name: 'Sign and send to my therapist' }).click();
  await page.getByRole('button', { name: 'Therapist: return' }).click();
  await page.getByLabel('Type the word “therapist”').fill('therapist');
  await page.getByRole('button', { name: 'Return', exact: true }).click();
  await page
    .getByRole('region', { name: 'Intake and consent' })
    .getByRole('button', { name: 'Review' })
    .click();
  const review = page.getByRole('region', { name: /Review the intake form/ });
  await expect(review).toBeVisible();
  await review.scrollIntoViewIfNeeded();
  await review.screenshot({ path: out('intake-review.png') });
});
