import Papa from 'papaparse';
import { type MessageKey, type MessageValues, translatorFor } from '../i18n';
import { unescapeFormulaGuard } from './csv';
import { type CsvQuoteProblem, csvEntries } from './csv-read';

/**
 * A CSV file from another tool as a table: its header cells and its data rows. Reading is
 * forgiving about what spreadsheets and practice software write: a UTF-8 byte-order mark, UTF-16
 * ("Unicode text" from Excel), a legacy Windows-1252 file (when the user says so), commas, semicolons (European Excel),
 * tabs or pipes between fields, CRLF or LF line ends, blank lines, ragged rows. What it cannot
 * read it reports instead of guessing: rows with broken quotes, and bytes that are not UTF-8.
 */

export interface ImportTable {
  /** Header cells as written (blank ones named "Column 3"), duplicates kept apart by index. */
  headers: string[];
  /** Data rows, each as long as the header (missing cells are ''). */
  rows: string[][];
  /** The spreadsheet row number of each data row: the header is row 1. */
  rowNumbers: number[];
  delimiter: string;
  /** How the bytes were read. */
  encoding: ImportEncoding;
  /**
   * Some bytes are not valid UTF-8 (read as U+FFFD "�"). Cells holding one are never imported as
   * they are: the plan flags them. The user may choose to read the file as Windows-1252 instead.
   */
  notUtf8: boolean;
  /** Rows with more cells than the header: the extra cells are ignored (row numbers). */
  longRows: number[];
  /** Rows whose quotes are broken, so their cells could not be told apart: never imported. */
  unreadableRows: UnreadableRow[];
}

export interface UnreadableRow {
  row: number;
  /** Why its cells could not be told apart; the screens word it (`importFileMessage`). */
  problem: CsvQuoteProblem;
  /** The start of the row as written in the file. */
  text: string;
}

export type ImportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The character a UTF-8 decoder puts where bytes are not valid UTF-8. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/** Why a file is no table at all; the words are `exports.importFile.<problem>`. */
export type ImportFileProblem = 'empty' | 'notText' | 'binary' | 'brokenHeader' | 'noRows' | 'noClients';

/**
 * A file the import cannot read as a table. It carries the problem's catalogue key and values,
 * not a sentence: this module runs wherever the import does, and the screen says it in the app's
 * language (`t(error.key, error.values)`). `message` is the English, for logs and tests.
 */
export class ImportFileError extends Error {
  readonly key: MessageKey;
  constructor(
    readonly problem: ImportFileProblem,
    readonly values: MessageValues = {},
  ) {
    const key: MessageKey = `exports.importFile.${problem}`;
    super(translatorFor('en')(key, values));
    this.key = key;
    this.name = 'ImportFileError';
  }
}

/**
 * Text from the file's bytes: UTF-16 when it starts with its byte-order mark, else UTF-8. Bytes
 * that are not valid UTF-8 become "�" and `notUtf8` says so: one bad byte no longer switches the
 * whole file to another encoding (which turned "Zoë" into "ZoÃ«" in every other row). Windows-1252
 * is read only when the user asks for it.
 */
export function decodeCsvBytes(
  bytes: Uint8Array,
  chosen?: 'windows-1252',
): { text: string; encoding: ImportEncoding; notUtf8: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', notUtf8: false };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', notUtf8: false };
  }
  if (chosen === 'windows-1252') {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', notUtf8: false };
  }
  try {
    // The decoder drops a UTF-8 BOM itself.
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      notUtf8: false,
    };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', notUtf8: true };
  }
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/** Records read between two progress steps of `readImportTableInSteps`. */
export const READ_STEP_RECORDS = 5000;

/**
 * Parses the file; throws ImportFileError with a message for the therapist when it is no table.
 * `encoding: 'windows-1252'` reads a legacy file as the user chose (never guessed).
 */
export function readImportTable(bytes: Uint8Array, options: { encoding?: 'windows-1252' } = {}): ImportTable {
  const steps = readImportTableInSteps(bytes, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same reading as `readImportTable`, pausing after every READ_STEP_RECORDS records with the
 * number read so far, so the app can give the window a turn between slices of a large file.
 */
export function* readImportTableInSteps(
  bytes: Uint8Array,
  options: { encoding?: 'windows-1252' } = {},
): Generator<number, ImportTable, undefined> {
  if (bytes.length === 0) throw new ImportFileError('empty');
  const { text, encoding, notUtf8 } = decodeCsvBytes(bytes, options.encoding);
  // More than a byte-order mark but no text: the decoder gave up (Chromium answers '' for a
  // file of hundreds of MB). Say so, rather than "no rows" (issue 13, finding 7).
  if (text === '' && bytes.length > 4) {
    throw new ImportFileError('notText');
  }
  if (text.includes('\u0000')) {
    throw new ImportFileError('binary');
  }
  const body = text.replace(/^\uFEFF/, '');
  // The delimiter is guessed on the first rows without blank lines (a blank line would count as
  // a one-field row and spoil the guess); the file is then read whole, blank lines kept, so each
  // row keeps the number a spreadsheet shows.
  const guessed = Papa.parse<string[]>(body, {
    header: false,
    delimiter: '',
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
    preview: 50,
  });
  const delimiter = guessed.meta.delimiter || ',';
  // Rows are numbered as a spreadsheet shows them: by record (a quoted line break stays in its
  // cell), header first. Blank records are skipped but keep their number; a record with broken
  // quotes counts as one row.
  let headers: string[] | null = null;
  const longRows: number[] = [];
  const unreadableRows: UnreadableRow[] = [];
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let number = 0;
  for (const entry of csvEntries(body, delimiter)) {
    number += 1;
    if (number % READ_STEP_RECORDS === 0) yield number;
    if (entry.kind === 'record' && isBlankRow(entry.cells)) continue;
    if (headers === null) {
      if (entry.kind === 'broken') {
        throw new ImportFileError('brokenHeader', { text: entry.text });
      }
      headers = entry.cells.map((cell, index) => {
        const name = unescapeFormulaGuard(cell.trim());
        return name === '' ? `Column ${index + 1}` : name;
      });
      continue;
    }
    if (entry.kind === 'broken') {
      unreadableRows.push({ row: number, problem: entry.problem, text: entry.text });
      continue;
    }
    const cells = entry.cells;
    if (cells.length > headers.length && !isBlankRow(cells.slice(headers.length))) longRows.push(number);
    const width = headers.length;
    const row = new Array<string>(width);
    for (let index = 0; index < width; index += 1) row[index] = unescapeFormulaGuard(cells[index] ?? '');
    rows.push(row);
    rowNumbers.push(number);
  }
  if (headers === null) throw new ImportFileError('noRows');
  if (rows.length === 0 && unreadableRows.length === 0) {
    throw new ImportFileError('noClients');
  }
  return { headers, rows, rowNumbers, delimiter, encoding, notUtf8, longRows, unreadableRows };
}
