import {
  type Finding,
  isHistoryNotRecordedFinding,
  SEVERITY_ORDER,
  severityLabel,
} from '../../../src-shared/safety';

import { formatDate } from '../../app/format';
import { describeClearance } from './clearance-text';
import { RuleSource } from './RuleSource';
import type { SafetyCheckResult } from './useSafetyFindings';

const SEVERITY_CLASS: Record<Finding['severity'], string> = {
  AVOID: 'avoid',
  CLEARANCE: 'clearance',
  MODIFY: 'modify',
  CAUTION: 'caution',
};

/**
 * One entry per rule (within a severity), with every history item behind it: a concussion
 * recorded as a condition and as a head injury is one "Brain injury or concussion" finding with
 * two reasons, not the same finding twice.
 */
function byRule(findings: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings)
    groups.set(finding.ruleId, [...(groups.get(finding.ruleId) ?? []), finding]);
  return [...groups.values()];
}

/** "Last reviewed with the client on 3 Dec 2026", or that it never was. */
export function ReviewedLine({ reviewedAt }: { reviewedAt: string | null }) {
  return (
    <p className="muted history-reviewed">
      {reviewedAt
        ? `Health history last reviewed with the client on ${formatDate(reviewedAt)}.`
        : 'Health history never reviewed with the client.'}
    </p>
  );
}

/**
 * "Safety check": every current finding, most serious first, each with why it applies, the
 * rationale and the source. Findings lifted by a clearance are listed apart, with who cleared.
 * A history never taken reads "No health history recorded yet" (amber), never "no
 * contraindications"; while the health history has unsaved changes the check says so instead
 * of presenting the version before them as the answer.
 */
export function SafetyBanner({ check }: { check: SafetyCheckResult | undefined }) {
  if (check === undefined) {
    return (
      <section className="card safety-banner" aria-labelledby="safety-title" aria-busy="true">
        <h2 id="safety-title">Safety check</h2>
        <p className="muted">Checking the health history…</p>
      </section>
    );
  }
  const { findings, unsaved } = check;
  const notRecorded = findings.find(isHistoryNotRecordedFinding);
  const active = findings.filter((f) => !f.lifted && !isHistoryNotRecordedFinding(f));
  const lifted = findings.filter((f) => f.lifted);
  const worst = active[0]?.severity;
  const level =
    unsaved && unsaved.kind !== 'saving'
      ? 'level-unrecorded'
      : worst === 'AVOID' || worst === 'CLEARANCE'
        ? `level-${SEVERITY_CLASS[worst]}`
        : notRecorded
          ? 'level-unrecorded'
          : worst
            ? `level-${SEVERITY_CLASS[worst]}`
            : 'level-clear';
  return (
    <section className={`card safety-banner ${level}`} aria-labelledby="safety-title">
      <h2 id="safety-title">Safety check</h2>
      <ReviewedLine reviewedAt={check.historyReviewedAt} />
      {unsaved?.kind === 'saving' && <p className="muted">Saving the health history…</p>}
      {unsaved && unsaved.kind !== 'saving' && (
        <p className="notice warning safety-unsaved" role="status">
          Not checked: the health history has changes that are not saved yet
          {unsaved.kind === 'invalid' ? ' (some fields need attention)' : ` (${unsaved.message})`}. What
          follows is from the last saved version.
        </p>
      )}
      {notRecorded && (
        <div className="history-not-recorded" data-severity="not-recorded">
          <strong>{notRecorded.title}</strong>
          <p className="finding-because">{notRecorded.because}</p>
          <p className="finding-rationale">{notRecorded.rationale}</p>
        </div>
      )}
      {active.length === 0
        ? !notRecorded &&
          !unsaved && (
            <p className="safety-clear">
              {lifted.length > 0
                ? 'Nothing in force: what the health history raised is cleared by a physician (below).'
                : 'No contraindications found in the health history reviewed with the client.'}
            </p>
          )
        : SEVERITY_ORDER.filter((severity) => active.some((f) => f.severity === severity)).map((severity) => (
            <div key={severity} className="finding-group" data-level={SEVERITY_CLASS[severity]}>
              <h3>
                <span className={`severity-badge severity-${SEVERITY_CLASS[severity]}`}>
                  {severityLabel(severity)}
                </span>
              </h3>
              <ul className="findings">
                {byRule(active.filter((f) => f.severity === severity)).map((group) => (
                  <li key={group[0]!.ruleId} data-severity={severity}>
                    <strong>{group[0]!.title}</strong>
                    {group.map((finding) => (
                      <span key={finding.itemId ?? finding.because} className="finding-because">
                        {finding.because}
                        {finding.until && (
                          <span className="finding-until"> · applies until {formatDate(finding.until)}</span>
                        )}
                      </span>
                    ))}
                    <p className="finding-rationale">{group[0]!.rationale}</p>
                    <RuleSource source={group[0]!.source} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
      {lifted.length > 0 && (
        <div className="finding-group lifted">
          <h3>Cleared</h3>
          <ul className="findings">
            {lifted.map((finding) => (
              <li key={`${finding.ruleId}-${finding.itemId ?? ''}-lifted`}>
                <strong>{finding.title}</strong>
                <span className="finding-because">
                  {finding.clearance ? describeClearance(finding.clearance) : 'Cleared'}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
