import { backupFileNameFor } from '../../../src-shared/domain/backup-settings';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { BackupFileWriter } from '../../../src-renderer/features/backup/backup-service';
import { loadBackup } from '../../../src-renderer/features/backup/restore/load-backup';
import {
  DeleteNotStartedError,
  deleteClientWithSafetyBackup,
  deletionBackupFileName,
} from '../../../src-renderer/features/clients/delete-client';
import { fail, ok } from '../../../src-shared/result';
import { addClient, filledIn, openRepositories } from './helpers';

const PASSPHRASE = 'correct horse battery staple';

/** Two clients, Marta with a signed note (and its audit entries) and a draft; Sam with nothing. */
async function practice() {
  const repos = openRepositories();
  const marta = await addClient(repos.clients, 'Marta', 'Kowalska');
  const sam = await addClient(repos.clients, 'Sam', 'Archer');
  const draft = await repos.sessions.createDraft(marta.id);
  await repos.sessions.saveDraft({ ...filledIn(draft), chiefComplaint: 'Migraine since the fall' });
  await repos.sessions.sign(draft.id, 'Anna Lind');
  await repos.sessions.createDraft(marta.id);
  return { repos, marta, sam };
}

function diskWriter() {
  const files = new Map<string, Uint8Array>();
  // Names the file as main does, from the kind and the test's fixed clock.
  const writer: BackupFileWriter = async ({ kind, bytes }) => {
    const fileName = backupFileNameFor(kind, new Date(2026, 10, 26, 9, 30, 0));
    files.set(fileName, bytes);
    return ok({ path: `/backups/${fileName}`, fileName, pruned: [] });
  };
  return { files, writer };
}

async function snapshot(repos: ReturnType<typeof openRepositories>) {
  const { db } = repos;
  return {
    clients: await db.clients.toArray(),
    sessions: await db.sessions.toArray(),
    auditLog: await db.auditLog.toArray(),
    healthHistories: await db.healthHistories.toArray(),
  };
}

describe('deleting a client', () => {
  it('saves a backup of every record first, then deletes, leaving only "deleted on <date> by <who>"', async () => {
    const { repos, marta, sam } = await practice();
    const before = await snapshot(repos);
    const { files, writer } = diskWriter();
    const now = new Date(2026, 10, 26, 9, 30, 0);

    const result = await deleteClientWithSafetyBackup({
      records: repos.backupSnapshot,
      clients: repos.clients,
      clientId: marta.id,
      by: 'Anna Lind',
      passphrase: PASSPHRASE,
      appVersion: '0.1.0',
      writer,
      now: () => now,
    });

    // The backup holds everything as it was, Marta included, and opens with the passphrase.
    const fileName = deletionBackupFileName(now);
    expect(fileName).toBe('Stillpoint backup before deleting a client 2026-11-26 093000.stillpoint');
    expect(result).toEqual({ sessions: 2, safetyBackupPath: `/backups/${fileName}` });
    const loaded = await loadBackup(files.get(fileName)!, PASSPHRASE);
    expect(loaded.info.header.counts).toMatchObject({
      clients: 2,
      sessions: 2,
      auditLog: before.auditLog.length,
    });

    // Marta is gone with her notes and their audit trail; Sam is untouched.
    const after = await snapshot(repos);
    expect(after.clients.map((c) => c.id)).toEqual([sam.id]);
    expect(after.sessions).toEqual([]);
    expect(after.healthHistories.map((h) => h.clientId)).toEqual([sam.id]);
    // One entry stays: when, by whom, which backup; nothing clinical, not even the name.
    expect(after.auditLog).toHaveLength(1);
    const entry = (await repos.audit.listForClient(marta.id))[0]!;
    expect(entry).toMatchObject({ action: 'client-deleted', clientId: marta.id, noteId: marta.id });
    expect(entry.detail).toBe(
      `Client deleted by Anna Lind, with 2 session notes. Safety backup: ${fileName}`,
    );
    const kept = JSON.stringify(after.auditLog);
    for (const word of ['Marta', 'Kowalska', 'Migraine']) expect(kept).not.toContain(word);
  });

  it('deletes nothing when the backup cannot be written', async () => {
    const { repos, marta } = await practice();
    const before = await snapshot(repos);
    // What main answers when no backup folder is chosen.
    const failing: BackupFileWriter = async () => fail('UNSUPPORTED', 'Choose a backup folder first.');
    const refusal = deleteClientWithSafetyBackup({
      records: repos.backupSnapshot,
      clients: repos.clients,
      clientId: marta.id,
      by: 'Anna Lind',
      passphrase: PASSPHRASE,
      appVersion: '0.1.0',
      writer: failing,
    });
    await expect(refusal).rejects.toThrow(DeleteNotStartedError);
    await expect(refusal).rejects.toThrow(
      'Deleting a client first saves a backup of all your records, and that failed: Choose a backup folder first. Nothing was deleted.',
    );
    expect(await snapshot(repos)).toEqual(before);
  });

  it('refuses without a name for the record, before any backup', async () => {
    const { repos, marta } = await practice();
    const { files, writer } = diskWriter();
    await expect(
      deleteClientWithSafetyBackup({
        records: repos.backupSnapshot,
        clients: repos.clients,
        clientId: marta.id,
        by: '  ',
        passphrase: PASSPHRASE,
        appVersion: '0.1.0',
        writer,
      }),
    ).rejects.toThrow('Type your name');
    expect(files.size).toBe(0);
    await expect(repos.clients.deleteWithSessions(marta.id, { by: '' })).rejects.toThrow('Say who');
    expect(await repos.clients.get(marta.id)).toBeDefined();
  });
});
