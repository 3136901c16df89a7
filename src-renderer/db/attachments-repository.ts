import {
  ATTACHMENT_KIND_LABELS,
  type Attachment,
  type AttachmentDetails,
  AttachmentDetailsSchema,
  AttachmentSchema,
  type PreparedFile,
} from '../../src-shared/documents/attachment';
import { sha256Hex } from '../../src-shared/documents/hash';
import { makeAuditEntry } from '../../src-shared/domain/audit';
import { type Id, newId } from '../../src-shared/domain/ids';
import { type MessageKey, translatorFor } from '../../src-shared/i18n';
import { mayRemoveDocument } from '../../src-shared/merge/merge-rules';
import { parseWith } from '../../src-shared/validation';
import { writtenHere } from './authorship';
import { type Clock, systemClock } from './clients-repository';
import type { StillpointDatabase } from './database';

/**
 * What the store refuses, as a catalogue key: the screens say it in the app's language
 * (`t(error.key)`, features/documents/document-errors.ts). `message` is the English, for logs.
 */
export class AttachmentStoreError extends Error {
  constructor(
    readonly key: MessageKey,
    name: string,
  ) {
    super(translatorFor('en')(key));
    this.name = name;
  }
}

/** Refused: a signed note's documents are part of what was signed. */
export class SignedNoteAttachmentError extends AttachmentStoreError {
  constructor() {
    super('documents.store.signedNote', 'SignedNoteAttachmentError');
  }
}

/** The stored bytes no longer match the hash kept with them. */
export class DamagedAttachmentError extends AttachmentStoreError {
  constructor() {
    super('documents.refusals.damaged', 'DamagedAttachmentError');
  }
}

/** Practice sync has brought the document's details, and its file is still on the way. */
export class ArrivingAttachmentError extends AttachmentStoreError {
  constructor() {
    super('documents.store.arriving', 'ArrivingAttachmentError');
  }
}

/**
 * The only code that touches the attachments and attachmentBlobs tables (issue 15), outside the
 * backup's snapshot and restore writer.
 *
 * - A file's metadata and its bytes are written in one transaction: a full disk leaves neither.
 * - Bytes are read back only through `open`, which checks them against the stored SHA-256.
 * - A document of a signed note cannot be removed; removing any other leaves an audit entry
 *   (title, kind, hash, who) on the note, or on the client for a client's document.
 */
export class AttachmentsRepository {
  constructor(
    private readonly db: StillpointDatabase,
    private readonly clock: Clock = systemClock,
  ) {}

  async add(input: {
    clientId: Id;
    sessionId?: Id;
    details: AttachmentDetails;
    file: PreparedFile;
    addedBy?: string;
  }): Promise<Attachment> {
    const { db } = this;
    const now = this.clock.now().toISOString();
    const details = parseWith(AttachmentDetailsSchema, input.details, 'The document');
    // The bytes are hashed again here: what is stored is exactly what the hash says.
    if ((await sha256Hex(input.file.bytes)) !== input.file.sha256) throw new DamagedAttachmentError();
    const attachment = parseWith(
      AttachmentSchema,
      {
        ...details,
        id: newId(),
        clientId: input.clientId,
        sessionId: input.sessionId,
        mediaType: input.file.mediaType,
        size: input.file.bytes.byteLength,
        sha256: input.file.sha256,
        originalName: input.file.originalName,
        addedAt: now,
        addedBy: input.addedBy?.trim() || undefined,
        updatedAt: now,
        gpsRemoved: input.file.gpsRemoved,
        otherMetadataRemoved: input.file.otherMetadataRemoved ?? false,
        orientation: input.file.orientation,
      },
      'The document',
    );
    const data = new Blob([input.file.bytes as Uint8Array<ArrayBuffer>], { type: attachment.mediaType });
    await db.transaction(
      'rw',
      [db.clients, db.sessions, db.attachments, db.attachmentBlobs, db.auditLog],
      async () => {
        if (!(await db.clients.get(input.clientId))) throw new Error('This client no longer exists.');
        if (input.sessionId) {
          const note = await db.sessions.get(input.sessionId);
          if (!note || note.clientId !== input.clientId)
            throw new Error('This session note no longer exists.');
        }
        await db.attachments.add(withoutUndefined(attachment));
        await db.attachmentBlobs.add({ id: attachment.id, data });
        await db.auditLog.add(
          makeAuditEntry({
            ...writtenHere(),
            noteId: input.sessionId ?? input.clientId,
            clientId: input.clientId,
            action: 'document-attached',
            now: this.clock.now(),
            detail: auditDetail(attachment, input.addedBy),
          }),
        );
      },
    );
    return attachment;
  }

  async get(id: Id): Promise<Attachment | undefined> {
    const row = await this.db.attachments.get(id);
    return row ? AttachmentSchema.parse(row) : undefined;
  }

