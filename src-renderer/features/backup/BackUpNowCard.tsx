import { type FormEvent, useEffect, useRef, useState } from 'react';
import { formatByteSize } from '../../app/format';
import { currentLanguage, useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';
import { platform } from '../../platform';
import { type BackupProgress, currentAppVersion, describeFailure, saveBackup } from './backup-service';
import { refreshBackupStatus, setBackupStatus, useBackupStatus } from './backup-status';
import { ProgressBar } from './ProgressBar';
import {
  loadStrengthEstimator,
  passphraseProblem,
  passphraseStrength,
  type StrengthEstimator,
} from './passphrase';

type Outcome =
  | { kind: 'ok'; text: string; path: string }
  | { kind: 'error' | 'warning'; text: string }
  | null;

/** Asks main for a folder; the new status comes back either way. */
export async function chooseBackupFolder(): Promise<string | null> {
  const result = await platform().backupChooseFolder();
  if (!result.ok) throw new Error(result.error.message);
  setBackupStatus(result.value);
  return result.value.folder;
}

export function BackupFolderRow() {
  const t = useT();
  const { status } = useBackupStatus();
  const [error, setError] = useState<string | null>(null);
  const choose = async () => {
    setError(null);
    try {
      await chooseBackupFolder();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <div className="backup-folder">
      <span className="backup-folder-label">{t('backup.now.folder')}</span>
      {status?.folder ? (
        <code data-testid="backup-folder">{status.folder}</code>
      ) : (
        <span className="muted">{t('backup.now.noFolder')}</span>
      )}
      <button type="button" onClick={() => void choose()}>
        {status?.folder ? t('backup.now.changeFolder') : t('backup.now.chooseFolder')}
      </button>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** "Back up now": a passphrase typed twice, the folder, progress with Cancel, the file written. */
export function BackUpNowCard() {
  const t = useT();
  const { status } = useBackupStatus();
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [remember, setRemember] = useState(false);
  const [tried, setTried] = useState(false);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [note, setNote] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [estimator, setEstimator] = useState<StrengthEstimator | null>(null);

  // The app language's word lists too; loaded again when the language changes (useT re-renders).
  const language = currentLanguage();
  useEffect(() => {
    let live = true;
    loadStrengthEstimator(language)
      .then((loaded) => live && setEstimator(loaded))
      .catch(() => undefined); // checked again (and awaited) when the backup is asked for
    return () => {
      live = false;
    };
  }, [language]);

  const strength = passphraseStrength(passphrase, estimator);
  const problem = passphraseProblem(passphrase, repeated, strength);
  const keyUnavailable = status?.keyStorage === 'unavailable';
  const running = progress !== null;

  const backUp = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setOutcome(null);
    setNote(null);
    // The weakest passphrases are refused: wait for the estimate if it is still loading.
    let loaded: StrengthEstimator;
    try {
      loaded = estimator ?? (await loadStrengthEstimator(language));
    } catch {
      setOutcome({ kind: 'error', text: t('backup.now.strengthUnchecked') });
      return;
    }
    // The problem shows beside the field (tried is set).
    if (passphraseProblem(passphrase, repeated, passphraseStrength(passphrase, loaded))) return;
    // The first backup asks where backups go before anything is read; cancelling keeps what was typed.
    if (!status?.folder) {
      let folder: string | null;
      try {
        folder = await chooseBackupFolder();
      } catch (error) {
        setOutcome({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (!folder) {
        setOutcome({
          kind: 'warning',
          text: t('backup.now.noFolderChosen'),
        });
        return;
      }
    }
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const saved = await saveBackup({
        records: repositories().backupSnapshot,
        passphrase,
        appVersion: await currentAppVersion(),
        automatic: false,
        signal: controller.signal,
        onProgress: setProgress,
      });
      setOutcome({
        kind: 'ok',
        text: t('backup.now.saved', { size: formatByteSize(saved.byteLength) }),
        path: saved.path,
      });
      if (remember) {
        const stored = await platform().backupStoreKey({ passphrase });
        if (stored.ok) {
          setBackupStatus(stored.value);
          setNote(t('backup.now.remembered'));
        } else setNote(t('backup.now.notRemembered', { reason: stored.error.message }));
      }
      setPassphrase('');
      setRepeated('');
      setTried(false);
      await refreshBackupStatus();
    } catch (error) {
      setOutcome({ kind: 'error', text: describeFailure(error, 'backup') });
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return (
    <form className="card backup-card" onSubmit={backUp} noValidate aria-labelledby="backup-now-title">
      <h2 id="backup-now-title">{t('backup.now.title')}</h2>
      <p className="muted">
        {t('backup.now.intro')} {t('backup.now.introPassphrase')}
      </p>
      <BackupFolderRow />
      <div className="form-grid">
        <Field
          label={t('backup.now.passphrase')}
          hint={
            passphrase
              ? t('backup.now.passphraseHint', { label: strength.label, advice: strength.advice })
              : strength.advice
          }
          error={
            tried && (strength.strength === 'too-short' || strength.strength === 'weak')
              ? (problem ?? undefined)
              : undefined
          }
        >
          <input
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            disabled={running}
          />
        </Field>
        <Field
          label={t('backup.now.passphraseAgain')}
          error={
            tried && strength.strength !== 'too-short' && strength.strength !== 'weak' && problem
              ? problem
              : undefined
          }
        >
          <input
            type="password"
            autoComplete="new-password"
            value={repeated}
            onChange={(e) => setRepeated(e.target.value)}
            disabled={running}
          />
        </Field>
      </div>
      {passphrase && (
        <meter
          className="strength-meter"
          aria-label={t('backup.now.strength')}
          min={0}
          max={3}
          low={1.5}
          high={2.5}
          optimum={3}
          value={{ 'too-short': 0, checking: 0, weak: 1, fair: 2, strong: 3 }[strength.strength]}
        />
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={remember}
          onChange={(e) => setRemember(e.target.checked)}
          disabled={running || keyUnavailable}
        />
        {t('backup.now.remember')}
      </label>
      {remember && status?.keyStorage === 'insecure' && (
        <p className="notice warning">{t('backup.automatic.insecureKey')}</p>
      )}
      {keyUnavailable && <p className="field-hint">{t('backup.now.noKeyStore')}</p>}
      {running ? (
        <ProgressBar
          label={progress.phase === 'saving' ? t('backup.now.saving') : t('backup.now.backingUp')}
          done={progress.done}
          total={progress.total}
          onCancel={progress.phase === 'saving' ? undefined : () => abort.current?.abort()}
        />
      ) : (
        <div className="button-row">
          <button type="submit" className="primary">
            {t('backup.now.backUpNow')}
          </button>
          {!status?.folder && <span className="muted">{t('backup.now.folderFirst')}</span>}
        </div>
      )}
      {outcome?.kind === 'ok' && (
        <p className="notice ok" role="status">
          {outcome.text} <code data-testid="backup-path">{outcome.path}</code>
        </p>
      )}
      {outcome?.kind === 'error' && (
        <p className="notice error" role="alert">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'warning' && (
        <p className="notice warning" role="status">
          {outcome.text}
        </p>
      )}
      {note && <p className="muted">{note}</p>}
    </form>
  );
}
