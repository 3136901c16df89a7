import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type SeedSession, seedSignedSessions } from './session-seed';

/**
 * Screenshots of the note editor, the body map and the client timeline, light and dark, for the
 * user guide (docs/user-guide.md). They are written to the test's output folder; with
 * UPDATE_DOC_IMAGES=1 the guide's four replace those in docs/images.
 */
const docImages = path.resolve(__dirname, '../../docs/images');
/** The images the user guide shows; the others are for looking at in the test output. */
const DOC_IMAGES = new Set([
  'session-editor-light.png',
  'session-editor-dark.png',
  'body-map.png',
  'timeline.png',
]);

function isoDaysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The page as it is, or one element, shown whole below the sticky header (a tall window). */
async function shoot(page: Page, name: string, target: 'page' | string, outDir: string) {
  const file = path.join(process.env.UPDATE_DOC_IMAGES && DOC_IMAGES.has(name) ? docImages : outDir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (target === 'page') {
    await page.screenshot({ path: file });
    return;
  }
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 2400 });
  const element = page.locator(target);
  await element.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await element.screenshot({ path: file });
  if (viewport) await page.setViewportSize(viewport);
}

const HISTORY: SeedSession[] = [
  {
    daysAgo: 49,
    before: 7,
    after: 5,
    rate: 5.5,
    complaint: 'Tension headaches after desk work',
    effect: ['tiredness', 'mild'],
  },
  { daysAgo: 42, before: 7, after: 4, rate: 6, complaint: 'Tension headaches, jaw tight in the mornings' },
  { daysAgo: 35, before: 6, after: 4, rate: 7, complaint: 'Headaches less often; neck stiff' },
  {
    daysAgo: 28,
    before: 5,
    after: 3,
    rate: 7.5,
    complaint: 'Headaches twice this week',
    effect: ['headache', 'moderate'],
  },
  { daysAgo: 21, before: 5, after: 2, rate: 8, complaint: 'One headache after a long drive' },
  { daysAgo: 7, before: 4, after: 2, rate: 8.5, complaint: 'Mild neck tension, sleeping better' },
];

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the note editor, body map and timeline (${scheme})`, async ({ page }, testInfo) => {
    test.slow(); // the config's ceiling times three: heavy work on a possibly busy machine
    const out = testInfo.outputPath('images');
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'New client' }).click();
    await page.getByLabel('First name').fill('Marta');
    await page.getByLabel('Last name').fill('Kowalska');
    await page.getByLabel('Date of birth').fill('1978-06-14');
    await page.getByRole('button', { name: 'Save client' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Marta Kowalska' })).toBeVisible();
    for (const [index, label] of ['Osteoporosis', 'Chiari malformation'].entries()) {
      await page.getByRole('button', { name: 'Add condition' }).click();
      await page
        .getByRole('group', { name: `Condition ${index + 1}` })
        .getByLabel('From the list')
        .selectOption({ label });
    }
    await page.getByRole('button', { name: 'Save health history' }).click();
    await expect(page.getByText('Health history saved.')).toBeVisible();

    const clientId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
    await seedSignedSessions(page, clientId, HISTORY);
    await page.reload();
    const sessionsCard = page.getByRole('region', { name: 'Sessions' });
    await expect(sessionsCard.locator('canvas').first()).toBeVisible();
    await sessionsCard.scrollIntoViewIfNeeded();
    await shoot(page, scheme === 'light' ? 'timeline.png' : 'timeline-dark.png', '.client-sessions', out);

    await sessionsCard.getByRole('button', { name: 'New session' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Session 7/ })).toBeVisible();
    const safety = page.getByRole('region', { name: 'Safety check' });
    await safety
      .getByLabel('How the treatment was modified')
      .fill('Light contact; no compression along the spine');
    await safety.getByRole('checkbox', { name: /Acknowledge Osteoporosis/ }).check();
    // The physician's clearance goes onto the client's file (issue 21 item 6).
    await safety.getByRole('button', { name: /Record physician clearance for Chiari/ }).click();
    const clearance = safety.getByRole('group', { name: /Physician clearance for Chiari/ });
    await clearance.getByLabel('Assessed and cleared by (physician)').fill('Dr. H. Berg, neurology');
    await clearance.getByLabel('Clearance date').fill(isoDaysFromToday(-20));
    await clearance.getByRole('button', { name: "Save clearance to the client's file" }).click();
    await expect(safety.getByText(/Cleared by Dr\. H\. Berg, neurology on/)).toBeVisible();
    await safety.getByRole('checkbox', { name: /Acknowledge Chiari/ }).check();
    await page.getByLabel('Chief complaint').fill('Mild neck tension, one headache after a long drive');
    await page.getByLabel('Pain before (0-10)').fill('4');
    await page.getByLabel('Pain location', { exact: true }).fill('base of the skull, right');
    await page.getByLabel('Changes since last time').fill('Sleeping better; fewer headaches this week.');
    const afterEffects = page.getByRole('form', { name: 'Add an after-effect' });
    await afterEffects.getByLabel('After-effect', { exact: true }).selectOption({ label: 'Tiredness' });
    await afterEffects.getByLabel('Began (hours after)').fill('3');
    await afterEffects.getByLabel('Lasted (hours)').fill('12');
    await afterEffects.getByLabel('Resolved').check();
    await afterEffects.getByRole('button', { name: 'Add after-effect' }).click();
    await expect(page.getByRole('region', { name: 'After-effects' })).toContainText('began 3 h after');
    await page.getByLabel('Rate (cycles per minute)').fill('8.5');
    await page.getByLabel('Amplitude').selectOption('low');
    await page.getByLabel('Symmetry').selectOption('restricted-right');
    await page.getByLabel('Site palpated').selectOption('occiput');

    const filter = page.getByRole('combobox', { name: 'Add an area from the list' });
    for (const q of [
      'occ',
      'temporal',
      'c1',
      'c2',
      'hyoid',
      'thoracic inlet',
      'respiratory',
      'l5s1',
      'sacrum',
    ]) {
      await filter.fill(q);
      await filter.press('Enter');
    }
    await page.getByRole('group', { name: 'Temporal', exact: true }).getByLabel('Side').selectOption('right');
    for (const name of ['Occipital', 'Temporal', 'Hyoid', 'Sacrum']) {
      const box = page.getByRole('combobox', { name: `Add a technique for ${name}` });
      await box.focus();
      await box.press('ArrowDown'); // the area's usual technique
      await box.press('Enter');
    }
    await page
      .getByRole('group', { name: 'Occipital', exact: true })
      .getByRole('radio', { name: 'Release' })
      .check();
    await page
      .getByRole('group', { name: 'Temporal', exact: true })
      .getByRole('radio', { name: 'Restriction' })
      .check();
    await page
      .getByRole('group', { name: 'Sacrum', exact: true })
      .getByRole('radio', { name: 'Release' })
      .check();
    await page
      .getByRole('group', { name: 'Occipital', exact: true })
      .getByLabel('Note')
      .fill('Softened after the second still point');
    await expect(page.locator('.save-status')).toHaveText('Saved');

    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.locator('#main-content').evaluate((el) => el.scrollTo(0, 0));
    await shoot(page, `session-editor-${scheme}.png`, 'page', out);

    await shoot(page, scheme === 'light' ? 'body-map.png' : 'body-map-dark.png', '.treated-areas', out);
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await shoot(page, scheme === 'light' ? 'body-map-back.png' : 'body-map-back-dark.png', '.body-map', out);

    // The rest of the note, then the signed note: SOAP view, signature, an addendum.
    await page.getByRole('checkbox', { name: 'Warmth' }).check();
    await page.getByRole('checkbox', { name: 'Deep calm' }).check();
    await page.getByLabel('Observations').fill('Breathing slowed and deepened during the CV-4.');
    await page.getByLabel('Pain after (0-10)').fill('2');
    await page.getByLabel('Plan').fill('Weekly for three more weeks, then review.');
    await page.getByLabel('Home care').fill('Water, a short walk, no heavy lifting today.');
    await page.getByLabel('Signed by').fill('Anna Lind');
    await expect(page.locator('.save-status')).toHaveText('Saved');
    await page
      .getByRole('heading', { name: 'Sensations' })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.locator('#main-content').evaluate((el) => el.scrollBy(0, -90));
    await shoot(page, `session-editor-end-${scheme}.png`, 'page', out);
    await page.getByRole('button', { name: 'Sign note' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await page
      .getByLabel('Addendum', { exact: true })
      .fill('Client phoned the next day: no headache, slept well.');
    await page.getByLabel('Reason for the addendum').fill('Late entry');
    await page.getByRole('button', { name: 'Save addendum' }).click();
    await expect(page.locator('.addendum')).toHaveCount(1);
    await page.locator('#main-content').evaluate((el) => el.scrollTo(0, 0));
    await shoot(page, `session-signed-${scheme}.png`, 'page', out);
  });
}
