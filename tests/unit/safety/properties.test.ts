import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber, type IsoDate } from '../../../src-shared/domain/dates';
import {
  CONDITION_SEVERITIES,
  type Condition,
  type HealthHistory,
  HealthHistorySchema,
  SURGERY_SITES,
} from '../../../src-shared/domain/health-history';
import {
  activeFindings,
  BUILT_IN_RULE_IDS,
  CATALOG_IDS,
  CONDITION_CATALOG,
  type CustomRule,
  evaluateContraindications,
  type SafetySettings,
  SafetySettingsSchema,
  SEVERITY_ORDER,
  WINDOWED_RULE_IDS,
} from '../../../src-shared/safety';

// Arbitraries built from the schemas' shapes; every generated value is checked against the
// schema below, so the properties cover exactly "any valid history".

const FIRST_DAY = dayNumber('1900-01-01');
const LAST_DAY = dayNumber('2100-12-31');

const isoDate = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(fromDayNumber);
const nearDate = (around: IsoDate) =>
  fc.integer({ min: -800, max: 800 }).map((offset) => fromDayNumber(dayNumber(around) + offset));
const maybeDate = (around: IsoDate) => fc.option(fc.oneof(isoDate, nearDate(around)), { nil: null });

// Labels that hit the catalog keywords, plus unicode noise.
const label = fc
  .oneof(
    fc.constantFrom(
      ...CONDITION_CATALOG.flatMap((item) => [item.label, ...item.keywords.map((k) => k.replace('*', ''))]),
    ),
    fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
    fc.constantFrom('Heat stroke', 'aortic aneurysm', 'Zoë’s ØDEGÅRD flu', 'ICP in pregnancy', '***'),
  )
  .filter((text) => text.trim().length > 0);

const id = fc.string({ minLength: 1, maxLength: 12, unit: 'binary-ascii' }).filter((text) => text.length > 0);

function conditionArb(today: IsoDate): fc.Arbitrary<Condition> {
  return fc
    .record({
      id,
      catalogId: fc.option(fc.constantFrom(...CATALOG_IDS), { nil: null }),
      label,
      status: fc.constantFrom('current' as const, 'past' as const),
      onsetDate: maybeDate(today),
      resolvedOffset: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
      severity: fc.option(fc.constantFrom(...CONDITION_SEVERITIES), { nil: null }),
      treated: fc.option(fc.boolean(), { nil: null }),
      notes: fc.string({ maxLength: 20 }),
    })
    .map(({ resolvedOffset, ...rest }) => {
      // A resolved date only on a past condition, never before the onset.
      const resolvedDate =
        rest.status === 'past' && resolvedOffset !== null
          ? fromDayNumber(Math.min(LAST_DAY, dayNumber(rest.onsetDate ?? today) + resolvedOffset))
          : null;
      return { ...rest, resolvedDate };
    });
}

