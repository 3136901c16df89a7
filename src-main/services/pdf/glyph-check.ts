import type { MessageKey, MessageValues, Translate } from '../../../src-shared/i18n';
import { translatedError } from '../../i18n';
import { findUnsupportedCharactersIn, type HandoutFonts } from './fonts';

/**
 * The glyph check every PDF runs on what it is about to print: a text the bundled fonts cannot
 * draw is refused, naming the characters and where they are, rather than printed with empty
 * boxes where a client's name should be. Each document lists its texts once (a
 * `...PrintedTexts` function beside its renderer); the check before printing (a `check` channel)
 * and the refusal while rendering both read that one list.
 */

/** A text that ends up on paper, with the name of its field as the app shows it. */
export interface PrintedText {
  field: string;
  text: string;
}

/** The characters of `texts` the fonts cannot print, in order of first appearance; empty when all print. */
export function findUnprintableCharacters(texts: readonly PrintedText[], fonts: HandoutFonts): string[] {
  return findUnsupportedCharactersIn(
    texts.map((t) => t.text),
    fonts,
  );
}

/** At most this many characters are named in a refusal; the rest are counted. */
const MAX_LISTED_CHARACTERS = 16;

/** What a refusal names: the characters ("🙂, 中 and 3 more") and every field that holds one. */
export interface UnprintableText {
  characters: string;
  fields: readonly string[];
}

/**
 * Throws UserFacingError UNSUPPORTED when the fonts cannot print every text, with the message
 * `explain` words for this document (what to do differs: a handout's text can be changed, a
 * record can also be saved as JSON).
 */
export function refuseUnprintableText(
  texts: readonly PrintedText[],
  fonts: HandoutFonts,
  /** The refusal: a catalogue key, said in the app's language at the IPC boundary. */
  explain: (found: UnprintableText) => { key: MessageKey; values: MessageValues },
): void {
  const missing = findUnprintableCharacters(texts, fonts);
  if (missing.length === 0) return;
  const fields = [
    ...new Set(
      texts.filter((t) => findUnsupportedCharactersIn([t.text], fonts).length > 0).map((t) => t.field),
    ),
  ];
  const explained = explain({ characters: listSome(missing, MAX_LISTED_CHARACTERS), fields });
  throw translatedError('UNSUPPORTED', explained.key, explained.values);
}

/** "a, b, c" or, past `max` items, "a, b and 3 more" (in `say`'s language when given). */
export function listSome(items: readonly string[], max: number, say?: Translate): string {
  const list = items.slice(0, max).join(', ');
  if (items.length <= max) return list;
  return say
    ? say('errors.listMore', { list, count: items.length - max })
    : `${list} and ${items.length - max} more`;
}
