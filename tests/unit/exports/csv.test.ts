import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CsvFileBuilder,
  csvCell,
  csvRecords,
  FORMULA_START,
  UTF8_BOM,
  unescapeFormulaGuard,
} from '../../../src-shared/exports/csv';
import {
  ATTACHMENT_COLUMNS,
  CLIENT_COLUMNS,
  type ClientSheetRow,
  SESSION_COLUMNS,
  type SessionSheetRow,
} from '../../../src-shared/exports/spreadsheet-columns';
import { makeClient, recordFixture } from './fixtures';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** What a spreadsheet reads back: records of cells. */
function parse(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true }).data;
}

describe('CSV cells: commas, quotes, line breaks', () => {
  it.each([
    ['plain', 'plain'],
    ['Smith, John', '"Smith, John"'],
    ['She said "calmer"', '"She said ""calmer"""'],
    ['14 Willow Lane\nBristol', '"14 Willow Lane\nBristol"'],
    ['line\r\nbreak', '"line\r\nbreak"'],
    [' padded ', '" padded "'],
    ['Zoë Ødegård, Σοφία', '"Zoë Ødegård, Σοφία"'],
    ['', ''],
  ])('%j is written as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('reads back exactly what was written, for any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const text = csvRecords(rows);
          const back = Papa.parse<string[]>(text, { header: false, newline: '\r\n' }).data.slice(
            0,
            rows.length,
          );
          expect(back).toEqual(
            rows.map((row) => row.map((cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell))),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('ends every record with CRLF, also the last', () => {
    expect(
      csvRecords([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a,b\r\nc,d\r\n');
    expect(csvRecords([])).toBe('');
  });
});

describe('CSV cells: formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+44 117 496 0123', `"'+44 117 496 0123"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    // Papa's own escapeFormulae misses this one (its pattern stops at the first line break).
    ['=1+1\nsecond line', `"'=1+1\nsecond line"`],
  ])('text %j is prefixed with a single quote (and the field double-quoted)', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  // Every leader from the OWASP CSV-injection list, and the ones a spreadsheet reaches after
  // trimming white space or folding full-width signs (issue 13, finding 9).
  it.each([
    ['=', '=1+1'],
    ['+', '+1+1'],
    ['-', '-1+1'],
    ['@', '@SUM(A1)'],
    ['tab', '\t=1+1'],
    ['carriage return', '\r=1+1'],
    ['space', ' =1+1'],
    ['several spaces', '   +1+1'],
    ['newline', '\n=1+1'],
    ['CRLF', '\r\n=1+1'],
    ['no-break space', '\u00A0=1+1'],
    ['narrow no-break space', '\u202F=1+1'],
    ['ideographic space', '\u3000=1+1'],
    ['zero-width space', '\u200B=1+1'],
    ['zero-width joiner', '\u200D@SUM(A1)'],
    ['word joiner', '\u2060=1+1'],
    ['byte-order mark', '\uFEFF=1+1'],
    ['full-width equals sign', '\uFF1D1+1'],
    ['full-width plus sign', '\uFF0B1+1'],
    ['full-width hyphen-minus', '\uFF0D1+1'],
    ['full-width commercial at', '\uFF20SUM(A1)'],
    ['space then full-width equals', ' \uFF1DHYPERLINK("x")'],
  ])('a cell starting with %s is guarded', (_leader, value) => {
    expect(FORMULA_START.test(value)).toBe(true);
    const written = csvCell(value);
    expect(written.startsWith(`"'`)).toBe(true);
    // What a spreadsheet reads back is the guarded text, and the importer restores the value.
    const [[cell]] = parse(written) as [[string]];
    expect(cell).toBe(`'${value}`);
    expect(unescapeFormulaGuard(cell)).toBe(value);
  });

  it.each([
    ['plain text', 'Anna'],
    ['a leading space before text', ' padded '],
    ['a newline before text', '\nsecond'],
    ['= inside', 'a = b'],
    ['a quote', "O'Brien"],
    ['full-width text', '\uFF21\uFF22'],
  ])('a cell with %s is not guarded', (_what, value) => {
    expect(FORMULA_START.test(value)).toBe(false);
    expect(csvCell(value).includes("'=") || csvCell(value).startsWith(`"'`)).toBe(false);
  });

  it('leaves numbers alone, negative ones included, and text with = inside', () => {
    expect(csvCell(-20)).toBe('-20');
    expect(csvCell(6.5)).toBe('6.5');
    expect(csvCell('a = b')).toBe('a = b');
    expect(csvCell(null)).toBe('');
  });

  it('the importer takes the quote off again, and only before a formula character', () => {
    expect(unescapeFormulaGuard("'+44 117 496 0123")).toBe('+44 117 496 0123');
    expect(unescapeFormulaGuard("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unescapeFormulaGuard("'quoted'")).toBe("'quoted'");
    expect(unescapeFormulaGuard("O'Brien")).toBe("O'Brien");
  });
});

describe('CSV files: BOM, header, chunks', () => {
  it('starts with the UTF-8 byte-order mark and the header, and encodes accents as UTF-8', () => {
    const builder = new CsvFileBuilder<ClientSheetRow>(CLIENT_COLUMNS);
    builder.add([
      { client: makeClient({ firstName: 'Zoë', lastName: 'Ødegård' }), healthHistory: null, sessionCount: 0 },
    ]);
    const bytes = builder.finish();
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decoder.decode(bytes);
    expect(text.startsWith(`${UTF8_BOM}client_id,first_name,last_name,`)).toBe(true);
    const [header, row] = parse(text);
    expect(header).toEqual(CLIENT_COLUMNS.map((column) => column.name));
    expect(row?.[1]).toBe('Zoë');
    expect(row?.[2]).toBe('Ødegård');
    expect(builder.rows).toBe(1);
    expect(builder.bytes).toBe(bytes.length);
  });

  it('gives the same file whether rows come in one chunk or many', () => {
    const clients = Array.from({ length: 7 }, (_, i) => ({
      client: makeClient(
        { firstName: `Name ${i}`, lastName: `Família, "${i}"`, notes: `line 1\nline ${i}` },
        `c${i}`,
      ),
      healthHistory: null,
      sessionCount: i,
    }));
    const once = new CsvFileBuilder<ClientSheetRow>(CLIENT_COLUMNS);
    once.add(clients);
    const chunked = new CsvFileBuilder<ClientSheetRow>(CLIENT_COLUMNS);
    for (let i = 0; i < clients.length; i += 3) chunked.add(clients.slice(i, i + 3));
    expect(decoder.decode(chunked.finish())).toBe(decoder.decode(once.finish()));
    expect(parse(decoder.decode(once.finish()))).toHaveLength(8);
  });
});

describe('spreadsheet columns', () => {
  it('keeps the documented column sets, in order (add new columns at the end only)', () => {
    expect(CLIENT_COLUMNS.map((c) => c.name)).toEqual([
      'client_id',
      'first_name',
      'last_name',
      'preferred_name',
      'date_of_birth',
      'phone',
      'email',
      'address',
      'emergency_contact_name',
      'emergency_contact_phone',
      'referring_physician',
      'referral_source',
      'consent_given',
      'consent_date',
      'consent_version',
      'tags',
      'notes',
      'archived',
      'conditions',
      'medications',
      'session_count',
      'last_visit',
      'created_at',
      'updated_at',
      'clearances',
      'signed_consent_at',
      'signed_consent_version',
      'consent_withdrawn',
      'history_reviewed_on',
      'preferred_language',
    ]);
    expect(SESSION_COLUMNS.map((c) => c.name)).toEqual([
      'session_id',
      'client_id',
      'client_name',
      'session_number',
      'status',
      'service_date',
      'service_time',
      'duration_minutes',
      'entry_date',
      'chief_complaint',
      'pain_before',
      'pain_before_location',
      'pain_after',
      'pain_after_location',
      'changes_since_last',
      'rhythm_rate_cpm',
      'rhythm_amplitude',
      'rhythm_symmetry',
      'rhythm_quality',
      'rhythm_site',
      'still_points',
      'still_points_seconds',
      'treated_areas',
      'techniques',
      'area_findings',
      'sensations',
      'observations',
      'emotional_release',
      'global_improvement_percent',
      'global_response',
      'plan',
      'next_session',
      'home_care',
      'safety_findings',
      'signed_at',
      'signed_by',
      'addenda_count',
      'after_effects',
      'updated_at',
    ]);
  });

  it('docs/export-formats.md documents every column with its meaning and format, in order', () => {
    const doc = readFileSync(path.resolve(__dirname, '../../../docs/export-formats.md'), 'utf8');
    for (const [file, columns] of [
      ['clients.csv', CLIENT_COLUMNS],
      ['sessions.csv', SESSION_COLUMNS],
      ['attachments.csv', ATTACHMENT_COLUMNS],
    ] as const) {
      const section = doc.slice(doc.indexOf(`### ${file}`));
      const rows = section
        .split('\n')
        .filter((line) => /^\|\s*\d+\s*\|/.test(line))
        .slice(0, columns.length)
        .map((line) => line.split('|').map((cell) => cell.trim()));
      expect(rows.map((cells) => cells[2])).toEqual(columns.map((c) => `\`${c.name}\``));
      expect(rows.map((cells) => cells[3])).toEqual(columns.map((c) => c.description));
      expect(rows.map((cells) => cells[4])).toEqual(columns.map((c) => c.format));
    }
  });

  it('writes a session row: lists joined with "; ", labels for ids, numbers as numbers', () => {
    const { record, client } = recordFixture({ firstName: 'Zoë', lastName: 'Ødegård' });
    const session = record.sessions[0]!;
    const row: SessionSheetRow = { note: session.note, client, afterEffects: record.afterEffects };
    const cells = Object.fromEntries(SESSION_COLUMNS.map((column) => [column.name, column.value(row)]));
    expect(cells).toMatchObject({
      client_name: 'Zoë Ødegård',
      status: 'signed',
      service_date: '2025-01-13',
      pain_before: 6,
      pain_after: 3,
      rhythm_rate_cpm: 8,
      rhythm_amplitude: 'Low',
      rhythm_symmetry: 'Restricted left',
      rhythm_site: 'Occiput',
      treated_areas: 'Occipital; Temporal (left)',
      techniques: 'Still point induction (CV-4); Gentle occipital cradle; Frontal lift',
      area_findings: 'Occipital: release; Temporal (left): restriction',
      sensations: 'Warmth; Tingling; A wave of heaviness in the legs',
      global_improvement_percent: 40,
      signed_by: 'Anna Berg',
      addenda_count: 0,
      after_effects: 'Tiredness (mild, 24 h, resolved)',
    });
    const draft = record.sessions[2]!.note;
    const draftCells = SESSION_COLUMNS.map((column) =>
      column.value({ note: draft, client, afterEffects: [] }),
    );
    expect(draftCells[SESSION_COLUMNS.findIndex((c) => c.name === 'signed_at')]).toBe('');
    expect(draftCells[SESSION_COLUMNS.findIndex((c) => c.name === 'pain_before')]).toBeNull();
  });

  it('writes a client row with yes/no, health history lists and the note count', () => {
    const { client, healthHistory } = recordFixture();
    const row: ClientSheetRow = { client, healthHistory, sessionCount: 3 };
    const cells = Object.fromEntries(CLIENT_COLUMNS.map((column) => [column.name, column.value(row)]));
    expect(cells).toMatchObject({
      first_name: 'Σοφία',
      date_of_birth: '1980-04-02',
      consent_given: 'yes',
      consent_date: '2025-01-06',
      archived: 'no',
      conditions: 'Osteoporosis (current, moderate, from 2020-01-03)',
      medications: 'Alendronate 70 mg weekly',
      session_count: 3,
    });
  });
});
