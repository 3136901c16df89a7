import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkitModule from 'fontkit';
import { translatedError } from '../../i18n';

/**
 * The handout's typefaces: Noto Sans (SIL OFL 1.1), bundled in resources/fonts. PDFs embed a
 * subset of these and never fall back to the 14 standard PDF fonts, which cover Latin-1 only and
 * would print "Łukasiewicz" or "Παπαδοπούλου" as empty boxes.
 */
export const HANDOUT_FONT_FILES = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italic: 'NotoSans-Italic.ttf',
} as const;
export type HandoutFontFace = keyof typeof HANDOUT_FONT_FILES;

/** The part of a fontkit font this module uses. pdfkit accepts the object itself as a font source. */
export interface FontkitFont {
  readonly postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): unknown;
}
interface Fontkit {
  create(buffer: Uint8Array): FontkitFont | { fonts: FontkitFont[] };
}

export type HandoutFonts = Readonly<Record<HandoutFontFace, FontkitFont>>;

/**
 * fontkit is pdfkit's own font engine (a direct dependency at the version pdfkit asks for, so
 * npm installs one copy): parsed fonts are handed to pdfkit as they are.
 */
function loadFontkit(): Fontkit {
  return fontkitModule as unknown as Fontkit;
}

const cache = new Map<string, HandoutFonts>();
/** The file each loaded font was parsed from (for TtfSubsetWriter, which parses its own copy). */
const fileBytes = new WeakMap<FontkitFont, Uint8Array>();

/** The bytes of the .ttf a font from loadHandoutFonts was parsed from. */
export function fontFileBytes(font: FontkitFont): Uint8Array | undefined {
  return fileBytes.get(font);
}

/**
 * Reads and parses the bundled fonts once per folder. Parsed fonts are shared by every render:
 * each PDF still gets its own subset, and fontkit's glyph caches stay warm between handouts.
 */
export function loadHandoutFonts(fontsDir: string): HandoutFonts {
  const dir = path.resolve(fontsDir);
  const cached = cache.get(dir);
  if (cached) return cached;
  const engine = loadFontkit();
  const fonts = {} as Record<HandoutFontFace, FontkitFont>;
  for (const face of Object.keys(HANDOUT_FONT_FILES) as HandoutFontFace[]) {
    const file = path.join(dir, HANDOUT_FONT_FILES[face]);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw translatedError('FILE_READ_FAILED', 'errors.fontMissing', { font: HANDOUT_FONT_FILES[face] });
    }
    const font = engine.create(bytes);
    if ('fonts' in font) {
      throw translatedError('INTERNAL', 'errors.files.fontDamaged', { font: HANDOUT_FONT_FILES[face] });
    }
    fonts[face] = font;
    fileBytes.set(font, bytes);
  }
  const loaded = Object.freeze(fonts);
  cache.set(dir, loaded);
  return loaded;
}

/** Forget loaded fonts (tests and benchmarks that want a cold start). */
export function clearHandoutFontCache(): void {
  cache.clear();
}

// Characters that are never drawn, so need no glyph: line breaks, tabs and other control codes,
// invisible format marks (zero-width joiners, direction marks, byte-order marks) and variation
// selectors (U+FE0F turns a heart into a red emoji heart). Whitespace is handled apart.
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
function isInvisible(char: string): boolean {
  const codePoint = char.codePointAt(0)!;
  return (
    CONTROL_OR_FORMAT.test(char) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}
const WHITESPACE = /\s/u;

/** Per set of fonts, whether all three faces draw a code point (three cmap look-ups each time otherwise). */
const coverage = new WeakMap<HandoutFonts, Map<number, boolean>>();
const MAX_COVERAGE_ENTRIES = 8192;

function coveredByAll(fonts: HandoutFonts, codePoint: number): boolean {
  let known = coverage.get(fonts);
  if (!known) {
    known = new Map();
    coverage.set(fonts, known);
  }
  let covered = known.get(codePoint);
  if (covered === undefined) {
    covered =
      fonts.regular.hasGlyphForCodePoint(codePoint) &&
      fonts.bold.hasGlyphForCodePoint(codePoint) &&
      fonts.italic.hasGlyphForCodePoint(codePoint);
    if (known.size >= MAX_COVERAGE_ENTRIES) known.clear();
    known.set(codePoint, covered);
  }
  return covered;
}

/**
 * Distinct characters, in order of first appearance, that the bundled fonts cannot draw (text is
 * compared in NFC, the composed form the PDF prints). A character counts as covered only if every
 * face has it, since any field may be printed in bold or italic; the three Noto Sans faces cover
 * the same 2,841 characters (Latin, Greek, Cyrillic), so in practice this is "no font covers it".
 * Whitespace and invisible characters are ignored.
 */
export function findUnsupportedCharactersIn(texts: readonly string[], fonts: HandoutFonts): string[] {
  const missing = new Set<string>();
  for (const text of texts) {
    for (const char of text.normalize('NFC')) {
      if (missing.has(char) || WHITESPACE.test(char) || isInvisible(char)) continue;
      if (!coveredByAll(fonts, char.codePointAt(0)!)) missing.add(char);
    }
  }
  return [...missing];
}

/**
 * A character printableText changes or drops: a space other than ' ' (a tab, a no-break or
 * ideographic space), a control character other than '\n', a format mark (a soft hyphen too, which
 * is kept, but by the loop) or a variation selector. Anything else is printed as it is.
 */
const NEEDS_CHANGE = /[^\S \n]|(?!\n)\p{Cc}|\p{Cf}|\p{Variation_Selector}/u;

/**
 * Text as the PDF draws it: composed (NFC), Windows line ends and tabs made plain, invisible
 * marks dropped (a soft hyphen stays: pdfkit shows it only where it breaks a word) and any
 * unusual space the fonts lack turned into a plain space. `singleLine` folds line breaks too.
 */
export function printableText(text: string, fonts: HandoutFonts, singleLine = false): string {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n');
  // Most text has nothing the loop below would change: then only line breaks may need folding.
  if (!NEEDS_CHANGE.test(normalized)) {
    return breakLongRuns(
      singleLine ? normalized.replace(/\n/g, ' ').replace(/ {2,}/g, ' ').trim() : normalized,
    );
  }
  let out = '';
  for (const char of normalized) {
    if (char === '\n') out += singleLine ? ' ' : '\n';
    else if (char === '\u00AD') out += char;
    else if (char === '\t') out += ' ';
    else if (isInvisible(char)) continue;
    else if (WHITESPACE.test(char) && !coveredByAll(fonts, char.codePointAt(0)!)) out += ' ';
    else out += char;
  }
  return breakLongRuns(singleLine ? out.replace(/ {2,}/g, ' ').trim() : out);
}

/** Longest run of characters without a break opportunity that pdfkit is given. */
const MAX_UNBROKEN_RUN = 40;
const LONG_RUN = new RegExp(`[^\\s\u00AD-]{${MAX_UNBROKEN_RUN + 1},}`, 'gu');

/**
 * pdfkit splits a word wider than the line by re-measuring it one character at a time, which
 * costs the square of the word's length (a 20,000-character paste took half a minute and froze
 * main). Very long runs without a space (a pasted link, a row of dashes) get a soft hyphen every
 * 40 characters: invisible unless pdfkit breaks the line there.
 */
function breakLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run) => {
    const chars = [...run];
    let out = '';
    for (let i = 0; i < chars.length; i += MAX_UNBROKEN_RUN) {
      out += (i > 0 ? '\u00AD' : '') + chars.slice(i, i + MAX_UNBROKEN_RUN).join('');
    }
    return out;
  });
}
