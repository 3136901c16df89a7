import { afterEffectLabel, SEVERITY_LABELS } from '../../../src-shared/domain/sensations';
import type { AfterEffectReport } from '../../../src-shared/domain/session-note';
import { formatTimestamp } from '../../app/format';

function summarize(report: AfterEffectReport): string {
  const parts: string[] = [SEVERITY_LABELS[report.severity]];
  if (report.onsetHours !== null) parts.push(`began ${report.onsetHours} h after`);
  if (report.durationHours !== null) parts.push(`lasted ${report.durationHours} h`);
  parts.push(report.resolved ? 'resolved' : 'not resolved');
  return parts.join(' · ');
}

/** Reported after-effects; those given in an unsigned note can be taken back. */
export function AfterEffectList({
  reports,
  canRemove,
  onRemove,
}: {
  reports: AfterEffectReport[];
  canRemove?: (report: AfterEffectReport) => boolean;
  onRemove?: (report: AfterEffectReport) => void;
}) {
  return (
    <ul className="after-effect-list">
      {reports.map((report) => (
        <li key={report.id} className={`after-effect-item severity-${report.severity}`}>
          <div className="after-effect-main">
            <strong>{afterEffectLabel(report.type)}</strong>
            <span className="after-effect-facts">{summarize(report)}</span>
            {report.notes && <span className="after-effect-notes">{report.notes}</span>}
          </div>
          <span className="after-effect-when">Reported {formatTimestamp(report.reportedAt)}</span>
          {onRemove && canRemove?.(report) && (
            <button type="button" className="link" onClick={() => onRemove(report)}>
              Remove
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
