import { createHash } from 'node:crypto';
import type { StillpointDatabase } from '../../../src-renderer/db/database';

/**
 * An attachment (schema version 4) as the documents feature stores it: a metadata row that passes
 * AttachmentSchema and its bytes apart, the row carrying the bytes' SHA-256. Backup tests seed the
 * two tables directly so they can choose sizes and ids (the repository would sniff the bytes).
 */
export async function seedAttachment(
  db: StillpointDatabase,
  options: {
    id: string;
    clientId: string;
    sessionId?: string;
    bytes: Uint8Array;
    addedAt?: string;
    mediaType?: 'application/pdf' | 'text/plain';
  },
): Promise<{ id: string; sha256: string }> {
  const sha256 = createHash('sha256').update(options.bytes).digest('hex');
  await db.transaction('rw', db.attachments, db.attachmentBlobs, async () => {
    await db.attachments.put({
      id: options.id,
      clientId: options.clientId,
      ...(options.sessionId ? { sessionId: options.sessionId } : {}),
      title: `Letter ${options.id}`,
      kind: 'clearance letter',
      date: '2025-03-01',
      note: '',
      originalName: `${options.id}.${options.mediaType === 'text/plain' ? 'txt' : 'pdf'}`,
      mediaType: options.mediaType ?? 'application/pdf',
      size: options.bytes.length,
      sha256,
      addedAt: options.addedAt ?? '2025-03-01T10:00:00.000Z',
      updatedAt: options.addedAt ?? '2025-03-01T10:00:00.000Z',
      gpsRemoved: false,
      otherMetadataRemoved: false,
      orientation: 1,
    });
    await db.attachmentBlobs.put({ id: options.id, data: new Blob([new Uint8Array(options.bytes)]) });
  });
  return { id: options.id, sha256 };
}

/** Every stored file as { id, sha256 of its bytes }, in id order. */
export async function storedFiles(db: StillpointDatabase): Promise<{ id: string; sha256: string }[]> {
  const rows = (await db.attachmentBlobs.toArray()) as { id: string; data: Blob }[];
  const out: { id: string; sha256: string }[] = [];
  for (const row of rows) {
    const bytes = new Uint8Array(await row.data.arrayBuffer());
    out.push({ id: row.id, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return out;
}

/** Bytes that do not compress, like a scan or a photo. */
export function randomFile(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