  /** A client's documents (their own and their notes'), newest document date first. */
  async listForClient(clientId: Id): Promise<Attachment[]> {
    const rows = await this.db.attachments.where('clientId').equals(clientId).toArray();
    return sortByDate(rows.map((row) => AttachmentSchema.parse(row)));
  }

  /** One session note's documents. */
  async listForSession(sessionId: Id): Promise<Attachment[]> {
    const rows = await this.db.attachments.where('sessionId').equals(sessionId).toArray();
    return sortByDate(rows.map((row) => AttachmentSchema.parse(row)));
  }

  /** Title, kind, date and note: the details a therapist may correct at any time. */
  async updateDetails(id: Id, details: AttachmentDetails): Promise<Attachment> {
    const parsed = parseWith(AttachmentDetailsSchema, details, 'The document');
    return this.db.transaction('rw', this.db.attachments, async () => {
      const existing = await this.get(id);
      if (!existing) throw new Error('This document no longer exists.');
      const next = parseWith(
        AttachmentSchema,
        { ...existing, ...parsed, note: parsed.note, updatedAt: this.clock.now().toISOString() },
        'The document',
      );
      await this.db.attachments.put(withoutUndefined(next));
      return next;
    });
  }

  /**
   * The file's bytes, checked against the stored SHA-256 (DamagedAttachmentError otherwise).
   * Also what the backup helper calls to check a file before it goes into a backup.
   */
  async open(id: Id): Promise<{ attachment: Attachment; bytes: Uint8Array<ArrayBuffer> }> {
    const [row, blob] = await this.db.transaction('r', this.db.attachments, this.db.attachmentBlobs, () =>
      Promise.all([this.db.attachments.get(id), this.db.attachmentBlobs.get(id)]),
    );
    if (!row) throw new Error('This document no longer exists.');
    const attachment = AttachmentSchema.parse(row);
    // Only practice sync writes a row without its bytes (they follow, checked, in chunks).
    if (!blob) throw new ArrivingAttachmentError();
    const bytes = new Uint8Array(await blob.data.arrayBuffer());
    if (!(await verifies(bytes, attachment.sha256))) throw new DamagedAttachmentError();
    return { attachment, bytes };
  }

  /**
   * Removes a document from a client or a draft note, with an audit entry. Refused for a signed
   * note's document (SignedNoteAttachmentError).
   */
  async remove(id: Id, removal: { by: string; reason?: string }): Promise<void> {
    const { db } = this;
    const by = removal.by.trim();
    if (!by) throw new Error('Say who is removing the document: it is kept in the audit log.');
    await db.transaction('rw', [db.sessions, db.attachments, db.attachmentBlobs, db.auditLog], async () => {
      const existing = await this.get(id);
      if (!existing) throw new Error('This document no longer exists.');
      if (existing.sessionId) {
        const note = await db.sessions.get(existing.sessionId);
        if (!mayRemoveDocument(note)) throw new SignedNoteAttachmentError();
      }
      await db.attachmentBlobs.delete(id);
      await db.attachments.delete(id);
      await db.auditLog.add(
        makeAuditEntry({
          ...writtenHere(),
          noteId: existing.sessionId ?? existing.clientId,
          clientId: existing.clientId,
          action: 'document-removed',
          documentId: id,
          now: this.clock.now(),
          detail: `${auditDetail(existing, by)}${removal.reason?.trim() ? ` Reason: ${removal.reason.trim()}` : ''}`,
        }),
      );
    });
  }

  /** Whether the file's bytes are here (false while practice sync is still bringing them). */
  async hasFile(id: Id): Promise<boolean> {
    return (await this.db.attachmentBlobs.where(':id').equals(id).count()) > 0;
  }

  /** Space the documents and photos take, for Settings: the sum of their sizes, and how many. */
  async spaceUsed(): Promise<{ bytes: number; files: number }> {
    let bytes = 0;
    let files = 0;
    // Metadata only: the bytes are never loaded to count them.
    await this.db.attachments.each((row) => {
      bytes += typeof row.size === 'number' ? row.size : 0;
      files += 1;
    });
    return { bytes, files };
  }
}

/** Whether `bytes` hash to `sha256` (the check on open and before a backup). */
export async function verifies(bytes: Uint8Array, sha256: string): Promise<boolean> {
  return (await sha256Hex(bytes)) === sha256;
}

function auditDetail(attachment: Attachment, by?: string): string {
  const who = by?.trim() ? ` by ${by.trim()}` : '';
  return `${ATTACHMENT_KIND_LABELS[attachment.kind]} "${attachment.title}" (${attachment.originalName}, SHA-256 ${attachment.sha256})${who}.`;
}

function sortByDate(rows: Attachment[]): Attachment[] {
  return rows.sort((a, b) => b.date.localeCompare(a.date) || b.addedAt.localeCompare(a.addedAt));
}

/** IndexedDB keeps `undefined` fields; a stored row holds only what it has. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
