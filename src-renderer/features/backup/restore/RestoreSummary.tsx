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
