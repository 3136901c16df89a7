import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSheetSections,
  DEFAULT_AFTERCARE_TEMPLATE,
  emptyPlaceholdersUsed,
  fillTemplate,
  firstNameOf,
  formatSessionDate,
  type PlaceholderValues,
  placeholderValues,
  TemplatePlaceholderError,
} from '../../../src-shared/aftercare';
import {
  AFTERCARE_PLACEHOLDERS,
  AftercareSheetSchema,
  type AftercareTemplate,
  AftercareTemplateSchema,
} from '../../../src-shared/domain/aftercare';
import { UserFacingError } from '../../../src-shared/result';
import { typicalSheet } from '../pdf/fixtures';

const values: PlaceholderValues = placeholderValues({
  clientName: 'Zoë Ødegård-Łukasiewicz',
  sessionDate: '2026-03-12',
  locale: 'en-GB',
  practiceName: 'Quiet Harbour',
  practicePhone: '0117 496 0123',
  nextSession: 'In about a week',
  therapistName: 'Maren Holt',
});

function allText(template: AftercareTemplate): string {
  return [
    template.intro,
    ...template.whatToExpect,
    ...template.selfCare,
    ...template.seekHelp,
    template.seekHelpAdvice,
    template.contact,
    template.closing,
  ].join('\n');
}

describe('the default handout text', () => {
  it('is a valid template', () => {
    expect(AftercareTemplateSchema.safeParse(DEFAULT_AFTERCARE_TEMPLATE).success).toBe(true);
  });

  it('covers the aftercare advice of DOMAIN.md', () => {
    const selfCare = DEFAULT_AFTERCARE_TEMPLATE.selfCare.join(' ').toLowerCase();
    for (const advice of [
      'water',
      'rest',
      'strenuous exercise',
      'walking',
      'stretching',
      'alcohol',
      'caffeine',
    ]) {
      expect(selfCare).toContain(advice);
    }
    expect(selfCare).toMatch(/eat light/);
    expect(selfCare).toMatch(/big decisions/);
    const expectations = DEFAULT_AFTERCARE_TEMPLATE.whatToExpect.join(' ').toLowerCase();
    for (const effect of ['tired', 'sore', 'headache', 'sleep', 'emotions', '24–48 hours']) {
      expect(expectations).toContain(effect);
    }
  });

  it('names every red flag of DOMAIN.md and says to call emergency services, in words that fit any country', () => {
    const redFlags = DEFAULT_AFTERCARE_TEMPLATE.seekHelp.join(' ').toLowerCase();
    for (const flag of [
      'thunderclap',
      'fever',
      'stiff neck',
      'seizure',
      'vision',
      'numbness',
      'weakness',
      'confused',
      'lie down',
      'injury to the head',
    ]) {
      expect(redFlags).toContain(flag);
    }
    expect(DEFAULT_AFTERCARE_TEMPLATE.seekHelpAdvice).toMatch(/call emergency services/);
    expect(allText(DEFAULT_AFTERCARE_TEMPLATE)).not.toMatch(/\b(911|999|112|000|A&E|ER)\b/);
  });

  it('makes no efficacy claims', () => {
    expect(allText(DEFAULT_AFTERCARE_TEMPLATE)).not.toMatch(
      /\b(cure[sd]?|heal(s|ing)?|toxins?|detox\w*|guarantee\w*|proven|will (improve|help|fix))\b/i,
    );
  });

  it('uses only placeholders the app knows', () => {
    const used = allText(DEFAULT_AFTERCARE_TEMPLATE).match(/\{\{(\w+)\}\}/g) ?? [];
    expect(used.length).toBeGreaterThan(0);
    for (const placeholder of used) {
      expect(AFTERCARE_PLACEHOLDERS).toContain(placeholder.slice(2, -2));
    }
  });
});

describe('placeholderValues', () => {
  it('takes the first word as the first name unless one is given', () => {
    expect(values.clientFirstName).toBe('Zoë');
    expect(firstNameOf('  Анна   Кузнецова ')).toBe('Анна');
    expect(
      placeholderValues({ ...valuesSource(), clientName: 'Nguyễn Văn An', clientFirstName: 'An' })
        .clientFirstName,
    ).toBe('An');
  });

  it.each([
    ['en-GB', '12 March 2026'],
    ['en-US', 'March 12, 2026'],
    ['de-DE', '12. März 2026'],
    ['el-GR', '12 Μαρτίου 2026'],
  ])('writes the session date for %s as %s', (locale, expected) => {
    expect(formatSessionDate('2026-03-12', locale)).toBe(expected);
  });

  it('falls back to the ISO date for a locale Intl refuses', () => {
    expect(formatSessionDate('2026-03-12', 'not a locale!')).toBe('2026-03-12');
  });

  it('keeps formats apart by locale when asked again (they are kept between calls)', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatSessionDate('2026-03-12', 'en-GB')).toBe('12 March 2026');
      expect(formatSessionDate('2026-03-12', 'not a locale!')).toBe('2026-03-12');
      expect(formatSessionDate('2026-03-12', 'de-DE')).toBe('12. März 2026');
      expect(formatSessionDate('2026-04-01', 'en-GB')).toBe('1 April 2026');
    }
  });
});

