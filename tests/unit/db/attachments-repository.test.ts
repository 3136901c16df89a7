import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  AttachmentsRepository,
  DamagedAttachmentError,
  SignedNoteAttachmentError,
} from '../../../src-renderer/db/attachments-repository';
import { DISK_FULL_MESSAGE, describeStorageError } from '../../../src-renderer/db/errors';
import { documentErrorText } from '../../../src-renderer/features/documents/document-errors';
import { prepareFile } from '../../../src-shared/documents/prepare';
import { translatorFor } from '../../../src-shared/i18n';
import { exifTiff, holdsLatitude, jpegWithExif } from '../documents/exif-builder';
import { addClient, filledIn, openRepositories } from './helpers';

const letter = () => new TextEncoder().encode('%PDF-1.7\n% a clearance letter\n%%EOF\n');
const details = {
  title: 'Clearance letter Dr Fischer',
  kind: 'clearance letter',
  date: '2025-03-01',
} as const;

async function setUp() {
  const repos = openRepositories();
  const attachments = new AttachmentsRepository(repos.db, repos.clock);
  const client = await addClient(repos.clients);
  return { ...repos, attachments, client };
}

describe('AttachmentsRepository', () => {
  it('keeps the details and the bytes, and gives the bytes back checked', async () => {
    const { attachments, client, audit, db } = await setUp();
    const file = await prepareFile(letter(), 'fischer.pdf');
    const added = await attachments.add({ clientId: client.id, details, file, addedBy: 'Anna Lind' });
    expect(added).toMatchObject({
      ...details,
      mediaType: 'application/pdf',
      size: file.size,
      sha256: file.sha256,
    });
    expect(await attachments.listForClient(client.id)).toEqual([added]);
    const opened = await attachments.open(added.id);
    expect(Buffer.from(opened.bytes).equals(Buffer.from(letter()))).toBe(true);
    const entries = await audit.listForClient(client.id);
    expect(entries.map((e) => e.action)).toContain('document-attached');
    expect(await attachments.spaceUsed()).toEqual({ bytes: file.size, files: 1 });
    db.close();
  });

  it('a photo is stored without its location', async () => {
    const { attachments, client, db } = await setUp();
    const file = await prepareFile(jpegWithExif(exifTiff()) as Uint8Array<ArrayBuffer>, 'IMG_1.jpg');
    const added = await attachments.add({
      clientId: client.id,
      details: { ...details, kind: 'photo' },
      file,
    });
    expect(added.gpsRemoved).toBe(true);
    expect(holdsLatitude((await attachments.open(added.id)).bytes)).toBe(false);
    db.close();
  });

  it('keeps whether camera details were removed, and reads false for a document from before it was kept', async () => {
    const { attachments, client, db } = await setUp();
    const prepared = await prepareFile(jpegWithExif(exifTiff()) as Uint8Array<ArrayBuffer>, 'IMG_2.jpg');
    const added = await attachments.add({
      clientId: client.id,
      details: { ...details, kind: 'photo' },
      file: { ...prepared, otherMetadataRemoved: true },
    });
    expect(added.otherMetadataRemoved).toBe(true);
    expect((await attachments.listForClient(client.id))[0]?.otherMetadataRemoved).toBe(true);
    // A row stored before the field existed (or restored from such a backup) has no such field.
    const { otherMetadataRemoved: _dropped, ...older } = (await db.attachments.get(added.id)) as Record<
      string,
      unknown
    >;
    await db.attachments.put(older as never);
    expect((await attachments.get(added.id))?.otherMetadataRemoved).toBe(false);
    db.close();
  });

  it('refuses to open a file whose bytes no longer match their hash', async () => {
    const { attachments, client, db } = await setUp();
    const added = await attachments.add({
      clientId: client.id,
      details,
      file: await prepareFile(letter(), 'a.pdf'),
    });
    const changed = letter();
    changed[12] = (changed[12] ?? 0) ^ 0x01;
    await db.attachmentBlobs.put({ id: added.id, data: new Blob([changed]) });
    await expect(attachments.open(added.id)).rejects.toBeInstanceOf(DamagedAttachmentError);
    // Issue 19: the screen says it in the app's language, by the refusal's key.
    const refusal = await attachments.open(added.id).catch((error: unknown) => error);
    expect(documentErrorText(translatorFor('de'), refusal)).toBe(
      'Diese Datei hat sich seit dem Anhängen verändert (ihre Prüfsumme stimmt nicht mehr), daher zeigt oder speichert Stillpoint sie nicht. Stellen Sie sie aus einer Sicherung wieder her.',
    );
    expect(documentErrorText(translatorFor('en'), refusal)).toBe((refusal as Error).message);
    // A file still on its way from another computer of the practice.
    await db.attachmentBlobs.delete(added.id);
    const arriving = await attachments.open(added.id).catch((error: unknown) => error);
    expect(documentErrorText(translatorFor('de'), arriving)).toBe(
      'Diese Datei kommt noch von einem anderen Computer der Praxis. Sie öffnet sich hier, sobald sie ganz angekommen ist und ihre Prüfsumme stimmt.',
    );
    db.close();
  });

  it('refuses bytes that are not what the hash says before storing anything', async () => {
    const { attachments, client, db } = await setUp();
    const file = await prepareFile(letter(), 'a.pdf');
    await expect(
      attachments.add({ clientId: client.id, details, file: { ...file, sha256: '0'.repeat(64) } }),
    ).rejects.toBeInstanceOf(DamagedAttachmentError);
    expect(await db.attachments.count()).toBe(0);
    db.close();
  });

  it('a full disk keeps nothing half-written and says so in the usual words', async () => {
    const { attachments, client, db } = await setUp();
    // The blob's write fails the way Chromium reports a full disk; the metadata row went first.
    db.attachmentBlobs.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await attachments
      .add({ clientId: client.id, details, file: await prepareFile(letter(), 'a.pdf') })
      .catch((e: unknown) => e);
    expect(describeStorageError(error, 'Not attached')).toBe(DISK_FULL_MESSAGE);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.attachmentBlobs.count()).toBe(0);
    expect(await db.auditLog.filter((e) => e.action === 'document-attached').count()).toBe(0);
    db.close();
  });

  it('a draft note’s document can be removed, with an audit entry; a signed note’s cannot', async () => {
    const { attachments, client, sessions, audit, db } = await setUp();
    const draft = await sessions.createDraft(client.id);
    const photo = await attachments.add({
      clientId: client.id,
      sessionId: draft.id,
      details: { ...details, kind: 'photo', title: 'Posture' },
      file: await prepareFile(letter(), 'a.pdf'),
    });
    await attachments.remove(photo.id, { by: 'Anna Lind' });
    expect(await attachments.get(photo.id)).toBeUndefined();
    expect(await db.attachmentBlobs.get(photo.id)).toBeUndefined();
    const removed = (await audit.listForClient(client.id)).find((e) => e.action === 'document-removed');
    expect(removed).toMatchObject({ noteId: draft.id });
    expect(removed?.detail).toContain('"Posture"');
    expect(removed?.detail).toContain('by Anna Lind');

    const letterOnNote = await attachments.add({
      clientId: client.id,
      sessionId: draft.id,
      details,
      file: await prepareFile(letter(), 'b.pdf'),
    });
    await sessions.saveDraft(filledIn(draft));
    await sessions.sign(draft.id, 'Anna Lind');
    await expect(attachments.remove(letterOnNote.id, { by: 'Anna Lind' })).rejects.toBeInstanceOf(
      SignedNoteAttachmentError,
    );
    const refusal = await attachments.remove(letterOnNote.id, { by: 'Anna Lind' }).catch((e: unknown) => e);
    expect(documentErrorText(translatorFor('de'), refusal, 'Nicht entfernt')).toBe(
      'Nicht entfernt: Dieses Dokument gehört zu einer unterschriebenen Notiz und kann daher nicht entfernt werden. Fügen Sie der Notiz einen Nachtrag hinzu, falls es versehentlich angehängt wurde.',
    );
    expect((await attachments.open(letterOnNote.id)).attachment.id).toBe(letterOnNote.id);
    // An addendum's way: more can still be attached to the signed note.
    await attachments.add({
      clientId: client.id,
      sessionId: draft.id,
      details,
      file: await prepareFile(letter(), 'c.pdf'),
    });
    expect(await attachments.listForSession(draft.id)).toHaveLength(2);
    db.close();
  });

  it('edits title, kind, date and note; refuses an empty title', async () => {
    const { attachments, client, db } = await setUp();
    const added = await attachments.add({
      clientId: client.id,
      details,
      file: await prepareFile(letter(), 'a.pdf'),
    });
    const edited = await attachments.updateDetails(added.id, {
      ...details,
      kind: 'referral',
      note: 'From the GP',
    });
    expect(edited).toMatchObject({ kind: 'referral', note: 'From the GP', sha256: added.sha256 });
    await expect(attachments.updateDetails(added.id, { ...details, title: '  ' })).rejects.toThrow(
      /Give the document a title/,
    );
    db.close();
  });

  it('deleting a client removes its documents and their bytes, and no one else’s', async () => {
    const { attachments, client, clients, db } = await setUp();
    const other = await addClient(clients, 'Ola', 'Nordmann');
    const file = await prepareFile(letter(), 'a.pdf');
    const mine = await attachments.add({ clientId: client.id, details, file });
    const theirs = await attachments.add({ clientId: other.id, details, file });
    await clients.deleteWithSessions(client.id, { by: 'Anna Lind' });
    expect(await db.attachments.get(mine.id)).toBeUndefined();
    expect(await db.attachmentBlobs.get(mine.id)).toBeUndefined();
    expect((await attachments.open(theirs.id)).attachment.clientId).toBe(other.id);
    db.close();
  });

  it('refuses a document for a client that does not exist', async () => {
    const { attachments, db } = await setUp();
    await expect(
      attachments.add({ clientId: 'nobody', details, file: await prepareFile(letter(), 'a.pdf') }),
    ).rejects.toThrow('This client no longer exists.');
    expect(await db.attachmentBlobs.count()).toBe(0);
    db.close();
  });
});