function historyArb(today: IsoDate): fc.Arbitrary<HealthHistory> {
  return fc.record({
    clientId: id,
    conditions: fc.array(conditionArb(today), { maxLength: 8 }),
    medications: fc.array(
      fc.record({
        id,
        name: fc.oneof(fc.constantFrom('Warfarin', 'Eliquis', 'Aspirin', 'Lithium'), label),
        dose: fc.string({ maxLength: 10 }).map((text) => text.trim()),
        anticoagulant: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    pregnancy: fc.option(
      fc.record({ pregnant: fc.boolean(), dueDate: maybeDate(today), highRisk: fc.boolean() }),
      { nil: null },
    ),
    surgeries: fc.array(
      fc.record({
        id,
        date: maybeDate(today),
        site: fc.constantFrom(...SURGERY_SITES),
        description: fc.string({ maxLength: 20 }).map((text) => text.trim()),
      }),
      { maxLength: 4 },
    ),
    headInjuries: fc.array(
      fc.record({
        id,
        date: maybeDate(today),
        description: fc.string({ maxLength: 20 }).map((text) => text.trim()),
        treated: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    clearances: fc.array(
      fc.record({
        id,
        ruleId: fc.oneof(fc.constantFrom(...BUILT_IN_RULE_IDS), fc.constant('practice-1')),
        itemId: fc.option(id, { nil: null }),
        givenBy: fc.constant('Dr Okafor'),
        date: nearDate(today),
        validUntil: fc.constant(null),
        notes: fc.constant(''),
        recordedBy: fc.constant(''),
        recordedAt: fc.constant(null),
      }),
      { maxLength: 4 },
    ),
    reviewedAt: fc.option(nearDate(today), { nil: null }),
    updatedAt: fc.constant('2026-11-26T09:00:00.000Z'),
  });
}

const windowArb = fc.record({
  unit: fc.constantFrom('days' as const, 'weeks' as const, 'months' as const),
  amount: fc.integer({ min: 0, max: 1200 }),
});

const customRuleArb: fc.Arbitrary<CustomRule> = fc
  .record({
    id: fc.constantFrom('practice-1', 'practice-2'),
    title: fc.constantFrom('', 'My rule'),
    keyword: fc.oneof(
      fc.constantFrom('', 'lupus', 'stroke', 'flu', 'warf', 'Ménière*'),
      fc.string({ minLength: 1, maxLength: 8 }).map((text) => text.trim()),
    ),
    catalogId: fc.option(fc.constantFrom(...CATALOG_IDS), { nil: null }),
    severity: fc.constantFrom(...SEVERITY_ORDER),
    message: fc.constant('Check with the client.'),
    includePast: fc.boolean(),
  })
  // The schema's rule: a keyword with a letter or digit, or no keyword and a condition.
  .filter((rule) => (rule.keyword === '' ? rule.catalogId !== null : /[\p{L}\p{N}]/u.test(rule.keyword)));

const settingsArb: fc.Arbitrary<SafetySettings> = fc.record({
  windowOverrides: fc.dictionary(fc.constantFrom(...WINDOWED_RULE_IDS), windowArb),
  customRules: fc.uniqueArray(customRuleArb, { maxLength: 2, selector: (rule) => rule.id }),
});

const scenario = nearDate('2026-11-26').chain((today) =>
  fc.record({
    today: fc.constant(today),
    history: historyArb(today),
    dateOfBirth: fc.option(fc.oneof(isoDate, nearDate(today)), { nil: null }),
    settings: fc.option(settingsArb, { nil: undefined }),
  }),
);

const rank = (severity: string) => SEVERITY_ORDER.indexOf(severity as (typeof SEVERITY_ORDER)[number]);

describe('evaluateContraindications on any valid history', () => {
  it('generates only valid histories and settings (the arbitraries match the schemas)', () => {
    fc.assert(
      fc.property(scenario, ({ history, settings }) => {
        expect(HealthHistorySchema.safeParse(history).success).toBe(true);
        if (settings) expect(SafetySettingsSchema.safeParse(settings).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and always returns findings sorted AVOID, CLEARANCE, MODIFY, CAUTION', () => {
    fc.assert(
      fc.property(scenario, ({ today, history, dateOfBirth, settings }) => {
        const findings = evaluateContraindications(history, { today, dateOfBirth, settings });
        for (let index = 1; index < findings.length; index += 1) {
          const previous = findings[index - 1]!;
          const current = findings[index]!;
          expect(rank(previous.severity)).toBeLessThanOrEqual(rank(current.severity));
          if (previous.severity === current.severity) {
            expect(Number(previous.lifted)).toBeLessThanOrEqual(Number(current.lifted));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('every finding is explained; only CLEARANCE findings, or AVOID by a clearance naming the item, are lifted', () => {
    fc.assert(
      fc.property(scenario, ({ today, history, dateOfBirth, settings }) => {
        const findings = evaluateContraindications(history, { today, dateOfBirth, settings });
        for (const finding of findings) {
          expect(SEVERITY_ORDER).toContain(finding.severity);
          expect(finding.title.length).toBeGreaterThan(0);
          expect(finding.rationale.length).toBeGreaterThan(0);
          expect(finding.because.length).toBeGreaterThan(0);
          expect(finding.because).not.toMatch(/NaN|undefined|null/);
          if (finding.lifted) {
            expect(['AVOID', 'CLEARANCE']).toContain(finding.severity);
            if (finding.severity === 'AVOID') expect(finding.clearance?.itemId).toBe(finding.itemId);
            expect(finding.clearance?.ruleId).toBe(finding.ruleId);
            expect(finding.clearance!.date <= today).toBe(true);
          } else {
            expect(finding.clearance).toBeUndefined();
          }
        }
        expect(activeFindings(findings)).toEqual(findings.filter((finding) => !finding.lifted));
      }),
      { numRuns: 500 },
    );
  });

  it('is pure: the same input gives the same output and the input is not changed', () => {
    fc.assert(
      fc.property(scenario, ({ today, history, dateOfBirth, settings }) => {
        const before = structuredClone(history);
        const first = evaluateContraindications(history, { today, dateOfBirth, settings });
        const second = evaluateContraindications(history, { today, dateOfBirth, settings });
        expect(second).toEqual(first);
        expect(history).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('removing every clearance never removes a finding, it only un-lifts them', () => {
    fc.assert(
      fc.property(scenario, ({ today, history, dateOfBirth, settings }) => {
        const withClearances = evaluateContraindications(history, { today, dateOfBirth, settings });
        const without = evaluateContraindications(
          { ...history, clearances: [] },
          { today, dateOfBirth, settings },
        );
        expect(without.length).toBe(withClearances.length);
        expect(without.every((finding) => !finding.lifted)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
