/**
 * The passphrase rules for a backup: at least 10 characters, typed twice, with a plain-words
 * hint about its strength. The estimate is deliberately rough (length and variety, repeats and
 * sequences discounted); it nudges toward several unrelated words, it does not promise anything.
 */
export const MIN_PASSPHRASE_LENGTH = 10;

export type Strength = 'too-short' | 'weak' | 'fair' | 'strong';

export interface StrengthHint {
  strength: Strength;
  /** "Strength: fair" */
  label: string;
  advice: string;
}

function charsetSize(text: string): number {
  let size = 0;
  if (/[a-z]/.test(text)) size += 26;
  if (/[A-Z]/.test(text)) size += 26;
  if (/[0-9]/.test(text)) size += 10;
  if (/[^a-zA-Z0-9\s]/.test(text)) size += 33;
  if (/\s/.test(text)) size += 1;
  return Math.max(size, 10);
}

/** Characters that add little: the same as, or one step from, the one before ("aaa", "abc", "123"). */
function predictableCount(text: string): number {
  const chars = [...text];
  let count = 0;
  for (let i = 1; i < chars.length; i++) {
    const step = chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!;
    if (step >= -1 && step <= 1) count++;
  }
  return count;
}

/** A rough estimate in bits. */
export function passphraseBits(passphrase: string): number {
  const length = [...passphrase].length;
  const effective = Math.max(0, length - predictableCount(passphrase) * 0.75);
  const words = passphrase
    .trim()
    .split(/[\s\-_.,]+/)
    .filter((word) => word.length >= 3).length;
  // Several words: count them like words from a large list (about 11 bits each) if that is more.
  const perChar = effective * Math.log2(charsetSize(passphrase)) * 0.6;
  return Math.max(perChar, words >= 3 ? words * 11 : 0);
}

export function passphraseStrength(passphrase: string): StrengthHint {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    return {
      strength: 'too-short',
      label: 'Too short',
      advice: `Use at least ${MIN_PASSPHRASE_LENGTH} characters; four or more unrelated words are strong and easy to remember.`,
    };
  }
  const bits = passphraseBits(passphrase);
  if (bits < 40) {
    return {
      strength: 'weak',
      label: 'Strength: weak',
      advice: 'Easy to guess. Add more unrelated words.',
    };
  }
  if (bits < 60) {
    return { strength: 'fair', label: 'Strength: fair', advice: 'Another word or two would make it strong.' };
  }
  return {
    strength: 'strong',
    label: 'Strength: strong',
    advice: 'Keep it somewhere safe: it cannot be recovered.',
  };
}

/** The message beside the fields, or null when the two entries are usable. */
export function passphraseProblem(passphrase: string, repeated: string): string | null {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
    return `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (passphrase !== repeated) return 'The two passphrases are not the same.';
  return null;
}
