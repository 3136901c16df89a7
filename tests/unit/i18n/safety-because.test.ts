import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../src-shared/domain/health-history';
import { translatorFor } from '../../../src-shared/i18n';
import { conditionName } from '../../../src-shared/i18n/safety-names';
import { type EvaluationContext, evaluateContraindications } from '../../../src-shared/safety';
import type { CustomRule } from '../../../src-shared/safety/custom-rules';
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
// What the screens pass (useSafetyFindings): the app's `t`, and the list's names through it.
const de = translatorFor('de');
const german = { t: de, conditionName: (item: Condition) => conditionName(de, item) };

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
      ...german,
    });
    // Picked from the list (stored "Skull fracture"), so named in German by its id.
    expect(findings.map((f) => f.because)).toContain('Schädelbruch am 12.11.2026 (vor 14 Tagen)');
  });

  it('says an undated fracture, a resolved concussion and an infant in German', () => {
    const because = (h: (typeof histories)[number], dateOfBirth: string | null = null) =>
      evaluateContraindications(h, { today: TODAY, dateOfBirth, formatDate: germanDate, ...german }).map(
        (f) => f.because,
      );
    expect(because(histories[1]!)).toContain(
      'Schädelbruch (Datum nicht erfasst: Tragen Sie es ein, um das Zeitfenster von 6 Wochen zu prüfen)',
    );
    expect(because(histories[2]!).join('\n')).toContain('abgeklungen am 23.11.2026, schwer');
    expect(because(histories[6]!)).toContain('Warfarin 5 mg, ein bekannter Blutverdünner');
    expect(because(history(), '2025-08-01').join('\n')).toContain(
      'Geboren am 01.08.2025, 1 Jahr und 3 Monate alt',
    );
  });

  it('names a condition picked from the list in the reader’s language, a typed or edited one as typed', () => {
    const because = (label: string) =>
      evaluateContraindications(
        history({ conditions: [condition('skull-fracture', { label, onsetDate: daysAgo(14) })] }),
        { today: TODAY, formatDate: germanDate, ...german },
      ).map((f) => f.because);
    // Stored by a French app: still the list's condition, so German here.
    expect(because('Fracture du crâne')).toContain('Schädelbruch am 12.11.2026 (vor 14 Tagen)');
    // Without the names (a worker that has no catalogues), the stored name.
    expect(
      evaluateContraindications(
        history({
          conditions: [condition('skull-fracture', { label: 'Fracture du crâne', onsetDate: daysAgo(14) })],
        }),
        { today: TODAY, formatDate: germanDate, t: de },
      ).map((f) => f.because),
    ).toContain('Fracture du crâne am 12.11.2026 (vor 14 Tagen)');
    // Changed after picking: the therapist's words.
    expect(because('Skull fracture, left parietal')).toContain(
      'Skull fracture, left parietal am 12.11.2026 (vor 14 Tagen)',
    );
  });

  it('titles an untitled practice rule in the reader’s language; what the practice typed stays as typed', () => {
    const practiceRule: CustomRule = {
      id: 'practice-1',
      title: '',
      keyword: '',
      catalogId: null,
      severity: 'CAUTION',
      message: 'Ask about flare-ups and keep sessions short.',
      includePast: false,
    };
    const titles = (rule: CustomRule) =>
      evaluateContraindications(
        history({ conditions: [condition('epilepsy', { label: 'Epilepsy' }), freeText('Lupus')] }),
        { today: TODAY, ...german, settings: { windowOverrides: {}, customRules: [rule] } },
      )
        .filter((f) => f.custom)
        .map((f) => f.title);
    expect(titles({ ...practiceRule, catalogId: 'epilepsy' })).toEqual(['Praxisregel: Epilepsie']);
    expect(titles({ ...practiceRule, keyword: 'lupus' })).toEqual(['Praxisregel: lupus']);
    expect(titles({ ...practiceRule, keyword: 'lupus', title: 'Lupus flare' })).toEqual(['Lupus flare']);
    // Its source line ("Quelle: Praxisregel") too.
    const sources = evaluateContraindications(history({ conditions: [freeText('Lupus')] }), {
      today: TODAY,
      ...german,
      settings: { windowOverrides: {}, customRules: [{ ...practiceRule, keyword: 'lupus' }] },
    }).map((f) => f.source);
    expect(sources).toEqual(['Praxisregel']);
    // Without a translator (what a signed note stores and exports): English, as before.
    const english = evaluateContraindications(
      history({ conditions: [condition('epilepsy', { label: 'Epilepsie' })] }),
      {
        today: TODAY,
        settings: { windowOverrides: {}, customRules: [{ ...practiceRule, catalogId: 'epilepsy' }] },
      },
    ).filter((f) => f.custom);
    expect(english.map((f) => [f.title, f.because, f.source])).toEqual([
      ['Practice rule: Epilepsy', 'Epilepsie', 'Practice rule'],
    ]);
  });
});
