import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { RestoreMode } from '../../../../src-shared/backup';
import { BackupError, type BackupInfo } from '../../../../src-shared/backup';
import type { BackupFileInfo } from '../../../../src-shared/domain/backup-settings';
import { formatTimestamp } from '../../../app/format';
import { Dialog } from '../../../app/ui/Dialog';
import { Field } from '../../../app/ui/Field';
import { database } from '../../../db/database';
import { platform } from '../../../platform';
import { currentAppVersion, describeFailure } from '../backup-service';
import { refreshBackupStatus, useBackupStatus } from '../backup-status';
import { formatBytes, formatCount } from '../format';
import { ProgressBar } from '../ProgressBar';
import { BackupFacts, ConflictList, NotAppliedList, RestorePreviewTable } from './RestorePreviewTable';
import {
  type LoadedBackup,
  loadBackup,
  previewBackup,
  previewRestore,
  RestoreNotStartedError,
  type RestorePreview,
  type RestoreProgress,
  type RestoreResult,
  restoreBackup,
} from './restore-service';
import { createUiStore } from '../ui-store';

interface Source {
  fileName: string;
  bytes: Uint8Array;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'header'; source: Source; info: BackupInfo }
  | { kind: 'opening'; source: Source; info: BackupInfo; progress: RestoreProgress }
  | {
      kind: 'ready';
      source: Source;
      info: BackupInfo;
      loaded: LoadedBackup;
      passphrase: string;
      merge: RestorePreview;
      replace: RestorePreview;
    }
  | { kind: 'restoring'; source: Source; mode: RestoreMode; progress: RestoreProgress }
  | { kind: 'done'; fileName: string; result: RestoreResult };

// Module-level, so a remount of the shell mid-restore keeps the steps and the outcome.
const stepStore = createUiStore<Step>({ kind: 'choose' });
const errorStore = createUiStore<string | null>(null);
const activeRestore: { abort: AbortController | null } = { abort: null };

function restoreMessage(error: unknown): string {
  if (error instanceof RestoreNotStartedError) return error.message;
  if (error instanceof BackupError && error.code === 'CANCELLED')
    return 'Cancelled. Your records are unchanged.';
  if (error instanceof BackupError) return `${error.message} Your records are unchanged.`;
  return describeFailure(error, 'restore');
}

const PHASE_LABELS: Record<RestoreProgress['phase'], string> = {
  checking: 'Decrypting and checking every record…',
  comparing: 'Comparing with the records on this computer…',
  'safety-backup': 'Saving a backup of your current records first…',
  writing: 'Writing the records…',
};

/** Which of the app's hashes ask for this card: '#/backup/restore' and '#/backup/restore-latest'. */
function landingRequest(): 'restore' | 'restore-latest' | null {
  const hash = window.location.hash;
  if (hash.startsWith('#/backup/restore-latest')) return 'restore-latest';
  if (hash.startsWith('#/backup/restore')) return 'restore';
  return null;
}

/**
 * "Restore from backup": pick a file (the open dialog, or one of the backups in the folder),
 * see what it holds, enter its passphrase, see what Merge or Replace all would change, restore.
 * Nothing is written before the last step, and that step is all or nothing.
 */
