import { describe, expect, it } from 'vitest';
import { draftsToSignText, visitSummaryText } from '../../../src-renderer/features/attention/attention-text';
import { translatorFor } from '../../../src-shared/i18n';

describe('the visit summary in the app language', () => {
  it('reads the same in English through the catalogue', () => {
    const en = translatorFor('en');
    for (const count of [1, 3]) expect(draftsToSignText(count, en)).toBe(draftsToSignText(count));
    for (const [last, drafts] of [
      [null, 0],
      [null, 2],
      ['2026-11-02', 1],
    ] as const) {
      expect(visitSummaryText(last, drafts, (d) => d, en)).toBe(visitSummaryText(last, drafts, (d) => d));
    }
  });

  it('speaks German', () => {
    const de = translatorFor('de');
    expect(draftsToSignText(1, de)).toBe('1 Entwurf zu unterschreiben');
    expect(draftsToSignText(3, de)).toBe('3 Entwürfe zu unterschreiben');
    expect(visitSummaryText('2026-11-02', 0, () => '02.11.2026', de)).toBe('Letzter Besuch am 02.11.2026');
    expect(visitSummaryText(null, 1, (d) => d, de)).toBe('Noch keine unterschriebenen Sitzungen');
  });
});
