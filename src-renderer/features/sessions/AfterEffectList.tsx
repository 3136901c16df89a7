import type { AfterEffectReport } from '../../../src-shared/domain/session-note';
import type { Translate } from '../../../src-shared/i18n';
import { formatTimestamp } from '../../app/format';
import { useT } from '../../app/i18n';
import { afterEffectName, severityName } from './session-labels';

function summarize(report: AfterEffectReport, t: Translate): string {
  const parts: string[] = [severityName(t, report.severity)];
  if (report.onsetHours !== null)
    parts.push(t('sessions.afterEffectList.began', { hours: report.onsetHours }));
  if (report.durationHours !== null)
    parts.push(t('sessions.afterEffectList.lasted', { hours: report.durationHours }));
  parts.push(
    report.resolved ? t('sessions.afterEffectList.resolved') : t('sessions.afterEffectList.notResolved'),
  );
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
  const t = useT();
  return (
    <ul className="after-effect-list">
      {reports.map((report) => (
        <li key={report.id} className={`after-effect-item severity-${report.severity}`}>
          <div className="after-effect-main">
            <strong>{afterEffectName(t, report.type)}</strong>
            <span className="after-effect-facts">{summarize(report, t)}</span>
            {report.notes && <span className="after-effect-notes">{report.notes}</span>}
          </div>
          <span className="after-effect-when">
            {t('sessions.afterEffectList.reported', { when: formatTimestamp(report.reportedAt) })}
          </span>
          {onRemove && canRemove?.(report) && (
            <button type="button" className="link" onClick={() => onRemove(report)}>
              {t('sessions.common.remove')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
