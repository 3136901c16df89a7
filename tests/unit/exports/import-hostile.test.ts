import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../../src-shared/exports/csv';
import { readCsvEntries } from '../../../src-shared/exports/csv-read';
import { guessMapping } from '../../../src-shared/exports/import-mapping';
import {
  describeSkippedRow,
  type PlannedRow,
  planImport,
  type SkippedRow,
} from '../../../src-shared/exports/import-plan';
import { readImportTable } from '../../../src-shared/exports/import-table';

/**
 * Issue 13 finding 4: broken CSV files lost rows without a word, and one bad byte re-read the
 * whole file as Windows-1252. Every parse problem must reach the preview and the report.
 */

const TODAY = '2026-03-20';
// The English the report prints for each quote problem (exports.importFile.*).
const STRAY_QUOTE_MESSAGE =
  'This row could not be read: text follows a closing quote ("). Fix the quotes in the file and import it again.';
const utf8 = (text: string) => new TextEncoder().encode(text);
const plan = (bytes: Uint8Array) => {
  const table = readImportTable(bytes);
  return planImport(table, guessMapping(table.headers), { dateFormat: 'iso', today: TODAY }, new Set());
};
const skippedLines = (rows: PlannedRow[]) =>
  rows.filter((row): row is SkippedRow => row.status !== 'ready').flatMap((row) => describeSkippedRow(row));
const readyNames = (rows: PlannedRow[]) =>
  rows.flatMap((row) => (row.status === 'ready' ? [`${row.input.firstName} ${row.input.lastName}`] : []));

describe('rows with broken quotes', () => {
  // The review's file: one unclosed quote made 4 data rows into 2, with Cleo and Dan inside
  // Ben's last name, and 0 rows reported skipped.
  const unclosed = [
    'First,Last,Email',
    'Anna,Berg,anna@example.com',
    'Ben,"Carter,ben@example.com',
    'Cleo,Dune,cleo@example.com',
    'Dan,"Eve",dan@example.com',
  ].join('\r\n');

  it('an unclosed quote costs only its own row: the rows after it are read, the broken one is reported', () => {
    const table = readImportTable(utf8(unclosed));
    expect(table.rows).toEqual([
      ['Anna', 'Berg', 'anna@example.com'],
      ['Cleo', 'Dune', 'cleo@example.com'],
      ['Dan', 'Eve', 'dan@example.com'],
    ]);
    expect(table.rowNumbers).toEqual([2, 4, 5]);
    expect(table.unreadableRows).toEqual([
      { row: 3, problem: 'strayQuote', text: 'Ben,"Carter,ben@example.com' },
    ]);
    const result = plan(utf8(unclosed));
    expect(readyNames(result.rows)).toEqual(['Anna Berg', 'Cleo Dune', 'Dan Eve']);
    expect(result.invalid).toBe(1);
    expect(skippedLines(result.rows)).toEqual([
      `Row 3: Whole row: ${STRAY_QUOTE_MESSAGE} It starts: Ben,"Carter,ben@example.com`,
    ]);
  });

  it('a quote left open to the end of the file is reported as never closed', () => {
    const text = 'First,Last\nAnna,Berg\nBen,"Carter\nCleo,Dune\n';
    const table = readImportTable(utf8(text));
    // Cleo is on the line after the bad quote: reading starts again there.
    expect(table.rows).toEqual([
      ['Anna', 'Berg'],
      ['Cleo', 'Dune'],
    ]);
    expect(table.unreadableRows).toEqual([{ row: 3, problem: 'unclosedQuote', text: 'Ben,"Carter' }]);
    expect(plan(utf8(text))).toMatchObject({ ready: 2, invalid: 1 });
  });

  it('text after a closing quote is reported, not merged with the next rows', () => {
    const text = 'First,Last\n"Anna"x,Berg\nBen,Carter\n';
    const table = readImportTable(utf8(text));
    expect(table.rows).toEqual([['Ben', 'Carter']]);
    expect(table.unreadableRows).toMatchObject([{ row: 2, problem: 'strayQuote' }]);
  });

  it('a quote that closes rows later makes a name with line breaks: the row is skipped, not imported', () => {
    const text = 'First,Last\nAnna,"Berg\nBen,Carter"\nCleo,Dune\n';
    const result = plan(utf8(text));
    expect(readyNames(result.rows)).toEqual(['Cleo Dune']);
    expect(skippedLines(result.rows)).toEqual([
      'Row 2: Last name: A name cannot hold a line break: a quote in the file may be misplaced',
    ]);
  });

  it('a header row with a broken quote is refused with the reason', () => {
    expect(() => readImportTable(utf8('"First,Last\nAnna,Berg\n'))).toThrow(
      'The first row (the column names) could not be read',
    );
  });

  it('reads back exactly what csvRecords wrote, as Papa Parse does, for any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom(',', ';', '\t', '|'),
        (rows, delimiter) => {
          const text = Papa.unparse(rows, { delimiter, newline: '\r\n' });
          const entries = readCsvEntries(text, delimiter);
          expect(entries).toEqual(rows.map((cells) => ({ kind: 'record', cells })));
          const papa = Papa.parse<string[]>(text, { delimiter, newline: '\r\n' }).data;
          expect(entries.map((entry) => (entry.kind === 'record' ? entry.cells : []))).toEqual(papa);
        },
      ),
      { numRuns: 300 },
    );
    expect(readCsvEntries(csvRecords([['a', '=1']]), ',')).toEqual([{ kind: 'record', cells: ['a', "'=1"] }]);
  });
});

