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

const WORDS_ADVICE = 'Four or more unrelated words are strong and easy to remember.';

export function passphraseStrength(passphrase: string, estimator: StrengthEstimator | null): StrengthHint {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    return {
      strength: 'too-short',
      score: null,
      label: 'Too short',
      advice: `Use at least ${MIN_PASSPHRASE_LENGTH} characters. ${WORDS_ADVICE}`,
    };
  }
  if (!estimator) {
    return { strength: 'checking', score: null, label: 'Checking strength…', advice: WORDS_ADVICE };
  }
  const { score, warning, suggestions } = estimator.estimate(passphrase);
  if (score <= 1) {
    const why = warning || suggestions[0] || 'It is among the first million guesses an attacker would try.';
    return {
      strength: 'weak',
      score,
      label: 'Strength: too easy to guess',
      advice: `${why} ${WORDS_ADVICE}`,
    };
  }
  if (score === 2) {
    return {
      strength: 'fair',
      score,
      label: 'Strength: fair',
      advice: `${warning ? `${warning} ` : ''}Another word or two would make it strong.`,
    };
  }
  return {
    strength: 'strong',
    score,
    label: 'Strength: strong',
    advice: 'Keep it somewhere safe: it cannot be recovered.',
  };
}

/**
 * The message beside the fields, or null when the two entries are usable. The weakest
 * passphrases (score 0-1) are refused; `hint` is `passphraseStrength` of the same passphrase.
 */
export function passphraseProblem(passphrase: string, repeated: string, hint: StrengthHint): string | null {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
    return `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (hint.strength === 'weak')
    return `This passphrase is too easy to guess, and a backup can be attacked for as long as someone likes. ${hint.advice}`;
  if (passphrase !== repeated) return 'The two passphrases are not the same.';
  return null;
}
