import type { Severity } from '../../../src-shared/safety';
import './attention.css';
import { useT } from '../../app/i18n';

const SEVERITY_CLASS: Record<Severity, string> = {
  AVOID: 'avoid',
  CLEARANCE: 'clearance',
  MODIFY: 'modify',
  CAUTION: 'caution',
};

/**
 * A client's worst current safety finding, in the words and colours of the safety check on the
 * client page ("Do not treat" in red ...). The words carry the meaning; the colour only repeats it,
 * and screen readers hear "Safety check: Do not treat".
 */
export function SeverityMark({ severity }: { severity: Severity }) {
  const t = useT();
  return (
    <span
      className={`severity-badge severity-${SEVERITY_CLASS[severity]} attention-mark`}
      data-severity={severity}
    >
      <span className="visually-hidden">{`${t('attention.safetyCheck')} `}</span>
      {t(`safety.severity.${severity}`)}
    </span>
  );
}

/** "1 draft to sign": a note waiting for its signature. */
export function DraftBadge({ text }: { text: string }) {
  return <span className="tag draft-badge attention-mark">{text}</span>;
}