export function RestoreCard() {
  const { status } = useBackupStatus();
  const step = stepStore.use();
  const error = errorStore.use();
  const [passphrase, setPassphrase] = useState('');
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [takeSettings, setTakeSettings] = useState(false);
  const [backups, setBackups] = useState<BackupFileInfo[] | undefined>(undefined);
  const cardRef = useRef<HTMLElement>(null);
  const landing = useRef(landingRequest());

  const lastSuccessAt = status?.lastSuccessAt;
  const folder = status?.folder;
  useEffect(() => {
    void lastSuccessAt;
    void folder;
    let live = true;
    platform()
      .backupList()
      .then((result) => live && setBackups(result.ok ? result.value : []))
      .catch(() => live && setBackups([]));
    return () => {
      live = false;
    };
  }, [lastSuccessAt, folder]);

  const select = useCallback(async (read: () => Promise<Source | null>, fileName: string) => {
    errorStore.set(null);
    setPassphrase('');
    stepStore.set({ kind: 'reading', fileName });
    try {
      const source = await read();
      if (!source) {
        stepStore.set({ kind: 'choose' });
        return;
      }
      const info = await previewBackup(source.bytes);
      stepStore.set({ kind: 'header', source, info });
    } catch (failure) {
      errorStore.set(restoreMessage(failure));
      stepStore.set({ kind: 'choose' });
    }
  }, []);

  const fromDialog = () =>
    select(async () => {
      const result = await platform().filesOpen({ kind: 'backup' });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    }, 'the chosen file');

  const fromFolder = useCallback(
    (backup: BackupFileInfo) =>
      select(async () => {
        const result = await platform().backupReadFile({ path: backup.path });
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      }, backup.fileName),
    [select],
  );

  const latestAutomatic = backups?.find((backup) => backup.automatic);

  // Arriving from the "records may be missing" notice: show this card, and pick the latest
  // automatic backup when asked to.
  useEffect(() => {
    if (!landing.current || backups === undefined) return;
    cardRef.current?.scrollIntoView({ block: 'start' });
    if (landing.current === 'restore-latest' && latestAutomatic) void fromFolder(latestAutomatic);
    landing.current = null;
  }, [backups, latestAutomatic, fromFolder]);

  const open = async (event: FormEvent) => {
    event.preventDefault();
    if (step.kind !== 'header') return;
    errorStore.set(null);
    const { source, info } = step;
    const controller = new AbortController();
    activeRestore.abort = controller;
    stepStore.set({
      kind: 'opening',
      source,
      info,
      progress: { phase: 'checking', done: 0, total: info.totalRecords },
    });
    try {
      const onProgress = (progress: RestoreProgress) =>
        stepStore.set({ kind: 'opening', source, info, progress });
      const loaded = await loadBackup(source.bytes, passphrase, { signal: controller.signal, onProgress });
      const { merge, replace } = await previewRestore(database(), loaded, {
        signal: controller.signal,
        onProgress,
      });
      stepStore.set({ kind: 'ready', source, info, loaded, passphrase, merge, replace });
    } catch (failure) {
      errorStore.set(restoreMessage(failure));
      stepStore.set({ kind: 'header', source, info });
    } finally {
      activeRestore.abort = null;
    }
  };

  const restore = async (mode: RestoreMode) => {
    if (step.kind !== 'ready') return;
    setConfirmReplace(false);
    errorStore.set(null);
    const ready = step;
    const controller = new AbortController();
    activeRestore.abort = controller;
    stepStore.set({
      kind: 'restoring',
      source: ready.source,
      mode,
      progress: { phase: 'writing', done: 0, total: 0 },
    });
    try {
      const result = await restoreBackup({
        db: database(),
        loaded: ready.loaded,
        mode,
        passphrase: ready.passphrase,
        appVersion: await currentAppVersion(),
        ...(mode === 'merge' && takeSettings ? { takeSettings: true } : {}),
        signal: controller.signal,
        onProgress: (progress) => stepStore.set({ kind: 'restoring', source: ready.source, mode, progress }),
      });
      setPassphrase('');
      stepStore.set({ kind: 'done', fileName: ready.source.fileName, result });
      void refreshBackupStatus();
    } catch (failure) {
      errorStore.set(restoreMessage(failure));
      stepStore.set(ready);
    } finally {
      activeRestore.abort = null;
    }
  };

  const reset = () => {
    errorStore.set(null);
    setPassphrase('');
    setTakeSettings(false);
    stepStore.set({ kind: 'choose' });
  };

  const busy = step.kind === 'reading' || step.kind === 'opening' || step.kind === 'restoring';

  return (
    <section className="card backup-card" aria-labelledby="restore-title" ref={cardRef}>
      <h2 id="restore-title">Restore from backup</h2>
      {(step.kind === 'choose' || step.kind === 'reading') && (
        <>
          <p className="muted">
            Pick a backup file. You will see what it holds and what would change before anything is written.
          </p>
          <div className="button-row">
            <button type="button" onClick={() => void fromDialog()} disabled={busy}>
              Choose a backup file…
            </button>
            <button
              type="button"
              onClick={() => latestAutomatic && void fromFolder(latestAutomatic)}
              disabled={busy || !latestAutomatic}
            >
              Restore latest automatic backup
            </button>
          </div>
          {step.kind === 'reading' && <p className="muted">Reading {step.fileName}…</p>}
          <BackupFileList backups={backups} onPick={(backup) => void fromFolder(backup)} disabled={busy} />
        </>
      )}

      {(step.kind === 'header' || step.kind === 'opening') && (
        <form onSubmit={open} noValidate className="restore-step">
          <BackupFacts fileName={step.source.fileName} info={step.info} />
          <div className="form-grid">
            <Field label="Passphrase of this backup">
              <input
                type="password"
                autoComplete="off"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                disabled={step.kind === 'opening'}
              />
            </Field>
          </div>
          {step.kind === 'opening' ? (
            <ProgressBar
              label={PHASE_LABELS[step.progress.phase]}
              done={step.progress.done}
              total={step.progress.total}
              onCancel={() => activeRestore.abort?.abort()}
            />
          ) : (
            <div className="button-row">
              <button type="submit" className="primary" disabled={passphrase.length === 0}>
                Open backup
              </button>
              <button type="button" onClick={reset}>
                Choose another file
              </button>
            </div>
          )}
        </form>
      )}

      {step.kind === 'ready' && (
        <div className="restore-step">
          <BackupFacts fileName={step.source.fileName} info={step.info} />
          <p className="notice ok" role="status">
            The passphrase is right and every record checks out. Nothing has been changed yet.
          </p>
          <RestorePreviewTable merge={step.merge} replace={step.replace} />
          <div className="restore-choices">
            <div>
              <h3>Merge</h3>
              <p className="muted">
                Adds what is missing here and takes the newer version of each record. A signed note is never
                overwritten: when the two differ, both are kept. The audit log and after-effects are only
                added to, and this computer’s settings (app lock, practice details) stay unless you choose
                otherwise.
              </p>
              {step.merge.conflicts.length > 0 && (
                <p>
                  {formatCount(step.merge.conflicts.length)} signed note
                  {step.merge.conflicts.length === 1 ? '' : 's'} in conflict:
                </p>
              )}
              <ConflictList preview={step.merge} />
              <NotAppliedList preview={step.merge} />
              {step.merge.notApplied.some((item) => item.why === 'setting') && (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={takeSettings}
                    onChange={(e) => setTakeSettings(e.target.checked)}
                  />
                  Take the backup’s settings instead (including its app lock)
                </label>
              )}
              {step.merge.refusal && (
                <p className="notice error" data-testid="merge-refusal">
                  {step.merge.refusal}
                </p>
              )}
              <button
                type="button"
                className="primary"
                onClick={() => void restore('merge')}
                disabled={step.merge.refusal !== null}
              >
                Merge
              </button>
            </div>
            <div>
              <h3>Replace all</h3>
              <p className="muted">
                Makes this computer’s records exactly the backup’s.{' '}
                {step.replace.totals.current > 0
                  ? `A backup of the ${formatCount(step.replace.totals.current)} records here now is saved first.`
                  : 'There are no records here now.'}
              </p>
              {step.replace.refusal && (
                <p className="notice error" data-testid="replace-refusal">
                  {step.replace.refusal}
                </p>
              )}
              <button
                type="button"
                className="danger"
                onClick={() => setConfirmReplace(true)}
                disabled={step.replace.refusal !== null}
              >
                Replace all
              </button>
            </div>
          </div>
          <div className="button-row">
            <button type="button" className="link" onClick={reset}>
              Choose another file
            </button>
          </div>
          <Dialog title="Replace all records?" open={confirmReplace} onClose={() => setConfirmReplace(false)}>
            <p>
              Every record on this computer is replaced by the backup of{' '}
              {formatTimestamp(step.info.header.createdAt)}.
              {step.replace.totals.current > 0 &&
                ' A backup of your current records is saved in the backup folder first; if that fails, nothing is replaced.'}
            </p>
            <div className="dialog-actions">
              <button type="button" onClick={() => setConfirmReplace(false)}>
                Cancel
              </button>
              <button type="button" className="danger solid" onClick={() => void restore('replace')}>
                Replace everything
              </button>
            </div>
          </Dialog>
        </div>
      )}

      {step.kind === 'restoring' && (
        <ProgressBar
          label={PHASE_LABELS[step.progress.phase]}
          done={step.progress.done}
          total={step.progress.total}
          onCancel={() => activeRestore.abort?.abort()}
        />
      )}

      {step.kind === 'done' && (
        <RestoreSummary fileName={step.fileName} result={step.result} onAgain={reset} />
      )}

      {error && (
        <p className="notice error" role="alert" data-testid="restore-error">
          {error}
        </p>
      )}
    </section>
  );
}

