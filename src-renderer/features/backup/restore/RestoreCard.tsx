import { useCallback, useEffect, useRef, useState } from 'react';
import type { RestoreMode } from '../../../../src-shared/backup';
import type { BackupFileInfo } from '../../../../src-shared/domain/backup-settings';
import { translate, useT } from '../../../app/i18n';
import { repositories } from '../../../app/repositories';
import { platform } from '../../../platform';
import { currentAppVersion } from '../backup-service';
import { refreshBackupStatus, useBackupStatus } from '../backup-status';
import { ProgressBar } from '../ProgressBar';
import { ChooseStep } from './ChooseStep';
import { loadBackup, previewBackup, type RestoreProgress } from './load-backup';
import { MainBackupFile } from './main-backup-file';
import { PassphraseStep } from './PassphraseStep';
import { ReadyStep } from './ReadyStep';
import { RestoreSummary } from './RestoreSummary';
import { activeRestore, restoreCard, type Source } from './restore-card-state';
import { previewRestore, restoreBackup } from './restore-service';
import { phaseLabel, restoreMessage } from './restore-words';

/** Which of the app's hashes ask for this card: '#/backup/restore' and '#/backup/restore-latest'. */
function landingRequest(): 'restore' | 'restore-latest' | null {
  const hash = window.location.hash;
  if (hash.startsWith('#/backup/restore-latest')) return 'restore-latest';
  if (hash.startsWith('#/backup/restore')) return 'restore';
  return null;
}

/** The backups in the backup folder, read again after each backup and when the folder changes. */
function useBackupFiles(): BackupFileInfo[] | undefined {
  const { status } = useBackupStatus();
  const [backups, setBackups] = useState<BackupFileInfo[] | undefined>(undefined);
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
  return backups;
}

/**
 * "Restore from backup": pick a file (the open dialog, or one of the backups in the folder),
 * see what it holds, enter its passphrase, see what Merge or Replace all would change, restore.
 * Nothing is written before the last step, and that step is all or nothing. The steps live in
 * restore-card-state.ts (a reducer over a store that outlives a remount of the shell); each
 * step is drawn by its own component.
 */
export function RestoreCard() {
  const t = useT();
  const { step, error } = restoreCard.use();
  const [takeSettings, setTakeSettings] = useState(false);
  const backups = useBackupFiles();
  const cardRef = useRef<HTMLElement>(null);
  const landing = useRef(landingRequest());

  const select = useCallback(async (read: () => Promise<Source | null>, fileName: string) => {
    restoreCard.dispatch({ type: 'step', step: { kind: 'reading', fileName } });
    try {
      const source = await read();
      if (!source) {
        restoreCard.dispatch({ type: 'step', step: { kind: 'choose' } });
        return;
      }
      const info = await previewBackup(source.bytes);
      restoreCard.dispatch({ type: 'step', step: { kind: 'header', source, info } });
    } catch (failure) {
      restoreCard.dispatch({ type: 'failed', message: restoreMessage(failure), back: { kind: 'choose' } });
    }
  }, []);

  const fromDialog = () =>
    select(async () => {
      const result = await platform().backupOpenChosen();
      if (!result.ok) throw new Error(result.error.message);
      return result.value
        ? { fileName: result.value.fileName, bytes: MainBackupFile.adopt(result.value) }
        : null;
    }, translate('backup.restore.theChosenFile'));

  const fromFolder = useCallback(
    (backup: BackupFileInfo) =>
      select(async () => {
        const result = await platform().backupOpenListed({ path: backup.path });
        if (!result.ok) throw new Error(result.error.message);
        return { fileName: result.value.fileName, bytes: MainBackupFile.adopt(result.value) };
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

  const open = async (passphrase: string) => {
    if (step.kind !== 'header') return;
    const { source, info } = step;
    const controller = new AbortController();
    activeRestore.abort = controller;
    const progress: RestoreProgress = { phase: 'checking', done: 0, total: info.totalRecords };
    restoreCard.dispatch({ type: 'step', step: { kind: 'opening', source, info, progress } });
    try {
      const onProgress = (progress: RestoreProgress) =>
        restoreCard.dispatch({ type: 'progress', step: { kind: 'opening', source, info, progress } });
      const loaded = await loadBackup(source.bytes, passphrase, { signal: controller.signal, onProgress });
      const { merge, replace } = await previewRestore(repositories().restoreWriter, loaded, {
        signal: controller.signal,
        onProgress,
      });
      restoreCard.dispatch({
        type: 'step',
        step: { kind: 'ready', source, info, loaded, passphrase, merge, replace },
      });
    } catch (failure) {
      restoreCard.dispatch({
        type: 'failed',
        message: restoreMessage(failure),
        back: { kind: 'header', source, info },
      });
    } finally {
      activeRestore.abort = null;
    }
  };

  const restore = async (mode: RestoreMode) => {
    if (step.kind !== 'ready') return;
    const ready = step;
    const controller = new AbortController();
    activeRestore.abort = controller;
    const source = ready.source;
    restoreCard.dispatch({
      type: 'step',
      step: { kind: 'restoring', source, mode, progress: { phase: 'writing', done: 0, total: 0 } },
    });
    try {
      const result = await restoreBackup({
        store: repositories().restoreWriter,
        loaded: ready.loaded,
        mode,
        passphrase: ready.passphrase,
        appVersion: await currentAppVersion(),
        ...(mode === 'merge' && takeSettings ? { takeSettings: true } : {}),
        signal: controller.signal,
        onProgress: (progress) =>
          restoreCard.dispatch({ type: 'progress', step: { kind: 'restoring', source, mode, progress } }),
      });
      restoreCard.dispatch({ type: 'step', step: { kind: 'done', fileName: source.fileName, result } });
      void refreshBackupStatus();
    } catch (failure) {
      restoreCard.dispatch({ type: 'failed', message: restoreMessage(failure), back: ready });
    } finally {
      activeRestore.abort = null;
    }
  };

  const reset = () => {
    setTakeSettings(false);
    restoreCard.dispatch({ type: 'reset' });
  };
  const cancel = () => activeRestore.abort?.abort();

  return (
    <section className="card backup-card" aria-labelledby="restore-title" ref={cardRef}>
      <h2 id="restore-title">{t('backup.restore.title')}</h2>
      {(step.kind === 'choose' || step.kind === 'reading') && (
        <ChooseStep
          readingFileName={step.kind === 'reading' ? step.fileName : null}
          backups={backups}
          latestAutomatic={latestAutomatic}
          onDialog={() => void fromDialog()}
          onPick={(backup) => void fromFolder(backup)}
        />
      )}
      {(step.kind === 'header' || step.kind === 'opening') && (
        <PassphraseStep
          fileName={step.source.fileName}
          info={step.info}
          progress={step.kind === 'opening' ? step.progress : null}
          onOpen={(passphrase) => void open(passphrase)}
          onCancel={cancel}
          onChooseAnother={reset}
        />
      )}
      {step.kind === 'ready' && (
        <ReadyStep
          fileName={step.source.fileName}
          info={step.info}
          merge={step.merge}
          replace={step.replace}
          takeSettings={takeSettings}
          onTakeSettings={setTakeSettings}
          onRestore={(mode) => void restore(mode)}
          onChooseAnother={reset}
        />
      )}
      {step.kind === 'restoring' && (
        <ProgressBar
          label={phaseLabel(step.progress.phase)}
          done={step.progress.done}
          total={step.progress.total}
          onCancel={cancel}
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
