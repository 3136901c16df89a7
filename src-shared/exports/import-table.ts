import Papa from 'papaparse';
import { unescapeFormulaGuard } from './csv';

/**
 * A CSV file from another tool as a table: its header cells and its data rows. Reading is
 * forgiving about what spreadsheets and practice software write: a UTF-8 byte-order mark, UTF-16
 * ("Unicode text" from Excel), a legacy Windows-1252 file, commas, semicolons (European Excel),
 * tabs or pipes between fields, CRLF or LF line ends, blank lines, ragged rows.
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
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Rows with more cells than the header: the extra cells are ignored (row numbers). */
  longRows: number[];
}

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export const DELIMITER_NAMES: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'vertical bar',
};

/** Text from the file's bytes: BOM-aware UTF-8/UTF-16, else Windows-1252 when not valid UTF-8. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: ImportTable['encoding'] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  }
  try {
    // The decoder drops a UTF-8 BOM itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/** Parses the file; throws ImportFileError with a message for the therapist when it is no table. */
export function readImportTable(bytes: Uint8Array): ImportTable {
  if (bytes.length === 0) throw new ImportFileError('That file is empty.');
  const { text, encoding } = decodeCsvBytes(bytes);
  // More than a byte-order mark but no text: the decoder gave up (Chromium answers '' for a
  // file of hundreds of MB). Say so, rather than "no rows" (issue 13, finding 7).
  if (text === '' && bytes.length > 4) {
    throw new ImportFileError(
      'That file could not be read as text (it may be too large or damaged). Save it again as CSV UTF-8 and try again.',
    );
  }
  if (text.includes('\u0000')) {
    throw new ImportFileError(
      'That file is not a CSV file (it holds binary data). Save it as CSV and try again.',
    );
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
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    delimiter: guessed.meta.delimiter || ',',
    skipEmptyLines: false,
  });
  const records = parsed.data;
  // Rows are numbered as a spreadsheet shows them: by record (a quoted line break stays in its
  // cell), header first. Blank records are skipped but keep their number.
  const numbered = records
    .map((row, index) => ({ row, number: index + 1 }))
    .filter(({ row }) => !isBlankRow(row));
  const header = numbered.shift();
  if (!header) throw new ImportFileError('That file has no rows.');
  const headers = header.row.map((cell, index) => {
    const name = unescapeFormulaGuard(cell.trim());
    return name === '' ? `Column ${index + 1}` : name;
  });
  if (numbered.length === 0) {
    throw new ImportFileError('That file has a header row but no clients under it.');
  }
  const longRows: number[] = [];
  const rows = numbered.map(({ row, number }) => {
    if (row.length > headers.length && !isBlankRow(row.slice(headers.length))) longRows.push(number);
    return headers.map((_, index) => unescapeFormulaGuard(row[index] ?? ''));
  });
  return {
    headers,
    rows,
    rowNumbers: numbered.map(({ number }) => number),
    delimiter: guessed.meta.delimiter || ',',
    encoding,
    longRows,
  };
}
