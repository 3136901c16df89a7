import { useState } from 'react';
import type { BackupInfo, RestoreMode } from '../../../../src-shared/backup';
import { formatTimestamp } from '../../../app/format';
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
  const [confirmReplace, setConfirmReplace] = useState(false);
  return (
    <div className="restore-step">
      <BackupFacts fileName={fileName} info={info} />
      <p className="notice ok" role="status">
        The passphrase is right and every record checks out. Nothing has been changed yet.
      </p>
      <RestorePreviewTable merge={merge} replace={replace} />
      <div className="restore-choices">
        <div>
          <h3>Merge</h3>
          <p className="muted">
            Adds what is missing here and takes the newer version of each record. A signed note is never
            overwritten: when the two differ, both are kept. The audit log and after-effects are only added
            to, and this computer’s settings (app lock, practice details) stay unless you choose otherwise.
          </p>
          {merge.conflicts.length > 0 && (
            <p>
              {formatCount(merge.conflicts.length)} signed note
              {merge.conflicts.length === 1 ? '' : 's'} in conflict:
            </p>
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
              Take the backup’s settings instead (including its app lock)
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
            Merge
          </button>
        </div>
        <div>
          <h3>Replace all</h3>
          <p className="muted">
            Makes this computer’s records exactly the backup’s.{' '}
            {replace.totals.current > 0
              ? `A backup of the ${formatCount(replace.totals.current)} records here now is saved first.`
              : 'There are no records here now.'}
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
            Replace all
          </button>
        </div>
      </div>
      <div className="button-row">
        <button type="button" className="link" onClick={onChooseAnother}>
          Choose another file
        </button>
      </div>
      <Dialog title="Replace all records?" open={confirmReplace} onClose={() => setConfirmReplace(false)}>
        <p>
          Every record on this computer is replaced by the backup of {formatTimestamp(info.header.createdAt)}.
          {replace.totals.current > 0 &&
            ' A backup of your current records is saved in the backup folder first; if that fails, nothing is replaced.'}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={() => setConfirmReplace(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="danger solid"
            onClick={() => {
              setConfirmReplace(false);
              onRestore('replace');
            }}
          >
            Replace everything
          </button>
        </div>
      </Dialog>
    </div>
  );
}