function BackupFileList({
  backups,
  onPick,
  disabled,
}: {
  backups: BackupFileInfo[] | undefined;
  onPick: (backup: BackupFileInfo) => void;
  disabled: boolean;
}) {
  if (backups === undefined) return null;
  if (backups.length === 0) return <p className="muted">No backups in the backup folder yet.</p>;
  return (
    <table className="data backup-list">
      <caption>Backups in the backup folder</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Saved</th>
          <th scope="col">Size</th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.path}>
            <td>
              {backup.fileName}
              {backup.automatic && <span className="tag">automatic</span>}
            </td>
            <td>{formatTimestamp(backup.modifiedAt)}</td>
            <td>{formatBytes(backup.size)}</td>
            <td>
              <button
                type="button"
                className="link"
                onClick={() => onPick(backup)}
                disabled={disabled}
                aria-label={`Restore ${backup.fileName}`}
              >
                Restore…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RestoreSummary({
  fileName,
  result,
  onAgain,
}: {
  fileName: string;
  result: RestoreResult;
  onAgain: () => void;
}) {
  const { totals } = result;
  const parts =
    result.mode === 'merge'
      ? [
          `${formatCount(totals.added)} added`,
          `${formatCount(totals.updated)} updated`,
          `${formatCount(totals.keptCurrent)} newer here, kept`,
          `${formatCount(totals.unchanged)} unchanged`,
        ]
      : [
          `${formatCount(totals.incoming)} records restored`,
          `${formatCount(totals.deleted)} that the backup does not have removed`,
        ];
  return (
    <div className="restore-step">
      <p className="notice ok" role="status" data-testid="restore-summary">
        {result.mode === 'merge' ? 'Merged' : 'Restored'} {fileName}: {parts.join(', ')}
        {totals.conflicts > 0 ? `, ${formatCount(totals.conflicts)} in conflict (both versions kept)` : ''}.
      </p>
      <ConflictList preview={result} />
      <NotAppliedList preview={result} />
      {result.safetyBackupPath && (
        <p>
          Your records as they were before are saved in <code>{result.safetyBackupPath}</code>.
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={onAgain}>
          Restore another backup
        </button>
      </div>
    </div>
  );
}
