import { useT } from '../../app/i18n';
import { formatCount } from './format';

/** A labelled <progress> with "1,200 of 5,000 records" and an optional Cancel. */
export function ProgressBar({
  label,
  done,
  total,
  onCancel,
}: {
  label: string;
  done: number;
  total: number;
  onCancel?: (() => void) | undefined;
}) {
  const t = useT();
  const unknown = total <= 0;
  return (
    <div className="backup-progress">
      <div className="backup-progress-text">
        <span>{label}</span>
        {!unknown && (
          <span className="muted">
            {t('backup.progress.records', {
              done: formatCount(Math.min(done, total)),
              total: formatCount(total),
            })}
          </span>
        )}
      </div>
      <div className="backup-progress-row">
        <progress aria-label={label} max={unknown ? undefined : total} value={unknown ? undefined : done} />
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('backup.progress.cancel')}
          </button>
        )}
      </div>
    </div>
  );
}
