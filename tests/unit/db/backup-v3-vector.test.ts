import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsentRepository } from '../../../src-renderer/db/consent-repository';
import { IntakeRepository } from '../../../src-renderer/db/intake-repository';
import { RestoreWriter } from '../../../src-renderer/db/restore-writer';
import type { BackupFileWriter } from '../../../src-renderer/features/backup/backup-service';
import { loadBackup, previewBackup } from '../../../src-renderer/features/backup/restore/load-backup';
import { restoreBackup } from '../../../src-renderer/features/backup/restore/restore-service';
import { consentInForce, sha256Hex } from '../../../src-shared/intake/records';
import { CONSENT_TEXT } from '../intake/builders';
import { openRepositories } from './helpers';

/**
 * A stored test vector (issue 14): tests/unit/db/fixtures/v3-intake.stillpoint is a backup file
 * written by schema version 3 (made once by fixtures/make-v3-backup.ts, never regenerated) with
 * a signed consent and two intake submissions. Every later version must restore it whole.
 */
/** The test vector's passphrase (docs/backup-format.md). */
const V3_BACKUP_PASSPHRASE = 'correct horse battery staple';
const FILE = path.join(__dirname, 'fixtures', 'v3-intake.stillpoint');

/** A restore into an empty database writes no safety backup; a write would be a defect. */
const refusingWriter: BackupFileWriter = async () => {
  throw new Error('no safety backup expected for an empty database');
};

describe('the stored schema-version-3 backup (intake and consent)', () => {
  it('restores its client, signed consent and intake submissions as they were written', async () => {
    const bytes = new Uint8Array(fs.readFileSync(FILE));
    const info = await previewBackup(bytes);
    expect(info.header.schemaVersion).toBe(3);
    expect(info.header.counts).toMatchObject({
      clients: 1,
      consents: 1,
      consentVersions: 1,
      intakeSubmissions: 2,
    });

    const target = openRepositories();
    await restoreBackup({
      store: new RestoreWriter(target.db),
      loaded: await loadBackup(bytes, V3_BACKUP_PASSPHRASE),
      mode: 'replace',
      passphrase: V3_BACKUP_PASSPHRASE,
      appVersion: '0.1.0',
      writer: refusingWriter,
    });

    const clients = await target.db.clients.toArray();
    expect(clients).toHaveLength(1);
    const client = await target.clients.get(clients[0]!.id);
    expect(client).toMatchObject({ firstName: 'Zoë', lastName: 'Ødegård', dateOfBirth: '1984-06-30' });

    // The signed consent reads through the repository, its exact text still matching its hash.
    const consents = new ConsentRepository(target.db, target.clock);
    const records = await consents.listForClient(client!.id);
    expect(records).toHaveLength(1);
    const signed = consentInForce(records);
    expect(signed).toMatchObject({
      kind: 'signed',
      text: CONSENT_TEXT,
      version: 1,
      typedName: 'Zoë Ødegård',
      signerRole: 'client',
      witness: 'Anna Lind',
    });
    expect(signed!.textSha256).toBe(await sha256Hex(CONSENT_TEXT));
    expect(signed!.signature.strokes[0]!.points).toHaveLength(20);
    expect(signed!.signature.png).toMatch(/^iVBORw0KGgo/);

    // Both submissions, in order, exactly as submitted; the first one carries the consent.
    const intake = new IntakeRepository(target.db, consents, target.clock);
    const submissions = await intake.listForClient(client!.id);
    expect(submissions.map((s) => s.kind).sort()).toEqual(['intake', 'update']);
    const first = submissions.find((s) => s.kind === 'intake')!;
    const update = submissions.find((s) => s.kind === 'update')!;
    expect(first.consentId).toBe(signed!.id);
    expect(first.answers).toEqual([
      { questionId: 'reason', question: 'What brings you here?', value: 'Headaches — “since the fall”' },
      { questionId: 'skullFracture', question: 'Have you ever broken a bone in your skull?', value: false },
    ]);
    expect(update.consentId).toBeNull();
    expect(update.answers).toEqual([
      {
        questionId: 'changes',
        question: 'Has anything changed since your last visit?',
        value: 'A cold last week',
      },
    ]);
    expect(await intake.lastConfirmedAt(client!.id)).toBe(update.submittedAt);
  });
});
