import { z } from 'zod';
import { SAFETY_RULE_MESSAGES } from './messages';

/** Most serious first: the order findings are listed in. */
export const SEVERITY_ORDER = ['AVOID', 'CLEARANCE', 'MODIFY', 'CAUTION'] as const;

export const SeveritySchema = z.enum(SEVERITY_ORDER, { message: SAFETY_RULE_MESSAGES.severity });
export type Severity = z.infer<typeof SeveritySchema>;

const LABELS: Record<Severity, string> = {
  AVOID: 'Do not treat',
  CLEARANCE: 'Needs medical clearance',
  MODIFY: 'Modify treatment',
  CAUTION: 'Caution',
};

/** What the therapist reads: "Do not treat", "Needs medical clearance", ... */
export function severityLabel(severity: Severity): string {
  return LABELS[severity];
}

/** 0 for AVOID up to 3 for CAUTION. */
export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}
