import type { Language, MessageKey } from '../../../src-shared/i18n';
import { currentLanguage, translate } from '../../app/i18n';

/**
 * The passphrase rules for a backup: at least 10 characters, typed twice, and not among the
 * easiest to guess. Strength is estimated with zxcvbn-ts (@zxcvbn-ts/core, maintained; the
 * original `zxcvbn` has had no release since 2017): it knows common passwords, English words and
 * names, keyboard patterns, dates, repeats and sequences. Its score 0-4 estimates guesses:
 * 0-1 (under a million) is refused; 2 is allowed with advice; 3-4 is strong. A backup file can be
 * attacked offline for as long as the attacker likes, so the weakest must not seal one.
 *
 * The dictionaries are about 1.5 MB, so they load (a separate chunk) when the card first needs
 * them, not with the app. Besides the common and English lists, the app language's own word list
 * is loaded (issue 19): a German therapist's "Schmetterling" is one common word, not 13 random
 * letters. Each language is its own chunk, loaded only when the app speaks it.
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
 * zxcvbn's feedback in the app's language (issue 19). zxcvbn-ts's language packages carry
 * translations too, but a translation chosen when the estimator is built would not follow a later
 * change of language, and the German and Dutch packages (3.0) predate some of core 4's keys.
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

type WordLists = Record<string, string[]>;

/**
 * "commonWords" -> "commonWords-de". The German and Dutch packages installed (3.0.2, a major
 * version behind core 4) name their lists without a language, where 4.x writes "commonWords-fr";
 * named here so that no list can stand in for another's. Their lists are plain word arrays,
 * which core 4 reads as they are (tests/unit/backup/passphrase-languages.test.ts).
 */
function withLanguageSuffix(lists: WordLists, suffix: string): WordLists {
  return Object.fromEntries(Object.entries(lists).map(([name, words]) => [`${name}-${suffix}`, words]));
}

/** Each language's word lists, a dynamic import each: only the app's language is ever fetched. */
const LANGUAGE_WORD_LISTS: Readonly<Record<Exclude<Language, 'en'>, () => Promise<WordLists>>> = {
  de: async () => withLanguageSuffix((await import('@zxcvbn-ts/language-de')).dictionary, 'de'),
  fr: async () => (await import('@zxcvbn-ts/language-fr')).dictionary,
  es: async () => (await import('@zxcvbn-ts/language-es-es')).dictionary,
  nl: async () => withLanguageSuffix((await import('@zxcvbn-ts/language-nl-be')).dictionary, 'nl-be'),
};

const loading = new Map<Language, Promise<StrengthEstimator>>();

/**
 * zxcvbn-ts with the common and English dictionaries and those of `language` (the app's, by
 * default), loaded once per language.
 */
export function loadStrengthEstimator(language: Language = currentLanguage()): Promise<StrengthEstimator> {
  const loaded = loading.get(language);
  if (loaded) return loaded;
  const estimator: Promise<StrengthEstimator> = (async () => {
    const [{ ZxcvbnFactory }, common, english, own] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      language === 'en' ? Promise.resolve({}) : LANGUAGE_WORD_LISTS[language](),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary, ...own },
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
  loading.set(language, estimator);
  // A failed load (a missing chunk) is tried again next time rather than remembered.
  estimator.catch(() => loading.delete(language));
  return estimator;
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
