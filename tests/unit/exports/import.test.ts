import { describe, expect, it } from 'vitest';
import { CsvFileBuilder, csvRecords, UTF8_BOM } from '../../../src-shared/exports/csv';
import {
  expandTwoDigitYear,
  guessDateFormat,
  localeDateOrder,
  parseImportDate,
} from '../../../src-shared/exports/import-dates';
import {
  type ColumnMapping,
  guessMapping,
  type ImportField,
} from '../../../src-shared/exports/import-mapping';
import { splitFullName } from '../../../src-shared/exports/import-names';
import {
  describeRowNotices,
  describeSkippedRow,
  duplicateKey,
  type PlannedRow,
  planImport,
  type ReadyRow,
} from '../../../src-shared/exports/import-plan';
import { ImportFileError, readImportTable } from '../../../src-shared/exports/import-table';
import { CLIENT_COLUMNS, type ClientSheetRow } from '../../../src-shared/exports/spreadsheet-columns';
import { makeClient } from './fixtures';

const TODAY = '2026-03-20';
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The mapping as header names, for readable expectations. */
function mapped(headers: string[], mapping: ColumnMapping): Partial<Record<ImportField, string>> {
  return Object.fromEntries(
    Object.entries(mapping)
      .filter(([, column]) => column !== null)
      .map(([field, column]) => [field, headers[column as number]]),
  );
}

describe('column mapping guesses', () => {
  it('reads common English headers', () => {
    const headers = [
      'First Name',
      'Surname',
      'DOB',
      'E-mail',
      'Mobile',
      'Street Address',
      'Town',
      'Post Code',
      'Notes',
    ];
    expect(mapped(headers, guessMapping(headers))).toEqual({
      firstName: 'First Name',
      lastName: 'Surname',
      dateOfBirth: 'DOB',
      email: 'E-mail',
      phone: 'Mobile',
      addressLine1: 'Street Address',
      city: 'Town',
      postcode: 'Post Code',
      notes: 'Notes',
    });
  });

  it('tells "Emergency contact phone" from "Phone", and reads camelCase and snake_case names', () => {
    const headers = [
      'givenName',
      'family_name',
      'Phone Number',
      'Emergency Contact',
      'Emergency Contact Phone',
      'Date Of Birth',
    ];
    expect(mapped(headers, guessMapping(headers))).toEqual({
      firstName: 'givenName',
      lastName: 'family_name',
      phone: 'Phone Number',
      emergencyContactName: 'Emergency Contact',
      emergencyContactPhone: 'Emergency Contact Phone',
      dateOfBirth: 'Date Of Birth',
    });
  });

  it('finds a distinctive name inside a longer header, but not a generic word or an id column', () => {
    const headers = [
      'Client ID',
      'Name',
      'Client email address',
      'Mobile phone (main)',
      'Last visit',
      'Lead source',
    ];
    expect(mapped(headers, guessMapping(headers))).toEqual({
      fullName: 'Name',
      email: 'Client email address',
      phone: 'Mobile phone (main)',
      referralSource: 'Lead source',
    });
  });

  it("maps every column of Stillpoint's own clients.csv back to its field", () => {
    const headers = CLIENT_COLUMNS.map((column) => column.name);
    expect(mapped(headers, guessMapping(headers))).toEqual({
      firstName: 'first_name',
      lastName: 'last_name',
      preferredName: 'preferred_name',
      dateOfBirth: 'date_of_birth',
      phone: 'phone',
      email: 'email',
      addressLine1: 'address',
      emergencyContactName: 'emergency_contact_name',
      emergencyContactPhone: 'emergency_contact_phone',
      referringPhysician: 'referring_physician',
      referralSource: 'referral_source',
      consentGiven: 'consent_given',
      consentDate: 'consent_date',
      consentVersion: 'consent_version',
      tags: 'tags',
      notes: 'notes',
      archived: 'archived',
    });
  });

  it('splits a full name written either way', () => {
    expect(splitFullName('Kowalska, Marta')).toEqual({
      firstName: 'Marta',
      lastName: 'Kowalska',
      check: null,
      allCapitals: false,
    });
    expect(splitFullName('  Marta   Anna Kowalska ')).toMatchObject({
      firstName: 'Marta Anna',
      lastName: 'Kowalska',
      check: null,
    });
    expect(splitFullName('Cher')).toMatchObject({ firstName: '', lastName: 'Cher', check: null });
  });
});

