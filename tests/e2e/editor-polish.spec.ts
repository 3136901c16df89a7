import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedSignedSessions } from './session-seed';

/**
 * Issue 21, items 8, 10 and 11: the note editor by keyboard, on small and wide windows, and the
 * smaller things (one date and time format, body-map targets, automatic-backup boxes, the rhythm
 * band in dark mode). Each test walks the therapist's path.
 */

async function createClient(page: Page, first: string, last: string, condition?: string) {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Date of birth').fill('1978-06-14');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(last) })).toBeVisible();
  if (condition) {
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page
      .getByRole('group', { name: 'Condition 1' })
      .getByLabel('From the list')
      .selectOption({ label: condition });
    await page.getByRole('button', { name: 'Save health history' }).click();
    await expect(page.getByText('Health history saved.')).toBeVisible();
  } else {
    await page.getByRole('button', { name: 'Reviewed with the client today: no changes' }).click();
    await expect(page.getByRole('region', { name: 'Safety check' })).toContainText(
      'Health history last reviewed with the client on',
    );
  }
}

function clientIdFromUrl(page: Page): string {
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
}

async function newSession(page: Page) {
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session \d+/ })).toBeVisible();
}

function area(page: Page, name: string): Locator {
  return page
    .getByRole('list', { name: 'Treated areas, cranium to sacrum' })
    .getByRole('group', { name, exact: true });
}

function removeButton(page: Page, name: string): Locator {
  return area(page, name).locator('button.remove-area');
}

async function within(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width
  );
}

// ---------------------------------------------------------------------------------------------
// Item 8: the note editor by keyboard

test('"New session" puts the cursor on the first finding to acknowledge, else on the chief complaint', async ({
  page,
}) => {
  await createClient(page, 'Ida', 'Berg', 'Osteoporosis');
  await newSession(page);
  const acknowledge = page
    .getByRole('region', { name: 'Safety check' })
    .getByRole('checkbox', { name: /Acknowledge Osteoporosis/ });
  await expect(acknowledge).toBeFocused();
  await page.keyboard.press('Space');
  await expect(acknowledge).toBeChecked();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
  await createClient(page, 'Per', 'Lund');
  await newSession(page);
  await expect(page.getByLabel('Chief complaint')).toBeFocused();
  await page.keyboard.type('Stiff neck');
  await expect(page.getByLabel('Chief complaint')).toHaveValue('Stiff neck');
});

test('Remove pressed once too often is undone with Enter: the area comes back with its finding, technique and note', async ({
  page,
}) => {
  await createClient(page, 'Kari', 'Holm');
  await newSession(page);
  await page.keyboard.press('Control+Shift+A');
  for (const query of ['occ', 'sacru']) {
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
  }
  await expect(area(page, 'Sacrum')).toBeVisible();
  // The user guide's path through the occiput: finding, technique, note, Remove.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight'); // Release
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter'); // CV-4, the usual one
  await page.keyboard.press('Tab');
  await page.keyboard.type('Softened after the second still point');
  await page.keyboard.press('Tab');
  await expect(removeButton(page, 'Occipital')).toBeFocused();
  await page.keyboard.press('Enter'); // one Enter too many
  await expect(area(page, 'Occipital')).toHaveCount(0);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await expect(page.getByText('Occipital removed, with its finding, techniques and note.')).toBeVisible();
  await page.keyboard.press('Enter');

  const occipital = area(page, 'Occipital');
  await expect(occipital.getByRole('radio', { name: 'Release' })).toBeChecked();
  await expect(occipital).toContainText('Still point induction (CV-4)');
  await expect(occipital.getByLabel('Note')).toHaveValue('Softened after the second still point');
  await expect(undo).toHaveCount(0);
  // Back in body order, before the sacrum; and saved that way.
  await expect(page.locator('.area-row')).toHaveCount(2);
  await expect(page.locator('.area-row').first()).toHaveAttribute('data-region', 'occipital');
  await page.keyboard.press('Control+s');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await page.reload();
  await expect(area(page, 'Occipital').getByLabel('Note')).toHaveValue(
    'Softened after the second still point',
  );

  // A removal the therapist meant: Tab goes on from Undo to the next area.
  await removeButton(page, 'Occipital').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(area(page, 'Sacrum').getByRole('radio').first()).toBeFocused();
});

