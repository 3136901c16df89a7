import { describe, expect, it } from 'vitest';
import { addMonths, type IsoDate } from '../../../src-shared/domain/dates';
import type { HealthHistory } from '../../../src-shared/domain/health-history';
import {
  BUILT_IN_RULE_IDS,
  BUILT_IN_RULES,
  CATALOG_IDS,
  type EvaluationContext,
  evaluateContraindications,
  type Finding,
  SEVERITY_ORDER,
  WINDOWED_RULE_IDS,
} from '../../../src-shared/safety';
import { condition, daysAgo, freeText, headInjury, history, medication, surgery, TODAY } from './builders';

function evaluate(h: HealthHistory, context: Partial<EvaluationContext> = {}): Finding[] {
  return evaluateContraindications(h, { today: TODAY, ...context });
}

/** The severities a rule produced, most serious first. */
function severities(h: HealthHistory, ruleId: string, context: Partial<EvaluationContext> = {}): string[] {
  return evaluate(h, context)
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => finding.severity);
}

describe('the rule table as data', () => {
  it('has every rule of DOMAIN.md once, in table order', () => {
    expect(BUILT_IN_RULES.map((rule) => rule.id)).toEqual([...BUILT_IN_RULE_IDS]);
  });

  it('lists as windowed exactly the rules that have a window', () => {
    const windowed = BUILT_IN_RULES.filter((rule) => rule.window !== null).map((rule) => rule.id);
    expect(windowed).toEqual([...WINDOWED_RULE_IDS]);
  });

  it('every rule has a title, a one-sentence rationale, a source and a listed severity it can reach', () => {
    for (const rule of BUILT_IN_RULES) {
      expect(rule.title).not.toBe('');
      expect(rule.rationale).toMatch(/^[A-Z][^.]*\.$/);
      expect(rule.source).not.toBe('');
      expect(rule.branches.map((branch) => branch.severity)).toContain(rule.severity);
      for (const branch of rule.branches) expect(SEVERITY_ORDER).toContain(branch.severity);
    }
  });

  it('uses every catalog condition in some rule', () => {
    const used = new Set(
      BUILT_IN_RULES.flatMap((rule) =>
        rule.matches.flatMap((match) => (match.kind === 'condition' ? match.catalogIds : [])),
      ),
    );
    expect([...used].sort()).toEqual([...CATALOG_IDS].sort());
  });

  it('finds nothing in an empty history', () => {
    expect(evaluate(history())).toEqual([]);
  });
});

