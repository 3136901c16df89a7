import { describe, expect, it } from 'vitest';
import {
  type Condition,
  emptyHealthHistory,
  type HealthHistoryInput,
  HealthHistorySchema,
  makeConditionInputSchema,
  makeHealthHistoryInputSchema,
} from '../../../src-shared/domain/health-history';
import { fieldErrors } from '../../../src-shared/validation';

const TODAY = '2026-11-26';
const schema = makeHealthHistoryInputSchema(TODAY);

function condition(overrides: Partial<Condition> = {}): Condition {
  return {
    id: 'c1',
    catalogId: 'skull-fracture',
    label: 'Skull fracture',
    status: 'past',
    onsetDate: '2026-10-01',
    resolvedDate: '2026-11-01',
    severity: null,
    treated: null,
    notes: '',
    ...overrides,
  };
}

function input(overrides: Partial<HealthHistoryInput> = {}): HealthHistoryInput {
  const {
    clientId: _c,
    updatedAt: _u,
    ...lists
  } = emptyHealthHistory('client-1', '2026-11-26T09:00:00.000Z');
  return { ...lists, ...overrides };
}

function errorsFor(value: unknown): Record<string, string> {
  const parsed = schema.safeParse(value);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe('health history', () => {
  it('an empty history is valid, stored and as form values', () => {
    const empty = emptyHealthHistory('client-1', new Date('2026-11-26T09:00:00.000Z'));
    expect(HealthHistorySchema.parse(empty)).toEqual(empty);
    expect(empty.updatedAt).toBe('2026-11-26T09:00:00.000Z');
    expect(errorsFor(input())).toEqual({});
  });

  it('a resolved date before the onset is refused beside the resolved date', () => {
    const bad = input({ conditions: [condition(), condition({ id: 'c2', resolvedDate: '2026-09-30' })] });
    const parsed = schema.safeParse(bad);
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(parsed.error.issues).toEqual([
        expect.objectContaining({
          path: ['conditions', 1, 'resolvedDate'],
          message: 'The resolved date cannot be before the onset date',
        }),
      ]);
    }
    // The stored schema refuses it too: a backup cannot bring it in.
    const stored = HealthHistorySchema.safeParse({
      ...emptyHealthHistory('x', new Date()),
      conditions: bad.conditions,
    });
    expect(stored.success).toBe(false);
  });

  it('resolved on the onset day is fine', () => {
    expect(errorsFor(input({ conditions: [condition({ resolvedDate: '2026-10-01' })] }))).toEqual({});
  });

  it('a current condition cannot have a resolved date', () => {
    expect(errorsFor(input({ conditions: [condition({ status: 'current' })] }))).toEqual({
      'conditions.0.status':
        'A condition with a resolved date is past: mark it as past or clear the resolved date',
    });
  });

  it('refuses onset, resolved, surgery, injury and clearance dates in the future', () => {
    const future = '2026-11-27';
    expect(
      errorsFor(
        input({
          conditions: [condition({ onsetDate: future, resolvedDate: null, status: 'current' })],
          surgeries: [{ id: 's1', date: future, site: 'spinal', description: '' }],
          headInjuries: [{ id: 'h1', date: future, description: 'fall', treated: true }],
          clearances: [
            {
              id: 'k1',
              ruleId: 'chiari',
              itemId: null,
              givenBy: 'Dr A',
              date: future,
              validUntil: null,
              notes: '',
              recordedBy: '',
              recordedAt: null,
            },
          ],
        }),
      ),
    ).toEqual({
      'conditions.0.onsetDate': 'The onset date cannot be in the future',
      'surgeries.0.date': 'The surgery date cannot be in the future',
      'headInjuries.0.date': 'The injury date cannot be in the future',
      'clearances.0.date': 'The clearance date cannot be in the future',
    });
    // The stored schema has no clock: a record saved yesterday stays valid.
    expect(
      HealthHistorySchema.safeParse({
        ...emptyHealthHistory('x', new Date()),
        surgeries: [{ id: 's1', date: future, site: 'spinal', description: '' }],
      }).success,
    ).toBe(true);
  });

  it('refuses an impossible date', () => {
    expect(errorsFor(input({ conditions: [condition({ onsetDate: '2026-02-30' })] }))).toEqual({
      'conditions.0.onsetDate': 'Enter a real date (day, month and year)',
    });
  });

  it("turns a form's empty choices and dates into null", () => {
    const parsed = makeConditionInputSchema(TODAY).parse({
      ...condition({ status: 'current' }),
      catalogId: '',
      severity: '',
      onsetDate: '',
      resolvedDate: '',
    });
    expect(parsed).toMatchObject({ catalogId: null, severity: null, onsetDate: null, resolvedDate: null });
  });

  it('knows only the catalog conditions and the listed severities', () => {
    expect(errorsFor(input({ conditions: [condition({ catalogId: 'broken-toe' as never })] }))).toEqual({
      'conditions.0.catalogId': 'Pick a condition from the list',
    });
    expect(errorsFor(input({ conditions: [condition({ severity: 'extreme' as never })] }))).toEqual({
      'conditions.0.severity': 'Pick a severity',
    });
  });

  it('asks for a label, a medication name and who gave a clearance', () => {
    expect(
      errorsFor(
        input({
          conditions: [condition({ label: ' ' })],
          medications: [{ id: 'm1', name: '', dose: '', anticoagulant: false }],
          clearances: [
            {
              id: 'k1',
              ruleId: 'chiari',
              itemId: null,
              givenBy: '',
              date: '',
              validUntil: null,
              notes: '',
              recordedBy: '',
              recordedAt: null,
            },
          ],
        }),
      ),
    ).toEqual({
      'conditions.0.label': 'Enter the condition',
      'medications.0.name': 'Enter the medication name',
      'clearances.0.givenBy': 'Enter who gave the clearance',
      'clearances.0.date': 'Enter the date the clearance was given',
    });
  });

  it('a clearance cannot end before it was given; an older one without itemId, validUntil or who recorded it still reads', () => {
    expect(
      errorsFor(
        input({
          clearances: [
            {
              id: 'k1',
              ruleId: 'chiari',
              itemId: null,
              givenBy: 'Dr A',
              date: '2026-11-01',
              validUntil: '2026-10-01',
              notes: '',
              recordedBy: '',
              recordedAt: null,
            },
          ],
        }),
      ),
    ).toEqual({ 'clearances.0.validUntil': 'The clearance cannot end before the date it was given' });
    const parsed = schema.parse({
      ...input(),
      clearances: [{ id: 'k1', ruleId: 'chiari', givenBy: 'Dr A', date: '2026-11-01', notes: '' }],
    });
    expect(parsed.clearances[0]).toMatchObject({
      itemId: null,
      validUntil: null,
      recordedBy: '',
      recordedAt: null,
    });
  });
});

describe('wrong types from a hand-edited backup', () => {
  it('name the field in words', () => {
    const parsed = HealthHistorySchema.safeParse({
      ...emptyHealthHistory('x', new Date('2026-11-26T09:00:00.000Z')),
      conditions: [{ ...condition(), catalogId: 7, onsetDate: 20261001 }],
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(fieldErrors(parsed.error)).toEqual({
        'conditions.0.catalogId': 'Pick a condition from the list',
        'conditions.0.onsetDate': 'Enter a real date (day, month and year)',
      });
    }
  });
});
