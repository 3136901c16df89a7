import type { Translate } from '../../../src-shared/i18n';
import {
  BUILT_IN_RULES,
  type BuiltInRule,
  type Finding,
  isHistoryNotRecordedFinding,
} from '../../../src-shared/safety';

/**
 * A finding's words in the app's language. The safety check (src-shared/safety) writes them in
 * English; the built-in rules' titles and rationales, and the "no health history" finding, have
 * catalogue entries keyed by rule id (safety.rules.*, safety.rationale.*). A practice's own rules
 * are shown as the practice wrote them. `because` comes from the check already in the app's
 * language (`useSafetyFindings` passes `t`); only the client's own words in it stay as written.
 */

function builtInRule(finding: Pick<Finding, 'ruleId' | 'custom'>): BuiltInRule | undefined {
  return finding.custom ? undefined : BUILT_IN_RULES.find((rule) => rule.id === finding.ruleId);
}

export function findingTitle(t: Translate, finding: Pick<Finding, 'ruleId' | 'custom' | 'title'>): string {
  if (isHistoryNotRecordedFinding(finding)) return t('safety.notRecorded.title');
  const rule = builtInRule(finding);
  return rule ? t(`safety.rules.${rule.id}`) : finding.title;
}

/** Only for a text the catalogue knows: a rationale changed in the rule table stays English. */
export function findingRationale(
  t: Translate,
  finding: Pick<Finding, 'ruleId' | 'custom' | 'rationale'>,
): string {
  if (isHistoryNotRecordedFinding(finding)) return t('safety.notRecorded.rationale');
  const rule = builtInRule(finding);
  if (!rule) return finding.rationale;
  if (finding.rationale === rule.rationale) return t(`safety.rationale.${rule.id}`);
  const branch = rule.branches.findIndex((b) => b.rationale === finding.rationale);
  const key = `${rule.id}-b${branch}`;
  return branch >= 0 && isBranchRationale(key) ? t(`safety.rationale.${key}`) : finding.rationale;
}

const BRANCH_RATIONALES = [
  'intracranial-bleed-b1',
  'aneurysm-b1',
  'skull-fracture-b1',
  'untreated-brain-injury-b0',
  'csf-leak-b1',
  'bleeding-disorder-b0',
  'pregnancy-b0',
] as const;

function isBranchRationale(key: string): key is (typeof BRANCH_RATIONALES)[number] {
  return (BRANCH_RATIONALES as readonly string[]).includes(key);
}

/** Why the finding applies: the "no health history" one from the catalogue, others as the check wrote them. */
export function findingBecause(t: Translate, finding: Pick<Finding, 'ruleId' | 'because'>): string {
  return isHistoryNotRecordedFinding(finding) ? t('safety.notRecorded.because') : finding.because;
}