describe('skull-fracture (6 weeks)', () => {
  it.each([
    [0, 'AVOID'],
    [41, 'AVOID'],
    [42, 'AVOID'],
  ])('%i days after the fracture: %s', (days, expected) => {
    const h = history({ conditions: [condition('skull-fracture', { onsetDate: daysAgo(days) })] });
    expect(severities(h, 'skull-fracture')[0]).toBe(expected);
  });

  it('43 days after a fracture marked healed: no finding', () => {
    const h = history({
      conditions: [
        condition('skull-fracture', { onsetDate: daysAgo(43), status: 'past', resolvedDate: daysAgo(10) }),
      ],
    });
    expect(severities(h, 'skull-fracture')).toEqual([]);
  });

  it('43 days after a fracture still recorded as current: no AVOID, clearance instead', () => {
    const h = history({ conditions: [condition('skull-fracture', { onsetDate: daysAgo(43) })] });
    expect(severities(h, 'skull-fracture')).toEqual(['CLEARANCE']);
  });

  it('"until healed": a fracture marked past with its healing date no longer triggers, even inside 6 weeks', () => {
    const healed = history({
      conditions: [
        condition('skull-fracture', { onsetDate: daysAgo(42), status: 'past', resolvedDate: daysAgo(30) }),
      ],
    });
    expect(severities(healed, 'skull-fracture')).toEqual([]);
    const healedToday = history({
      conditions: [
        condition('skull-fracture', { onsetDate: daysAgo(10), status: 'past', resolvedDate: TODAY }),
      ],
    });
    expect(severities(healedToday, 'skull-fracture')).toEqual([]);
  });

  it('a fracture marked past without a healing date keeps its 6-week window from the fracture', () => {
    const h = history({
      conditions: [
        condition('skull-fracture', { onsetDate: daysAgo(42), status: 'past', resolvedDate: null }),
      ],
    });
    expect(severities(h, 'skull-fracture')).toEqual(['AVOID']);
  });

  it('says what triggered it and until when', () => {
    const [finding] = evaluate(
      history({
        conditions: [condition('skull-fracture', { label: 'Skull fracture', onsetDate: '2026-10-15' })],
      }),
    );
    expect(finding).toMatchObject({
      ruleId: 'skull-fracture',
      severity: 'AVOID',
      because: 'Skull fracture on 2026-10-15 (42 days ago)',
      until: '2026-11-26',
      itemId: 'condition-skull-fracture',
      lifted: false,
      custom: false,
    });
  });

  it('writes its dates the way the screen asks (issue 21 item 11), the stored form when not asked', () => {
    const words = (date: IsoDate) => `<${date}>`;
    const h = history({
      conditions: [condition('skull-fracture', { label: 'Skull fracture', onsetDate: '2026-10-15' })],
      pregnancy: { pregnant: true, dueDate: '2027-03-01', highRisk: false },
    });
    const because = evaluate(h, { formatDate: words }).map((finding) => finding.because);
    expect(because).toContain('Skull fracture on <2026-10-15> (42 days ago)');
    expect(because).toContain('Pregnant, due <2027-03-01>');
    expect(evaluate(h).map((finding) => finding.because)).toContain(
      'Skull fracture on 2026-10-15 (42 days ago)',
    );
  });

  it('an undated fracture counts as recent and asks for the date', () => {
    const [finding] = evaluate(
      history({ conditions: [condition('skull-fracture', { label: 'Skull fracture' })] }),
    );
    expect(finding?.severity).toBe('AVOID');
    expect(finding?.because).toBe('Skull fracture (date not recorded: add it to check the 6 weeks window)');
  });

  it('an undated past fracture is healed once its resolved date has come; without one it counts as recent', () => {
    const h = history({
      conditions: [condition('skull-fracture', { status: 'past', resolvedDate: daysAgo(43) })],
    });
    expect(severities(h, 'skull-fracture')).toEqual([]);
    const unknown = history({
      conditions: [condition('skull-fracture', { status: 'past', resolvedDate: null })],
    });
    expect(severities(unknown, 'skull-fracture')).toEqual(['AVOID']);
  });

  it('reads a free-text fracture', () => {
    const h = history({
      conditions: [freeText('Fractured skull (bike accident)', { onsetDate: daysAgo(3) })],
    });
    const [finding] = evaluate(h);
    expect(finding?.ruleId).toBe('skull-fracture');
    expect(finding?.because).toContain('read as Skull fracture');
  });
});

describe('intracranial-bleed (6 calendar months, then clearance)', () => {
  it('AVOID up to and including the day 6 months after, CLEARANCE from the day after', () => {
    const onset = addMonths(TODAY, -6);
    const inside = history({
      conditions: [condition('stroke-intracranial-haemorrhage', { onsetDate: onset })],
    });
    expect(severities(inside, 'intracranial-bleed')).toEqual(['AVOID']);
    const outside = history({
      conditions: [condition('stroke-intracranial-haemorrhage', { onsetDate: daysAgo(1, onset) })],
    });
    expect(severities(outside, 'intracranial-bleed')).toEqual(['CLEARANCE']);
  });

  it('uses calendar months: 31 May + 6 months is 30 November', () => {
    const h = history({
      conditions: [condition('stroke-intracranial-haemorrhage', { onsetDate: '2026-05-31' })],
    });
    expect(severities(h, 'intracranial-bleed', { today: '2026-11-30' })).toEqual(['AVOID']);
    expect(severities(h, 'intracranial-bleed', { today: '2026-12-01' })).toEqual(['CLEARANCE']);
  });

  it('a stroke years ago marked past still needs clearance', () => {
    const h = history({
      conditions: [
        condition('stroke-intracranial-haemorrhage', {
          onsetDate: '2019-03-01',
          status: 'past',
          resolvedDate: '2019-06-01',
        }),
      ],
    });
    expect(severities(h, 'intracranial-bleed')).toEqual(['CLEARANCE']);
  });

  it('reads "subarachnoid haemorrhage" as a bleed but not "heat stroke"', () => {
    const bleed = history({ conditions: [freeText('Subarachnoid haemorrhage', { onsetDate: daysAgo(20) })] });
    expect(severities(bleed, 'intracranial-bleed')).toEqual(['AVOID']);
    const heat = history({ conditions: [freeText('Heat stroke last summer', { onsetDate: daysAgo(20) })] });
    expect(severities(heat, 'intracranial-bleed')).toEqual([]);
  });
});