test('Ctrl+Shift+A on a 1024 x 700 window shows the whole area picker, not its top edge at the bottom', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await createClient(page, 'Ola', 'Dahl');
  await newSession(page);
  const filter = page.getByRole('combobox', { name: 'Add an area from the list' });
  // Scrolled while writing so that the picker's box just shows at the window's bottom edge:
  // focusing it alone would not scroll, leaving the list below the window.
  await filter.evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    document.getElementById('main-content')?.scrollBy(0, top - (window.innerHeight - 30));
  });
  await expect.poll(async () => (await filter.boundingBox())?.y ?? 0).toBeGreaterThan(640);
  await page.keyboard.press('Control+Shift+A');
  await expect(filter).toBeFocused();
  const list = page.getByRole('listbox', { name: 'Body regions, cranium to sacrum' });
  await expect.poll(() => within(page, filter)).toBe(true);
  await expect.poll(() => within(page, list)).toBe(true);
  // Not hidden under the sticky note header either.
  const header = await page.locator('.session-header').boundingBox();
  const box = await filter.boundingBox();
  expect(header && box && box.y >= header.y + header.height).toBe(true);
});

// ---------------------------------------------------------------------------------------------
// Item 10: room to write, small and wide windows

test('at 1024 x 700 area and condition notes grow with the text, nothing cut off, no sideways scrolling', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await createClient(page, 'Mia', 'Strand');
  const long =
    'Diagnosed after a wrist fracture; DEXA T-score -2.8 at the lumbar spine. On alendronate weekly. ' +
    'Avoid compression along the spine and firm pressure over the ribs.';
  await page.getByRole('button', { name: 'Add condition' }).click();
  const condition = page.getByRole('group', { name: 'Condition 1' });
  await condition.getByLabel('From the list').selectOption({ label: 'Osteoporosis' });
  await condition.getByLabel('Notes').fill(long);
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByText('Health history saved.')).toBeVisible();
  await expectAllShown(condition.getByLabel('Notes'), 400);
  await expectNoSidewaysScroll(page);

  await newSession(page);
  await page.keyboard.press('Control+Shift+A');
  await page.keyboard.type('occ');
  await page.keyboard.press('Enter');
  const note = area(page, 'Occipital').getByLabel('Note');
  const oneLine = (await note.boundingBox())?.height ?? 0;
  await note.fill(`${long} ${long}`);
  await expectAllShown(note, 300);
  expect((await note.boundingBox())?.height ?? 0).toBeGreaterThan(oneLine * 2);
  await expectNoSidewaysScroll(page);
});

async function expectAllShown(box: Locator, minWidth: number) {
  await expect
    .poll(() =>
      box.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1),
    )
    .toBe(true);
  expect((await box.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(minWidth);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() =>
    [document.scrollingElement, document.getElementById('main-content')].map((el) =>
      el ? el.scrollWidth - el.clientWidth : 0,
    ),
  );
  expect(overflow.every((px) => px <= 0)).toBe(true);
}

test('at 1920 x 1080 the safety check and the last session stand beside the note', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await createClient(page, 'Eva', 'Nyberg', 'Osteoporosis');
  await seedSignedSessions(page, clientIdFromUrl(page), [
    { daysAgo: 14, before: 6, after: 3, rate: 8, complaint: 'Tension headaches after desk work' },
  ]);
  await page.reload();
  await newSession(page);
  const before = page.getByRole('region', { name: 'Before the session' });
  const safety = page.getByRole('region', { name: 'Safety check' });
  const last = page.getByRole('region', { name: 'Last session' });
  await expect(last).toContainText('Tension headaches after desk work');
  await expect(last).toContainText('Occipital: Still point induction (CV-4), release');
  const b = await before.boundingBox();
  const s = await safety.boundingBox();
  const l = await last.boundingBox();
  expect(b && s && l).toBeTruthy();
  if (!b || !s || !l) return;
  expect(s.x).toBeGreaterThanOrEqual(b.x + b.width); // beside, not above
  expect(s.y).toBeLessThan(b.y + b.height); // level with the start of the note
  expect(l.y).toBeGreaterThan(s.y);
  expect(b.width).toBeGreaterThan(900);
  await expectNoSidewaysScroll(page);

  // The client page, wide, then the window made small: the chart shrinks with it.
  await page.getByRole('link', { name: 'Eva Nyberg' }).first().click();
  const chart = page.getByRole('region', { name: 'Sessions' }).locator('canvas').first();
  await expect(chart).toBeVisible();
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect.poll(async () => (await chart.boundingBox())?.width ?? 0).toBeLessThan(800);
  await expectNoSidewaysScroll(page);
});

// ---------------------------------------------------------------------------------------------
// Item 11: smaller things

