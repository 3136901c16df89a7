import { type ReactNode, useEffect, useState } from 'react';
import type { BackupStatus } from '../../../src-shared/domain/backup-settings';
import { type Client, clientDisplayName } from '../../../src-shared/domain/client';
import { foldForSearch } from '../../../src-shared/domain/text-search';
import { useT } from '../../app/i18n';
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

/** Where an element (a link, bold words) sits inside a translated sentence. */
const SLOT = '\u0000';

/** The sentence `text` (translated with SLOT for one argument) with `element` in that place. */
function withElement(text: string, element: ReactNode): ReactNode {
  const [before, after] = text.split(SLOT);
  return (
    <>
      {before}
      {element}
      {after}
    </>
  );
}

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
  const t = useT();
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
          stored.ok
            ? t('clients.delete.noStoredPassphrase')
            : t('clients.delete.nothingDeleted', { reason: stored.error.message }),
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
        setError(t('clients.delete.nothingDeleted', { reason: problem }));
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
          ? e.backupFailure !== undefined
            ? t('clients.delete.backupFailed', { reason: e.backupFailure })
            : e.message
          : t('clients.delete.nothingDeleted', { reason: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('clients.delete.title', { name: clientDisplayName(client) })}
      open={open}
      onClose={onClose}
    >
      <p>
        {withElement(
          t('clients.delete.intro', { allNotes: SLOT }),
          <strong>{t('clients.delete.allNotes')}</strong>,
        )}
      </p>
      {noFolder ? (
        <p className="notice" role="alert">
          {withElement(
            t('clients.delete.noFolder', { backup: SLOT }),
            <a href="#/backup">{t('clients.delete.backupLink')}</a>,
          )}
        </p>
      ) : (
        <p className="muted">
          {storedPassphrase ? t('clients.delete.backupFirstStored') : t('clients.delete.backupFirst')}
        </p>
      )}
      <Field label={t('clients.delete.typeToConfirm', { name: expected })}>
        <input type="text" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </Field>
      <Field label={t('clients.delete.yourName')} hint={t('clients.delete.yourNameHint')}>
        <input type="text" autoComplete="name" value={by} onChange={(e) => setBy(e.target.value)} />
      </Field>
      {!noFolder && status !== undefined && !storedPassphrase && (
        <>
          <Field label={t('clients.delete.passphrase')} hint={t('clients.delete.passphraseHint')}>
            <input
              type="password"
              autoComplete="new-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </Field>
          <Field label={t('clients.delete.passphraseAgain')}>
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
          {busy ? t('clients.delete.saving') : t('clients.delete.confirm')}
        </button>
        <button type="button" onClick={onClose}>
          {t('clients.delete.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
