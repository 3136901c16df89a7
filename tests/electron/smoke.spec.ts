import path from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../resources/dev/electron-binary.cjs';

/**
 * Runs the real app in real Electron. The binary comes the way `npm start` gets it: the electron
 * package downloads it the first time it is asked (or ELECTRON_OVERRIDE_DIST_PATH /
 * ELECTRON_EXEC_PATH name one). Only where none can be had (no internet and no binary, like our
 * CI) does this test skip, and the reason says what to do.
 */
const repoRoot = path.resolve(__dirname, '../..');

const electron = findElectronBinary();
const binary = electron.ok ? electron.path : null;
const SKIP_REASON = electron.ok ? '' : `No Electron binary can be had here. ${electron.message}`;
if (!binary) console.warn(`[real-Electron smoke test skipped] ${SKIP_REASON}`);

test.describe('real Electron', () => {
  test.skip(!binary, SKIP_REASON);

  test('opens the app with a locked-down window', async () => {
    const app = await _electron.launch({
      args: [path.join(repoRoot, 'out/main/index.js')],
      executablePath: binary!,
    });
    try {
      const page = await app.firstWindow();
      // A fresh profile: the app opens on Welcome.
      await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Stillpoint' })).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/stillpoint\//);
      // No Node in the page (contextIsolation + sandbox + nodeIntegration off).
      const globals = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        module: typeof (globalThis as { module?: unknown }).module,
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });
      // New windows are denied and navigation away is refused.
      expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      // No sleep: a round trip through main after the navigation request means main has
      // already answered will-navigate (refused), and the page that answers is still ours.
      const info = await page.evaluate(() =>
        (globalThis as unknown as { stillpoint: { appInfo(): Promise<unknown> } }).stillpoint.appInfo(),
      );
      expect(page.url()).toMatch(/^app:\/\/stillpoint\//);
      expect(info).toMatchObject({ ok: true, value: { name: expect.any(String) } });
      const fetched = await page.evaluate(() =>
        fetch('https://example.com/').then(
          () => 'reached',
          () => 'blocked',
        ),
      );
      expect(fetched).toBe('blocked');
    } finally {
      await app.close();
    }
  });
});
