import { describe, expect, it } from 'vitest';
import { planInChunks, readTableInSteps } from '../../../src-renderer/features/exports/plan-in-chunks';
import {
  defaultExtraUse,
  type ExtraColumn,
  sampleValues,
  splitConditions,
  unmappedColumns,
} from '../../../src-shared/exports/import-extras';
import { guessMapping } from '../../../src-shared/exports/import-mapping';
import { splitFullName } from '../../../src-shared/exports/import-names';
import {
  describeRowNotices,
  type ImportOptions,
  ImportPlanner,
  planImport,
  type ReadyRow,
} from '../../../src-shared/exports/import-plan';
import { readImportTable } from '../../../src-shared/exports/import-table';

/** Issue 21 item 12: a file from another tool, with columns Stillpoint has no field for. */

const TODAY = '2026-03-20';
const utf8 = (text: string) => new TextEncoder().encode(text);
const otherTool = readImportTable(
  utf8(
    [
      'Client ID,Name,Email,Medical Alerts,Last Appointment,Unused',
      '1042,BECKER TOM,tom@example,"Epilepsy, Warfarin 5mg",2026-01-12,',
      '1043,Anna Berg,anna@example.com,,2026-02-01,',
      '1044,MÜLLER Jörg,,Migraine; recent concussion,,',
    ].join('\r\n'),
  ),
);
const mapping = guessMapping(otherTool.headers);

describe('columns no field takes', () => {
  it('are listed with sample values, health columns proposed for the health history', () => {
    const columns = unmappedColumns(otherTool.headers, mapping);
    expect(columns.map((column) => otherTool.headers[column])).toEqual([
      'Client ID',
      'Medical Alerts',
      'Last Appointment',
      'Unused',
    ]);
    expect(sampleValues(otherTool.rows, 3)).toEqual([
      'Epilepsy, Warfarin 5mg',
      'Migraine; recent concussion',
    ]);
    expect(
      columns.map((column) =>
        defaultExtraUse(otherTool.headers[column]!, sampleValues(otherTool.rows, column)),
      ),
    ).toEqual(['notes', 'conditions', 'notes', 'leave-out']);
    expect(splitConditions('Epilepsy, Warfarin 5mg')).toEqual(['Epilepsy', 'Warfarin 5mg']);
    expect(splitConditions('Migraine (current, moderate);\nDVT')).toEqual([
      'Migraine (current, moderate)',
      'DVT',
    ]);
    // Stillpoint's own derived columns are proposed to be left out when its clients.csv comes back.
    expect(defaultExtraUse('session_count', ['3'])).toBe('leave-out');
    expect(defaultExtraUse('conditions', ['Migraine (current)'])).toBe('conditions');
  });

  it('are kept as lines of the notes or as conditions to review, as the therapist chose', () => {
    const extras: ExtraColumn[] = [
      { column: 0, header: 'Client ID', use: 'notes' },
      { column: 3, header: 'Medical Alerts', use: 'conditions' },
      { column: 4, header: 'Last Appointment', use: 'notes' },
    ];
    const result = planImport(otherTool, mapping, { dateFormat: 'iso', today: TODAY, extras }, new Set());
    expect(result.rows[0]).toMatchObject({
      status: 'ready',
      input: { notes: 'Client ID: 1042\nLast Appointment: 2026-01-12' },
      conditions: [
        { label: 'Epilepsy', column: 'Medical Alerts' },
        { label: 'Warfarin 5mg', column: 'Medical Alerts' },
      ],
    });
    expect(result.rows[1]).toMatchObject({ status: 'ready', conditions: [] });
    // Without a choice to keep them, nothing of these columns is imported.
    const without = planImport(otherTool, mapping, { dateFormat: 'iso', today: TODAY }, new Set());
    expect(without.rows[0]).toMatchObject({ input: { notes: '' }, conditions: [] });
  });
});

