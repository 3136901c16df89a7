import { describe, expect, it } from 'vitest';
import { clearanceLines, recordFormat } from '../../../src-main/services/pdf/client-record-text';
import { emptyHealthHistory, type HealthHistory } from '../../../src-shared/domain/health-history';
import { CLIENT_COLUMNS, SESSION_COLUMNS } from '../../../src-shared/exports/spreadsheet-columns';

/** Issue 21 item 6: the client record and the spreadsheet name each clearance in words. */
const history: HealthHistory = {
  ...emptyHealthHistory('client-1', '2026-12-03T09:00:00.000Z'),
  reviewedAt: '2026-12-03',
  headInjuries: [{ id: 'injury-1', date: '2026-11-19', description: 'Fell off her bike', treated: false }],
  clearances: [
    {
      id: 'k1',
      ruleId: 'untreated-brain-injury',
      itemId: 'injury-1',
      givenBy: 'Dr Lena Fischer',
      date: '2026-12-01',
      validUntil: '2027-01-15',
      notes: 'GP letter',
      recordedBy: 'Anna Lind',
      recordedAt: '2026-12-03T09:00:00.000Z',
    },
    // Recorded before who and when were kept: says nothing of it.
    {
      id: 'k2',
      ruleId: 'chiari',
      itemId: null,
      givenBy: 'Dr Old',
      date: '2024-01-01',
      validUntil: null,
      notes: '',
      recordedBy: '',
      recordedAt: null,
    },
  ],
};

describe('clearances in words', () => {
  it('the client record PDF names the rule, the item, the physician, the dates and who recorded it', () => {
    expect(clearanceLines(history, recordFormat('UTC'))).toEqual([
      'Brain injury or concussion (head injury: Fell off her bike): cleared by Dr Lena Fischer on 1 December 2026, ' +
        'valid until 15 January 2027. GP letter. Recorded by Anna Lind on 3 Dec 2026, 09:00.',
      'Chiari malformation: cleared by Dr Old on 1 January 2024.',
    ]);
  });

  it('clients.csv lists them in the clearances column', () => {
    const column = CLIENT_COLUMNS.find((c) => c.name === 'clearances')!;
    const row = { client: {} as never, healthHistory: history, sessionCount: 0 };
    expect(column.value(row as never)).toBe(
      'Brain injury or concussion: cleared by Dr Lena Fischer on 2026-12-01, until 2027-01-15; ' +
        'Chiari malformation: cleared by Dr Old on 2024-01-01',
    );
  });

  it('clients.csv says when the health history was last reviewed, empty when never', () => {
    const column = CLIENT_COLUMNS.find((c) => c.name === 'history_reviewed_on')!;
    expect(CLIENT_COLUMNS.at(-2)).toBe(column);
    expect(column.value({ client: {}, healthHistory: history, sessionCount: 0 } as never)).toBe('2026-12-03');
    const never = { ...history, reviewedAt: null };
    expect(column.value({ client: {}, healthHistory: never, sessionCount: 0 } as never)).toBe('');
    expect(column.value({ client: {}, healthHistory: null, sessionCount: 0 } as never)).toBe('');
  });

  it('sessions.csv writes the findings in the words on screen, and who cleared one and when', () => {
    const column = SESSION_COLUMNS.find((c) => c.name === 'safety_findings')!;
    const findings = [
      {
        ruleId: 'untreated-brain-injury',
        severity: 'AVOID',
        title: 'Concussion / brain injury',
        acknowledged: true,
        overrideReason: '',
        modification: '',
        clearance: {
          givenBy: 'Dr Lena Fischer',
          date: '2026-12-01',
          validUntil: '2027-01-15',
          clearanceId: 'k1',
        },
      },
      {
        ruleId: 'pregnancy',
        severity: 'CLEARANCE',
        title: 'Pregnancy, first trimester',
        acknowledged: true,
        overrideReason: 'Midwife agreed',
        modification: '',
      },
      {
        ruleId: 'osteoporosis',
        severity: 'MODIFY',
        title: '',
        acknowledged: true,
        overrideReason: '',
        modification: 'x',
      },
    ];
    const row = { note: { safetyCheck: { checkedAt: null, findings } }, client: {}, afterEffects: [] };
    const value = column.value(row as never);
    expect(value).toBe(
      'Do not treat: Concussion / brain injury (cleared by Dr Lena Fischer on 2026-12-01, until 2027-01-15); ' +
        'Needs medical clearance: Pregnancy, first trimester; Modify treatment: osteoporosis',
    );
    expect(value).not.toMatch(/AVOID|CLEARANCE|MODIFY/);
  });
});