describe('dates in imported files', () => {
  it.each([
    ['1980-04-02', 'dmy', '1980-04-02'],
    ['1980/4/2', 'mdy', '1980-04-02'],
    ['1980-04-02T00:00:00Z', 'dmy', '1980-04-02'],
    ['02/04/1980', 'dmy', '1980-04-02'],
    ['02/04/1980', 'mdy', '1980-02-04'],
    ['2.4.1980', 'dmy', '1980-04-02'],
    ['25-12-1980', 'dmy', '1980-12-25'],
    ['12/25/1980', 'mdy', '1980-12-25'],
    ['02/04/85', 'dmy', '1985-04-02'],
    ['02/04/07', 'dmy', '2007-04-02'],
    ['2 Apr 1980', 'mdy', '1980-04-02'],
    ['2nd April 1980', 'iso', '1980-04-02'],
    ['April 2, 1980', 'dmy', '1980-04-02'],
    ['Sept 30 1980', 'dmy', '1980-09-30'],
  ] as const)('%s read as %s is %s', (raw, format, date) => {
    expect(parseImportDate(raw, format, 2026)).toEqual({ ok: true, date });
  });

  it.each([
    ['31/02/1980', 'dmy', '"31/02/1980" is not a real date'],
    ['13/25/1980', 'mdy', '"13/25/1980" is not a real date'],
    ['1980-02-30', 'dmy', '"1980-02-30" is not a real date'],
    ['02/04/1980', 'iso', '"02/04/1980" is not a date in the chosen format (YYYY-MM-DD)'],
    ['yesterday', 'dmy', '"yesterday" is not a date in the chosen format (DD/MM/YYYY (day first))'],
    ['2 Foo 1980', 'dmy', '"2 Foo 1980" is not a date in the chosen format (DD/MM/YYYY (day first))'],
  ] as const)('%s read as %s is refused: %s', (raw, format, message) => {
    expect(parseImportDate(raw, format, 2026)).toEqual({ ok: false, message });
  });

  it('puts two-digit years in this century unless that is in the future', () => {
    expect(expandTwoDigitYear(26, 2026)).toBe(2026);
    expect(expandTwoDigitYear(27, 2026)).toBe(1927);
    expect(expandTwoDigitYear(0, 2026)).toBe(2000);
  });

  it('detects the order of day and month from a number above 12, and says when it cannot', () => {
    expect(guessDateFormat(['02/04/1980', '25/12/1975', '01/01/2001'], 'mdy')).toEqual({
      format: 'dmy',
      ambiguous: false,
      evidence: ['25/12/1975'],
    });
    expect(guessDateFormat(['02/04/1980', '12/25/1975'], 'dmy')).toMatchObject({
      format: 'mdy',
      ambiguous: false,
    });
    expect(guessDateFormat(['02/04/1980', '03/05/1990', ''], 'dmy')).toEqual({
      format: 'dmy',
      ambiguous: true,
      evidence: [],
    });
    expect(guessDateFormat(['02/04/1980'], 'mdy')).toMatchObject({ format: 'mdy', ambiguous: true });
    expect(guessDateFormat(['1980-04-02', ''], 'mdy')).toEqual({
      format: 'iso',
      ambiguous: false,
      evidence: [],
    });
    // Mixed evidence: the majority wins; the other rows will be reported.
    expect(guessDateFormat(['25/12/1975', '26/12/1975', '12/25/1975'], 'mdy')).toMatchObject({
      format: 'dmy',
    });
  });

  it('preselects month first only where people write it so', () => {
    expect(localeDateOrder('en-US')).toBe('mdy');
    expect(localeDateOrder('en-GB')).toBe('dmy');
    expect(localeDateOrder('de-DE')).toBe('dmy');
    expect(localeDateOrder('not a locale!')).toBe('dmy');
  });
});

