import { formatNumber } from '../../app/format';

/** A labelled progress bar with its counts in words, and a Cancel button while it runs. */
import { useT } from '../../app/i18n';

export function ProgressRow({
  label,
  value,
  max,
  counts,
  onCancel,
  cancelling,
}: {
  label: string;
  value: number;
  max: number;
  counts: string;
  onCancel?: () => void;
  cancelling?: boolean;
}) {
  const t = useT();
  return (
    <div className="progress-row">
      <div className="progress-text">
        <span>{label}</span>
        <span className="muted" aria-live="polite">
          {counts}
        </span>
      </div>
      <progress aria-label={label} value={Math.min(value, max)} max={Math.max(max, 1)} />
      {onCancel && (
        <button type="button" onClick={onCancel} disabled={cancelling}>
          {cancelling ? t('exports.progress.cancelling') : t('exports.progress.cancel')}
        </button>
      )}
    </div>
  );
}

export const formatCount = (value: number): string => formatNumber(value);
