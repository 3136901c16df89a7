/**
 * Accent- and case-insensitive name search, done in plain TypeScript so the same rules hold in
 * the renderer (live search box), in a Dexie index and in tests.
 *
 * How the client list searches (the repository does this, see `searchTokensFor`):
 * - Every client record carries `searchText` (from `clientSearchText`): its folded names, one
 *   space between words, e.g. "zoe odegard".
 * - When writing a client the repository also stores `searchTokens: searchTokensFor(client)` and
 *   declares the table with a multiEntry index `*searchTokens`. That index answers prefix
 *   queries fast: `where('searchTokens').startsWith(firstQueryToken)` (the token already folded
 *   with `foldForSearch`), then `.filter((c) => matchesSearch(c.searchText, query))` for the other
 *   tokens. `searchTokens` is an index-only field: `ClientSchema` does not declare it, so parsing a
 *   record (for example during a restore) drops it and the repository computes it again.
 * - A substring hit in the middle of a name ("deg" in "Ødegård") cannot use the index; a
 *   practice has at most a few thousand clients, so the list falls back to scanning `searchText`
 *   with `matchesSearch` (a plain string scan per record).
 */

/** Letters that NFD does not split into a base letter plus a combining mark. */
const EXTRA_FOLDS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ð: 'd',
  ħ: 'h',
  ŧ: 't',
};
const EXTRA_FOLD_PATTERN = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'gu');
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Lower case without accents: "Zoë Ødegård" -> "zoe odegard", "Łukasz Straße" -> "lukasz strasse".
 * Folding twice gives the same text as folding once.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(EXTRA_FOLD_PATTERN, (letter) => EXTRA_FOLDS[letter] ?? letter);
}

// Apostrophes join ("O'Brien" -> "obrien"); every other non-letter, non-digit separates words.
const APOSTROPHES = /['’`ʼ]/gu;
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

/** The folded words of a text: "Mary-Jane O'Brien" -> ["mary", "jane", "obrien"]. */
export function searchWords(text: string): string[] {
  return foldForSearch(text)
    .replace(APOSTROPHES, '')
    .split(WORD_SEPARATORS)
    .filter((word) => word.length > 0);
}

/** The parts of a client record that name search looks at. */
export interface SearchableName {
  firstName: string;
  lastName: string;
  preferredName?: string | null;
}

/** The folded names of a client, words separated by single spaces: stored as `searchText`. */
export function clientSearchText(client: SearchableName): string {
  return searchWords(`${client.firstName} ${client.lastName} ${client.preferredName ?? ''}`).join(' ');
}

/**
 * Distinct folded words of the client's names, for a Dexie multiEntry index (`*searchTokens`).
 * Prefix search on the index: `where('searchTokens').startsWith(foldedToken)`.
 */
export function searchTokensFor(client: SearchableName): string[] {
  return [
    ...new Set(
      clientSearchText(client)
        .split(' ')
        .filter((word) => word.length > 0),
    ),
  ];
}

/**
 * True when every word of the query is found in the client's names: as the start of a word
 * ("od" finds "Ødegård") or anywhere inside a name ("deg" finds it too). Case, accents and
 * apostrophes are ignored; an empty query matches everyone.
 *
 * `searchText` must come from `clientSearchText` (already folded); only the query is folded here,
 * so the list can filter thousands of records per keystroke.
 */
export function matchesSearch(searchText: string, query: string): boolean {
  const tokens = searchWords(query);
  const words = searchText.split(' ');
  // A token never contains a space, so a substring hit always lies inside one name: the prefix
  // test is the common, cheap case and the substring test the fallback.
  return tokens.every((token) => words.some((word) => word.startsWith(token)) || searchText.includes(token));
}
