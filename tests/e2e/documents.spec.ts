import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { tiffHasGps } from '../../src-shared/documents/exif';
import { CAMERA_SERIAL, exifTiff, holdsLatitude, jpegWithExif } from '../unit/documents/exif-builder';
import { clearanceLetterPdf, longReportPdf } from './documents-files';
import { expect, test } from './fixtures';

/**
 * Issue 15, documents and photos: a clearance letter attached from the safety check is kept with
 * the client and named (with its hash) in the signed note's acknowledgement; it opens in the
 * app's own viewer and saves as a copy with the same bytes. A photo's GPS is gone after import.
 */

test.slow();

/** No serious or critical axe finding (WCAG 2.1 A and AA), as in accessibility.spec.ts. */
async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ screen, rule: v.id, where: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  expect(serious, `serious or critical accessibility problems on ${screen}`).toEqual([]);
}

async function openApp(page: Page) {
  await page.clock.setFixedTime(new Date('2026-12-03T10:00:00'));
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

async function newClient(page: Page, first: string, last: string) {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Date of birth').fill('1984-06-20');
  await page.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`${first} ${last}`) })).toBeVisible();
}

test('a clearance letter attached from the safety check is in the signed note, opens in the app and saves as a copy', async ({
  page,
  harness,
}, testInfo) => {
  await openApp(page);
  await newClient(page, 'Ines', 'Moreau');
  await page.getByRole('button', { name: 'Add head injury' }).click();
  const injury = page.getByRole('group', { name: 'Head injury 1' });
  await injury.getByLabel('Injury date').fill('2026-11-19');
  await injury.getByLabel('What happened').fill('Concussion, fell off her bike');
  await page.getByRole('button', { name: 'Save health history' }).click();
  await expect(page.getByText('Health history saved.')).toBeVisible();

  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();
  const finding = page.getByRole('region', { name: 'Safety check' }).locator('li[data-severity="AVOID"]');
  await expect(finding).toContainText('Brain injury or concussion');

  // The physician's clearance on the client's file, and the letter that says so.
  await finding.getByRole('button', { name: /Record physician clearance/ }).click();
  const form = finding.getByRole('group', { name: /Physician clearance for Brain injury or concussion/ });
  await form.getByLabel('Assessed and cleared by (physician)').fill('Dr Lena Fischer');
  await form.getByLabel('Clearance date').fill('2026-12-01');
  await form.getByRole('button', { name: "Save clearance to the client's file" }).click();
  await expect(finding.locator('.clearance-on-file')).toContainText('Cleared by Dr Lena Fischer');

  const letterFile = testInfo.outputPath('fischer-letter.pdf');
  const letter = clearanceLetterPdf();
  fs.writeFileSync(letterFile, letter);
  const sha256 = crypto.createHash('sha256').update(letter).digest('hex');
  harness.nextOpenFile(letterFile);
  await finding.getByRole('button', { name: /Attach clearance letter/ }).click();
  const attach = page.getByRole('dialog', { name: 'Attach clearance letter' });
  await expect(attach.getByLabel('Title')).toHaveValue('Clearance letter: Brain injury or concussion');
  await expect(attach.getByLabel('Kind')).toHaveValue('clearance letter');
  await attach.getByLabel('Date').fill('2026-12-01');
  await attach.getByRole('button', { name: 'Attach' }).click();
  await expect(attach).toBeHidden();
  await expect(finding).toContainText(
    'Clearance letter attached: Clearance letter: Brain injury or concussion',
  );
  // The draft's documents list it; while the safety check names it, it cannot be removed.
  const draftDocuments = page.getByRole('region', { name: 'Documents and photos' });
  await expect(draftDocuments.getByTestId('document-item')).toHaveCount(1);
  await expect(draftDocuments.getByRole('button', { name: /Remove/ })).toHaveCount(0);

  await finding.getByRole('checkbox', { name: /Acknowledge/ }).check();
  await page.getByLabel('Chief complaint').fill('Neck stiffness since the fall');
  await page.getByLabel('Signed by').fill('Anna Lind');
  await page.getByRole('button', { name: 'Sign note' }).click();

  // The signed note's acknowledgement names the letter and its hash.
  const soap = page.getByRole('region', { name: 'SOAP note' });
  await expect(soap).toContainText(
    `clearance letter attached: "Clearance letter: Brain injury or concussion" (SHA-256 ${sha256.slice(0, 12)}…)`,
  );

  // The note's documents: the letter, with no way to remove it from a signed note.
  const documents = page.getByRole('region', { name: 'Documents and photos' });
  const item = documents.getByTestId('document-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Clearance letter · ');
  await expect(item.getByRole('button', { name: /Remove/ })).toHaveCount(0);

  // Viewed inside the app: pdf.js draws the page.
  await item.getByRole('button', { name: /View/ }).click();
  const viewer = page.getByRole('dialog', { name: 'Clearance letter: Brain injury or concussion' });
  await expect(viewer.getByTestId('pdf-status')).toHaveText('1 page.');
  await expect(viewer.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
  await viewer.getByRole('button', { name: 'Close' }).click();

  // Save a copy: the same bytes, under a name main made from the title.
  await item.getByRole('button', { name: /Save a copy/ }).click();
  await expect(documents.getByRole('status')).toContainText('Saved a copy of');
  const [copy] = await harness.savedFiles();
  expect(path.basename(copy!)).toMatch(/\.pdf$/);
  expect(crypto.createHash('sha256').update(fs.readFileSync(copy!)).digest('hex')).toBe(sha256);

  // The client page lists it too, from the session note.
  await page.goBack();
  const clientDocs = page.getByRole('region', { name: 'Documents and photos' });
  await expect(clientDocs.getByTestId('document-item')).toContainText('from a session note');

  // The client record ZIP: the PDF (which lists the letter), the JSON and the letter itself, with
  // a manifest giving each file's hash.
  await page.getByRole('button', { name: 'Export client record' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export client record' });
  await exportDialog.getByRole('button', { name: 'Save ZIP with files…' }).click();
  await expect(exportDialog.getByRole('status')).toContainText('ZIP saved to');
  const zipFile = (await harness.savedFiles()).find((file) => file.endsWith('.zip'))!;
  const zip = unzipSync(new Uint8Array(fs.readFileSync(zipFile)));
  const manifest = JSON.parse(strFromU8(zip['manifest.json']!)) as {
    files: { path: string; role: string; sha256: string }[];
  };
  const files = manifest.files.filter((file) => file.role === 'document');
  expect(files).toEqual([expect.objectContaining({ sha256 })]);
  expect(files[0]!.path).toBe('files/01 Clearance-letter-Brain-injury-or-concussion.pdf');
  expect(crypto.createHash('sha256').update(zip[files[0]!.path]!).digest('hex')).toBe(sha256);
  for (const file of manifest.files)
    expect(crypto.createHash('sha256').update(zip[file.path]!).digest('hex'), file.path).toBe(file.sha256);
  const json = JSON.parse(strFromU8(zip[manifest.files.find((f) => f.role === 'record-json')!.path]!)) as {
    attachments: { sha256: string; kind: string }[];
  };
  expect(json.attachments).toEqual([expect.objectContaining({ sha256, kind: 'clearance letter' })]);
  expect(harness.securityLog).toEqual([]);

  // Back on the signed note: a file dropped anywhere on it is added to it (as an addendum may add
  // more), and cannot be removed there either.
  await page.goForward();
  await expect(page.getByRole('region', { name: 'SOAP note' })).toBeVisible();
  await dragFile(page, '#session-title', 'over');
  await expect(page.getByTestId('page-drop-target')).toHaveText(
    'Drop the file to attach it to this session note',
  );
  await dropFile(page, '#session-title', 'follow-up.txt', 'Seen again on 3 Dec: no headache.\n');
  await page.getByRole('dialog', { name: 'Attach a file' }).getByRole('button', { name: 'Attach' }).click();
  const noteDocuments = page
    .getByRole('region', { name: 'Documents and photos' })
    .getByTestId('document-item');
  await expect(noteDocuments).toHaveCount(2);
  await expect(
    noteDocuments.filter({ hasText: 'follow-up' }).getByRole('button', { name: /Remove/ }),
  ).toHaveCount(0);
});

test('a photo attached on the client page loses its GPS location; a file that is not a document is refused', async ({
  page,
  harness,
}, testInfo) => {
  await openApp(page);
  await newClient(page, 'Sam', 'Okafor');
  const documents = page.getByRole('region', { name: 'Documents and photos' });

  const fake = testInfo.outputPath('letter.pdf');
  fs.writeFileSync(fake, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
  harness.nextOpenFile(fake);
  await documents.getByRole('button', { name: 'Attach a file' }).click();
  await expect(documents.getByRole('alert')).toContainText(
    '"letter.pdf" is not a PDF, JPEG, PNG, WebP or plain text file',
  );

  const photo = jpegWithExif(exifTiff({ orientation: 6, camera: true }));
  expect(holdsLatitude(photo)).toBe(true);
  const photoFile = testInfo.outputPath('IMG_2041.jpg');
  fs.writeFileSync(photoFile, photo);
  harness.nextOpenFile(photoFile);
  await documents.getByRole('button', { name: 'Attach a file' }).click();
  const attach = page.getByRole('dialog', { name: 'Attach a file' });
  await expect(attach).toContainText('Location data (GPS) was removed from this photo');
  await expect(attach).toContainText('Camera details were removed too (serial numbers, maker notes');
  await expect(attach.getByLabel('Kind')).toHaveValue('photo');
  await expectAccessible(page, 'the attach dialog');
  await attach.getByLabel('Title').fill('Posture, standing');
  await attach.getByRole('button', { name: 'Attach' }).click();
  const item = documents.getByTestId('document-item');
  await expect(item).toContainText('Posture, standing');
  await expect(item).toContainText('Location data (GPS) removed on import.');
  // Kept with the document, not only told when attaching.
  await expect(item).toContainText('Camera details removed on import.');
  await expectAccessible(page, 'the client page with a photo');
  // The thumbnail is made from the photo, turned by its EXIF orientation (24 x 16 stored on its
  // side: 16 x 24 upright). It is made only once the item comes near the view (DocumentsCard.tsx),
  // and this item sits at the bottom edge of the window: looked at, as a person would (ci20 waited
  // for it with the item just outside the observer's margin).
  await item.scrollIntoViewIfNeeded();
  await expect
    .poll(() =>
      item
        .getByTestId('document-thumb')
        .evaluate((img: HTMLImageElement) => `${img.naturalWidth} x ${img.naturalHeight}`),
    )
    .toBe('16 x 24');

  await item.getByRole('button', { name: /Save a copy/ }).click();
  await expect(documents.getByRole('status')).toContainText('Saved a copy of');
  const [copy] = await harness.savedFiles();
  const saved = fs.readFileSync(copy!);
  expect(path.basename(copy!)).toBe('Posture-standing.jpg');
  expect(holdsLatitude(saved)).toBe(false);
  expect(tiffHasGps(saved.subarray(12))).toBe(false);
  expect(saved.includes(Buffer.from(CAMERA_SERIAL))).toBe(false);

  // Settings shows the room documents and photos take.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('documents-space')).toHaveText(`1 file takes ${saved.length} bytes.`);
  await page.goBack();

  // A draft's or a client's document can be removed; the audit log keeps a line about it.
  await item.getByRole('button', { name: /Remove/ }).click();
  await page
    .getByRole('dialog', { name: 'Remove this document?' })
    .getByRole('button', { name: 'Remove document' })
    .click();
  await expect(documents.getByRole('status')).toContainText('Removed "Posture, standing"');
  await expect(documents.getByTestId('document-item')).toHaveCount(0);
});

/** Drops a file made in the page onto `selector`, the way the system's drag and drop delivers it. */
async function dropFile(page: Page, selector: string, name: string, text: string) {
  await page.evaluate(
    ({ selector, name, text }) => {
      const target = document.querySelector(selector)!;
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'text/plain' }));
      target.dispatchEvent(
        new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }),
      );
      target.dispatchEvent(
        new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }),
      );
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    },
    { selector, name, text },
  );
}

