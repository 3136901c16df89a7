import type { MessageKey } from '../../../src-shared/i18n';
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
  /** zxcvbn's warning in the app's language ("This is a frequently used password."), or ''. */
  warning: string;
  /** zxcvbn's suggestions, in the app's language. */
  suggestions: string[];
}

export interface StrengthEstimator {
  estimate(passphrase: string): StrengthEstimate;
}

/** Words that say nothing when they are in a backup passphrase of this app. */
const APP_WORDS = ['stillpoint', 'still point', 'backup', 'craniosacral', 'passphrase'];

/**
 * zxcvbn's feedback in the app's language (issue 19). zxcvbn-ts ships its words per language as
 * packages (@zxcvbn-ts/language-de, -fr, -es-es, -nl-be); only the English one is installed, and
 * a translation chosen when the estimator is built would not follow a later change of language.
 * So zxcvbn is given its own key names as its "translations" (it answers "topHundred", not a
 * sentence), and each key is looked up in our catalogue (`backup.zxcvbn`) when the hint is shown:
 * the same sober wording in five languages, reviewed with the rest. A key a newer zxcvbn adds,
 * which the catalogue does not have, falls back to zxcvbn's English.
 */
type ZxcvbnTranslations = typeof import('@zxcvbn-ts/language-en')['translations'];

const WARNING_KEYS: Readonly<Record<keyof ZxcvbnTranslations['warnings'], MessageKey>> = {
  straightRow: 'backup.zxcvbn.warnings.straightRow',
  keyPattern: 'backup.zxcvbn.warnings.keyPattern',
  simpleRepeat: 'backup.zxcvbn.warnings.simpleRepeat',
  extendedRepeat: 'backup.zxcvbn.warnings.extendedRepeat',
  sequences: 'backup.zxcvbn.warnings.sequences',
  recentYears: 'backup.zxcvbn.warnings.recentYears',
  dates: 'backup.zxcvbn.warnings.dates',
  topTen: 'backup.zxcvbn.warnings.topTen',
  topHundred: 'backup.zxcvbn.warnings.topHundred',
  common: 'backup.zxcvbn.warnings.common',
  similarToCommon: 'backup.zxcvbn.warnings.similarToCommon',
  wordByItself: 'backup.zxcvbn.warnings.wordByItself',
  namesByThemselves: 'backup.zxcvbn.warnings.namesByThemselves',
  commonNames: 'backup.zxcvbn.warnings.commonNames',
  userInputs: 'backup.zxcvbn.warnings.userInputs',
  pwned: 'backup.zxcvbn.warnings.pwned',
};

const SUGGESTION_KEYS: Readonly<Record<keyof ZxcvbnTranslations['suggestions'], MessageKey>> = {
  l33t: 'backup.zxcvbn.suggestions.l33t',
  reverseWords: 'backup.zxcvbn.suggestions.reverseWords',
  allUppercase: 'backup.zxcvbn.suggestions.allUppercase',
  capitalization: 'backup.zxcvbn.suggestions.capitalization',
  dates: 'backup.zxcvbn.suggestions.dates',
  recentYears: 'backup.zxcvbn.suggestions.recentYears',
  associatedYears: 'backup.zxcvbn.suggestions.associatedYears',
  sequences: 'backup.zxcvbn.suggestions.sequences',
  repeated: 'backup.zxcvbn.suggestions.repeated',
  longerKeyboardPattern: 'backup.zxcvbn.suggestions.longerKeyboardPattern',
  anotherWord: 'backup.zxcvbn.suggestions.anotherWord',
  useWords: 'backup.zxcvbn.suggestions.useWords',
  noNeed: 'backup.zxcvbn.suggestions.noNeed',
  pwned: 'backup.zxcvbn.suggestions.pwned',
};

/** zxcvbn's translations with every warning and suggestion as its own key name. */
function keyNamesAsTranslations(english: ZxcvbnTranslations): ZxcvbnTranslations {
  const names = <T extends object>(group: T) =>
    Object.fromEntries(Object.keys(group).map((key) => [key, key])) as T;
  return { ...english, warnings: names(english.warnings), suggestions: names(english.suggestions) };
}

/** One of zxcvbn's answers (a key name, see above) in the app's language. */
function feedbackText(
  answer: string,
  keys: Readonly<Record<string, MessageKey>>,
  english: Readonly<Record<string, string>>,
): string {
  const key = Object.hasOwn(keys, answer) ? keys[answer] : undefined;
  return key ? translate(key) : (english[answer] ?? answer);
}

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
      translations: keyNamesAsTranslations(english.translations),
    });
    const { warnings, suggestions } = english.translations;
    return {
      estimate: (passphrase) => {
        const result = zxcvbn.check(passphrase, APP_WORDS);
        const warning = result.feedback.warning;
        return {
          score: result.score,
          warning: warning ? feedbackText(warning, WARNING_KEYS, warnings) : '',
          suggestions: result.feedback.suggestions.map((answer) =>
            feedbackText(answer, SUGGESTION_KEYS, suggestions),
          ),
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
