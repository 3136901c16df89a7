import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { BackupSnapshotReader } from '../../../src-renderer/db/backup-snapshot';
import { type StillpointDatabase, TABLE_NAMES } from '../../../src-renderer/db/database';
import { type RestoreTransaction, RestoreWriter } from '../../../src-renderer/db/restore-writer';
import { type BackupProgress, makeBackup } from '../../../src-renderer/features/backup/backup-service';
import { loadBackup } from '../../../src-renderer/features/backup/restore/load-backup';
import { restoreBackup } from '../../../src-renderer/features/backup/restore/restore-service';
import { BackupError, type BackupKey, type BlobLike, deriveBackupKey } from '../../../src-shared/backup';
import { randomFile, seedAttachment, storedFiles } from './attachment-seed';
import { addClient, filledIn, openRepositories } from './helpers';

/**
 * Format version 2 with documents (issue 15), below the UI on real IndexedDB (fake-indexeddb):
 * files as their own segments, refused whole when damaged, a restore that fails midway rolled
 * back, and a backup that is one snapshot while edits run.
 */

const PASSPHRASE = 'Tidal rhythm, still point 7';
let key: BackupKey;

beforeAll(async () => {
  key = await deriveBackupKey(PASSPHRASE);
});

type Repos = ReturnType<typeof openRepositories>;

async function seed(repos: Repos) {
  const zoe = await addClient(repos.clients, 'Zoë', 'Ødegård');
  const draft = await repos.sessions.createDraft(zoe.id);
  await repos.sessions.saveDraft(filledIn(draft));
  // Three segments and a bit (1 MiB segments): a damaged middle segment is inside the file.
  const letter = await seedAttachment(repos.db, {
    id: 'att-letter',
    clientId: zoe.id,
    bytes: randomFile(3 * 1024 * 1024 + 11, 3),
  });
  await seedAttachment(repos.db, {
    id: 'att-photo',
    clientId: zoe.id,
    sessionId: draft.id,
    bytes: randomFile(4096, 4),
  });
  return { zoe, draftId: draft.id, letter };
}

async function tables(db: StillpointDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  out.files = await storedFiles(db);
  return out;
}

function backupOf(db: StillpointDatabase, onProgress?: (progress: BackupProgress) => void) {
  return makeBackup({
    records: new BackupSnapshotReader(db),
    key,
    appVersion: '0.1.0',
    pageSize: 1,
    ...(onProgress ? { onProgress } : {}),
  });
}

/** Where each version 2 segment is: [offset of its length field, end], walking the prefixes. */
function segmentsOf(bytes: Uint8Array): { start: number; end: number; kind: 'records' | 'file' }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 20 + view.getUint32(12) + 32;
  const out: { start: number; end: number; kind: 'records' | 'file' }[] = [];
  let seenFile = false;
  while (offset < bytes.length) {
    const end = offset + 4 + view.getUint32(offset) + 16;
    // The kind is encrypted; files come after records and are the full-size ones here.
    out.push({ start: offset, end, kind: 'records' });
    offset = end;
  }
  // The last four segments are the letter (4: 3 MiB + 11 bytes in segments of S - 2 - 10 bytes)
  // and the photo (1); everything before is records.
  for (let i = out.length - 5; i < out.length; i++) {
    out[i]!.kind = 'file';
    seenFile = true;
  }
  expect(seenFile).toBe(true);
  return out;
}

function flipped(bytes: Uint8Array, at: number): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes);
  copy[at]! ^= 0x01;
  return copy;
}

const writer = async () => {
  throw new BackupError('CANCELLED', 'no safety backup in this test');
};

