import { expect, type Page } from '@playwright/test';

/**
 * Gets past the Welcome screens the way a therapist who skips them would: "Skip this step" on
 * each, which records Welcome as done through the app's own settings repository. On a practice
 * that already has clients (or Welcome already done) the app opens straight away, and this
 * only checks that it did.
 */
export async function passWelcome(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const welcome = page.getByRole('heading', { level: 1, name: 'Welcome to Stillpoint' });
  await expect(nav.or(welcome)).toBeVisible({ timeout: 30_000 });
  if (await welcome.isVisible()) {
    await page.getByRole('button', { name: 'Skip this step' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Keep your notes safe' })).toBeVisible();
    await page.getByRole('button', { name: 'Skip this step' }).click();
  }
  await expect(nav).toBeVisible();
}
