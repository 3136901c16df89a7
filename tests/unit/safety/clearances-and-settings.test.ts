import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src-shared/domain/dates';
import {
  activeFindings,
  type CustomRule,
  CustomRuleSchema,
  evaluateContraindications,
  highestSeverity,
  type SafetySettings,
  SafetySettingsSchema,
  severityLabel,
} from '../../../src-shared/safety';
import { fieldErrors } from '../../../src-shared/validation';
import {
  clearance,
  condition,
  daysAgo,
  freeText,
  headInjury,
  history,
  medication,
  surgery,
  TODAY,
} from './builders';

const treatedAneurysm = condition('cerebral-aneurysm', {
  id: 'aneurysm-1',
  treated: true,
  onsetDate: '2024-05-01',
});

describe('clearances', () => {
  it('a clearance on file lifts the CLEARANCE finding and is returned with it', () => {
    const cleared = clearance('aneurysm', { date: '2026-06-01', givenBy: 'Dr Okafor' });
    const findings = evaluateContraindications(
      history({ conditions: [treatedAneurysm], clearances: [cleared] }),
      {
        today: TODAY,
      },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'aneurysm',
      severity: 'CLEARANCE',
      lifted: true,
      clearance: cleared,
    });
    expect(activeFindings(findings)).toEqual([]);
    expect(highestSeverity(findings)).toBeNull();
  });

  it('a clearance dated today counts, one dated tomorrow does not', () => {
    const today = history({
      conditions: [treatedAneurysm],
      clearances: [clearance('aneurysm', { date: TODAY })],
    });
    expect(evaluateContraindications(today, { today: TODAY })[0]?.lifted).toBe(true);
    const tomorrow = history({
      conditions: [treatedAneurysm],
      clearances: [clearance('aneurysm', { date: '2026-11-27' })],
    });
    expect(evaluateContraindications(tomorrow, { today: TODAY })[0]?.lifted).toBe(false);
  });

  it('a clearance given before the event does not clear it', () => {
    const stroke = condition('stroke-intracranial-haemorrhage', { id: 's1', onsetDate: '2025-01-10' });
    const old = history({
      conditions: [stroke],
      clearances: [clearance('intracranial-bleed', { date: '2025-01-09' })],
    });
    expect(evaluateContraindications(old, { today: TODAY })[0]).toMatchObject({
      severity: 'CLEARANCE',
      lifted: false,
    });
    const after = history({
      conditions: [stroke],
      clearances: [clearance('intracranial-bleed', { date: '2025-01-10' })],
    });
    expect(evaluateContraindications(after, { today: TODAY })[0]).toMatchObject({
      severity: 'CLEARANCE',
      lifted: true,
    });
  });

  it('a clearance for another rule, another item or that has expired does not lift', () => {
    for (const other of [
      clearance('chiari'),
      clearance('aneurysm', { itemId: 'someone-else' }),
      clearance('aneurysm', { date: '2026-01-01', validUntil: daysAgo(1) }),
    ]) {
      const findings = evaluateContraindications(
        history({ conditions: [treatedAneurysm], clearances: [other] }),
        {
          today: TODAY,
        },
      );
      expect(findings[0]?.lifted).toBe(false);
    }
    const sameItem = history({
      conditions: [treatedAneurysm],
      clearances: [clearance('aneurysm', { itemId: 'aneurysm-1', validUntil: TODAY })],
    });
    expect(evaluateContraindications(sameItem, { today: TODAY })[0]?.lifted).toBe(true);
  });

  it('a rule-wide clearance never lifts AVOID: an untreated aneurysm stays do-not-treat', () => {
    const h = history({
      conditions: [condition('cerebral-aneurysm', { treated: false })],
      clearances: [clearance('aneurysm')],
    });
    const findings = evaluateContraindications(h, { today: TODAY });
    expect(findings[0]).toMatchObject({ severity: 'AVOID', lifted: false });
    expect(findings[0]?.clearance).toBeUndefined();
    expect(highestSeverity(findings)).toBe('AVOID');
  });

  it('a clearance naming the item lifts a "Do not treat" concussion within its window', () => {
    const injury = headInjury({ id: 'concussion-1', date: daysAgo(14), treated: false });
    const before = evaluateContraindications(history({ headInjuries: [injury] }), { today: TODAY });
    expect(before.map((f) => [f.ruleId, f.severity, f.lifted])).toEqual([
      ['untreated-brain-injury', 'AVOID', false],
    ]);
    const assessed = clearance('untreated-brain-injury', {
      itemId: 'concussion-1',
      givenBy: 'Dr Lena Fischer',
      date: daysAgo(3),
      validUntil: addDays(TODAY, 30),
    });
    const findings = evaluateContraindications(history({ headInjuries: [injury], clearances: [assessed] }), {
      today: TODAY,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'AVOID', lifted: true, clearance: assessed });
    expect(highestSeverity(findings)).toBeNull();
  });

  it('an AVOID clearance that expired, names another rule or item, or predates the injury does not lift', () => {
    const injury = headInjury({ id: 'concussion-1', date: daysAgo(14), treated: false });
    for (const other of [
      clearance('untreated-brain-injury', {
        itemId: 'concussion-1',
        date: daysAgo(10),
        validUntil: daysAgo(1),
      }),
      clearance('skull-fracture', { itemId: 'concussion-1', date: daysAgo(3) }),
      clearance('untreated-brain-injury', { itemId: 'another-injury', date: daysAgo(3) }),
      clearance('untreated-brain-injury', { itemId: 'concussion-1', date: daysAgo(15) }),
      clearance('untreated-brain-injury', { itemId: 'concussion-1', date: addDays(TODAY, 1) }),
    ]) {
      const findings = evaluateContraindications(history({ headInjuries: [injury], clearances: [other] }), {
        today: TODAY,
      });
      expect(findings.map((f) => [f.severity, f.lifted])).toEqual([['AVOID', false]]);
      expect(highestSeverity(findings)).toBe('AVOID');
    }
    // The last day of a limited clearance still counts.
    const lastDay = clearance('untreated-brain-injury', {
      itemId: 'concussion-1',
      date: daysAgo(10),
      validUntil: TODAY,
    });
    expect(
      evaluateContraindications(history({ headInjuries: [injury], clearances: [lastDay] }), {
        today: TODAY,
      })[0]?.lifted,
    ).toBe(true);
  });

  it('a cleared high-risk pregnancy still asks for a modified approach', () => {
    const h = history({
      pregnancy: { pregnant: true, dueDate: '2027-02-01', highRisk: true },
      clearances: [clearance('pregnancy', { givenBy: 'Midwife Jo Lee' })],
    });
    const findings = evaluateContraindications(h, { today: TODAY });
    expect(findings.map((f) => [f.severity, f.lifted])).toEqual([
      ['CLEARANCE', true],
      ['MODIFY', false],
    ]);
    expect(activeFindings(findings).map((f) => f.severity)).toEqual(['MODIFY']);
  });

  it('lists findings still in force before lifted ones of the same severity', () => {
    const h = history({
      conditions: [treatedAneurysm, condition('chiari-malformation', { id: 'chiari-1' })],
      clearances: [clearance('aneurysm')],
    });
    const findings = evaluateContraindications(h, { today: TODAY });
    expect(findings.map((f) => [f.ruleId, f.lifted])).toEqual([
      ['chiari', false],
      ['aneurysm', true],
    ]);
  });
});

