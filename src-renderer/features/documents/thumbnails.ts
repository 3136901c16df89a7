import type { Attachment } from '../../../src-shared/documents/attachment';
import { imageDimensions } from '../../../src-shared/documents/image-size';
import { repositories } from '../../app/repositories';
import { ThumbnailCache, thumbnailSize } from './thumbnail-cache';

/**
 * Real thumbnails for the documents list (issue 15): the photo's checked bytes (the repository
 * verifies the SHA-256) decoded straight to a small size with EXIF orientation applied
 * (`createImageBitmap` with resize options), drawn on an OffscreenCanvas and kept as a JPEG of a
 * few kilobytes. The list shows these, never the full image; see thumbnail-cache.ts for how many
 * are made at once and kept.
 */

/** 300 thumbnails of about 5-10 KB each: a few megabytes at most, whatever the practice holds. */
const KEPT = 300;

const thumbnails = new ThumbnailCache<Blob>({ capacity: KEPT, concurrency: 1 });

async function makeThumbnail(attachment: Attachment): Promise<Blob> {
  const { bytes } = await repositories().attachments.open(attachment.id);
  const size = thumbnailSize(imageDimensions(bytes, attachment.mediaType), attachment.orientation);
  const bitmap = await createImageBitmap(new Blob([bytes], { type: attachment.mediaType }), {
    imageOrientation: 'from-image',
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: 'medium',
  });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas for a thumbnail');
    // A transparent PNG on white, as the list shows it (JPEG has no transparency).
    context.fillStyle = '#fff';
    context.fillRect(0, 0, bitmap.width, bitmap.height);
    context.drawImage(bitmap, 0, 0);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
  } finally {
    bitmap.close();
  }
}

/** The thumbnail of an image attachment: kept, or made in turn. Rejects when the file is damaged. */
export function thumbnailOf(attachment: Attachment): Promise<Blob> {
  return thumbnails.get(`${attachment.id}:${attachment.sha256}`, () => makeThumbnail(attachment));
}

/** Lets a removed document's thumbnail go. */
export function forgetThumbnail(attachmentId: string): void {
  thumbnails.forget(`${attachmentId}:`);
}