/** Starts dragging a file over `selector` (enter and over), or leaves with it. */
async function dragFile(page: Page, selector: string, what: 'over' | 'leave') {
  await page.evaluate(
    ({ selector, what }) => {
      const target = document.querySelector(selector)!;
      const data = new DataTransfer();
      data.items.add(new File(['x'], 'x.txt', { type: 'text/plain' }));
      for (const type of what === 'over' ? ['dragenter', 'dragover'] : ['dragleave'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    },
    { selector, what },
  );
}

test('a file dropped anywhere on the client page is checked by main like a picked one; a name with a control character is refused', async ({
  page,
  harness,
}) => {
  await openApp(page);
  await newClient(page, 'Ola', 'Nordmann');
  const documents = page.getByRole('region', { name: 'Documents and photos' });

  // Dragging a file over the page shows where it will go; leaving takes the target away.
  await dragFile(page, '#client-title', 'over');
  await expect(page.getByTestId('page-drop-target')).toHaveText(
    'Drop the file to attach it to Ola Nordmann’s record',
  );
  await dragFile(page, '#client-title', 'leave');
  await expect(page.getByTestId('page-drop-target')).toHaveCount(0);

  await dropFile(page, '.contact-card', 'notes\u0007.txt', 'Referral notes');
  await expect(documents.getByRole('alert')).toContainText("That file's name cannot be kept");
  expect(harness.calls).not.toContain('documents:prepare-dropped');
  await expect(page.getByTestId('page-drop-target')).toHaveCount(0);

  // Dropped on the page's heading, far from the documents card.
  await dropFile(page, '#client-title', 'referral notes.txt', 'Referral from Dr Okafor.\n');
  const attach = page.getByRole('dialog', { name: 'Attach a file' });
  await expect(attach).toContainText('referral notes.txt · Text');
  await expect(attach.getByLabel('Title')).toHaveValue('referral notes');
  await attach.getByLabel('Kind').selectOption('referral');
  await attach.getByRole('button', { name: 'Attach' }).click();
  const item = documents.getByTestId('document-item');
  await expect(item).toContainText('Referral · ');
  expect(harness.calls).toContain('documents:prepare-dropped');
  await item.getByRole('button', { name: /View/ }).click();
  await expect(page.getByRole('dialog', { name: 'referral notes' }).locator('pre')).toContainText(
    'Referral from Dr Okafor.',
  );
});

test('a photo dropped anywhere on a draft note is attached to that session, with a real thumbnail', async ({
  page,
}) => {
  await openApp(page);
  await newClient(page, 'Mira', 'Svensson');
  await page.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Session 1/ })).toBeVisible();

  await dragFile(page, '#session-title', 'over');
  await expect(page.getByTestId('page-drop-target')).toHaveText(
    'Drop the file to attach it to this session note',
  );
  // A 3000 x 2000 photo (made by the page's own JPEG encoder), dropped on the note's heading.
  await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(3000, 2000);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#4a7';
    context.fillRect(0, 0, 3000, 2000);
    context.fillStyle = '#a33';
    context.fillRect(0, 0, 1500, 1000);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const data = new DataTransfer();
    data.items.add(new File([blob], 'posture-front.jpg', { type: 'image/jpeg' }));
    const target = document.querySelector('#session-title')!;
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  await expect(page.getByTestId('page-drop-target')).toHaveCount(0);
  const attach = page.getByRole('dialog', { name: 'Attach a file' });
  await expect(attach).toContainText('posture-front.jpg · JPEG photo');
  await attach.getByRole('button', { name: 'Attach' }).click();
  const documents = page.getByRole('region', { name: 'Documents and photos' });
  const item = documents.getByTestId('document-item');
  await expect(item).toContainText('posture-front');
  // The list shows a thumbnail made at 192 x 128 pixels, not the 6-megapixel photo scaled by CSS.
  // (Made when the item comes near the view: the documents card is far down the editor.)
  await item.scrollIntoViewIfNeeded();
  const thumb = item.getByTestId('document-thumb');
  await expect
    .poll(() => thumb.evaluate((img: HTMLImageElement) => `${img.naturalWidth} x ${img.naturalHeight}`))
    .toBe('192 x 128');

  // The client page lists it as the session's.
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Mira Svensson' })
    .click();
  await expect(
    page.getByRole('region', { name: 'Documents and photos' }).getByTestId('document-item'),
  ).toContainText('from a session note');
});

