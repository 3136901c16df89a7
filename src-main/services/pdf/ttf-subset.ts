import * as fontkitModule from 'fontkit';

/**
 * A faster writer for the TrueType subsets pdfkit embeds, producing the same bytes as fontkit's
 * own TTFSubset.encode. fontkit re-parses every glyph's outline (only to find the parts of a
 * composite glyph) and writes the tables field by field through restructure, including the
 * font's 3.6 KB hinting program one byte at a time, in every PDF: about a quarter of a handout's
 * render time. Here what never changes is worked out once per font: the raw bytes of each glyph
 * (and where a composite names its parts), its horizontal metrics, and the encoded head, cvt,
 * prep and fpgm tables, taken from fontkit's own output. Each PDF then only concatenates.
 *
 * Used only for a font whose subset is a plain TrueType one (glyf outlines, no variations); the
 * first use checks the result against fontkit byte for byte and falls back to fontkit if it ever
 * differs.
 */

/** What this module needs of a fontkit TTF font (fontkit's private parts start with _). */
interface SubsettableFont {
  readonly loca: { readonly offsets: ArrayLike<number>; readonly version: number };
  readonly directory: { readonly tables: Record<string, unknown> };
  readonly _variationProcessor?: unknown;
  getGlyph(id: number): { readonly advanceWidth: number; _getMetrics(): { leftBearing: number } };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  createSubset(): FontSubset;
}

/** fontkit's Subset: glyph ids in the order pdfkit first used them (ids in the PDF are indexes). */
export interface FontSubset {
  readonly glyphs: number[];
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}

interface GlyphRecord {
  /** The glyph's bytes in the glyf table (empty for a glyph with no outline, like the space). */
  readonly bytes: Uint8Array;
  /** For a composite glyph: the glyph ids of its parts and where each id sits in `bytes`. */
  readonly components: readonly { readonly id: number; readonly pos: number }[];
  readonly advance: number;
  readonly bearing: number;
}

/** The subset's tables in fontkit's order; the fixed ones hold their bytes as fontkit writes them. */
type TableTemplate =
  | { readonly tag: string; readonly kind: 'fixed'; readonly bytes: Uint8Array }
  | { readonly tag: 'hhea' | 'maxp'; readonly kind: 'patched'; readonly bytes: Uint8Array }
  | { readonly tag: 'loca' | 'glyf' | 'hmtx'; readonly kind: 'glyphs' };

const GLYPH_TABLES = new Set(['loca', 'glyf', 'hmtx']);
/** hhea ends with numberOfMetrics, maxp's numGlyphs follows its 4-byte version. */
const HHEA_NUMBER_OF_METRICS = 34;
const MAXP_NUM_GLYPHS = 4;

// Composite glyph flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

export class TtfSubsetWriter {
  private readonly glyphs = new Map<number, GlyphRecord>();
  private readonly tables: readonly TableTemplate[];

  private constructor(
    private readonly font: SubsettableFont,
    reference: Uint8Array,
  ) {
    this.tables = readTemplate(reference);
  }

  /**
   * A writer for the font in `file` (the bytes of a .ttf), or null when its subsets are not plain
   * TrueType or this writer does not reproduce fontkit's bytes for it (then fontkit's own encode
   * is the one to use).
   *
   * The writer reads glyphs from a parse of its own. Asking fontkit for a glyph caches it with the
   * characters it was asked for (none, here), and pdfkit takes the text behind each glyph for the
   * PDF's copy-and-paste map from that cache: reading glyphs from the font the PDFs are drawn with
   * would leave letters that cannot be copied or searched.
   */
  static forFile(file: Uint8Array): TtfSubsetWriter | null {
    try {
      const parsed: unknown = (fontkitModule as unknown as { create(bytes: Uint8Array): unknown }).create(
        file,
      );
      if (!parsed || typeof parsed !== 'object' || 'fonts' in parsed) return null;
      const font = parsed as SubsettableFont;
      const tables = font.directory.tables;
      if (!tables.glyf || !tables.loca || tables['CFF '] || tables.CFF2 || font._variationProcessor)
        return null;
      // fontkit's subset of a few glyphs, simple and composite, is both the source of the fixed
      // tables and the check that this writer's bytes are fontkit's.
      const sample = font.createSubset();
      for (const id of sampleGlyphs(font)) sample.includeGlyph(id);
      const expected = sample.encode();
      const writer = new TtfSubsetWriter(font, expected);
      const check = font.createSubset();
      for (const id of sampleGlyphs(font)) check.includeGlyph(id);
      const actual = writer.encode(check);
      return equalBytes(actual, expected) ? writer : null;
    } catch {
      return null;
    }
  }

