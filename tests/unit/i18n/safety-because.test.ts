import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../../src-shared/i18n';
import { type EvaluationContext, evaluateContraindications } from '../../../src-shared/safety';
import {
  condition,
  daysAgo,
  freeText,
  headInjury,
  history,
  medication,
  surgery,
  TODAY,
} from '../safety/builders';

const germanDate = (date: string) => date.split('-').reverse().join('.');

const histories = [
  history({ conditions: [condition('skull-fracture', { label: 'Skull fracture', onsetDate: daysAgo(14) })] }),
  history({ conditions: [condition('skull-fracture', { label: 'Skull fracture' })] }),
  history({
    conditions: [
      condition('concussion-brain-injury', {
        label: 'Concussion',
        status: 'past',
        onsetDate: daysAgo(20),
        resolvedDate: daysAgo(3),
        severity: 'severe',
        treated: false,
      }),
    ],
  }),
  history({ conditions: [freeText('Had a stroke in 2025', { onsetDate: daysAgo(1) })] }),
  history({ surgeries: [surgery({ date: daysAgo(0), description: 'shunt' })] }),
  history({ headInjuries: [headInjury({ date: daysAgo(5), description: 'fall' })] }),
  history({ medications: [medication({ name: 'Warfarin', dose: '5 mg' })] }),
  history({ pregnancy: { pregnant: true, dueDate: '2027-03-01', highRisk: true } }),
];

describe('why a finding applies, in a language', () => {
  it('reads the same in English with or without the catalogue', () => {
    const en = translatorFor('en');
    for (const h of histories) {
      for (const dateOfBirth of [null, daysAgo(20), '2025-08-01', '2024-01-10']) {
        const context: EvaluationContext = { today: TODAY, dateOfBirth };
        const plain = evaluateContraindications(h, context).map((f) => f.because);
        const translated = evaluateContraindications(h, { ...context, t: en }).map((f) => f.because);
        expect(translated).toEqual(plain);
      }
    }
  });

  it('says a skull fracture two weeks ago in German', () => {
    const findings = evaluateContraindications(histories[0]!, {
      today: TODAY,
      formatDate: germanDate,
      t: translatorFor('de'),
    });
    expect(findings.map((f) => f.because)).toContain('Skull fracture am 12.11.2026 (vor 14 Tagen)');
  });

  it('says an undated fracture, a resolved concussion and an infant in German', () => {
    const t = translatorFor('de');
    const because = (h: (typeof histories)[number], dateOfBirth: string | null = null) =>
      evaluateContraindications(h, { today: TODAY, dateOfBirth, formatDate: germanDate, t }).map(
        (f) => f.because,
      );
    expect(because(histories[1]!)).toContain(
      'Skull fracture (Datum nicht erfasst: Tragen Sie es ein, um das Zeitfenster von 6 Wochen zu prüfen)',
    );
    expect(because(histories[2]!).join('\n')).toContain('abgeklungen am 23.11.2026, schwer');
    expect(because(histories[6]!)).toContain('Warfarin 5 mg, ein bekannter Blutverdünner');
    expect(because(history(), '2025-08-01').join('\n')).toContain(
      'Geboren am 01.08.2025, 1 Jahr und 3 Monate alt',
    );
  });
});
