import { describe, expect, it } from 'vitest';
import { loadStrengthEstimator, passphraseStrength } from '../../../src-renderer/features/backup/passphrase';

// Issue 19: the backup passphrase meter knows common words of the app's language, not only
// English ones. Each word here is one ordinary word of its language, long enough (10+ letters) to
// pass the length rule, that zxcvbn with only the English lists scores as strong or fair.
describe('the passphrase meter in the app language', () => {
  it('scores a common German word low once the German word list is loaded', async () => {
    const english = await loadStrengthEstimator('en');
    const german = await loadStrengthEstimator('de');
    for (const word of ['Schmetterling', 'Krankenschwester', 'Eichhörnchen']) {
      expect(english.estimate(word).score, word).toBeGreaterThanOrEqual(3);
      expect(german.estimate(word).score, word).toBeLessThanOrEqual(1);
      expect(passphraseStrength(word, german).strength).toBe('weak');
    }
    // English words are still known with German loaded, and a long passphrase is still strong.
    expect(german.estimate('butterflies').score).toBeLessThanOrEqual(1);
    expect(german.estimate('Grüne Hummel zählt 7 leise Wolken').score).toBe(4);
  });

  it('does the same with the French, Spanish and Dutch lists (4.1 and 3.0 packages alike)', async () => {
    const english = await loadStrengthEstimator('en');
    const cases = [
      ['fr', 'papillonbleu'],
      ['es', 'bienvenidos'],
      ['nl', 'vlinderbloem'],
    ] as const;
    for (const [language, word] of cases) {
      expect(english.estimate(word).score, word).toBeGreaterThanOrEqual(3);
      expect((await loadStrengthEstimator(language)).estimate(word).score, word).toBeLessThanOrEqual(1);
    }
  });

  it('loads each language once', async () => {
    expect(loadStrengthEstimator('de')).toBe(loadStrengthEstimator('de'));
    expect(loadStrengthEstimator('de')).not.toBe(loadStrengthEstimator('fr'));
  });
});