  /** The subset as a TrueType font file; adds the parts of composite glyphs to `subset` as fontkit does. */
  encode(subset: FontSubset): Uint8Array {
    const records: GlyphRecord[] = [];
    const glyphChunks: Uint8Array[] = [];
    const offsets: number[] = [];
    let offset = 0;
    // subset.glyphs grows while this runs: a composite glyph brings in its parts.
    for (let i = 0; i < subset.glyphs.length; i++) {
      const record = this.glyph(subset.glyphs[i]!);
      let bytes = record.bytes;
      if (record.components.length > 0) {
        bytes = bytes.slice();
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        for (const component of record.components) {
          view.setUint16(component.pos, subset.includeGlyph(component.id));
        }
      }
      records.push(record);
      glyphChunks.push(bytes);
      offsets.push(offset);
      offset += bytes.length;
    }
    offsets.push(offset);

    const longLoca = this.font.loca.version !== 0;
    const glyphTables: Record<'loca' | 'glyf' | 'hmtx', () => Uint8Array> = {
      loca: () => {
        const out = new Uint8Array(offsets.length * (longLoca ? 4 : 2));
        const view = new DataView(out.buffer);
        offsets.forEach((value, index) => {
          if (longLoca) view.setUint32(index * 4, value);
          else view.setUint16(index * 2, value >>> 1);
        });
        return out;
      },
      glyf: () => concat(glyphChunks),
      hmtx: () => {
        const out = new Uint8Array(records.length * 4);
        const view = new DataView(out.buffer);
        records.forEach((record, index) => {
          view.setUint16(index * 4, record.advance);
          view.setInt16(index * 4 + 2, record.bearing);
        });
        return out;
      },
    };

    const bodies = this.tables.map((table) => {
      if (table.kind === 'fixed') return table.bytes;
      if (table.kind === 'glyphs') return glyphTables[table.tag]();
      const bytes = table.bytes.slice();
      const view = new DataView(bytes.buffer);
      if (table.tag === 'hhea') view.setUint16(HHEA_NUMBER_OF_METRICS, records.length);
      else view.setUint16(MAXP_NUM_GLYPHS, records.length);
      return bytes;
    });
    return concat([directory(this.tables, bodies), ...bodies]);
  }

  private glyph(id: number): GlyphRecord {
    let record = this.glyphs.get(id);
    if (!record) {
      record = readGlyph(this.font, id);
      this.glyphs.set(id, record);
    }
    return record;
  }
}

/** .notdef, a few letters and, when the font has one, an accented letter built from parts. */
function sampleGlyphs(font: SubsettableFont): number[] {
  const ids = [1, 2, 3, 36, 68, 100, 200].filter((id) => id < font.loca.offsets.length - 1);
  for (let id = 1; id < Math.min(font.loca.offsets.length - 1, 2000); id++) {
    if (readGlyph(font, id).components.length > 0) {
      ids.push(id);
      break;
    }
  }
  return ids;
}

function readGlyph(font: SubsettableFont, id: number): GlyphRecord {
  const start = font.loca.offsets[id]!;
  const end = font.loca.offsets[id + 1]!;
  const stream = font._getTableStream('glyf');
  stream.pos += start;
  // A copy: the font's buffer must never be written through a glyph's bytes.
  const bytes = Uint8Array.from(stream.readBuffer(end - start));
  const glyph = font.getGlyph(id);
  return {
    bytes,
    components: composites(bytes),
    advance: glyph.advanceWidth,
    bearing: glyph._getMetrics().leftBearing,
  };
}

/** The parts of a composite glyph (numberOfContours < 0), as fontkit's _decodeComposite reads them. */
function composites(bytes: Uint8Array): { id: number; pos: number }[] {
  if (bytes.length < 10) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt16(0) >= 0) return [];
  const parts: { id: number; pos: number }[] = [];
  let pos = 10;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    flags = view.getUint16(pos);
    parts.push({ id: view.getUint16(pos + 2), pos: pos + 2 });
    pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) pos += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
  }
  return parts;
}

/** Splits fontkit's subset into its tables: the directory, then the tables' data in the same order. */
function readTemplate(font: Uint8Array): TableTemplate[] {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  const tables: TableTemplate[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 8);
    const bytes = font.slice(offset, offset + view.getUint32(entry + 12));
    if (GLYPH_TABLES.has(tag)) tables.push({ tag: tag as 'loca' | 'glyf' | 'hmtx', kind: 'glyphs' });
    else if (tag === 'hhea' || tag === 'maxp') tables.push({ tag, kind: 'patched', bytes });
    else tables.push({ tag, kind: 'fixed', bytes });
  }
  return tables;
}

/** The table directory as fontkit writes it: 'true', no checksums, tables back to back. */
function directory(tables: readonly TableTemplate[], bodies: readonly Uint8Array[]): Uint8Array {
  const count = tables.length;
  const out = new Uint8Array(12 + 16 * count);
  const view = new DataView(out.buffer);
  out.set([0x74, 0x72, 0x75, 0x65]); // 'true'
  const exponent = Math.floor(Math.log(count) / Math.LN2);
  const searchRange = 2 ** exponent * 16;
  view.setUint16(4, count);
  view.setUint16(6, searchRange);
  view.setUint16(8, exponent);
  view.setUint16(10, count * 16 - searchRange);
  let offset = out.length;
  tables.forEach((table, i) => {
    const entry = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[entry + c] = table.tag.charCodeAt(c);
    view.setUint32(entry + 4, 0);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, bodies[i]!.length);
    offset += bodies[i]!.length;
  });
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}
