import { type FormEvent, useState } from 'react';
import type { BackupInfo } from '../../../../src-shared/backup';
import { useT } from '../../../app/i18n';
import { Field } from '../../../app/ui/Field';
import { ProgressBar } from '../ProgressBar';
import type { RestoreProgress } from './load-backup';
import { BackupFacts } from './RestorePreviewTable';
import { phaseLabel } from './restore-words';

/** Step 2: what the file holds, and its passphrase; then the progress of checking every record. */
export function PassphraseStep({
  fileName,
  info,
  progress,
  onOpen,
  onCancel,
  onChooseAnother,
}: {
  fileName: string;
  info: BackupInfo;
  /** Set while the file is being decrypted and compared. */
  progress: RestoreProgress | null;
  onOpen: (passphrase: string) => void;
  onCancel: () => void;
  onChooseAnother: () => void;
}) {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onOpen(passphrase);
  };
  return (
    <form onSubmit={submit} noValidate className="restore-step">
      <BackupFacts fileName={fileName} info={info} />
      <div className="form-grid">
        <Field label={t('backup.restore.passphrase')}>
          <input
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            disabled={progress !== null}
          />
        </Field>
      </div>
      {progress !== null ? (
        <ProgressBar
          label={phaseLabel(progress.phase)}
          done={progress.done}
          total={progress.total}
          onCancel={onCancel}
        />
      ) : (
        <div className="button-row">
          <button type="submit" className="primary" disabled={passphrase.length === 0}>
            {t('backup.restore.open')}
          </button>
          <button type="button" onClick={onChooseAnother}>
            {t('backup.restore.chooseAnother')}
          </button>
        </div>
      )}
    </form>
  );
}
