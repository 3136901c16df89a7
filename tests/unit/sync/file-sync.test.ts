import 'fake-indexeddb/auto';
import type { PouchDoc } from 'pouchdb-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArrivingAttachmentError } from '../../../src-renderer/db/attachments-repository';
import { REMOVED_FILE_GRACE_DAYS } from '../../../src-renderer/features/sync/file-sync';
import { sha256Hex } from '../../../src-shared/documents/hash';
import { translatorFor } from '../../../src-shared/i18n';
import {
  CHUNK_ATTACHMENT,
  chunkCount,
  FILE_CHUNK_BYTES,
  fileChunkId,
} from '../../../src-shared/sync/file-crypto';
import { createPracticeKey, practiceKeyToText } from '../../../src-shared/sync/practice-key';
import { type SyncComputer, startedComputer } from '../../sync-server/computer';
import { attachLetter, letterPdf } from '../../sync-server/documents';
import { attachmentDocuments, everythingTheServerHolds } from '../../sync-server/holdings';
import { type SyncServer, startSyncServer } from '../../sync-server/server';
import { addClient, filledIn } from '../db/helpers';

let server: SyncServer;
beforeEach(async () => {
  server = await startSyncServer();
});
afterEach(() => server.stop());

const t = translatorFor('en');

async function computer(practiceKey: string, name: string): Promise<SyncComputer> {
  return startedComputer(server, practiceKey, name);
}