test('a signed note shows every date in one format and every time in one, the locale’s', async ({ page }) => {
  await createClient(page, 'Tor', 'Aas');
  await newSession(page);
  await page.getByLabel('Time', { exact: true }).fill('14:30');
  await page.getByLabel('Chief complaint').fill('Low back ache');
  await page.getByLabel('Signed by').fill('Anna Lind');
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Signed');

  const { date, time, today } = await page.evaluate(() => {
    const now = new Date();
    const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    return {
      today: iso,
      date: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(now),
      time: new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(2000, 0, 1, 14, 30)),
    };
  });
  const text = ((await page.locator('#main-content').textContent()) ?? '').replace(/\u202f/g, ' ');
  expect(text).toContain(`${date} at ${time.replace(/\u202f/g, ' ')}`);
  expect(text).toContain(`reviewed with the client on ${date}.`);
  expect(text).not.toContain(today); // never the stored "YYYY-MM-DD"
  if (time !== '14:30') expect(text).not.toMatch(/\b14:30\b/); // never the stored 24-hour time
});

test('a click just beside the small hyoid adds it: its target is at least 24 px across', async ({ page }) => {
  await createClient(page, 'Siv', 'Moe');
  await newSession(page);
  const hyoid = page.locator('.body-map-svg [data-region="hyoid"] .part');
  await hyoid.scrollIntoViewIfNeeded();
  const box = await hyoid.boundingBox();
  expect(box).toBeTruthy();
  if (!box) return;
  expect(box.height).toBeLessThan(24); // the drawing itself is small, and stays so
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // 12 px above, below, left and right of its centre (a target 24 px across each way), each
  // outside the drawn shape.
  for (const [dx, dy] of [
    [0, -12],
    [0, 12],
    [-12, 0],
    [12, 0],
  ] as const) {
    await page.mouse.click(cx + dx, cy + dy);
    await expect(area(page, 'Hyoid')).toBeVisible();
    await removeButton(page, 'Hyoid').click();
    await expect(area(page, 'Hyoid')).toHaveCount(0);
  }
  const after = await hyoid.boundingBox();
  expect(after).toEqual(box);
});

test('automatic backups are not shown as on before a folder and a passphrase let them run', async ({
  page,
}) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Backup' }).click();
  const card = page.locator('form[aria-labelledby="auto-backup-title"]');
  const daily = card.getByRole('checkbox', { name: /Every day/ });
  const onQuit = card.getByRole('checkbox', { name: /When the app quits/ });
  await expect(daily).not.toBeChecked();
  await expect(onQuit).not.toBeChecked();
  await expect(daily).toBeDisabled();
  await expect(card).toContainText(
    'Automatic backups cannot run yet: they need a backup folder and a passphrase',
  );
});

test('the commonly cited 6-12 cpm band stands out on the chart in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await createClient(page, 'Liv', 'Haug');
  await seedSignedSessions(page, clientIdFromUrl(page), [
    { daysAgo: 21, before: 6, after: 4, rate: 7, complaint: 'Neck' },
    { daysAgo: 14, before: 5, after: 3, rate: 8, complaint: 'Neck' },
    { daysAgo: 7, before: 4, after: 2, rate: 9, complaint: 'Neck' },
  ]);
  await page.reload();
  const canvas = page.getByRole('region', { name: 'Sessions' }).locator('canvas').first();
  await expect(canvas).toBeVisible();
  // The two most common colours of the plot, as seen on the card: the card itself and the band.
  const contrast = await canvas.evaluate((element) => {
    const el = element as HTMLCanvasElement;
    const card = getComputedStyle(el.closest('.card') as Element).backgroundColor;
    const surface = (card.match(/\d+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
    const data = (el.getContext('2d') as CanvasRenderingContext2D).getImageData(
      0,
      0,
      el.width,
      el.height,
    ).data;
    const counts = new Map<string, number>();
    for (let i = 0; i < data.length; i += 4) {
      const a = (data[i + 3] ?? 0) / 255;
      const rgb = [0, 1, 2].map((c) => Math.round((data[i + c] ?? 0) * a + (surface[c] ?? 0) * (1 - a)));
      const key = rgb.join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const [first, second] = [...counts.entries()].sort((x, y) => y[1] - x[1]);
    const luminance = (key: string) => {
      const [r, g, b] = key.split(',').map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [l1, l2] = [luminance(first?.[0] ?? '0,0,0'), luminance(second?.[0] ?? '0,0,0')];
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  });
  expect(contrast).toBeGreaterThanOrEqual(1.5);
});
