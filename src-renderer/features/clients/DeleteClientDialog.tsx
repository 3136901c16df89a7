import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../../src-shared/domain/backup-settings';
import { type Client, clientDisplayName } from '../../../src-shared/domain/client';
import { foldForSearch } from '../../../src-shared/domain/text-search';
import { repositories } from '../../app/repositories';
import { navigate } from '../../app/router';
import { Dialog } from '../../app/ui/Dialog';
import { Field } from '../../app/ui/Field';
import { platform } from '../../platform';
import { canRunUnattended } from '../backup/automatic-backups';
import { currentAppVersion } from '../backup/backup-service';
import { loadStrengthEstimator, passphraseProblem, passphraseStrength } from '../backup/passphrase';
import { useSigner } from '../sessions/useSigner';
import { DeleteNotStartedError, deleteClientWithSafetyBackup } from './delete-client';

/**
 * Deleting is permanent and takes every session with it, so the therapist types the client's
 * name to confirm (case and accents do not matter). Archiving is the everyday alternative.
 * A backup of all records is saved first (with the stored passphrase of automatic backups, or
 * one typed here), and the deletion is recorded as "client deleted on <date> by <who>".
 */
export function DeleteClientDialog({
  client,
  open,
  onClose,
}: {
  client: Client;
  open: boolean;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState('');
  const [by, setBy] = useSigner();
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [status, setStatus] = useState<BackupStatus | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const expected = `${client.firstName} ${client.lastName}`.trim();
  const matches = foldForSearch(typed.trim().replace(/\s+/g, ' ')) === foldForSearch(expected);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void platform()
      .backupStatus()
      .then((result) => {
        if (live) setStatus(result.ok ? result.value : null);
      });
    return () => {
      live = false;
    };
  }, [open]);

  const noFolder = status !== undefined && (status === null || status.folder === null);
  const storedPassphrase = status ? canRunUnattended(status) : false;

  const confirm = async () => {
    setError(null);
    let sealWith = passphrase;
    if (storedPassphrase) {
      const stored = await platform().backupReadKey();
      if (!stored.ok || !stored.value.passphrase) {
        setError(
          `Nothing was deleted: ${stored.ok ? 'no backup passphrase is stored.' : stored.error.message}`,
        );
        return;
      }
      sealWith = stored.value.passphrase;
    } else {
      const problem = passphraseProblem(
        passphrase,
        repeated,
        passphraseStrength(passphrase, await loadStrengthEstimator()),
      );
      if (problem) {
        setError(`Nothing was deleted: ${problem}`);
        return;
      }
    }
    setBusy(true);
    try {
      await deleteClientWithSafetyBackup({
        records: repositories().backupSnapshot,
        clients: repositories().clients,
        clientId: client.id,
        by,
        passphrase: sealWith,
        appVersion: await currentAppVersion(),
      });
      onClose();
      navigate({ name: 'clients' });
    } catch (e) {
      setError(
        e instanceof DeleteNotStartedError
          ? e.message
          : `Nothing was deleted: ${e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Delete ${clientDisplayName(client)}?`} open={open} onClose={onClose}>
      <p>
        This permanently deletes the client, their health history and{' '}
        <strong>all of their session notes</strong>. It cannot be undone. To keep the records but hide the
        client, archive them instead.
      </p>
      {noFolder ? (
        <p className="notice" role="alert">
          A backup of all your records is saved before a client is deleted. Choose a backup folder in{' '}
          <a href="#/backup">Backup</a> first; nothing was deleted.
        </p>
      ) : (
        <p className="muted">
          A backup of all your records is saved to your backup folder first
          {storedPassphrase ? ', with your stored backup passphrase.' : '.'}
        </p>
      )}
      <Field label={`Type “${expected}” to confirm`}>
        <input type="text" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </Field>
      <Field label="Your name" hint="Kept with the record that this client was deleted.">
        <input type="text" autoComplete="name" value={by} onChange={(e) => setBy(e.target.value)} />
      </Field>
      {!noFolder && status !== undefined && !storedPassphrase && (
        <>
          <Field label="Backup passphrase" hint="Opens the backup saved before the deletion.">
            <input
              type="password"
              autoComplete="new-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </Field>
          <Field label="Backup passphrase again">
            <input
              type="password"
              autoComplete="new-password"
              value={repeated}
              onChange={(e) => setRepeated(e.target.value)}
            />
          </Field>
        </>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row dialog-actions">
        <button
          type="button"
          className="danger solid"
          disabled={!matches || !by.trim() || noFolder || status === undefined || busy}
          onClick={confirm}
        >
          {busy ? 'Saving a backup…' : 'Delete client and sessions'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