describe('aneurysm (AVOID while active, CLEARANCE once treated)', () => {
  it.each([
    [null, 'current', 'AVOID'],
    [false, 'current', 'AVOID'],
    [true, 'current', 'CLEARANCE'],
    [true, 'past', 'CLEARANCE'],
    [null, 'past', 'CLEARANCE'],
  ] as const)('treated %s, %s: %s', (treated, status, expected) => {
    const h = history({ conditions: [condition('cerebral-aneurysm', { treated, status })] });
    expect(severities(h, 'aneurysm')).toEqual([expected]);
  });

  it('names the treatment in the reason', () => {
    const h = history({
      conditions: [condition('cerebral-aneurysm', { label: 'Cerebral aneurysm', treated: null })],
    });
    expect(evaluate(h)[0]?.because).toBe('Cerebral aneurysm, treatment not recorded');
  });

  it('does not read an aortic aneurysm as a cerebral one', () => {
    expect(severities(history({ conditions: [freeText('Abdominal aortic aneurysm')] }), 'aneurysm')).toEqual(
      [],
    );
    expect(
      severities(history({ conditions: [freeText('Berry aneurysm, coiled 2020')] }), 'aneurysm'),
    ).toEqual(['AVOID']);
  });
});

describe('raised-icp (while current)', () => {
  it.each([
    ['raised-intracranial-pressure', 'current', ['AVOID']],
    ['hydrocephalus-shunt', 'current', ['AVOID']],
    ['raised-intracranial-pressure', 'past', []],
    ['hydrocephalus-shunt', 'past', []],
  ] as const)('%s %s', (catalogId, status, expected) => {
    const h = history({ conditions: [condition(catalogId, { status })] });
    expect(severities(h, 'raised-icp')).toEqual(expected);
  });

  it('reads "VP shunt" but not "ICP" (cholestasis of pregnancy)', () => {
    expect(severities(history({ conditions: [freeText('VP shunt since childhood')] }), 'raised-icp')).toEqual(
      ['AVOID'],
    );
    expect(
      severities(history({ conditions: [freeText('ICP (itching) in pregnancy')] }), 'raised-icp'),
    ).toEqual([]);
  });
});

describe('untreated-brain-injury (AVOID untreated, CLEARANCE within 6 weeks)', () => {
  it.each([
    // treated, status, days ago, expected
    [null, 'current', 300, ['AVOID']],
    [false, 'current', 300, ['AVOID']],
    [true, 'current', 42, ['CLEARANCE']],
    [true, 'current', 43, []],
    [false, 'past', 42, ['CLEARANCE']],
    [false, 'past', 43, []],
  ] as const)('condition treated %s, %s, %i days ago: %j', (treated, status, days, expected) => {
    const h = history({
      conditions: [condition('concussion-brain-injury', { treated, status, onsetDate: daysAgo(days) })],
    });
    expect(severities(h, 'untreated-brain-injury')).toEqual(expected);
  });

  it.each([
    [false, 41, ['AVOID']],
    [false, 42, ['AVOID']],
    [false, 43, []],
    [true, 42, ['CLEARANCE']],
    [true, 43, []],
  ] as const)('head injury treated %s, %i days ago: %j', (treated, days, expected) => {
    const h = history({ headInjuries: [headInjury({ treated, date: daysAgo(days) })] });
    expect(severities(h, 'untreated-brain-injury')).toEqual(expected);
  });

  it('an undated untreated head injury is AVOID and says so', () => {
    const [finding] = evaluate(history({ headInjuries: [headInjury({ description: 'fell off a horse' })] }));
    expect(finding?.severity).toBe('AVOID');
    expect(finding?.because).toBe(
      'Head injury (fell off a horse) (date not recorded: add it to check the 6 weeks window), not treated',
    );
  });
});

