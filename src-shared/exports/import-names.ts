import type { Translate } from '../i18n';
import { ENGLISH } from './import-words';

/**
 * Names from a file's single "Name" column. "Kowalska, Marta" and "Marta Kowalska" are clear.
 * Names in capitals are not: practice software often writes the family name first in capitals
 * ("BECKER Tom", French and German style), and "BECKER TOM" could be either order. Such names
 * are read by a rule the therapist can see and change, and every one is flagged for review:
 * nothing is silently guessed.
 */

/** How a name written wholly in capitals is read: "BECKER TOM" -> last name BECKER (default). */
export type CapitalNameOrder = 'last-first' | 'first-last';

export interface SplitName {
  firstName: string;
  lastName: string;
  /** Why the therapist should check this split, or null when the name is unambiguous. */
  check: string | null;
  /** The whole name is in capitals (counted so the preview can offer the order choice). */
  allCapitals: boolean;
}

/** Two or more letters and none of them lower case: "BECKER", "O'BRIEN", "SMITH-JONES". */
export function isInCapitals(word: string): boolean {
  const letters = word.match(/\p{L}/gu);
  return (
    letters !== null && letters.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase()
  );
}

/**
 * "Kowalska, Marta" -> Marta / Kowalska; "Marta Anna Kowalska" -> "Marta Anna" / "Kowalska";
 * "BECKER Tom" -> Tom / BECKER (checked); "BECKER TOM" -> by `capitalOrder` (checked). A single
 * word is a last name with no first name (the row is then reported).
 */
export function splitFullName(
  fullName: string,
  capitalOrder: CapitalNameOrder = 'last-first',
  t: Translate = ENGLISH,
): SplitName {
  const text = fullName.trim().replace(/\s+/g, ' ');
  const comma = text.indexOf(',');
  if (comma !== -1) {
    return {
      lastName: text.slice(0, comma).trim(),
      firstName: text.slice(comma + 1).trim(),
      check: null,
      allCapitals: false,
    };
  }
  const words = text.split(' ');
  if (words.length < 2) return { firstName: '', lastName: text, check: null, allCapitals: false };
  const capitals = words.map(isInCapitals);
  if (capitals.every(Boolean)) {
    const [firstName, lastName] =
      capitalOrder === 'last-first'
        ? [words.slice(1).join(' '), words[0] ?? '']
        : [words.slice(0, -1).join(' '), words.at(-1) ?? ''];
    return {
      firstName,
      lastName,
      check: t('exports.import.problems.capitalsUnclear', { text, firstName, lastName }),
      allCapitals: true,
    };
  }
  if (capitals[0] && !capitals.slice(1).some(Boolean)) {
    const firstName = words.slice(1).join(' ');
    const lastName = words[0] ?? '';
    return {
      firstName,
      lastName,
      check: t('exports.import.problems.capitalWordIsLast', { text, firstName, lastName }),
      allCapitals: false,
    };
  }
  return {
    firstName: words.slice(0, -1).join(' '),
    lastName: words.at(-1) ?? '',
    check: null,
    allCapitals: false,
  };
}
