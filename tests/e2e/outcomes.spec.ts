import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from './fixtures';
import { seedSignedSessions } from './session-seed';

/**
 * Issue 16: outcomes the client chooses (their own words scored 0-6, the change from the
 * baseline, a chart and a table), the progress report for a referring physician, and the
 * after-effects follow-up after a signed session. The clock is fixed before the app reloads,
 * never raced.
 */

test.slow();

async function openAt(page: Page, when: string) {
  await page.clock.setFixedTime(new Date(when));
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

async function createClient(page: Page, first: string, last: string): Promise<string> {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Referring physician').fill('Dr. Helen Marsh');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
}

/** A profile with its baseline and three later scores, written as the repository stores them. */
async function seedProfile(page: Page, clientId: string) {
  await page.evaluate(async (clientId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('stillpoint');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['outcomeProfiles', 'outcomeScores'], 'readwrite');
    tx.objectStore('outcomeProfiles').put({
      id: 'profile-1',
      clientId,
      startedInSessionId: 'seed-1',
      symptom1: 'Headache at the back of my head',
      symptom2: null,
      activity: 'Reading to my children',
      symptom1Duration: '1-5-years',
      createdAt: '2026-10-01T10:00:00.000Z',
      updatedAt: '2026-10-01T10:00:00.000Z',
    });
    const scores: [string, string, string, number, number | null, number][] = [
      ['seed-1', 'baseline', '2026-10-01', 5, 4, 3],
      ['seed-2', 'follow-up', '2026-10-15', 4, 4, 3],
      ['seed-3', 'follow-up', '2026-11-05', 3, null, 2],
      ['seed-4', 'follow-up', '2026-11-26', 2, 2, 2],
    ];
    for (const [index, [sessionId, kind, date, symptom1, activity, wellbeing]] of scores.entries()) {
      tx.objectStore('outcomeScores').put({
        id: `score-${index + 1}`,
        profileId: 'profile-1',
        clientId,
        sessionId,
        kind,
        date,
        scores: { symptom1, symptom2: null, activity, wellbeing },
        recordedAt: `${date}T10:30:00.000Z`,
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, clientId);
}

test('a baseline and three follow-ups show the chart and the change; the physician report holds the table and the chart', async ({
  page,
  harness,
}, testInfo) => {
  await openAt(page, '2026-11-27T10:00:00');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const practice = page.getByRole('form', { name: 'Practice details' });
  await practice.getByLabel('Practice name').fill('Quiet Harbour Craniosacral Therapy');
  await practice.getByLabel('Your name').fill('Maren Holt');
  await practice.getByRole('button', { name: 'Save practice details' }).click();
  await expect(practice.getByRole('status')).toHaveText('Practice details saved.');
  await page.goto('https://stillpoint.test/index.html#/clients');

  const clientId = await createClient(page, 'Ingrid', 'Solberg');
  await seedSignedSessions(page, clientId, [
    {
      daysAgo: 0,
      date: '2026-10-01',
      before: 6,
      after: 4,
      rate: 8,
      complaint: 'Tension headaches after desk work',
    },
    {
      daysAgo: 0,
      date: '2026-10-15',
      before: 5,
      after: 3,
      rate: 8,
      complaint: 'Headaches',
      effect: ['tiredness', 'mild'],
    },
    { daysAgo: 0, date: '2026-11-05', before: 4, after: 2, rate: 9, complaint: 'Headaches' },
    { daysAgo: 0, date: '2026-11-26', before: 3, after: 1, rate: 9, complaint: 'Headaches' },
  ]);
  await seedProfile(page, clientId);
  await page.reload();

  const card = page.getByRole('region', { name: 'Outcomes' });
  await expect(card).toContainText('Headache at the back of my head');
  // The chart (uPlot draws a canvas) with the baseline in its key, and the change in words.
  await expect(card.getByTestId('outcome-chart').locator('canvas')).toBeVisible();
  await expect(card.getByRole('list', { name: 'Chart key' })).toContainText('Baseline, the first scores');
  await expect(card.getByTestId('outcome-change')).toContainText('Change from baseline: −2');
  await expect(card.getByTestId('outcome-change')).toContainText('2 lower than at the start');
  await expect(card.getByTestId('outcome-change')).toContainText(
    'A change of 1 or more is what the literature treats as meaningful.',
  );
  // The same values as a table, for the keyboard and screen readers.
  const table = card.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row').nth(1)).toContainText('(baseline)');
  await expect(table.getByRole('row').nth(4)).toContainText('−2');
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: testInfo.outputPath('outcomes-card.png') });

  // The progress report for the referring physician.
  await card.getByRole('button', { name: 'Progress report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Progress report' });
  await expect(dialog.getByLabel('From')).toHaveValue('2026-10-01');
  await dialog
    .getByLabel('Your summary')
    .fill('Four sessions of light-touch work. The client reported fewer headache days.');
  await expect(dialog.getByLabel('Signed by')).toHaveValue('Maren Holt');
  await dialog.getByRole('button', { name: 'Save report as PDF…' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    'Saved Progress report Ingrid-Solberg for physician 2026-11-27.pdf',
  );

  const [saved] = await harness.savedFiles();
  expect(saved).toMatch(/\.pdf$/);
  expect(execFileSync('qpdf', ['--check', saved!], { encoding: 'utf8' })).toContain(
    'No syntax or stream encoding errors found',
  );
  const fonts = execFileSync('pdffonts', [saved!], { encoding: 'utf8' });
  expect(fonts).toMatch(/NotoSans-Regular/);
  expect(fonts).not.toMatch(/Helvetica|Times|Courier/);
  for (const line of fonts.split('\n').filter((l) => /NotoSans/.test(l)))
    expect(line).toMatch(/ yes +yes +yes /);
  const bytes = new Uint8Array(fs.readFileSync(saved!));
  const { text: raw } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  const text = raw.replace(/\s+/g, ' ');
  expect(text).toContain('Quiet Harbour Craniosacral Therapy');
  expect(text).toContain('Dr. Helen Marsh');
  expect(text).toContain('Number of sessions 4');
  // The chart: its scale, dates and key, drawn in the PDF itself.
  expect(text).toContain('Solid line: profile score');
  expect(text).toMatch(/Outcome scores 0 1 2 3 4 5 6 1 October 2026 15 October 2026/);
  // The scores table.
  expect(text).toContain('Profile score Change from baseline');
  expect(text).toMatch(/1 October 2026 \(baseline\) 5 4 3 4 –/);
  expect(text).toMatch(/26 November 2026 2 2 2 2 -2/);
  expect(text).toContain('Tiredness');
  expect(text).toContain('fewer headache days');
  // Looked at as an image.
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', saved!, testInfo.outputPath('report')]);
  expect(fs.existsSync(testInfo.outputPath('report-1.png'))).toBe(true);

  // Every signed note of the period records the report.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.goto(
    `https://stillpoint.test/index.html#/clients/${encodeURIComponent(clientId)}/sessions/seed-4`,
  );
  await expect(page.getByRole('region', { name: /Audit log/ })).toContainText('Progress report saved');
});

test('bad input is explained beside the field: no symptom, a score of 7, a follow-up before the baseline', async ({
  page,
}) => {
  await openAt(page, '2026-11-27T10:00:00');
  await createClient(page, 'Oskar', 'Lund');
  const card = page.getByRole('region', { name: 'Outcomes' });
  const form = card.getByRole('form', { name: 'Set up an outcome profile' });
  await form.getByLabel('Wellbeing').fill('7');
  await form.getByRole('button', { name: 'Save profile and first scores' }).click();
  await expect(form.getByText("Name at least one symptom, in the client's own words")).toBeVisible();
  await expect(form.getByText(/Choose a whole number from 0 \(the best it could be\) to 6/)).toBeVisible();
  await form.getByLabel('Main symptom', { exact: true }).fill('Stiff neck in the morning');
  await form.getByLabel('How long they have had it').selectOption('1-3-months');
  await form.getByLabel('Main symptom: Stiff neck in the morning').fill('5');
  await form.getByLabel('Wellbeing').fill('3');
  await form.getByRole('button', { name: 'Save profile and first scores' }).click();
  await expect(card.getByRole('table').getByRole('row')).toHaveCount(2);

  await card.getByRole('button', { name: 'Add scores from a call or message' }).click();
  await card.getByLabel('Day the scores were given').fill('2026-11-20');
  await card.getByLabel('Main symptom: Stiff neck in the morning').fill('4');
  await card.getByRole('button', { name: 'Save scores' }).click();
  await expect(
    card.getByText('A follow-up score is dated on or after the first scores of its profile'),
  ).toBeVisible();
  await card.getByLabel('Day the scores were given').fill('2026-11-27');
  await card.getByLabel('Wellbeing').fill('2');
  await card.getByRole('button', { name: 'Save scores' }).click();
  await expect(card.getByRole('table').getByRole('row')).toHaveCount(3);
  // Baseline (5 + 3) / 2 = 4, now (4 + 2) / 2 = 3.
  await expect(card.getByTestId('outcome-change')).toContainText('Change from baseline: −1');
  await expect(card.getByTestId('outcome-change')).toContainText('This change is 1 or more.');
});

test('a signed session with its follow-up due is in "Follow up today"; "No reactions" removes it', async ({
  page,
}) => {
  await openAt(page, '2026-12-08T10:00:00');
  // Settings: for how many days "Follow up" shows (3 unless changed); 0 is refused beside the box.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'Follow-up after a session' });
  const days = settings.getByLabel('Days to show “Follow up” after a signed session');
  await expect(days).toHaveValue('3');
  await days.fill('0');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Enter a number of days from 1 to 30')).toBeVisible();
  await days.fill('2');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved');
  await page.goto('https://stillpoint.test/index.html#/clients');
  const clientId = await createClient(page, 'Ines', 'Moreau');
  await seedSignedSessions(page, clientId, [
    { daysAgo: 0, date: '2026-12-07', before: 5, after: 2, rate: 8, complaint: 'Low back pain' },
  ]);
  await page.goto('https://stillpoint.test/index.html#/clients');
  const today = page.getByRole('region', { name: 'Follow up today' });
  await expect(today.getByRole('link', { name: 'Ines Moreau' })).toBeVisible();
  await expect(today).toContainText('Signed sessions of the last 2 days');
  await today.getByRole('link', { name: 'Ines Moreau' }).click();

  const followUp = page.getByRole('region', { name: 'Follow up' });
  const item = followUp.getByRole('region', { name: /Follow up after Session 1/ });
  await item.getByLabel('Day of the follow-up').fill('2026-12-06');
  await item.getByRole('button', { name: 'No reactions' }).click();
  await expect(item.getByText('A follow-up is dated on or after the session it follows')).toBeVisible();
  await item.getByLabel('Day of the follow-up').fill('2026-12-08');
  await item.getByRole('button', { name: 'No reactions' }).click();
  await expect(followUp).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Follow up today' })).toHaveCount(0);
});

test('the profile is set up in the first session note; the next note shows the same words to score again', async ({
  page,
}, testInfo) => {
  await openAt(page, '2026-11-27T10:00:00');
  await createClient(page, 'Maja', 'Berg');
  await page.getByRole('button', { name: 'Reviewed with the client today: no changes' }).click();

  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
  const first = page.getByRole('region', { name: 'Outcomes' });
  const setup = first.getByRole('form', { name: 'Set up an outcome profile' });
  await setup.getByLabel('Main symptom', { exact: true }).fill('Jaw aches when I wake up');
  await setup.getByLabel('How long they have had it').selectOption('3-12-months');
  await setup.getByLabel('Activity', { exact: true }).fill('Eating an apple');
  await setup.getByLabel('Main symptom: Jaw aches when I wake up').fill('5');
  await setup.getByLabel('Activity: Eating an apple').fill('4');
  await setup.getByLabel('Wellbeing').fill('3');
  await setup.getByRole('button', { name: 'Save profile and first scores' }).click();
  await expect(first.getByRole('status')).toContainText('Scored at this session');

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Maja Berg' }).click();
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 2/ })).toBeVisible();
  const second = page.getByRole('region', { name: 'Outcomes' });
  // The same words, shown back to score again.
  await second.getByLabel('Main symptom: Jaw aches when I wake up').fill('3');
  await second.getByLabel('Activity: Eating an apple').fill('3');
  await second.getByLabel('Wellbeing').fill('3');
  await second.scrollIntoViewIfNeeded();
  await second.screenshot({ path: testInfo.outputPath('session-outcomes.png') });
  await second.getByRole('button', { name: 'Save scores' }).click();
  await expect(second.getByRole('status')).toContainText('change from baseline −1');

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Maja Berg' }).click();
  const card = page.getByRole('region', { name: 'Outcomes' });
  await expect(card.getByRole('table').getByRole('row')).toHaveCount(3);
  await expect(card.getByTestId('outcome-change')).toContainText('Change from baseline: −1');
});