describe('names in capitals', () => {
  it('"BECKER TOM" is read last name first by default, and flagged to check', () => {
    expect(splitFullName('BECKER TOM')).toMatchObject({
      firstName: 'TOM',
      lastName: 'BECKER',
      allCapitals: true,
    });
    expect(splitFullName('BECKER TOM', 'first-last')).toMatchObject({ firstName: 'BECKER', lastName: 'TOM' });
    expect(splitFullName('MÜLLER Jörg')).toMatchObject({
      firstName: 'Jörg',
      lastName: 'MÜLLER',
      allCapitals: false,
    });
    expect(splitFullName("O'BRIEN Mary Ann")).toMatchObject({ firstName: 'Mary Ann', lastName: "O'BRIEN" });
    // Initials and ordinary names are not capitals.
    expect(splitFullName('Anna B Berg')).toMatchObject({
      firstName: 'Anna B',
      lastName: 'Berg',
      check: null,
    });
  });

  it('each such row is imported with a notice to check, and the plan counts names wholly in capitals', () => {
    const result = planImport(otherTool, mapping, { dateFormat: 'iso', today: TODAY }, new Set());
    expect(result.capitalNames).toBe(1);
    const notices = result.rows
      .filter((row): row is ReadyRow => row.status === 'ready')
      .flatMap((row) => describeRowNotices(row));
    expect(notices).toEqual([
      'Row 2: Full name: "BECKER TOM" is in capitals, so the order is unclear: read as first name TOM, last name BECKER. Check it',
      'Row 2: Email: left empty: Enter an email address like name@example.com (found "tom@example")',
      'Row 4: Full name: "MÜLLER Jörg": the word in capitals is read as the last name (first name Jörg, last name MÜLLER). Check it',
    ]);
    const firstLast = planImport(
      otherTool,
      mapping,
      { dateFormat: 'iso', today: TODAY, capitalNameOrder: 'first-last' },
      new Set(),
    );
    expect(firstLast.rows[0]).toMatchObject({ input: { firstName: 'BECKER', lastName: 'TOM' } });
  });
});

describe('planning in chunks', () => {
  const many = readImportTable(
    utf8(
      [
        'First,Last,DOB,Email',
        ...Array.from(
          { length: 2500 },
          (_, i) => `Anna${i},Berg,1980-01-01,${i % 7 === 0 ? 'bad' : `a${i}@example.com`}`,
        ),
        'Anna3,Berg,1980-01-01,',
      ].join('\n'),
    ),
  );
  const options: ImportOptions = { dateFormat: 'iso', today: TODAY };

  it('gives the same plan as planning in one go, with progress after each chunk', async () => {
    const progress: number[] = [];
    let turns = 0;
    const chunked = await planInChunks(
      new ImportPlanner(many, guessMapping(many.headers), options, new Set()),
      {
        chunkRows: 1000,
        onProgress: (p) => progress.push(p.done),
        yieldToBrowser: async () => {
          turns += 1;
        },
      },
    );
    expect(progress).toEqual([1000, 2000, 2501]);
    expect(turns).toBe(2);
    const whole = planImport(many, guessMapping(many.headers), options, new Set());
    expect(chunked).toEqual(whole);
    // A duplicate found across chunks: row 2502 repeats row 5.
    expect(whole.duplicates).toBe(1);
    expect(whole.withNotices).toBe(Math.ceil(2500 / 7));
  });

  it('stops when a newer mapping aborts it', async () => {
    const controller = new AbortController();
    const result = await planInChunks(
      new ImportPlanner(many, guessMapping(many.headers), options, new Set()),
      {
        chunkRows: 1000,
        signal: controller.signal,
        yieldToBrowser: async () => controller.abort(),
      },
    );
    expect(result).toBeNull();
  });

  it('reads a large file in slices, giving the window a turn between them, into the same table', async () => {
    const text = ['First,Last', ...Array.from({ length: 12_000 }, (_, i) => `Anna${i},Berg`)].join('\n');
    const bytes = utf8(text);
    const read: number[] = [];
    let turns = 0;
    const table = await readTableInSteps(
      bytes,
      {},
      {
        onProgress: (rows) => read.push(rows),
        yieldToBrowser: async () => {
          turns += 1;
        },
      },
    );
    expect(read).toEqual([5000, 10_000]);
    expect(turns).toBe(2);
    expect(table).toEqual(readImportTable(bytes));
    expect(table.rows).toHaveLength(12_000);
  });
});
