import { type Finding, SEVERITY_ORDER, severityLabel } from '../../../src-shared/safety';
import { formatDate } from '../../app/format';

const SEVERITY_CLASS: Record<Finding['severity'], string> = {
  AVOID: 'avoid',
  CLEARANCE: 'clearance',
  MODIFY: 'modify',
  CAUTION: 'caution',
};

/**
 * "Safety check": every current finding, most serious first, each with why it applies, the
 * rationale and the source. Findings lifted by a clearance are listed apart, with who cleared.
 */
export function SafetyBanner({ findings }: { findings: Finding[] | undefined }) {
  if (findings === undefined) {
    return (
      <section className="card safety-banner" aria-labelledby="safety-title" aria-busy="true">
        <h2 id="safety-title">Safety check</h2>
        <p className="muted">Checking the health history…</p>
      </section>
    );
  }
  const active = findings.filter((f) => !f.lifted);
  const lifted = findings.filter((f) => f.lifted);
  const worst = active[0]?.severity;
  return (
    <section
      className={`card safety-banner ${worst ? `level-${SEVERITY_CLASS[worst]}` : 'level-clear'}`}
      aria-labelledby="safety-title"
    >
      <h2 id="safety-title">Safety check</h2>
      {active.length === 0 ? (
        <p className="safety-clear">No contraindications found in the recorded health history today.</p>
      ) : (
        SEVERITY_ORDER.filter((severity) => active.some((f) => f.severity === severity)).map((severity) => (
          <div key={severity} className="finding-group" data-level={SEVERITY_CLASS[severity]}>
            <h3>
              <span className={`severity-badge severity-${SEVERITY_CLASS[severity]}`}>
                {severityLabel(severity)}
              </span>
            </h3>
            <ul className="findings">
              {active
                .filter((f) => f.severity === severity)
                .map((finding) => (
                  <li key={`${finding.ruleId}-${finding.itemId ?? ''}`} data-severity={finding.severity}>
                    <strong>{finding.title}</strong>
                    <span className="finding-because">{finding.because}</span>
                    {finding.until && (
                      <span className="finding-until">Applies until {formatDate(finding.until)}</span>
                    )}
                    <p className="finding-rationale">{finding.rationale}</p>
                    <p className="finding-source">Source: {finding.source}</p>
                  </li>
                ))}
            </ul>
          </div>
        ))
      )}
      {lifted.length > 0 && (
        <div className="finding-group lifted">
          <h3>Cleared</h3>
          <ul className="findings">
            {lifted.map((finding) => (
              <li key={`${finding.ruleId}-${finding.itemId ?? ''}-lifted`}>
                <strong>{finding.title}</strong>
                <span className="finding-because">
                  Cleared by {finding.clearance?.givenBy} on{' '}
                  {finding.clearance?.date ? formatDate(finding.clearance.date) : 'an unknown date'}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