describe('window overrides', () => {
  const settings = (windowOverrides: SafetySettings['windowOverrides']): SafetySettings => ({
    windowOverrides,
    customRules: [],
  });

  it('an 8-week skull-fracture window: day 56 inside, day 57 outside (then clearance while not healed)', () => {
    const eightWeeks = settings({ 'skull-fracture': { unit: 'weeks', amount: 8 } });
    const at = (days: number) =>
      evaluateContraindications(
        history({
          conditions: [condition('skull-fracture', { onsetDate: daysAgo(days), status: 'current' })],
        }),
        { today: TODAY, settings: eightWeeks },
      ).map((f) => f.severity);
    expect(at(43)).toEqual(['AVOID']);
    expect(at(56)).toEqual(['AVOID']);
    expect(at(57)).toEqual(['CLEARANCE']);
  });

  it('a 10-day surgery window and a 3-month bleed window', () => {
    const custom = settings({
      'recent-surgery': { unit: 'days', amount: 10 },
      'intracranial-bleed': { unit: 'months', amount: 3 },
    });
    const h = history({
      surgeries: [surgery({ site: 'spinal', date: daysAgo(11) })],
      conditions: [condition('stroke-intracranial-haemorrhage', { onsetDate: '2026-08-25' })],
    });
    const findings = evaluateContraindications(h, { today: TODAY, settings: custom });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['intracranial-bleed', 'CLEARANCE']]);
    expect(
      evaluateContraindications(h, { today: '2026-11-26', settings: settings({}) }).map((f) => f.severity),
    ).toEqual(['AVOID', 'AVOID']);
  });

  it('an infant window of 36 months', () => {
    const threeYears = settings({ infant: { unit: 'months', amount: 36 } });
    expect(
      evaluateContraindications(history(), { today: TODAY, dateOfBirth: '2023-11-27', settings: threeYears }),
    ).toHaveLength(1);
    expect(
      evaluateContraindications(history(), { today: TODAY, dateOfBirth: '2023-11-26', settings: threeYears }),
    ).toHaveLength(0);
  });

  it('the settings schema refuses a window on a rule that has none, and negative windows', () => {
    const noWindow = SafetySettingsSchema.safeParse({
      windowOverrides: { aneurysm: { unit: 'weeks', amount: 6 } },
      customRules: [],
    });
    expect(noWindow.success).toBe(false);
    const negative = SafetySettingsSchema.safeParse({
      windowOverrides: { 'skull-fracture': { unit: 'weeks', amount: -1 } },
      customRules: [],
    });
    expect(negative.success).toBe(false);
    if (!negative.success) {
      expect(fieldErrors(negative.error)).toEqual({
        'windowOverrides.skull-fracture.amount': 'The window cannot be negative',
      });
    }
  });
});