describe('reading the file', () => {
  it('takes a BOM, detects semicolons, keeps quoted line breaks in their cell and numbers rows as a spreadsheet does', () => {
    const text = `${UTF8_BOM}Vorname;Nachname;Notes\r\nZoë;Ødegård;"two\r\nlines"\r\n\r\nAnna;Berg;x\r\n`;
    const table = readImportTable(utf8(text));
    expect(table.headers).toEqual(['Vorname', 'Nachname', 'Notes']);
    expect(table.delimiter).toBe(';');
    expect(table.encoding).toBe('utf-8');
    expect(table.rows).toEqual([
      ['Zoë', 'Ødegård', 'two\r\nlines'],
      ['Anna', 'Berg', 'x'],
    ]);
    expect(table.rowNumbers).toEqual([2, 4]);
  });

  it('reads UTF-16 ("Unicode text" from Excel, tab-separated), and Windows-1252 only when asked', () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(
        new Uint16Array([...'First\tLast\r\nZoë\tØdegård\r\n'].map((c) => c.charCodeAt(0))).buffer,
      ),
    ]);
    const table16 = readImportTable(utf16);
    expect(table16.encoding).toBe('utf-16le');
    expect(table16.delimiter).toBe('\t');
    expect(table16.rows).toEqual([['Zoë', 'Ødegård']]);
    // "Zoë" in Windows-1252: ë is 0xEB, which is not valid UTF-8 on its own.
    const latin = new Uint8Array([...utf8('First,Last\r\nZo'), 0xeb, ...utf8(',Smith\r\n')]);
    const asUtf8 = readImportTable(latin);
    expect(asUtf8).toMatchObject({ encoding: 'utf-8', notUtf8: true, rows: [['Zo\uFFFD', 'Smith']] });
    const table1252 = readImportTable(latin, { encoding: 'windows-1252' });
    expect(table1252).toMatchObject({ encoding: 'windows-1252', notUtf8: false, rows: [['Zoë', 'Smith']] });
  });

  it('pads short rows, ignores (and counts) extra cells, names blank headers, removes the export formula guard', () => {
    const table = readImportTable(utf8(`First,,Phone\nAnna\nBen,x,"'+44 1",extra\n`));
    expect(table.headers).toEqual(['First', 'Column 2', 'Phone']);
    expect(table.rows).toEqual([
      ['Anna', '', ''],
      ['Ben', 'x', '+44 1'],
    ]);
    expect(table.longRows).toEqual([3]);
  });

  it.each([
    [new Uint8Array(), 'That file is empty.'],
    [utf8('\n\n  \n'), 'That file has no rows.'],
    [utf8('First,Last\n'), 'That file has a header row but no clients under it.'],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x14]), 'That file is not a CSV file'],
  ])('refuses a file that is not a client list (%#)', (bytes, message) => {
    expect(() => readImportTable(bytes)).toThrow(ImportFileError);
    expect(() => readImportTable(bytes)).toThrow(message);
  });
});