describe('documents and photos through practice sync', () => {
  it('brings a letter across: its details first ("arriving"), then its file, checked; the server holds no name, title or plaintext byte', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await computer(key, 'Laptop');
    const client = await addClient(a.repos.clients, 'Ingeborg', 'Quillfeather');
    const bytes = letterPdf(300);
    const letter = await attachLetter(a, client.id, bytes);
    expect(chunkCount(letter.size)).toBeGreaterThan(4);
    // The records travel before the file.
    await a.syncRecords();
    const b = await computer(key, 'Desk');
    await b.syncOnce();
    expect(await b.attachments.get(letter.id)).toEqual(letter);
    expect(await b.attachments.hasFile(letter.id)).toBe(false);
    await expect(b.attachments.open(letter.id)).rejects.toBeInstanceOf(ArrivingAttachmentError);
    expect(await b.files.request()).toMatchObject({ arriving: 1, stored: 0 });

    // A sends the file; B puts it together, checks it, stores it.
    expect(await a.syncOnce()).toMatchObject({ sent: 0 });
    const pass = await b.syncOnce();
    expect(pass).toMatchObject({ stored: 1, arriving: 0, refused: 0 });
    const opened = await b.attachments.open(letter.id);
    expect(Buffer.from(opened.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(await sha256Hex(opened.bytes)).toBe(letter.sha256);
    expect(b.view().problems).toEqual([]);
    // Sent once: passes after that write nothing.
    const writes = () => server.requests.filter((r) => r.includes('_bulk_docs')).length;
    const before = writes();
    await a.syncOnce();
    await b.syncOnce();
    expect(writes()).toBe(before);

    const held = await everythingTheServerHolds(server);
    for (const word of [
      'Quillfeather',
      'Ingeborg',
      'Okonkwo',
      'okonkwo-brandt-clearance.pdf',
      'clearance for craniosacral',
      '%PDF',
      'Anna Lind',
      letter.id,
      letter.sha256,
      client.id,
    ]) {
      expect(held).not.toContain(word);
    }
  });

  it('refuses a chunk moved from another document or altered on the server, reports it once, and keeps the document arriving', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await computer(key, 'Laptop');
    const client = await addClient(a.repos.clients, 'Ola', 'Nordmann');
    const first = await attachLetter(a, client.id, letterPdf(100, 'Alpha'));
    const second = await attachLetter(a, client.id, letterPdf(100, 'Bravo'));
    await a.syncOnce();
    // The server (or someone with its disk) puts the second letter's first chunk in place of
    // the first letter's: a valid ciphertext under this practice's key, in the wrong place.
    const place = (file: typeof first) => ({
      attachmentId: file.id,
      sha256: file.sha256,
      index: 0,
      count: chunkCount(file.size),
    });
    const targetId = await fileChunkId(a.fileKeys, place(first));
    const sourceId = await fileChunkId(a.fileKeys, place(second));
    const target = await a.remote.get(targetId);
    const source = await a.remote.get(sourceId);
    const moved = await a.remote.getAttachment(sourceId, CHUNK_ATTACHMENT);
    await a.remote.put({
      ...target,
      iv: source.iv,
      _attachments: { [CHUNK_ATTACHMENT]: { content_type: 'application/octet-stream', data: moved } },
    } as PouchDoc);

    const b = await computer(key, 'Desk');
    const pass = await b.syncOnce();
    expect(pass).toMatchObject({ stored: 1, refused: 1 });
    await expect(b.attachments.open(first.id)).rejects.toBeInstanceOf(ArrivingAttachmentError);
    expect((await b.attachments.open(second.id)).attachment.id).toBe(second.id);
    expect(b.view().problems).toEqual([{ id: targetId, message: t('sync.problem.fileDamaged') }]);
    // Reported once, not on every pass.
    expect(await b.files.request()).toMatchObject({ stored: 0, refused: 1 });
    expect(b.view().problems).toHaveLength(1);
  });

  it('carries a removal to the other computer and deletes the chunks from the server 30 days later, but never removes a document of a note signed there', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await computer(key, 'Laptop');
    const client = await addClient(a.repos.clients, 'Ingeborg', 'Quillfeather');
    const draft = await a.repos.sessions.createDraft(client.id);
    await a.repos.sessions.saveDraft(filledIn(draft));
    const wrong = await attachLetter(a, client.id, letterPdf(70, 'Wrong'), draft.id);
    const kept = await attachLetter(a, client.id, letterPdf(70, 'Kept'), draft.id);
    await a.syncOnce();
    const b = await computer(key, 'Desk');
    await b.syncOnce();
    expect(await b.attachments.hasFile(wrong.id)).toBe(true);
    expect(await b.attachments.hasFile(kept.id)).toBe(true);
    const chunksOf = (file: { size: number }) => chunkCount(file.size);
    expect(await attachmentDocuments(server)).toBe(chunksOf(wrong) + chunksOf(kept));

    // A removes one document of the draft: B loses it too, with its file; the server keeps its
    // chunks (ciphertext) for the grace period.
    await a.attachments.remove(wrong.id, { by: 'Anna Lind', reason: 'Another client’s letter' });
    expect(await a.syncOnce()).toMatchObject({ removed: 0, waiting: 1 });
    expect(await attachmentDocuments(server)).toBe(chunksOf(wrong) + chunksOf(kept));
    const writes = () => server.requests.filter((r) => r.includes('_bulk_docs')).length;
    expect(await b.syncOnce()).toMatchObject({ removed: 0, waiting: 1 });
    expect(await b.attachments.get(wrong.id)).toBeUndefined();
    expect(await b.repos.syncFiles.withBytes()).toEqual(new Set([kept.id]));
    expect(b.view().problems).toEqual([]);
    // Waiting writes nothing, pass after pass.
    let before = writes();
    await b.syncOnce();
    await a.syncOnce();
    expect(writes()).toBe(before);
    // 30 days after A first saw the removal, A deletes the chunks.
    a.daysLater(REMOVED_FILE_GRACE_DAYS - 0.01);
    expect(await a.syncOnce()).toMatchObject({ removed: 0, waiting: 1 });
    expect(await attachmentDocuments(server)).toBe(chunksOf(wrong) + chunksOf(kept));
    a.daysLater(0.01);
    expect(await a.files.request()).toMatchObject({ removed: 1, waiting: 0 });
    await a.syncOnce();
    expect(await attachmentDocuments(server)).toBe(chunksOf(kept));
    // B, its grace over too, finds them already deleted and deletes nothing twice.
    await b.syncRecords();
    b.daysLater(REMOVED_FILE_GRACE_DAYS);
    before = writes();
    expect(await b.files.request()).toMatchObject({ removed: 1, waiting: 0 });
    await b.syncOnce();
    await a.syncOnce();
    expect(writes()).toBe(before);
    expect(await attachmentDocuments(server)).toBe(chunksOf(kept));

    // Apart: B signs the note, A removes the other document from what is still a draft there.
    await b.repos.sessions.sign(draft.id, 'Anna Lind');
    await a.attachments.remove(kept.id, { by: 'Anna Lind' });
    // A removed it; its chunks stay on the server for now...
    expect(await a.syncOnce()).toMatchObject({ waiting: 1 });
    expect(await attachmentDocuments(server)).toBe(chunksOf(kept));
    await b.syncOnce();
    // ...and B keeps it (the note is signed there) and says so.
    expect(await b.attachments.hasFile(kept.id)).toBe(true);
    expect(b.view().problems.map((p) => p.message)).toEqual([t('sync.problem.signedDocument')]);
    await b.syncOnce();
    expect(await attachmentDocuments(server)).toBe(chunksOf(kept));
    await a.syncOnce();
    // Back on A, its removal mark cleared: a pass long after the grace period deletes nothing.
    a.daysLater(REMOVED_FILE_GRACE_DAYS + 1);
    expect(await a.syncOnce()).toMatchObject({ removed: 0, waiting: 0 });
    expect(await attachmentDocuments(server)).toBe(chunksOf(kept));
    expect((await a.repos.sessions.get(draft.id))?.status).toBe('signed');
    expect(await a.attachments.get(kept.id)).toEqual(await b.attachments.get(kept.id));
    const back = await a.attachments.open(kept.id);
    expect(back.bytes.length).toBe(kept.size);
    await expect(a.attachments.remove(kept.id, { by: 'Anna Lind' })).rejects.toThrow(/signed/);
    // A computer joining now gets the kept document's file from the chunks B sent again.
    const c = await computer(key, 'Reception');
    await c.syncOnce();
    expect(await sha256Hex((await c.attachments.open(kept.id)).bytes)).toBe(kept.sha256);
    expect(await attachmentDocuments(server)).toBe(chunksOf(kept));
  });

  it('removes a deleted client’s documents and files on the other computer, and their chunks from the server', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await computer(key, 'Laptop');
    const client = await addClient(a.repos.clients, 'Ola', 'Nordmann');
    const letter = await attachLetter(a, client.id, letterPdf(10));
    await a.syncOnce();
    const b = await computer(key, 'Desk');
    await b.syncOnce();
    expect(await b.attachments.hasFile(letter.id)).toBe(true);
    const other = await addClient(a.repos.clients, 'Kari', 'Nordmann');
    const staying = await attachLetter(a, other.id, letterPdf(70, 'Staying'));
    await a.syncOnce();
    await b.syncOnce();
    expect(await attachmentDocuments(server)).toBe(chunkCount(letter.size) + chunkCount(staying.size));
    // Deleted on B this time: the computer that receives the deletion has the file too.
    await b.repos.clients.deleteWithSessions(client.id, { by: 'Anna Lind' });
    expect(await b.syncOnce()).toMatchObject({ removed: 0, waiting: 1 });
    expect(await a.syncOnce()).toMatchObject({ removed: 0, waiting: 1 });
    expect(await a.attachments.get(letter.id)).toBeUndefined();
    expect(await a.repos.syncFiles.withBytes()).toEqual(new Set([staying.id]));
    expect(await attachmentDocuments(server)).toBe(chunkCount(letter.size) + chunkCount(staying.size));
    // Its grace period over, B deletes the chunks; A then finds them deleted.
    b.daysLater(REMOVED_FILE_GRACE_DAYS);
    expect(await b.files.request()).toMatchObject({ removed: 1 });
    await b.syncOnce();
    expect(await attachmentDocuments(server)).toBe(chunkCount(staying.size));
    await a.syncRecords();
    a.daysLater(REMOVED_FILE_GRACE_DAYS);
    expect(await a.files.request()).toMatchObject({ removed: 1, waiting: 0 });
    expect(await attachmentDocuments(server)).toBe(chunkCount(staying.size));
  });

  it('a note signed on B while its letter was still arriving there keeps the letter though A removed it from the draft: its chunks wait out the grace period', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await computer(key, 'Laptop');
    const client = await addClient(a.repos.clients, 'Ingeborg', 'Quillfeather');
    const draft = await a.repos.sessions.createDraft(client.id);
    await a.repos.sessions.saveDraft(filledIn(draft));
    const letter = await attachLetter(a, client.id, letterPdf(120, 'Race'), draft.id);
    // The records reach B before the file is on the server: B has the row, not the file.
    await a.syncRecords();
    const b = await computer(key, 'Desk');
    await b.syncRecords();
    expect(await b.files.request()).toMatchObject({ arriving: 1, stored: 0 });
    expect(await b.attachments.hasFile(letter.id)).toBe(false);
    expect(await a.files.request()).toMatchObject({ sent: 1 });
    await a.syncOnce();
    expect(await attachmentDocuments(server)).toBe(chunkCount(letter.size));

    // Apart: B signs the note; A removes the letter from what is still a draft there.
    await b.repos.sessions.sign(draft.id, 'Anna Lind');
    await a.attachments.remove(letter.id, { by: 'Anna Lind', reason: 'Attached by mistake' });
    expect(await a.syncOnce()).toMatchObject({ removed: 0, waiting: 1 });
    expect(await a.attachments.get(letter.id)).toBeUndefined();
    expect(await attachmentDocuments(server)).toBe(chunkCount(letter.size));

    // B keeps the letter (its note is signed) and its file arrives, whole and checked.
    expect(await b.syncOnce()).toMatchObject({ stored: 1, arriving: 0, refused: 0 });
    expect(b.view().problems.map((p) => p.message)).toEqual([t('sync.problem.signedDocument')]);
    expect(await sha256Hex((await b.attachments.open(letter.id)).bytes)).toBe(letter.sha256);
    // B's next push sends the kept row out; A gets it back, file included, and no longer counts
    // it as removed.
    await b.syncOnce();
    await a.syncOnce();
    expect(await a.syncOnce()).toMatchObject({ waiting: 0 });
    expect(await sha256Hex((await a.attachments.open(letter.id)).bytes)).toBe(letter.sha256);
    a.daysLater(REMOVED_FILE_GRACE_DAYS + 1);
    expect(await a.syncOnce()).toMatchObject({ removed: 0, waiting: 0 });
    expect(await attachmentDocuments(server)).toBe(chunkCount(letter.size));
  });

  it('deletes a removed letter’s chunks once 30 days have passed on the remover’s clock: none left on the server, nothing written again', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await computer(key, 'Laptop');
    const client = await addClient(a.repos.clients, 'Ola', 'Nordmann');
    const letter = await attachLetter(a, client.id, letterPdf(90, 'Gone'));
    await a.syncOnce();
    expect(await attachmentDocuments(server)).toBe(chunkCount(letter.size));
    await a.attachments.remove(letter.id, { by: 'Anna Lind' });
    expect(await a.syncOnce()).toMatchObject({ removed: 0, waiting: 1 });
    // The grace runs from when A first saw the removal, not from each pass.
    a.daysLater(20);
    expect(await a.syncOnce()).toMatchObject({ removed: 0, waiting: 1 });
    a.daysLater(10);
    expect(await a.files.request()).toMatchObject({ removed: 1, waiting: 0 });
    await a.syncOnce();
    expect(await attachmentDocuments(server)).toBe(0);
    expect(await a.files.knownFiles()).toEqual([]);
    const writes = () => server.requests.filter((r) => r.includes('_bulk_docs')).length;
    const before = writes();
    await a.syncOnce();
    await a.syncOnce();
    expect(writes()).toBe(before);
    expect(await attachmentDocuments(server)).toBe(0);
  });

  it('reads a file to send one chunk at a time, never whole', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await computer(key, 'Laptop');
    const client = await addClient(a.repos.clients, 'Ola', 'Nordmann');
    const letter = await attachLetter(a, client.id, letterPdf(400));
    const reads: number[] = [];
    const bytes = a.repos.syncFiles.bytes.bind(a.repos.syncFiles);
    a.repos.syncFiles.bytes = async (id) => {
      const blob = await bytes(id);
      if (!blob) return blob;
      // The Blob the app reads from; each slice it reads is recorded.
      return {
        size: blob.size,
        slice: (start?: number, end?: number) => {
          const part = blob.slice(start, end);
          reads.push(part.size);
          return part;
        },
      } as Blob;
    };
    await a.engine.requestPush();
    expect(await a.files.request()).toMatchObject({ sent: 1 });
    expect(reads).toHaveLength(chunkCount(letter.size));
    expect(Math.max(...reads)).toBe(FILE_CHUNK_BYTES);
    expect(reads.reduce((sum, n) => sum + n, 0)).toBe(letter.size);
  });
});
