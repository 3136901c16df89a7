import { translate } from '../../app/i18n';

/**
 * The passphrase rules for a backup: at least 10 characters, typed twice, and not among the
 * easiest to guess. Strength is estimated with zxcvbn-ts (@zxcvbn-ts/core, maintained; the
 * original `zxcvbn` has had no release since 2017): it knows common passwords, English words and
 * names, keyboard patterns, dates, repeats and sequences. Its score 0-4 estimates guesses:
 * 0-1 (under a million) is refused; 2 is allowed with advice; 3-4 is strong. A backup file can be
 * attacked offline for as long as the attacker likes, so the weakest must not seal one.
 *
 * The dictionaries are about 1.5 MB, so they load (a separate chunk) when the card first needs
 * them, not with the app.
 */
export const MIN_PASSPHRASE_LENGTH = 10;

export type Strength = 'too-short' | 'checking' | 'weak' | 'fair' | 'strong';

export interface StrengthHint {
  strength: Strength;
  /** zxcvbn's score 0-4, or null before it is known. */
  score: number | null;
  /** "Strength: fair" */
  label: string;
  advice: string;
}

export interface StrengthEstimate {
  score: 0 | 1 | 2 | 3 | 4;
  /** zxcvbn's warning in English ("This is a top-10 common password."), or ''. */
  warning: string;
  suggestions: string[];
}

export interface StrengthEstimator {
  estimate(passphrase: string): StrengthEstimate;
}

/** Words that say nothing when they are in a backup passphrase of this app. */
const APP_WORDS = ['stillpoint', 'still point', 'backup', 'craniosacral', 'passphrase'];

let loading: Promise<StrengthEstimator> | undefined;

/** zxcvbn-ts with the common and English dictionaries, loaded once. */
export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
    });
    return {
      estimate: (passphrase) => {
        const result = zxcvbn.check(passphrase, APP_WORDS);
        return {
          score: result.score,
          warning: result.feedback.warning ?? '',
          suggestions: result.feedback.suggestions,
        };
      },
    };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

export function passphraseStrength(passphrase: string, estimator: StrengthEstimator | null): StrengthHint {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    return {
      strength: 'too-short',
      score: null,
      label: translate('backup.passphrase.tooShort'),
      advice: translate('backup.passphrase.tooShortAdvice', { count: MIN_PASSPHRASE_LENGTH }),
    };
  }
  if (!estimator) {
    return {
      strength: 'checking',
      score: null,
      label: translate('backup.passphrase.checking'),
      advice: translate('backup.passphrase.wordsAdvice'),
    };
  }
  const { score, warning, suggestions } = estimator.estimate(passphrase);
  if (score <= 1) {
    // zxcvbn's own feedback is English only.
    const why = warning || suggestions[0] || translate('backup.passphrase.weakWhy');
    return {
      strength: 'weak',
      score,
      label: translate('backup.passphrase.weak'),
      advice: translate('backup.passphrase.weakAdvice', { why }),
    };
  }
  if (score === 2) {
    return {
      strength: 'fair',
      score,
      label: translate('backup.passphrase.fair'),
      advice: warning
        ? translate('backup.passphrase.fairAdviceWarning', { warning })
        : translate('backup.passphrase.fairAdvice'),
    };
  }
  return {
    strength: 'strong',
    score,
    label: translate('backup.passphrase.strong'),
    advice: translate('backup.passphrase.strongAdvice'),
  };
}

/**
 * The message beside the fields, or null when the two entries are usable. The weakest
 * passphrases (score 0-1) are refused; `hint` is `passphraseStrength` of the same passphrase.
 */
export function passphraseProblem(passphrase: string, repeated: string, hint: StrengthHint): string | null {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
    return translate('backup.passphrase.needsLength', { count: MIN_PASSPHRASE_LENGTH });
  if (hint.strength === 'weak') return translate('backup.passphrase.tooEasy', { advice: hint.advice });
  if (passphrase !== repeated) return translate('backup.passphrase.notSame');
  return null;
}
