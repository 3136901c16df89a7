import Papa from 'papaparse';

/**
 * CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF between records, a field in
 * double quotes when it holds a comma, a quote, a line break or edge spaces, quotes doubled.
 * Papa Parse does the quoting; this module adds the two things a spreadsheet user needs:
 *
 * - UTF-8 with a byte-order mark, so Excel opens "Zoë Ødegård" and "Анна" correctly instead of
 *   guessing the computer's legacy code page.
 * - Formula-injection safety: a text cell that starts with = + - @, a tab or a carriage return
 *   is prefixed with a single quote ('), so a spreadsheet shows it as text rather than running
 *   it as a formula (OWASP "CSV Injection"). Numbers are written as numbers and never prefixed.
 *   Papa's own `escapeFormulae: true` misses multi-line cells ("=1+1\nx"), hence our pattern.
 *   Spreadsheets also trim leading white space and read full-width signs (＝ ＋ － ＠, typed by
 *   East Asian input methods) as their ASCII forms, so " =1+1", "\u00A0=1+1", "\u200B=1+1",
 *   "\n=1+1" and "＝1+1" start formulas too and are prefixed as well.
 */

/** The UTF-8 byte-order mark, as the first character of the file. */
export const UTF8_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

/**
 * A cell that a spreadsheet would take as the start of a formula (checked on text cells only):
 * a tab or CR at the very start, or a formula sign (ASCII or full-width) after any run of white
 * space (\s covers space, newline, no-break space and the other Unicode spaces) and invisible
 * characters (zero-width space, joiners, word joiner, byte-order mark).
 */
export const FORMULA_START = /^(?:[\t\r]|[\s\u200B-\u200D\u2060\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

export type CsvValue = string | number | null;

/** One cell's text exactly as it will appear between the commas (quoted and escaped as needed). */
export function csvCell(value: CsvValue): string {
  return Papa.unparse([[value ?? '']], { newline: CSV_NEWLINE, escapeFormulae: FORMULA_START });
}

/** Rows (arrays of cells) as CSV records, each ending with CRLF; '' for no rows. */
export function csvRecords(rows: readonly (readonly CsvValue[])[]): string {
  if (rows.length === 0) return '';
  const text = Papa.unparse(
    rows.map((row) => row.map((value) => value ?? '')),
    { newline: CSV_NEWLINE, escapeFormulae: FORMULA_START, header: false },
  );
  return `${text}${CSV_NEWLINE}`;
}

/** Reverses the formula guard on import: "'=SUM(A1)" from a Stillpoint export reads "=SUM(A1)". */
export function unescapeFormulaGuard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Builds a CSV file in pieces: the BOM and header first, then records as they are read, each
 * piece encoded to UTF-8 at once so a practice with 200,000 notes never holds one giant string.
 */
export class CsvFileBuilder<Row> {
  private readonly encoder = new TextEncoder();
  private readonly parts: Uint8Array<ArrayBuffer>[] = [];
  private byteLength = 0;
  private rowCount = 0;

  constructor(private readonly columns: readonly CsvColumn<Row>[]) {
    this.push(UTF8_BOM + csvRecords([columns.map((column) => column.name)]));
  }

  /** Adds records for `rows`, in order. */
  add(rows: readonly Row[]): void {
    if (rows.length === 0) return;
    this.push(csvRecords(rows.map((row) => this.columns.map((column) => column.value(row)))));
    this.rowCount += rows.length;
  }

  get rows(): number {
    return this.rowCount;
  }

  get bytes(): number {
    return this.byteLength;
  }

  /** The whole file as UTF-8 bytes (starting with the BOM). */
  finish(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.byteLength);
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  private push(text: string): void {
    const part = this.encoder.encode(text);
    this.parts.push(part);
    this.byteLength += part.length;
  }
}

/** A column of an export: its header, what it means and how its values are written. */
export interface CsvColumn<Row> {
  /** The header cell: lower-case snake_case, stable across versions (docs/export-formats.md). */
  readonly name: string;
  readonly description: string;
  /** How values are written, e.g. "YYYY-MM-DD", "yes / no", "whole number". */
  readonly format: string;
  readonly value: (row: Row) => CsvValue;
}
