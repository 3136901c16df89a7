import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { setAuthorship } from '../../../src-renderer/db/authorship';
import { BackupSnapshotReader } from '../../../src-renderer/db/backup-snapshot';
import { RestoreWriter } from '../../../src-renderer/db/restore-writer';
import { type BackupFileWriter, makeBackup } from '../../../src-renderer/features/backup/backup-service';
import { loadBackup } from '../../../src-renderer/features/backup/restore/load-backup';
import { restoreBackup } from '../../../src-renderer/features/backup/restore/restore-service';
import { deriveBackupKey } from '../../../src-shared/backup';
import { AuditEntrySchema } from '../../../src-shared/domain/audit';
import { emptyHealthHistory } from '../../../src-shared/domain/health-history';
import { StoredSessionNoteSchema } from '../../../src-shared/domain/session-note';
import { assembleClientRecord, clientRecordJson } from '../../../src-shared/exports/client-record-export';
import { addClient, filledIn, openRepositories } from '../db/helpers';

// Who wrote what (issue 18): every note signed, addendum and audit entry written here records the
// therapist and this computer; the names travel in backups and the client record export as fields
// of the records they belong to, and records written before stay valid.

afterEach(() => setAuthorship({}));

async function signedNoteWithAddendum(repos: ReturnType<typeof openRepositories>) {
  const client = await addClient(repos.clients, 'Ingeborg', 'Quillfeather');
  const draft = await repos.sessions.createDraft(client.id);
  await repos.sessions.saveDraft(filledIn(draft));
  await repos.sessions.sign(draft.id, 'Anna Lind');
  const note = await repos.sessions.addAddendum(draft.id, {
    text: 'The client called: the headache eased the next morning.',
    reason: 'Late entry',
    author: 'Ben Ortiz',
  });
  return { client, note };
}

describe('who wrote what', () => {
  it('records the computer on the signature, each addendum and every audit entry, with the author', async () => {
    setAuthorship({ author: 'Anna Lind', computer: 'Treatment room laptop' });
    const repos = openRepositories();
    const { client, note } = await signedNoteWithAddendum(repos);
    expect(note).toMatchObject({ signedBy: 'Anna Lind', signedOnComputer: 'Treatment room laptop' });
    expect(note.addenda[0]).toMatchObject({ author: 'Ben Ortiz', computer: 'Treatment room laptop' });
    const audit = await repos.audit.listForClient(client.id);
    const byAction = Object.fromEntries(audit.map((entry) => [entry.action, entry]));
    expect(byAction.signed).toMatchObject({ author: 'Anna Lind', computer: 'Treatment room laptop' });
    expect(byAction.addendum).toMatchObject({ author: 'Ben Ortiz', computer: 'Treatment room laptop' });
    expect(byAction.created).toMatchObject({ author: 'Anna Lind', computer: 'Treatment room laptop' });
  });

  it('keeps records written before (no names) valid, and writes none when the computer is unknown', async () => {
    const repos = openRepositories();
    const { client, note } = await signedNoteWithAddendum(repos);
    expect(note.signedOnComputer).toBeUndefined();
    expect(note.addenda[0]?.computer).toBeUndefined();
    expect(StoredSessionNoteSchema.safeParse(note).success).toBe(true);
    for (const entry of await repos.audit.listForClient(client.id)) {
      expect(entry.computer).toBeUndefined();
      expect(AuditEntrySchema.safeParse(entry).success).toBe(true);
    }
  });

  it('travels in a backup (restored exactly) and in the client record JSON', async () => {
    setAuthorship({ author: 'Anna Lind', computer: 'Desk at home' });
    const source = openRepositories();
    const { client } = await signedNoteWithAddendum(source);
    const key = await deriveBackupKey('Tidal rhythm, still point 7');
    const { bytes } = await makeBackup({
      records: new BackupSnapshotReader(source.db),
      key,
      appVersion: '0.1.0',
    });
    const target = openRepositories();
    const writer: BackupFileWriter = async () => {
      throw new Error('no safety backup expected for an empty database');
    };
    await restoreBackup({
      store: new RestoreWriter(target.db),
      loaded: await loadBackup(bytes, 'Tidal rhythm, still point 7'),
      mode: 'replace',
      passphrase: 'Tidal rhythm, still point 7',
      appVersion: '0.1.0',
      writer,
    });
    expect(await target.db.sessions.toArray()).toEqual(await source.db.sessions.toArray());
    expect(await target.db.auditLog.toArray()).toEqual(await source.db.auditLog.toArray());
    const [restored] = await target.sessions.listForClient(client.id);
    expect(restored).toMatchObject({ signedOnComputer: 'Desk at home' });

    const record = assembleClientRecord({
      client: (await target.clients.get(client.id))!,
      healthHistory: emptyHealthHistory(client.id, new Date('2025-03-10T12:00:00.000Z')),
      notes: await target.sessions.listForClient(client.id),
      afterEffects: [],
      auditLog: await target.audit.listForClient(client.id),
      practice: null,
      now: new Date('2025-03-10T12:00:00.000Z'),
    });
    const json = JSON.parse(clientRecordJson(record));
    expect(json.sessions[0].note).toMatchObject({ signedBy: 'Anna Lind', signedOnComputer: 'Desk at home' });
    expect(json.sessions[0].note.addenda[0]).toMatchObject({ author: 'Ben Ortiz', computer: 'Desk at home' });
    expect(json.auditLog.every((entry: { computer?: string }) => entry.computer === 'Desk at home')).toBe(
      true,
    );
  });
});
