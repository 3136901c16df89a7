import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RestoreWriter } from '../../../src-renderer/db/restore-writer';
import type { BackupFileWriter } from '../../../src-renderer/features/backup/backup-service';
import { loadBackup, previewBackup } from '../../../src-renderer/features/backup/restore/load-backup';
import { restoreBackup } from '../../../src-renderer/features/backup/restore/restore-service';
import { storedFiles } from './attachment-seed';
import { LETTER, NOTE_FILE } from './fixtures/make-v4-backup';
import { openRepositories } from './helpers';

/**
 * A stored test vector (issue 15): tests/unit/db/fixtures/v4-attachments.stillpoint is a backup
 * in format version 2 (schema version 4, made once by fixtures/make-v4-backup.ts, never
 * regenerated) with a signed note and two documents in 1,024-byte segments. Every later version
 * must restore it whole, each document with the SHA-256 its record says.
 */
const PASSPHRASE = 'correct horse battery staple';
const FILE = path.join(__dirname, 'fixtures', 'v4-attachments.stillpoint');

const refusingWriter: BackupFileWriter = async () => {
  throw new Error('no safety backup expected for an empty database');
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the stored format-version-2 backup (documents)', () => {
  it('restores its client, signed note and both documents byte for byte', async () => {
    const bytes = new Uint8Array(fs.readFileSync(FILE));
    const info = await previewBackup(bytes);
    expect(info.header).toMatchObject({
      formatVersion: 2,
      schemaVersion: 5, // written by the build that merged documents (schema 4) with outcomes (schema 5)
      cipher: { segmentSize: 1024 },
      attachments: { table: 'attachments', count: 2, bytes: LETTER.length + NOTE_FILE.length },
    });
    expect(info.header.counts).toMatchObject({ clients: 1, sessions: 1, attachments: 2 });
    expect(LETTER.length).toBeGreaterThan(3 * 1024); // the letter spans several segments

    const target = openRepositories();
    await restoreBackup({
      store: new RestoreWriter(target.db),
      loaded: await loadBackup(bytes, PASSPHRASE),
      mode: 'replace',
      passphrase: PASSPHRASE,
      appVersion: '0.1.0',
      writer: refusingWriter,
    });
    const [client] = await target.db.clients.toArray();
    expect(await target.clients.get(client!.id)).toMatchObject({ firstName: 'Zoë', lastName: 'Ødegård' });
    const [note] = await target.sessions.listForClient(client!.id);
    expect(note?.status).toBe('signed');
    const rows = await target.db.attachments.orderBy('id').toArray();
    expect(rows).toMatchObject([
      { id: 'att-v4-letter', clientId: client!.id, mediaType: 'application/pdf', sha256: sha256(LETTER) },
      { id: 'att-v4-note', sessionId: note!.id, size: NOTE_FILE.length, sha256: sha256(NOTE_FILE) },
    ]);
    expect(await storedFiles(target.db)).toEqual([
      { id: 'att-v4-letter', sha256: sha256(LETTER) },
      { id: 'att-v4-note', sha256: sha256(NOTE_FILE) },
    ]);
  });
});
