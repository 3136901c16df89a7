import { expect, test } from './fixtures';

/**
 * Issue 21 item 9: the area type-ahead knows the abbreviations therapists type ("si" used to add
 * the sphenobasilar junction; "sij", "sbs", "oa", "atlas", "jaw", "tail" found nothing), and an
 * ambiguous prefix names every candidate.
 */
test('"si", "sbs", "oa", "atlas", "jaw" and "tail" add the areas a therapist means', async ({ page }) => {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Pia');
  await page.getByLabel('Last name').fill('Aas');
  await page.getByRole('button', { name: 'Save client' }).click();
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();

  await page.keyboard.press('Control+Shift+A');
  const filter = page.getByRole('combobox', { name: 'Add an area from the list' });
  await expect(filter).toBeFocused();
  const list = page.getByRole('list', { name: 'Treated areas, cranium to sacrum' });
  const added = () =>
    list
      .getByRole('group')
      .evaluateAll((groups) =>
        groups
          .filter((g) => g.classList.contains('area-fieldset'))
          .map((g) => g.querySelector('legend')?.textContent ?? ''),
      );

  for (const query of ['si', 'sbs', 'oa', 'atlas', 'jaw', 'tail']) {
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
  }
  // Cranium to sacrum, as always.
  await expect(list.getByRole('listitem')).toHaveCount(6);
  expect(await added()).toEqual([
    'Mandible / TMJ',
    'Atlanto-occipital joint',
    'Sphenobasilar junction',
    'C1',
    'Sacroiliac joint',
    'Coccyx',
  ]);

  // "sij" is the same joint: already in the note, nothing added twice.
  await page.keyboard.type('sij');
  const options = page.getByRole('listbox', { name: 'Body regions, cranium to sacrum' });
  await expect(options.getByRole('option').first()).toContainText('Sacroiliac joint');
  await expect(options.getByRole('option').first()).toContainText('SIJ');
  await page.keyboard.press('Enter');
  await expect(list.getByRole('listitem')).toHaveCount(6);

  // An ambiguous prefix names every candidate before Enter.
  await page.keyboard.type('sph');
  await expect(
    page.getByText('“sph” fits 2 areas: Sphenoid (greater wings), Sphenobasilar junction.'),
  ).toBeVisible();
  await expect(filter).toHaveAccessibleDescription(/fits 2 areas/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await page.keyboard.type('sphenoid');
  await expect(page.getByText(/fits \d+ areas/)).toHaveCount(0);
});