describe('csf-leak (AVOID for 6 weeks, then CLEARANCE while current)', () => {
  it.each([
    ['lumbar-puncture', 'past', 42, ['AVOID']],
    ['lumbar-puncture', 'past', 43, []],
    ['csf-leak', 'current', 42, ['AVOID']],
    ['csf-leak', 'current', 43, ['CLEARANCE']],
    ['csf-leak', 'past', 43, []],
  ] as const)('%s %s %i days ago: %j', (catalogId, status, days, expected) => {
    const h = history({ conditions: [condition(catalogId, { status, onsetDate: daysAgo(days) })] });
    expect(severities(h, 'csf-leak')).toEqual(expected);
  });

  it('reads "spinal tap" as a lumbar puncture', () => {
    const h = history({ conditions: [freeText('Spinal tap in hospital', { onsetDate: daysAgo(5) })] });
    expect(severities(h, 'csf-leak')).toEqual(['AVOID']);
  });
});

describe('recent-surgery (cranial or spinal, 6 weeks)', () => {
  it.each([
    ['cranial', 42, ['AVOID']],
    ['cranial', 43, []],
    ['spinal', 0, ['AVOID']],
    ['spinal', 42, ['AVOID']],
    ['spinal', 43, []],
    ['other', 1, []],
  ] as const)('%s surgery %i days ago: %j', (site, days, expected) => {
    const h = history({ surgeries: [surgery({ site, date: daysAgo(days) })] });
    expect(severities(h, 'recent-surgery')).toEqual(expected);
  });

  it('an undated cranial surgery counts as recent', () => {
    const h = history({ surgeries: [surgery({ site: 'cranial', description: 'shunt revision' })] });
    const [finding] = evaluate(h);
    expect(finding?.severity).toBe('AVOID');
    expect(finding?.because).toContain('Cranial surgery (shunt revision) (date not recorded');
  });
});

describe('bleeding-disorder (AVOID if severe, otherwise CLEARANCE; blood thinners)', () => {
  it.each([
    ['bleeding-clotting-disorder', 'severe', 'current', ['AVOID']],
    ['bleeding-clotting-disorder', 'high-risk', 'current', ['AVOID']],
    ['bleeding-clotting-disorder', 'moderate', 'current', ['CLEARANCE']],
    ['bleeding-clotting-disorder', null, 'current', ['CLEARANCE']],
    ['deep-vein-thrombosis', null, 'current', ['CLEARANCE']],
    ['deep-vein-thrombosis', 'severe', 'current', ['AVOID']],
    ['deep-vein-thrombosis', null, 'past', []],
  ] as const)('%s, severity %s, %s: %j', (catalogId, severity, status, expected) => {
    const h = history({ conditions: [condition(catalogId, { severity, status })] });
    expect(severities(h, 'bleeding-disorder')).toEqual(expected);
  });

  it('a medication marked as anticoagulant needs clearance', () => {
    const h = history({
      medications: [medication({ name: 'Blood thinner (unsure which)', anticoagulant: true })],
    });
    expect(severities(h, 'bleeding-disorder')).toEqual(['CLEARANCE']);
  });

  it('a known blood thinner counts even when the box was not ticked', () => {
    const h = history({ medications: [medication({ name: 'Eliquis', dose: '5 mg', anticoagulant: false })] });
    const [finding] = evaluate(h);
    expect(finding).toMatchObject({ severity: 'CLEARANCE', because: 'Eliquis 5 mg, a known blood thinner' });
  });

  it('other medications do not', () => {
    const h = history({ medications: [medication({ name: 'Aspirin', anticoagulant: false })] });
    expect(evaluate(h)).toEqual([]);
  });
});

describe('chiari (CLEARANCE)', () => {
  it.each(['current', 'past'] as const)('%s', (status) => {
    const h = history({ conditions: [condition('chiari-malformation', { status })] });
    expect(severities(h, 'chiari')).toEqual(['CLEARANCE']);
  });
});

describe('acute-infection (AVOID while active)', () => {
  it('current: AVOID; marked past or resolved: nothing', () => {
    expect(
      severities(history({ conditions: [condition('fever-acute-infection')] }), 'acute-infection'),
    ).toEqual(['AVOID']);
    const resolved = history({
      conditions: [condition('fever-acute-infection', { status: 'past', resolvedDate: TODAY })],
    });
    expect(severities(resolved, 'acute-infection')).toEqual([]);
  });

  it('reads "flu" and "COVID-19" but not "HIV infection"', () => {
    expect(severities(history({ conditions: [freeText('Flu')] }), 'acute-infection')).toEqual(['AVOID']);
    expect(severities(history({ conditions: [freeText('COVID-19')] }), 'acute-infection')).toEqual(['AVOID']);
    expect(
      severities(history({ conditions: [freeText('HIV infection, well controlled')] }), 'acute-infection'),
    ).toEqual([]);
  });
});

