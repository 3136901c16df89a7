import { describe, expect, it } from 'vitest';
import {
  historyNotRecorded,
  StoredHealthHistorySchema,
  upgradeHealthHistoryRow,
} from '../../../src-shared/domain/health-history';
import {
  evaluateContraindications,
  HISTORY_NOT_RECORDED_RULE_ID,
  highestSeverity,
  isHistoryNotRecordedFinding,
} from '../../../src-shared/safety';
import { condition, history, TODAY } from './builders';

/** Issue 21 item 2: an empty, never-reviewed history is not a clean bill of health. */
describe('a health history never taken', () => {
  it('gives one "No health history recorded yet" finding instead of no findings', () => {
    const findings = evaluateContraindications(history({ reviewedAt: null }), { today: TODAY });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: HISTORY_NOT_RECORDED_RULE_ID,
      severity: 'CAUTION',
      title: 'No health history recorded yet',
      lifted: false,
    });
    expect(highestSeverity(findings)).toBe('CAUTION');
  });

  it('reviewed with the client and nothing to note: no findings at all', () => {
    expect(evaluateContraindications(history({ reviewedAt: '2026-11-01' }), { today: TODAY })).toEqual([]);
  });

  it('anything recorded counts as a history taken, reviewed or not (an import, an old backup)', () => {
    const recorded = history({ reviewedAt: null, conditions: [condition('osteoporosis')] });
    expect(historyNotRecorded(recorded)).toBe(false);
    const findings = evaluateContraindications(recorded, { today: TODAY });
    expect(findings.some(isHistoryNotRecordedFinding)).toBe(false);
    expect(findings.map((f) => f.ruleId)).toEqual(['osteoporosis']);
    // Pregnancy asked about ("not pregnant") is an answer too.
    expect(
      historyNotRecorded(
        history({ reviewedAt: null, pregnancy: { pregnant: false, dueDate: null, highRisk: false } }),
      ),
    ).toBe(false);
  });

  it('comes with, not instead of, the infant finding that reads the date of birth', () => {
    const findings = evaluateContraindications(history({ reviewedAt: null }), {
      today: TODAY,
      dateOfBirth: '2026-01-10',
    });
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['history-not-recorded', 'infant']);
  });
});

describe('upgradeHealthHistoryRow (schema version 1 rows, old backups)', () => {
  const v1Empty = {
    clientId: 'c1',
    conditions: [],
    medications: [],
    pregnancy: null,
    surgeries: [],
    headInjuries: [],
    clearances: [],
    updatedAt: '2025-03-04T10:00:01.000Z',
  };

  it('an empty version 1 history was never taken: reviewedAt null', () => {
    expect(upgradeHealthHistoryRow(v1Empty)).toEqual({ ...v1Empty, reviewedAt: null });
  });

  it('a version 1 history with entries was reviewed the day it was last saved (local date)', () => {
    const row = { ...v1Empty, medications: [{ id: 'm1', name: 'Warfarin', dose: '', anticoagulant: true }] };
    const localDay = new Date(row.updatedAt);
    const expected = `${localDay.getFullYear()}-${String(localDay.getMonth() + 1).padStart(2, '0')}-${String(localDay.getDate()).padStart(2, '0')}`;
    expect(upgradeHealthHistoryRow(row)).toEqual({ ...row, reviewedAt: expected });
    const pregnant = { ...v1Empty, pregnancy: { pregnant: true, dueDate: null, highRisk: false } };
    expect((upgradeHealthHistoryRow(pregnant) as { reviewedAt: unknown }).reviewedAt).toBe(expected);
  });

  it('leaves a version 2 row, and anything that is not a record, as it is', () => {
    const v2 = { ...v1Empty, reviewedAt: '2025-03-05' };
    expect(upgradeHealthHistoryRow(v2)).toBe(v2);
    expect(upgradeHealthHistoryRow(null)).toBeNull();
    expect(upgradeHealthHistoryRow([1])).toEqual([1]);
    expect(upgradeHealthHistoryRow('x')).toBe('x');
  });

  it('StoredHealthHistorySchema reads both versions and still refuses a bad reviewedAt', () => {
    expect(StoredHealthHistorySchema.parse(v1Empty)).toEqual({ ...v1Empty, reviewedAt: null });
    expect(StoredHealthHistorySchema.safeParse({ ...v1Empty, reviewedAt: '2025-02-30' }).success).toBe(false);
    expect(StoredHealthHistorySchema.safeParse({ ...v1Empty, reviewedAt: 'yesterday' }).success).toBe(false);
  });
});
