import { describe, expect, it } from 'vitest';
import {
  findingBecause,
  findingRationale,
  findingTitle,
} from '../../../src-renderer/features/safety/finding-text';
import { translatorFor } from '../../../src-shared/i18n';
import {
  BUILT_IN_RULES,
  CONDITION_CATALOG,
  evaluateContraindications,
  SEVERITY_ORDER,
  severityLabel,
} from '../../../src-shared/safety';
import { history, TODAY } from '../safety/builders';

/**
 * The safety check writes English (src-shared/safety); the screens translate its fixed texts by
 * rule, severity and catalog id. English must stay word for word what the rule table says, and
 * every text the table holds must have its entry (a rationale without one would stay English).
 */
const en = translatorFor('en');
const de = translatorFor('de');

describe('the safety texts on screen', () => {
  it('English catalogue entries are the rule table, word for word', () => {
    for (const rule of BUILT_IN_RULES) {
      const finding = { ruleId: rule.id, custom: false, title: rule.title, rationale: rule.rationale };
      expect(findingTitle(en, finding)).toBe(rule.title);
      expect(findingRationale(en, finding)).toBe(rule.rationale);
      for (const branch of rule.branches) {
        if (!branch.rationale) continue;
        expect(findingRationale(en, { ...finding, rationale: branch.rationale })).toBe(branch.rationale);
      }
    }
    for (const item of CONDITION_CATALOG) expect(en(`safety.catalog.${item.id}`)).toBe(item.label);
    for (const severity of SEVERITY_ORDER)
      expect(en(`safety.severity.${severity}`)).toBe(severityLabel(severity));
  });

  it('every rule title and rationale has a translation (none falls back to English)', () => {
    for (const rule of BUILT_IN_RULES) {
      const finding = { ruleId: rule.id, custom: false, title: rule.title, rationale: rule.rationale };
      expect(findingTitle(de, finding)).not.toBe(rule.title);
      expect(findingRationale(de, finding)).not.toBe(rule.rationale);
      for (const branch of rule.branches) {
        if (!branch.rationale) continue;
        expect(findingRationale(de, { ...finding, rationale: branch.rationale }), rule.id).not.toBe(
          branch.rationale,
        );
      }
    }
  });

  it('a practice rule is shown as the practice wrote it, in any language', () => {
    const custom = { ruleId: 'aneurysm', custom: true, title: 'Our own rule', rationale: 'Our reason' };
    expect(findingTitle(de, custom)).toBe('Our own rule');
    expect(findingRationale(de, custom)).toBe('Our reason');
  });

  it('the "no health history" finding reads the same in English as the check writes it', () => {
    const [finding] = evaluateContraindications(history({ reviewedAt: null }), { today: TODAY });
    expect(finding).toBeDefined();
    expect(findingTitle(en, finding!)).toBe(finding!.title);
    expect(findingBecause(en, finding!)).toBe(finding!.because);
    expect(findingRationale(en, finding!)).toBe(finding!.rationale);
    expect(findingTitle(de, finding!)).toBe('Noch keine Krankengeschichte erfasst');
  });
});