describe('pregnancy (MODIFY, high-risk CLEARANCE)', () => {
  it.each([
    [null, []],
    [{ pregnant: false, dueDate: null, highRisk: false }, []],
    [{ pregnant: true, dueDate: '2027-03-01', highRisk: false }, ['MODIFY']],
    [{ pregnant: true, dueDate: null, highRisk: true }, ['CLEARANCE', 'MODIFY']],
  ] as const)('%j: %j', (pregnancy, expected) => {
    expect(severities(history({ pregnancy }), 'pregnancy')).toEqual(expected);
  });

  it('says when the baby is due', () => {
    const h = history({ pregnancy: { pregnant: true, dueDate: '2027-03-01', highRisk: false } });
    expect(evaluate(h)[0]?.because).toBe('Pregnant, due 2027-03-01');
  });
});

describe('osteoporosis (MODIFY) and tumour-epilepsy (CAUTION)', () => {
  it.each([
    ['osteoporosis', 'osteoporosis', 'current', ['MODIFY']],
    ['osteoporosis', 'osteoporosis', 'past', []],
    ['brain-tumour', 'tumour-epilepsy', 'current', ['CAUTION']],
    ['brain-tumour', 'tumour-epilepsy', 'past', ['CAUTION']],
    ['epilepsy', 'tumour-epilepsy', 'current', ['CAUTION']],
  ] as const)('%s %s: %j', (catalogId, ruleId, status, expected) => {
    expect(severities(history({ conditions: [condition(catalogId, { status })] }), ruleId)).toEqual(expected);
  });

  it('reads "seizures" as epilepsy and "meningioma" as a brain tumour', () => {
    const h = history({
      conditions: [
        freeText('Seizures as a teen', { id: 'a' }),
        freeText('Meningioma (removed)', { id: 'b' }),
      ],
    });
    expect(severities(h, 'tumour-epilepsy')).toEqual(['CAUTION', 'CAUTION']);
  });
});

describe('infant (CAUTION under 2 years)', () => {
  const born: IsoDate = '2024-11-27';

  it('the day before the 2nd birthday: CAUTION', () => {
    const findings = evaluate(history(), { dateOfBirth: born, today: '2026-11-26' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'infant',
      severity: 'CAUTION',
      until: '2026-11-26',
      because: 'Born 2024-11-27, 1 year 11 months old',
    });
  });

  it('on the 2nd birthday: nothing', () => {
    expect(evaluate(history(), { dateOfBirth: born, today: '2026-11-27' })).toEqual([]);
  });

  it('a newborn and an unknown date of birth', () => {
    expect(evaluate(history(), { dateOfBirth: '2026-11-20' })[0]?.because).toBe(
      'Born 2026-11-20, 6 days old',
    );
    expect(evaluate(history(), { dateOfBirth: null })).toEqual([]);
    expect(evaluate(history(), {})).toEqual([]);
  });

  it('a 29 February birthday turns 2 on 1 March', () => {
    expect(severities(history(), 'infant', { dateOfBirth: '2024-02-29', today: '2026-02-28' })).toEqual([
      'CAUTION',
    ]);
    expect(severities(history(), 'infant', { dateOfBirth: '2024-02-29', today: '2026-03-01' })).toEqual([]);
  });
});

describe('ordering', () => {
  it('lists AVOID, CLEARANCE, MODIFY, CAUTION', () => {
    const h = history({
      conditions: [
        condition('epilepsy', { id: 'c1' }),
        condition('osteoporosis', { id: 'c2' }),
        condition('chiari-malformation', { id: 'c3' }),
        condition('fever-acute-infection', { id: 'c4' }),
      ],
    });
    expect(evaluate(h).map((finding) => finding.severity)).toEqual([
      'AVOID',
      'CLEARANCE',
      'MODIFY',
      'CAUTION',
    ]);
  });
});

describe('infant rule and a day before birth (issue 21)', () => {
  it('a session dated before the client was born gives no "Child under 2 years" finding', () => {
    expect(evaluate(history(), { dateOfBirth: '1985-04-02', today: '1926-12-03' })).toEqual([]);
    expect(evaluate(history(), { dateOfBirth: '2026-11-20', today: '2026-11-19' })).toEqual([]);
  });
});
