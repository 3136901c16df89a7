import { useT } from '../../../app/i18n';
import { formatCount } from '../format';
import { ConflictList, NotAppliedList } from './RestorePreviewTable';
import type { RestoreResult } from './restore-service';

/** How a finished restore ended: what was added, updated, kept and removed, and where the safety backup is. */
export function RestoreSummary({
  fileName,
  result,
  onAgain,
}: {
  fileName: string;
  result: RestoreResult;
  onAgain: () => void;
}) {
  const t = useT();
  const { totals } = result;
  const values = {
    fileName,
    added: formatCount(totals.added),
    updated: formatCount(totals.updated),
    kept: formatCount(totals.keptCurrent),
    unchanged: formatCount(totals.unchanged),
    incoming: formatCount(totals.incoming),
    deleted: formatCount(totals.deleted),
    conflicts: formatCount(totals.conflicts),
  };
  const conflicts = totals.conflicts > 0;
  const summary =
    result.mode === 'merge'
      ? t(conflicts ? 'backup.restore.mergedConflicts' : 'backup.restore.merged', values)
      : t(conflicts ? 'backup.restore.restoredConflicts' : 'backup.restore.restored', values);
  return (
    <div className="restore-step">
      <p className="notice ok" role="status" data-testid="restore-summary">
        {summary}
      </p>
      <ConflictList preview={result} />
      <NotAppliedList preview={result} />
      {result.safetyBackupPath && (
        <p>
          {t('backup.restore.beforeSavedInLead')} <code>{result.safetyBackupPath}</code>.
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={onAgain}>
          {t('backup.restore.again')}
        </button>
      </div>
    </div>
  );
}
