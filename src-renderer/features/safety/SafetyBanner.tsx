import { type Finding, isHistoryNotRecordedFinding, SEVERITY_ORDER } from '../../../src-shared/safety';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { describeClearance } from './clearance-text';
import { findingBecause, findingRationale, findingTitle } from './finding-text';
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
  const t = useT();
  return (
    <p className="muted history-reviewed">
      {reviewedAt ? t('safety.reviewed.on', { date: formatDate(reviewedAt) }) : t('safety.reviewed.never')}
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
  const t = useT();
  if (check === undefined) {
    return (
      <section className="card safety-banner" aria-labelledby="safety-title" aria-busy="true">
        <h2 id="safety-title">{t('safety.banner.title')}</h2>
        <p className="muted">{t('safety.banner.checking')}</p>
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
      <h2 id="safety-title">{t('safety.banner.title')}</h2>
      <ReviewedLine reviewedAt={check.historyReviewedAt} />
      {unsaved?.kind === 'saving' && <p className="muted">{t('safety.banner.savingHistory')}</p>}
      {unsaved && unsaved.kind !== 'saving' && (
        <p className="notice warning safety-unsaved" role="status">
          {unsaved.kind === 'invalid'
            ? t('safety.banner.unsavedInvalid')
            : t('safety.banner.unsavedError', { reason: unsaved.message })}
        </p>
      )}
      {notRecorded && (
        <div className="history-not-recorded" data-severity="not-recorded">
          <strong>{findingTitle(t, notRecorded)}</strong>
          <p className="finding-because">{findingBecause(t, notRecorded)}</p>
          <p className="finding-rationale">{findingRationale(t, notRecorded)}</p>
        </div>
      )}
      {active.length === 0
        ? !notRecorded &&
          !unsaved && (
            <p className="safety-clear">
              {lifted.length > 0 ? t('safety.banner.allCleared') : t('safety.banner.clear')}
            </p>
          )
        : SEVERITY_ORDER.filter((severity) => active.some((f) => f.severity === severity)).map((severity) => (
            <div key={severity} className="finding-group" data-level={SEVERITY_CLASS[severity]}>
              <h3>
                <span className={`severity-badge severity-${SEVERITY_CLASS[severity]}`}>
                  {t(`safety.severity.${severity}`)}
                </span>
              </h3>
              <ul className="findings">
                {byRule(active.filter((f) => f.severity === severity)).map((group) => (
                  <li key={group[0]!.ruleId} data-severity={severity}>
                    <strong>{findingTitle(t, group[0]!)}</strong>
                    {group.map((finding) => (
                      <span key={finding.itemId ?? finding.because} className="finding-because">
                        {findingBecause(t, finding)}
                        {finding.until && (
                          <span className="finding-until">
                            {' · '}
                            {t('safety.banner.appliesUntil', { date: formatDate(finding.until) })}
                          </span>
                        )}
                      </span>
                    ))}
                    <p className="finding-rationale">{findingRationale(t, group[0]!)}</p>
                    <RuleSource source={group[0]!.source} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
      {lifted.length > 0 && (
        <div className="finding-group lifted">
          <h3>{t('safety.banner.cleared')}</h3>
          <ul className="findings">
            {lifted.map((finding) => (
              <li key={`${finding.ruleId}-${finding.itemId ?? ''}-lifted`}>
                <strong>{findingTitle(t, finding)}</strong>
                <span className="finding-because">
                  {finding.clearance ? describeClearance(finding.clearance, t) : t('safety.banner.cleared')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