describe('import plan: validation, duplicates and the report', () => {
  const file = [
    'First Name,Surname,DOB,E-mail,Mobile,Consent,Consent date,Tags', // row 1
    'Zoë,Ødegård,02/04/1980,zoe@example.com,+47 912 34 567,yes,06/01/2025,"headaches; TMJ"', // 2 ready
    'Marta,Kowalska,15/07/1975,,,no,,', // 3 duplicate of an existing client
    'Ben,Carter,31/02/1990,ben@example.com,,,,', // 4 not a real date
    ',Nobody,,,,,,', // 5 no first name
    'Ola,Nordmann,17/05/1990,ola.example.com,,,,', // 6 bad email (row 6)
    'Anna,Berg,01/01/2030,,,,,', // 7 future
    'Zoe,Odegard,02/04/1980,,,,,', // 8 same as row 2 (accents and case ignored)
    'Sam,Archer,,,call me,maybe,,', // 9 bad phone and consent
    'Lee,Park,,,,yes,,', // 10 consent without a date
  ].join('\r\n');
  const table = readImportTable(utf8(file));
  const mapping = guessMapping(table.headers);
  const existing = new Set([
    duplicateKey({ firstName: 'marta', lastName: 'KOWALSKA', dateOfBirth: '1975-07-15' }),
  ]);
  const plan = planImport(table, mapping, { dateFormat: 'dmy', today: TODAY }, existing);
  const byRow = new Map(plan.rows.map((row) => [row.row, row]));
  const report = plan.rows
    .filter((row): row is Exclude<PlannedRow, { status: 'ready' }> => row.status !== 'ready')
    .flatMap((row) => describeSkippedRow(row));

  it('makes a ready row into client form values, validated with the client schema', () => {
    const zoe = byRow.get(2);
    expect(zoe?.status).toBe('ready');
    expect(zoe?.status === 'ready' && zoe.input).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Ødegård',
      dateOfBirth: '1980-04-02',
      email: 'zoe@example.com',
      phone: '+47 912 34 567',
      consent: { given: true, date: '2025-01-06', textVersion: '' },
      tags: ['headaches', 'TMJ'],
      archived: false,
    });
    expect(plan.ready).toBe(6);
    expect(plan.duplicates).toBe(2);
    expect(plan.invalid).toBe(1);
    expect(plan.withNotices).toBe(5);
  });

  it('skips only rows without a usable name, and reports them with their spreadsheet row number, field and reason', () => {
    expect(report).toEqual([
      'Row 3: Duplicate: Marta Kowalska (born 1975-07-15) is already a client',
      'Row 5: First name: Enter a first name',
      'Row 8: Duplicate: same name and date of birth as row 2',
    ]);
  });

  // Issue 21 item 12: a whole client was skipped for one bad cell (an e-mail without a domain).
  it('imports a client with a bad optional field left empty, and says which field and what it held', () => {
    const notices = plan.rows
      .filter((row): row is ReadyRow => row.status === 'ready')
      .flatMap((row) => describeRowNotices(row));
    expect(notices).toEqual([
      'Row 4: Date of birth: left empty: "31/02/1990" is not a real date',
      'Row 6: Email: left empty: Enter an email address like name@example.com (found "ola.example.com")',
      'Row 7: Date of birth: left empty: Date of birth cannot be in the future (found "2030-01-01")',
      'Row 9: Consent given: read as no: enter yes or no (found "maybe")',
      'Row 9: Phone: left empty: Enter a phone number using digits (spaces, +, - and brackets are fine) (found "call me")',
      'Row 10: Consent date: consent recorded as not given: the file says it was given but has no consent date',
    ]);
    expect(byRow.get(6)).toMatchObject({
      status: 'ready',
      input: { firstName: 'Ola', lastName: 'Nordmann', dateOfBirth: '1990-05-17', email: '' },
    });
    expect(byRow.get(10)).toMatchObject({
      status: 'ready',
      input: { consent: { given: false, date: null } },
    });
  });

  it('follows the chosen date order', () => {
    const us = planImport(table, mapping, { dateFormat: 'mdy', today: TODAY }, new Set());
    const zoe = us.rows.find((row) => row.row === 2);
    expect(zoe?.status === 'ready' && zoe.input.dateOfBirth).toBe('1980-02-04');
    // 15/07/1975 has no 15th month.
    expect(us.rows.find((row) => row.row === 3)).toMatchObject({
      status: 'ready',
      input: { dateOfBirth: null },
      notices: [{ field: 'Date of birth', message: 'left empty: "15/07/1975" is not a real date' }],
    });
  });

  it('uses a full-name column when names are not split, and joins address parts into lines', () => {
    const other = readImportTable(
      utf8(
        'Client,Address 1,Address 2,City,State,Zip,Country\r\n"Kowalska, Marta",1 Main St,Apt 4,Springfield,IL,62704,USA\r\nCher,,,,,,\r\n',
      ),
    );
    const result = planImport(
      other,
      guessMapping(other.headers),
      { dateFormat: 'mdy', today: TODAY },
      new Set(),
    );
    expect(result.rows[0]).toMatchObject({
      status: 'ready',
      input: {
        firstName: 'Marta',
        lastName: 'Kowalska',
        address: '1 Main St\nApt 4\nSpringfield, IL 62704\nUSA',
      },
    });
    expect(describeSkippedRow(result.rows[1] as Exclude<PlannedRow, { status: 'ready' }>)).toEqual([
      'Row 3: Full name: Enter a first name',
    ]);
  });

  it("imports Stillpoint's own clients.csv: every field comes back", () => {
    const client = makeClient({
      firstName: 'Zoë',
      lastName: 'Ødegård',
      preferredName: 'Zo',
      dateOfBirth: '1980-04-02',
      phone: '+47 912 34 567',
      email: 'zoe@example.com',
      address: '1 Fjord Road\nBergen',
      emergencyContact: { name: 'Kari', phone: '-12 345' },
      referringPhysician: 'Dr Lund',
      referralSource: '=friend',
      consent: { given: true, date: '2025-01-06', textVersion: 'v2' },
      notes: 'Quiet, "prefers" mornings',
      tags: ['TMJ', 'headaches'],
      archived: true,
    });
    const builder = new CsvFileBuilder<ClientSheetRow>(CLIENT_COLUMNS);
    builder.add([{ client, healthHistory: null, sessionCount: 0 }]);
    const exported = readImportTable(builder.finish());
    const result = planImport(
      exported,
      guessMapping(exported.headers),
      { dateFormat: 'dmy', today: TODAY },
      new Set(),
    );
    const { id: _id, createdAt: _c, updatedAt: _u, lastVisitAt: _l, searchText: _s, ...input } = client;
    expect(result.rows[0]).toEqual({ row: 2, status: 'ready', input, conditions: [], notices: [] });
  });

  it('a file exported, imported and planned again finds every client already on record', () => {
    const text = csvRecords([
      ['First name', 'Last name', 'DOB'],
      ['Zoë', 'Ødegård', '1980-04-02'],
      ['Anna', 'Berg', ''],
    ]);
    const again = readImportTable(utf8(text));
    const first = planImport(
      again,
      guessMapping(again.headers),
      { dateFormat: 'iso', today: TODAY },
      new Set(),
    );
    const onRecord = new Set(
      first.rows.map((row) => duplicateKey((row as Extract<PlannedRow, { status: 'ready' }>).input)),
    );
    const second = planImport(
      again,
      guessMapping(again.headers),
      { dateFormat: 'iso', today: TODAY },
      onRecord,
    );
    expect(second.ready).toBe(0);
    expect(second.duplicates).toBe(2);
  });
});