function valuesSource() {
  return {
    clientName: 'Anna Kuznetsova',
    sessionDate: '2026-03-12',
    locale: 'en-GB',
    practiceName: 'Quiet Harbour',
    practicePhone: '0117 496 0123',
    nextSession: 'In about a week',
    therapistName: 'Maren Holt',
  };
}

describe('fillTemplate', () => {
  it('fills every placeholder of the default text', () => {
    const filled = fillTemplate(DEFAULT_AFTERCARE_TEMPLATE, values);
    const text = allText(filled);
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(filled.intro).toContain('Thank you for coming in today, Zoë.');
    expect(filled.contact).toContain('0117 496 0123');
    expect(filled.closing).toBe('With best wishes,\nMaren Holt');
  });

  it('accepts spaces inside the braces', () => {
    const template = {
      ...DEFAULT_AFTERCARE_TEMPLATE,
      intro: 'Hello {{ clientFirstName }}, on {{sessionDate }}.',
    };
    expect(fillTemplate(template, values).intro).toBe('Hello Zoë, on 12 March 2026.');
  });

  it('names an unknown placeholder and the line it is on', () => {
    const template = {
      ...DEFAULT_AFTERCARE_TEMPLATE,
      selfCare: ['Drink water.', 'Call {{foo}} if unsure.'],
    };
    expect(() => fillTemplate(template, values)).toThrow(
      "The handout text has an unknown placeholder {{foo}} in 'Self-care, line 2'",
    );
    try {
      fillTemplate(template, values);
    } catch (error) {
      expect(error).toBeInstanceOf(TemplatePlaceholderError);
      expect(error).toBeInstanceOf(UserFacingError);
      expect((error as UserFacingError).code).toBe('INVALID_REQUEST');
      expect((error as TemplatePlaceholderError).placeholder).toBe('foo');
    }
  });

  it('reports the first problem in reading order', () => {
    const template = {
      ...DEFAULT_AFTERCARE_TEMPLATE,
      whatToExpect: ['Fine', 'Some {{clientname}} here'],
      closing: '{{bye}}',
    };
    expect(() => fillTemplate(template, values)).toThrow("{{clientname}} in 'What you may notice, line 2'");
  });

  it('refuses a half-typed placeholder', () => {
    const template = { ...DEFAULT_AFTERCARE_TEMPLATE, contact: 'Call {{practicePhone' };
    expect(() => fillTemplate(template, values)).toThrow("unfinished placeholder in 'Contact line'");
  });

  it('inserts values literally: no second expansion, no $-patterns', () => {
    const template = { ...DEFAULT_AFTERCARE_TEMPLATE, intro: '{{therapistName}} / {{practiceName}}' };
    const tricky = { ...values, therapistName: '{{clientName}}', practiceName: "$& $1 $' $`" };
    expect(fillTemplate(template, tricky).intro).toBe("{{clientName}} / $& $1 $' $`");
  });

  it('leaves text without placeholders unchanged (property)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{') && !s.includes('}')),
        (line) => {
          const template = { ...DEFAULT_AFTERCARE_TEMPLATE, selfCare: [line], intro: line };
          const filled = fillTemplate(template, values);
          expect(filled.intro).toBe(line);
          expect(filled.selfCare).toEqual([line]);
        },
      ),
    );
  });

  it('replaces every known placeholder wherever it stands (property)', () => {
    const names = fc.constantFrom(...AFTERCARE_PLACEHOLDERS);
    const plain = fc.string({ maxLength: 12 }).filter((s) => !s.includes('{') && !s.includes('}'));
    fc.assert(
      fc.property(fc.array(fc.tuple(plain, names), { maxLength: 6 }), plain, (parts, tail) => {
        const line = parts.map(([text, name]) => `${text}{{${name}}}`).join('') + tail;
        const expected = parts.map(([text, name]) => text + values[name]).join('') + tail;
        const filled = fillTemplate({ ...DEFAULT_AFTERCARE_TEMPLATE, seekHelp: [line] }, values);
        expect(filled.seekHelp[0]).toBe(expected);
      }),
    );
  });
});

describe('buildSheetSections', () => {
  it('gives the sheet fields that come from the template, without blank lines', () => {
    const template = {
      ...DEFAULT_AFTERCARE_TEMPLATE,
      whatToExpect: ['  Some people feel tired.  ', '', '   '],
      selfCare: [],
    };
    const built = buildSheetSections(template, values);
    expect(built.sections.whatToExpect).toEqual(['Some people feel tired.']);
    expect(built.sections.selfCare).toEqual([]);
    expect(built.sections.seekHelp).toHaveLength(DEFAULT_AFTERCARE_TEMPLATE.seekHelp.length);
    expect(Object.keys(built).sort()).toEqual(['closing', 'contact', 'intro', 'sections', 'seekHelpAdvice']);
  });

  it('makes, with the session details, a sheet the schema accepts', () => {
    expect(AftercareSheetSchema.safeParse(typicalSheet()).success).toBe(true);
  });
});

