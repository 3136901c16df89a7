import { type FontkitFont, fontFileBytes } from './fonts';
import { type FontSubset, TtfSubsetWriter } from './ttf-subset';

/**
 * The handout fonts as the renderers hand them to pdfkit: the parsed fontkit font behind a thin
 * proxy that keeps what fontkit works out for one PDF for the next one too.
 *
 * - Shaping. pdfkit shapes each distinct word (fontkit's OpenType layout: kerning, ligatures,
 *   marks) once per document and caches it only for that document, so every handout shaped the
 *   same template words again: about half its render time. The proxy remembers fontkit's result
 *   per word (per face) for later documents. A word shapes the same in every document (pdfkit
 *   asks for the default features, and the script is detected from the word), and pdfkit scales
 *   the positions it is given in place, so each caller gets its own copy of them.
 * - Subsetting. Each PDF still embeds its own subset of exactly the glyphs it uses, written by
 *   TtfSubsetWriter (the same bytes as fontkit's, from per-font parts worked out once) when the
 *   font came from loadHandoutFonts (which keeps the file's bytes), else by fontkit.
 *
 * Output is byte for byte what pdfkit writes with the plain font. The bench's bare page passes the
 * plain fontkit font, so it stays a raw pdfkit baseline.
 */

/**
 * Distinct words remembered per face; past this the cache starts over. A handout uses ~300; a
 * remembered word takes about 1.3 KB, so the three faces hold at most ~20 MB.
 */
export const MAX_SHAPED_WORDS = 5_000;

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
/** fontkit's GlyphRun: pdfkit reads glyphs, positions and the advanceWidth getter (over positions). */
interface GlyphRun {
  glyphs: unknown[];
  positions: GlyphPosition[];
}

type LayoutFont = Omit<FontkitFont, 'layout'> & {
  layout(text: string, ...rest: unknown[]): GlyphRun;
  createSubset(): FontSubset;
};

export interface SharedFontCaches {
  /** Words whose shaping is remembered (for tests and diagnostics). */
  readonly shapedWords: number;
  /** Whether subsets are written by TtfSubsetWriter (false: fontkit's own encoder). */
  readonly fastSubsets: boolean;
}

interface Entry {
  readonly source: LayoutFont;
  readonly runs: Map<string, GlyphRun>;
  readonly writer: TtfSubsetWriter | null;
}

const sources = new WeakMap<FontkitFont, Entry>();

/** The font to give pdfkit's registerFont for `font`; one proxy (and cache) per parsed font. */
export function pdfFontSource(font: FontkitFont): PDFKit.Mixins.PDFFontSource {
  return entryFor(font).source as unknown as PDFKit.Mixins.PDFFontSource;
}

/** What the caches in front of `font` hold. */
export function sharedFontCaches(font: FontkitFont): SharedFontCaches {
  const entry = entryFor(font);
  return { shapedWords: entry.runs.size, fastSubsets: entry.writer !== null };
}

function entryFor(font: FontkitFont): Entry {
  let entry = sources.get(font);
  if (!entry) {
    entry = makeEntry(font as LayoutFont);
    sources.set(font, entry);
  }
  return entry;
}

function makeEntry(font: LayoutFont): Entry {
  const runs = new Map<string, GlyphRun>();
  const file = fontFileBytes(font);
  const writer = file ? TtfSubsetWriter.forFile(file) : null;

  const layout = (text: string, ...rest: unknown[]): GlyphRun => {
    // Features, script or direction given: not the plain call pdfkit makes per word, so not cached.
    if (rest.some((arg) => arg !== undefined)) return font.layout(text, ...rest);
    let run = runs.get(text);
    if (!run) {
      run = font.layout(text);
      if (runs.size >= MAX_SHAPED_WORDS) runs.clear();
      runs.set(text, run);
    }
    return copyRun(run);
  };

  const createSubset = (): FontSubset => {
    const subset = font.createSubset();
    if (writer) subset.encode = () => writer.encode(subset);
    return subset;
  };

  // Everything else is the font's own, called on the font itself (not through the proxy).
  const bound = new Map<PropertyKey, unknown>();
  const source = new Proxy(font, {
    get(target, key) {
      if (key === 'layout') return layout;
      if (key === 'createSubset') return createSubset;
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      let method = bound.get(key);
      if (!method) {
        method = (value as (...args: unknown[]) => unknown).bind(target);
        bound.set(key, method);
      }
      return method;
    },
  });
  return { source, runs, writer };
}

/** A run pdfkit may change: same class and glyphs (fontkit's shared glyph objects), own positions. */
function copyRun(run: GlyphRun): GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
  copy.glyphs = run.glyphs.slice();
  const positions = new Array<GlyphPosition>(run.positions.length);
  for (let i = 0; i < positions.length; i++) {
    const p = run.positions[i]!;
    // fontkit's GlyphPosition(xAdvance, yAdvance, xOffset, yOffset), with no other fields.
    positions[i] = new (p.constructor as new (...values: number[]) => GlyphPosition)(
      p.xAdvance,
      p.yAdvance,
      p.xOffset,
      p.yOffset,
    );
  }
  copy.positions = positions;
  return copy;
}