test('a long PDF is read to its last page, drawing only the pages near the view', async ({
  page,
  harness,
}, testInfo) => {
  await openApp(page);
  await newClient(page, 'Pia', 'Lund');
  const report = testInfo.outputPath('hospital-report.pdf');
  fs.writeFileSync(report, longReportPdf(60));
  harness.nextOpenFile(report);
  const documents = page.getByRole('region', { name: 'Documents and photos' });
  await documents.getByRole('button', { name: 'Attach a file' }).click();
  await page.getByRole('dialog', { name: 'Attach a file' }).getByRole('button', { name: 'Attach' }).click();
  await documents.getByTestId('document-item').getByRole('button', { name: /View/ }).click();
  const viewer = page.getByRole('dialog', { name: 'hospital-report' });
  await expect(viewer.getByTestId('pdf-status')).toHaveText('60 pages.');
  await expect(viewer.getByRole('img', { name: 'Page 1 of 60' })).toHaveAttribute('data-drawn', 'true');
  await expect(viewer.getByRole('img', { name: 'Page 60 of 60' })).not.toHaveAttribute('data-drawn', 'true');

  // Scrolled to the end: the last page is drawn, the first has given its canvas back.
  await viewer.getByTestId('pdf-pages').evaluate((box) => {
    box.scrollTop = box.scrollHeight;
  });
  await expect(viewer.getByRole('img', { name: 'Page 60 of 60' })).toHaveAttribute('data-drawn', 'true');
  await expect(viewer.getByRole('img', { name: 'Page 1 of 60' })).not.toHaveAttribute('data-drawn', 'true');
  expect(await viewer.locator('.pdf-page canvas').count()).toBeLessThanOrEqual(8);
});