describe('AftercareTemplateSchema', () => {
  it('points at the line with an unknown placeholder', () => {
    const result = AftercareTemplateSchema.safeParse({
      ...DEFAULT_AFTERCARE_TEMPLATE,
      selfCare: ['Drink water.', 'Call {{foo}}.'],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['selfCare', 1]);
    expect(result.error?.issues[0]?.message).toContain('Unknown placeholder {{foo}}');
  });

  it('keeps at least one "seek medical help" line', () => {
    const result = AftercareTemplateSchema.safeParse({ ...DEFAULT_AFTERCARE_TEMPLATE, seekHelp: ['  '] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['seekHelp']);
  });
});

describe('emptyPlaceholdersUsed', () => {
  it('warns when the text uses a value that is empty', () => {
    expect(emptyPlaceholdersUsed(DEFAULT_AFTERCARE_TEMPLATE, { ...values, practicePhone: '' })).toEqual([
      'practicePhone',
    ]);
    expect(emptyPlaceholdersUsed(DEFAULT_AFTERCARE_TEMPLATE, { ...values, nextSession: '' })).toEqual([]);
  });
});

describe('a placeholder with no value (the missing rule)', () => {
  const PRACTICE_FIELDS = ['practiceName', 'practicePhone', 'therapistName', 'nextSession'] as const;

  /** Every way of leaving the optional details empty: 2^4 combinations. */
  function everyCombination(): PlaceholderValues[] {
    return Array.from({ length: 1 << PRACTICE_FIELDS.length }, (_, mask) => {
      const out = { ...values };
      PRACTICE_FIELDS.forEach((field, i) => {
        if (mask & (1 << i)) out[field] = '';
      });
      return out;
    });
  }

  /** The holes a sentence shows when a value is missing. */
  function holes(text: string): string[] {
    const found: string[] = [];
    if (/ [.,;:!?]/u.test(text)) found.push('space before punctuation');
    if (/call\s*[.,]/iu.test(text)) found.push('"call ." with no number');
    if (/\(\s*\)|\[\s*\]|\{\s*\}/u.test(text)) found.push('empty brackets');
    if (/ {2}/u.test(text)) found.push('double space');
    if (/,\s*$/u.test(text) && !/wishes,$/u.test(text)) found.push('sentence ending in a comma');
    if (/\{\{|\}\}/u.test(text)) found.push('placeholder left in');
    return found;
  }

  /** A template with every placeholder in several sentence positions, on every line kind. */
  const everyPlaceholder = AFTERCARE_PLACEHOLDERS.map((name) => `{{${name}}}`);
  const stress: AftercareTemplate = {
    intro: `Hello {{clientFirstName}}. Your therapist is {{therapistName}}. Call {{practicePhone}} any time.`,
    whatToExpect: everyPlaceholder.map((p) => `About ${p}: it is fine.`),
    selfCare: everyPlaceholder.map((p) => `${p}`),
    seekHelp: ['A sudden headache', ...everyPlaceholder.map((p) => `Ring ${p} (day or night).`)],
    seekHelpAdvice: `Get help now. {{practiceName}} can advise on {{practicePhone}}.`,
    contact: `Questions? Call {{practicePhone}}. See you {{nextSession}}. {{therapistName}} at {{practiceName}}.`,
    closing: 'With best wishes,\n{{therapistName}}\n{{practiceName}}',
  };

  for (const [label, template] of [
    ['the default text', DEFAULT_AFTERCARE_TEMPLATE],
    ['a text using every placeholder everywhere', stress],
  ] as const) {
    it(`leaves no hole in ${label}, whatever is missing`, () => {
      for (const combination of everyCombination()) {
        const built = buildSheetSections(template, combination);
        const texts = [
          built.intro,
          ...built.sections.whatToExpect,
          ...built.sections.selfCare,
          ...built.sections.seekHelp,
          built.seekHelpAdvice,
          built.contact,
          ...built.closing.split('\n'),
        ];
        for (const text of texts) {
          expect({ text, holes: holes(text) }).toEqual({ text, holes: [] });
        }
        // What was given is still there: nothing else is dropped.
        for (const field of PRACTICE_FIELDS) {
          const value = combination[field];
          if (value && allText(template).includes(`{{${field}}}`)) {
            expect(texts.join('\n')).toContain(value);
          }
        }
      }
    });
  }

  it('drops only the sentence that needs the missing value', () => {
    const built = buildSheetSections(DEFAULT_AFTERCARE_TEMPLATE, { ...values, practicePhone: '' });
    expect(built.contact).toBe(
      'At your next visit, let me know how you felt in the days after this session.',
    );
    const unsigned = buildSheetSections(DEFAULT_AFTERCARE_TEMPLATE, { ...values, therapistName: '' });
    expect(unsigned.closing).toBe('With best wishes,');
  });

  it('fills the whole sentence when every value is there', () => {
    const built = buildSheetSections(DEFAULT_AFTERCARE_TEMPLATE, values);
    expect(built.contact).toBe(
      'If you have a question, or something after today worries you, call 0117 496 0123. ' +
        'At your next visit, let me know how you felt in the days after this session.',
    );
  });
});
