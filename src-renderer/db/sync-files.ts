import type { StillpointDatabase } from './database';

/** What practice sync needs of a document's row to move its file: never the title or name. */
export interface SyncedFile {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
}

/**
 * Practice sync's front door to the documents' files (`attachmentBlobs`): which documents have
 * their bytes here, the bytes as a Blob (read a slice at a time by the caller, so a 50 MB file is
 * never read whole), and the storing of a file that arrived and was checked.
 */
export class SyncFiles {
  constructor(private readonly db: StillpointDatabase) {}

  /** Every document's row, metadata only (the bytes live in their own table). */
  async documents(): Promise<SyncedFile[]> {
    const rows = await this.db.attachments.toArray();
    return rows.flatMap((row) =>
      typeof row.id === 'string' &&
      typeof row.sha256 === 'string' &&
      typeof row.size === 'number' &&
      typeof row.mediaType === 'string'
        ? [{ id: row.id, sha256: row.sha256, size: row.size, mediaType: row.mediaType }]
        : [],
    );
  }

  /** The ids of the documents whose bytes are here (keys only: no file is read). */
  async withBytes(): Promise<Set<string>> {
    const keys = await this.db.attachmentBlobs.toCollection().primaryKeys();
    return new Set(keys.map(String));
  }

  /** The stored file of a document, as a Blob to read in slices, or undefined. */
  async bytes(id: string): Promise<Blob | undefined> {
    return (await this.db.attachmentBlobs.get(id))?.data;
  }

  /**
   * Stores a file that arrived (its SHA-256 already checked against `sha256`), only if the
   * document's row is still here with that hash and has no bytes yet; answers whether it did.
   * A document removed meanwhile, or changed under the same id, gets nothing.
   */
  storeArrived(id: string, sha256: string, data: Blob): Promise<boolean> {
    const { db } = this;
    return db.transaction('rw', db.attachments, db.attachmentBlobs, async () => {
      const row = await db.attachments.get(id);
      if (!row || row.sha256 !== sha256) return false;
      if (await db.attachmentBlobs.get(id)) return false;
      await db.attachmentBlobs.put({ id, data });
      return true;
    });
  }
}
