import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../src-shared/exports/import-mapping';
import {
  describeRowNotices,
  describeSkippedRow,
  planImport,
  type ReadyRow,
  type SkippedRow,
} from '../../../src-shared/exports/import-plan';
import { readImportTable } from '../../../src-shared/exports/import-table';
import {
  capitalOrderLabel,
  dateFormatLabel,
  delimiterName,
  extraUseLabel,
  importFieldLabel,
} from '../../../src-shared/exports/import-words';
import { translatorFor } from '../../../src-shared/i18n';

// Issue 19: the CSV import's field names, choices and row problems in the app's language.
const de = translatorFor('de');
const encode = (text: string) => new TextEncoder().encode(text);

describe('the CSV import in German', () => {
  it('names fields and choices as a German therapist reads them', () => {
    expect(importFieldLabel(de, 'dateOfBirth')).toBe('Geburtsdatum');
    expect(importFieldLabel(de, 'postcode')).toBe('Postleitzahl');
    expect(dateFormatLabel(de, 'dmy')).toBe('TT/MM/JJJJ (Tag zuerst)');
    expect(delimiterName(de, ';')).toBe('Semikolon');
    expect(delimiterName(de, '#')).toBe('„#“');
    expect(extraUseLabel(de, 'leave-out')).toBe('Weglassen');
    expect(capitalOrderLabel(de, 'last-first')).toBe('Nachname zuerst (BECKER TOM ist Tom Becker)');
  });

  it('writes row problems and notices in German, the client’s own values untouched', () => {
    const table = readImportTable(
      encode(
        [
          'First name,Last name,Date of birth,Archived',
          'Marta,Kowalska,31/02/1980,vielleicht',
          'Marta,Kowalska,31/02/1980,no',
          ',,,',
        ].join('\n'),
      ),
    );
    const plan = planImport(
      table,
      guessMapping(table.headers),
      { dateFormat: 'dmy', today: '2026-12-07', t: de },
      new Set(),
    );
    const ready = plan.rows.filter((row): row is ReadyRow => row.status === 'ready');
    const skipped = plan.rows.filter((row): row is SkippedRow => row.status !== 'ready');
    expect(ready.flatMap((row) => describeRowNotices(row, de))).toEqual([
      'Zeile 2: Geburtsdatum: leer gelassen: „31/02/1980“ ist kein gültiges Datum',
      'Zeile 2: Archiviert: als „nein“ gelesen: Geben Sie ja oder nein ein (gefunden: „vielleicht“)',
    ]);
    const lines = skipped.flatMap((row) => describeSkippedRow(row, de));
    expect(lines).toContain('Zeile 3: Doppelt: gleicher Name und gleiches Geburtsdatum wie Zeile 2');
  });

  it('without a translator the plan still writes English, as before', () => {
    const table = readImportTable(encode('First name,Last name,Date of birth\nMarta,Kowalska,31/02/1980\n'));
    const plan = planImport(
      table,
      guessMapping(table.headers),
      { dateFormat: 'dmy', today: '2026-12-07' },
      new Set(),
    );
    expect(describeRowNotices(plan.rows[0] as ReadyRow)).toEqual([
      'Row 2: Date of birth: left empty: "31/02/1980" is not a real date',
    ]);
  });
});