describe('fuzzed quotes', () => {
  const word = fc.stringMatching(/^[A-Za-z0-9 @.]{1,8}$/);

  it('one stray quote anywhere costs at most its own row, and is reported when it does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, word, word), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (rows, rowPick, cellPick, at) => {
          const cells = rows.map((row) => [...row]);
          const row = cells[rowPick % cells.length]!;
          const index = cellPick % 3;
          const cell = row[index]!;
          const position = at % (cell.length + 1);
          row[index] = `${cell.slice(0, position)}"${cell.slice(position)}`;
          const text = ['First,Last,Email', ...cells.map((r) => r.join(','))].join('\r\n');
          const table = readImportTable(utf8(text));
          expect(table.rows.length + table.unreadableRows.length).toBe(rows.length);
          expect(table.unreadableRows.length).toBeLessThanOrEqual(1);
          for (const read of table.rows) expect(read.join('')).not.toMatch(/[\r\n]/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any text either reads as a table or is refused with a message, never anything else', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r', ' ', '\uFFFD') }),
        (body) => {
          try {
            const table = readImportTable(utf8(`First,Last\n${body}`));
            const result = planImport(
              table,
              guessMapping(table.headers),
              { dateFormat: 'iso', today: TODAY },
              new Set(),
            );
            expect(result.rows).toHaveLength(table.rows.length + table.unreadableRows.length);
          } catch (error) {
            expect((error as Error).name).toBe('ImportFileError');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('bytes that are not UTF-8', () => {
  // Row 3 holds one Windows-1252 byte (0xEB for ë); every other row is good UTF-8.
  const bytes = new Uint8Array([
    ...utf8('First,Last,Email\r\nZoë,Ødegård,zoe@example.com\r\nMar'),
    0xeb,
    ...utf8('l,Berg,marel@example.com\r\nАнна,Кузнецова,\r\nOla,Nordmann,ol'),
    0xe9,
    ...utf8('@example.com\r\n'),
  ]);

  it('one bad byte no longer turns the whole file into Windows-1252: only its own cell is flagged', () => {
    const table = readImportTable(bytes);
    expect(table.encoding).toBe('utf-8');
    expect(table.notUtf8).toBe(true);
    expect(table.rows[0]).toEqual(['Zoë', 'Ødegård', 'zoe@example.com']);
    expect(table.rows[2]).toEqual(['Анна', 'Кузнецова', '']);
    const result = plan(bytes);
    expect(readyNames(result.rows)).toEqual(['Zoë Ødegård', 'Анна Кузнецова', 'Ola Nordmann']);
    // A name with an unreadable character is never imported; another field is left empty.
    expect(skippedLines(result.rows)).toEqual([
      'Row 3: First name: Mar\uFFFDl holds characters that could not be read (this part of the file is not UTF-8); fix the file or read it as Windows-1252',
    ]);
    expect(result.rows.find((row) => row.row === 5)).toMatchObject({
      status: 'ready',
      input: { email: '' },
      notices: [
        {
          field: 'Email',
          message: 'left empty: holds characters that could not be read (this part of the file is not UTF-8)',
        },
      ],
    });
  });

  it('a file that is valid UTF-8 is never flagged, even with a replacement character in it', () => {
    const table = readImportTable(utf8('First,Last\nZo\uFFFD,Berg\n'));
    expect(table.notUtf8).toBe(false);
    const result = planImport(
      table,
      guessMapping(table.headers),
      { dateFormat: 'iso', today: TODAY },
      new Set(),
    );
    expect(result.ready).toBe(1);
  });
});
