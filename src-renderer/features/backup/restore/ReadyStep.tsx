import { useState } from 'react';
import type { BackupInfo, RestoreMode } from '../../../../src-shared/backup';
import { formatTimestamp } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { Dialog } from '../../../app/ui/Dialog';
import { formatCount } from '../format';
import { BackupFacts, ConflictList, NotAppliedList, RestorePreviewTable } from './RestorePreviewTable';
import type { RestorePreview } from './restore-preview';

/**
 * Step 3: the file checks out; what Merge and what Replace all would change, and the choice.
 * Replace all asks once more before anything is replaced.
 */
export function ReadyStep({
  fileName,
  info,
  merge,
  replace,
  takeSettings,
  onTakeSettings,
  onRestore,
  onChooseAnother,
}: {
  fileName: string;
  info: BackupInfo;
  merge: RestorePreview;
  replace: RestorePreview;
  /** Merge: take the backup's settings instead of keeping this computer's. */
  takeSettings: boolean;
  onTakeSettings: (take: boolean) => void;
  onRestore: (mode: RestoreMode) => void;
  onChooseAnother: () => void;
}) {
  const t = useT();
  const [confirmReplace, setConfirmReplace] = useState(false);
  return (
    <div className="restore-step">
      <BackupFacts fileName={fileName} info={info} />
      <p className="notice ok" role="status">
        {t('backup.restore.checksOut')}
      </p>
      <RestorePreviewTable merge={merge} replace={replace} />
      <div className="restore-choices">
        <div>
          <h3>{t('backup.restore.merge')}</h3>
          <p className="muted">{t('backup.restore.mergeText')}</p>
          {merge.conflicts.length > 0 && (
            <p>{t('backup.restore.conflictCount', { count: merge.conflicts.length })}</p>
          )}
          <ConflictList preview={merge} />
          <NotAppliedList preview={merge} />
          {merge.notApplied.some((item) => item.why === 'setting') && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={takeSettings}
                onChange={(e) => onTakeSettings(e.target.checked)}
              />
              {t('backup.restore.takeSettings')}
            </label>
          )}
          {merge.refusal && (
            <p className="notice error" data-testid="merge-refusal">
              {merge.refusal}
            </p>
          )}
          <button
            type="button"
            className="primary"
            onClick={() => onRestore('merge')}
            disabled={merge.refusal !== null}
          >
            {t('backup.restore.merge')}
          </button>
        </div>
        <div>
          <h3>{t('backup.restore.replace')}</h3>
          <p className="muted">
            {t('backup.restore.replaceText')}{' '}
            {replace.totals.current > 0
              ? t('backup.restore.replaceSavesFirst', { count: formatCount(replace.totals.current) })
              : t('backup.restore.replaceNothingHere')}
          </p>
          {replace.refusal && (
            <p className="notice error" data-testid="replace-refusal">
              {replace.refusal}
            </p>
          )}
          <button
            type="button"
            className="danger"
            onClick={() => setConfirmReplace(true)}
            disabled={replace.refusal !== null}
          >
            {t('backup.restore.replace')}
          </button>
        </div>
      </div>
      <div className="button-row">
        <button type="button" className="link" onClick={onChooseAnother}>
          {t('backup.restore.chooseAnother')}
        </button>
      </div>
      <Dialog
        title={t('backup.restore.confirmTitle')}
        open={confirmReplace}
        onClose={() => setConfirmReplace(false)}
      >
        <p>
          {t('backup.restore.confirmText', { moment: formatTimestamp(info.header.createdAt) })}
          {replace.totals.current > 0 && ` ${t('backup.restore.confirmSafety')}`}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={() => setConfirmReplace(false)}>
            {t('backup.restore.cancel')}
          </button>
          <button
            type="button"
            className="danger solid"
            onClick={() => {
              setConfirmReplace(false);
              onRestore('replace');
            }}
          >
            {t('backup.restore.replaceEverything')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
