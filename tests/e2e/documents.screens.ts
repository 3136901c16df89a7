import fs from 'node:fs';
import path from 'node:path';
import { exifTiff, jpegWithExif } from '../unit/documents/exif-builder';
import { clearanceLetterPdf } from './documents-files';
import { expect, test } from './fixtures';

/** Screenshots of documents and photos (docs/images): the client's list and the PDF viewer. */
const out = (name: string) => path.resolve(__dirname, '../../docs/images', name);

test('documents and photos on the client page, and a letter in the viewer', async ({
  page,
  harness,
}, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('First name').fill('Ines');
  await page.getByLabel('Last name').fill('Moreau');
  await page.getByRole('button', { name: 'Save client' }).click();
  const documents = page.getByRole('region', { name: 'Documents and photos' });

  const letter = testInfo.outputPath('fischer-letter.pdf');
  fs.writeFileSync(letter, clearanceLetterPdf());
  harness.nextOpenFile(letter);
  await documents.getByRole('button', { name: 'Attach a file' }).click();
  let attach = page.getByRole('dialog', { name: 'Attach a file' });
  await attach.getByLabel('Title').fill('Clearance letter, Dr Fischer');
  await attach.getByLabel('Kind').selectOption('clearance letter');
  await attach.getByLabel('Note (optional)').fill('No contraindication to light touch.');
  await attach.getByRole('button', { name: 'Attach' }).click();

  const photo = testInfo.outputPath('IMG_2041.jpg');
  fs.writeFileSync(photo, jpegWithExif(exifTiff({ orientation: 1 })));
  harness.nextOpenFile(photo);
  await documents.getByRole('button', { name: 'Attach a file' }).click();
  attach = page.getByRole('dialog', { name: 'Attach a file' });
  await expect(attach).toContainText('Location data (GPS) was removed');
  await attach.getByLabel('Title').fill('Posture, standing');
  await attach.getByRole('button', { name: 'Attach' }).click();
  await expect(documents.getByTestId('document-item')).toHaveCount(2);
  await documents.scrollIntoViewIfNeeded();
  await documents.screenshot({ path: out('documents-light.png') });

  await documents.getByRole('button', { name: 'View Clearance letter, Dr Fischer' }).click();
  const viewer = page.getByRole('dialog', { name: 'Clearance letter, Dr Fischer' });
  await expect(viewer.getByTestId('pdf-status')).toHaveText('1 page.');
  await page.screenshot({ path: out('documents-viewer-light.png') });
});