describe('documents in a backup (format version 2)', () => {
  it('a bit flipped or a cut in a file segment is refused whole, before anything is written', async () => {
    const source = openRepositories();
    await seed(source);
    const { bytes, header } = await backupOf(source.db);
    expect(header.formatVersion).toBe(2);
    expect(header.formatVersion === 2 && header.attachments).toEqual({
      table: 'attachments',
      count: 2,
      bytes: 3 * 1024 * 1024 + 11 + 4096,
    });
    const segments = segmentsOf(bytes);
    const middleOfLetter = segments[segments.length - 3]!;

    const target = openRepositories();
    await addClient(target.clients, 'Anna', 'Here-Already');
    const before = await tables(target.db);
    for (const damaged of [
      flipped(bytes, middleOfLetter.start + 4 + 1000), // ciphertext
      flipped(bytes, middleOfLetter.end - 1), // tag
      flipped(bytes, middleOfLetter.start + 3), // length
    ]) {
      await expect(loadBackup(damaged, PASSPHRASE)).rejects.toMatchObject({ code: 'CORRUPTED' });
    }
    // Cut inside the letter, and cut exactly after one of its segments.
    await expect(loadBackup(bytes.slice(0, middleOfLetter.start + 500), PASSPHRASE)).rejects.toMatchObject({
      code: 'TRUNCATED',
    });
    await expect(loadBackup(bytes.slice(0, middleOfLetter.end), PASSPHRASE)).rejects.toMatchObject({
      code: 'TRUNCATED',
    });
    expect(await tables(target.db)).toEqual(before);
  });

  it('a file segment that goes bad between the check and the write stops the restore midway, and every table rolls back', async () => {
    const source = openRepositories();
    await seed(source);
    const { bytes } = await backupOf(source.db);
    const segments = segmentsOf(bytes);
    const lastOfLetter = segments[segments.length - 3]!;
    // The file on disk changes after it was checked (a failing disk, a sync tool): the first
    // pass reads it whole and good, the writing pass meets the damage after every record.
    let passes = 0;
    const changing: BlobLike = {
      size: bytes.length,
      slice(start = 0, end = bytes.length) {
        if (start === segments[0]!.start) passes++; // each pass starts at the first segment
        const part = bytes.slice(start, end);
        if (passes > 1 && start <= lastOfLetter.start + 100 && end > lastOfLetter.start + 100) {
          part[lastOfLetter.start + 100 - start]! ^= 0xff;
        }
        return { arrayBuffer: async () => part.buffer };
      },
    };
    const loaded = await loadBackup(changing, PASSPHRASE);

    const target = openRepositories();
    const anna = await addClient(target.clients, 'Anna', 'Here-Already');
    await seedAttachment(target.db, { id: 'att-anna', clientId: anna.id, bytes: randomFile(300, 5) });
    const before = await tables(target.db);
    // Counts what the restore wrote before the damage, to show it failed midway.
    const written: string[] = [];
    class CountingWriter extends RestoreWriter {
      override inOneTransaction<T>(work: (tx: RestoreTransaction) => Promise<T>): Promise<T> {
        return super.inOneTransaction((tx) =>
          work({
            ...tx,
            put: (table, rows) => {
              written.push(`${table}:${rows.length}`);
              return tx.put(table, rows);
            },
            putFile: (id, data) => {
              written.push(`file:${id}`);
              return tx.putFile(id, data);
            },
          }),
        );
      }
    }
    // Merge: no safety backup first, straight to the one transaction.
    const failure = await restoreBackup({
      store: new CountingWriter(target.db),
      loaded,
      mode: 'merge',
      passphrase: PASSPHRASE,
      appVersion: '0.1.0',
      writer,
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(failure).toMatchObject({ code: 'CORRUPTED' });
    // Records were written before the damage was met; the damaged file and the next were not.
    expect(written.some((entry) => entry.startsWith('clients:'))).toBe(true);
    expect(written.some((entry) => entry.startsWith('attachments:'))).toBe(true);
    expect(written).not.toContain('file:att-letter');
    expect(written).not.toContain('file:att-photo');
    expect(await tables(target.db)).toEqual(before);
  });

  it('a restore of a good file brings back every document with the same SHA-256, in both modes', async () => {
    const source = openRepositories();
    const { letter } = await seed(source);
    const { bytes } = await backupOf(source.db);
    for (const mode of ['replace', 'merge'] as const) {
      const target = openRepositories();
      await restoreBackup({
        store: new RestoreWriter(target.db),
        loaded: await loadBackup(bytes, PASSPHRASE),
        mode,
        passphrase: PASSPHRASE,
        appVersion: '0.1.0',
        writer,
      });
      expect(await storedFiles(target.db)).toEqual(await storedFiles(source.db));
      expect((await storedFiles(target.db)).find((file) => file.id === letter.id)?.sha256).toBe(
        letter.sha256,
      );
    }
  });

  it('a stored file that no longer matches its SHA-256 fails the backup, naming it', async () => {
    const source = openRepositories();
    await seed(source);
    await source.db.attachmentBlobs.put({
      id: 'att-photo',
      data: new Blob([new Uint8Array(randomFile(4096, 99))]),
    });
    const error = await backupOf(source.db).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({ code: 'INVALID_RECORDS' });
    expect((error as BackupError).message).toContain('att-photo');
    expect((error as BackupError).message).toContain('damaged on this computer');
  });
});

describe('a backup is one snapshot', () => {
  it('edits made while the backup runs are neither in it nor half in it, and are saved after', async () => {
    const repos = openRepositories();
    const { zoe, draftId } = await seed(repos);
    const marta = await addClient(repos.clients, 'Marta', 'Kowalska');
    const martaNote = await repos.sessions.createDraft(marta.id);
    await repos.sessions.saveDraft(filledIn(martaNote));
    const before = await tables(repos.db);

    // As soon as the backup has read its first page, the therapist deletes Zoë (her notes and
    // files with her), adds a client, and edits Marta's note: real IndexedDB writes, started
    // mid-backup, not awaited by it.
    let edits: Promise<unknown> | undefined;
    const { bytes } = await backupOf(repos.db, (progress) => {
      if (edits || progress.done === 0) return;
      edits = Promise.all([
        repos.db.transaction(
          'rw',
          [repos.db.clients, repos.db.sessions, repos.db.attachments, repos.db.attachmentBlobs],
          async () => {
            await repos.db.sessions.where('clientId').equals(zoe.id).delete();
            await repos.db.attachments.where('clientId').equals(zoe.id).delete();
            await repos.db.attachmentBlobs.bulkDelete(['att-letter', 'att-photo']);
            await repos.db.clients.delete(zoe.id);
          },
        ),
        addClient(repos.clients, 'Added', 'During-Backup'),
        repos.sessions.saveDraft({ ...filledIn(martaNote), chiefComplaint: 'Edited during the backup' }),
      ]);
    });
    expect(edits).toBeDefined();
    await edits; // every edit is saved once the backup has read the records

    // The file is the practice as it was when the backup started: exactly, files included.
    const restored = openRepositories();
    await restoreBackup({
      store: new RestoreWriter(restored.db),
      loaded: await loadBackup(bytes, PASSPHRASE),
      mode: 'replace',
      passphrase: PASSPHRASE,
      appVersion: '0.1.0',
      writer,
    });
    expect(await tables(restored.db)).toEqual(before);

    // And the edits are in the database.
    expect(await repos.db.clients.get(zoe.id)).toBeUndefined();
    expect(await repos.db.sessions.get(draftId)).toBeUndefined();
    expect(await repos.db.clients.count()).toBe(2);
    expect((await repos.db.sessions.get(martaNote.id))?.chiefComplaint).toBe('Edited during the backup');
  });
});