describe('practice rules', () => {
  const rule = (overrides: Partial<CustomRule>): CustomRule => ({
    id: 'practice-1',
    title: '',
    keyword: '',
    catalogId: null,
    severity: 'CAUTION',
    message: 'Ask about flare-ups and keep sessions short.',
    includePast: false,
    ...overrides,
  });
  const run = (customRules: CustomRule[], h = history()) =>
    evaluateContraindications(h, { today: TODAY, settings: { windowOverrides: {}, customRules } });

  it('matches a keyword in a free-text condition, ignoring case and accents', () => {
    const lupus = rule({ keyword: 'lupus' });
    const findings = run([lupus], history({ conditions: [freeText('Systemic LUPUS erythematosus')] }));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'practice-1',
        severity: 'CAUTION',
        title: 'Practice rule: lupus',
        rationale: 'Ask about flare-ups and keep sessions short.',
        source: 'Practice rule',
        because: 'Systemic LUPUS erythematosus',
        custom: true,
        lifted: false,
      }),
    ]);
    const accents = run(
      [rule({ keyword: 'Ménière', title: 'Vertigo' })],
      history({ conditions: [freeText("meniere's disease")] }),
    );
    expect(accents.map((f) => f.title)).toEqual(['Vertigo']);
    const reverse = run(
      [rule({ keyword: 'MENIERE' })],
      history({ conditions: [freeText('Maladie de Ménière')] }),
    );
    expect(reverse).toHaveLength(1);
  });

  it('a keyword word may start a longer word, but never matches inside one', () => {
    const migraine = rule({ keyword: 'migraine' });
    expect(run([migraine], history({ conditions: [freeText('Migraines with aura')] }))).toHaveLength(1);
    const arm = rule({ keyword: 'arm' });
    expect(run([arm], history({ conditions: [freeText('Warm hands, harmless rash')] }))).toEqual([]);
  });

  it('matches medications, surgeries and head injuries too', () => {
    const lithium = rule({ keyword: 'lithium', severity: 'MODIFY' });
    const h = history({
      medications: [medication({ name: 'Lithium carbonate', dose: '400 mg' })],
      surgeries: [surgery({ site: 'other', date: '2001-01-01', description: 'lithium implant (test)' })],
      headInjuries: [headInjury({ date: '2001-01-01', treated: true, description: 'no lithium here' })],
    });
    const findings = run([lithium], h);
    expect(findings.map((f) => f.because)).toEqual([
      'Lithium carbonate 400 mg',
      'Surgery (lithium implant (test)) on 2001-01-01 (9460 days ago)',
      'Head injury (no lithium here) on 2001-01-01 (9460 days ago)',
    ]);
  });

  it('matches a catalog condition, picked or typed', () => {
    const epilepsy = rule({
      catalogId: 'epilepsy',
      severity: 'CLEARANCE',
      message: 'Ask for a neurologist note.',
    });
    const h = history({
      conditions: [condition('epilepsy', { id: 'a' }), freeText('Seizures since 2010', { id: 'b' })],
    });
    const findings = run([epilepsy], h).filter((f) => f.custom);
    expect(findings.map((f) => [f.title, f.itemId])).toEqual([
      ['Practice rule: Epilepsy', 'a'],
      ['Practice rule: Epilepsy', 'b'],
    ]);
  });

  it('ignores past conditions unless told to include them', () => {
    const h = history({ conditions: [freeText('Lupus', { status: 'past' })] });
    expect(run([rule({ keyword: 'lupus' })], h)).toEqual([]);
    expect(run([rule({ keyword: 'lupus', includePast: true })], h)).toHaveLength(1);
  });

  it('a clearance for a practice rule lifts it', () => {
    const h = history({ conditions: [freeText('Lupus')], clearances: [clearance('practice-1')] });
    const [finding] = run([rule({ keyword: 'lupus', severity: 'CLEARANCE' })], h);
    expect(finding).toMatchObject({ severity: 'CLEARANCE', lifted: true });
  });

  it('the schema asks for a keyword or a condition, and refuses punctuation-only keywords', () => {
    const empty = CustomRuleSchema.safeParse({
      id: 'r',
      keyword: '',
      catalogId: '',
      severity: 'CAUTION',
      message: 'x',
    });
    expect(empty.success).toBe(false);
    if (!empty.success)
      expect(fieldErrors(empty.error)).toEqual({ keyword: 'Enter a word to look for or pick a condition' });
    const stars = CustomRuleSchema.safeParse({
      id: 'r',
      keyword: '**',
      catalogId: null,
      severity: 'CAUTION',
      message: 'x',
    });
    expect(stars.success).toBe(false);
    const good = CustomRuleSchema.parse({
      id: 'r',
      keyword: ' lupus ',
      catalogId: '',
      severity: 'CAUTION',
      message: 'x',
    });
    expect(good).toEqual({
      id: 'r',
      title: '',
      keyword: 'lupus',
      catalogId: null,
      severity: 'CAUTION',
      message: 'x',
      includePast: false,
    });
  });

  it('a practice rule cannot take a built-in rule id', () => {
    const clash = SafetySettingsSchema.safeParse({
      windowOverrides: {},
      customRules: [{ id: 'aneurysm', keyword: 'x', catalogId: null, severity: 'CAUTION', message: 'x' }],
    });
    expect(clash.success).toBe(false);
    if (!clash.success)
      expect(fieldErrors(clash.error)).toEqual({ 'customRules.0.id': 'Another rule already uses this id' });
  });
});

describe('severity labels', () => {
  it.each([
    ['AVOID', 'Do not treat'],
    ['CLEARANCE', 'Needs medical clearance'],
    ['MODIFY', 'Modify treatment'],
    ['CAUTION', 'Caution'],
  ] as const)('%s: %s', (severity, label) => {
    expect(severityLabel(severity)).toBe(label);
  });
});
