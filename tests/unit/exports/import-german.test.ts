import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../src-shared/exports/import-mapping';
import {
  describeRowNotices,
  describeSkippedRow,
  planImport,
  type ReadyRow,
  type SkippedRow,
} from '../../../src-shared/exports/import-plan';
import { ImportFileError, readImportTable } from '../../../src-shared/exports/import-table';
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

  it('says a schema’s own reason in German too: the notice reads German to the end', () => {
    const table = readImportTable(
      encode(
        [
          'First name,Last name,Email,Phone',
          'Marta,Kowalska,marta.example.com,call me',
          `${'A'.repeat(120)},Berg,,`,
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
    expect(ready.flatMap((row) => describeRowNotices(row, de))).toEqual([
      'Zeile 2: Telefon: leer gelassen: Geben Sie eine Telefonnummer mit Ziffern ein (Leerzeichen, +, - und Klammern sind erlaubt) (gefunden: „call me“)',
      'Zeile 2: E-Mail: leer gelassen: Geben Sie eine E-Mail-Adresse wie name@example.com ein (gefunden: „marta.example.com“)',
    ]);
    // A name the schema refuses keeps the row out, its reason in German with the schema's limit.
    const skipped = plan.rows.filter((row): row is SkippedRow => row.status !== 'ready');
    expect(skipped.flatMap((row) => describeSkippedRow(row, de))).toEqual([
      'Zeile 3: Vorname: Der Vorname darf höchstens 100 Zeichen lang sein',
    ]);
  });

  it('says why a row could not be split, in German, with the row as written', () => {
    const table = readImportTable(encode('First name,Last name\nAnna,Berg\n"Ben"x,Carter\nCleo,Dune\n'));
    expect(table.unreadableRows).toEqual([{ row: 3, problem: 'strayQuote', text: '"Ben"x,Carter' }]);
    const plan = planImport(
      table,
      guessMapping(table.headers),
      { dateFormat: 'dmy', today: '2026-12-07', t: de },
      new Set(),
    );
    const skipped = plan.rows.filter((row): row is SkippedRow => row.status !== 'ready');
    expect(skipped.flatMap((row) => describeSkippedRow(row, de))).toEqual([
      'Zeile 3: Ganze Zeile: Diese Zeile konnte nicht gelesen werden: Auf ein schließendes Anführungszeichen (") folgt noch Text. Korrigieren Sie die Anführungszeichen in der Datei und importieren Sie sie erneut. Sie beginnt so: "Ben"x,Carter',
    ]);
  });

  it.each([
    [new Uint8Array(), 'Diese Datei ist leer.'],
    [encode('\n\n  \n'), 'Diese Datei enthält keine Zeilen.'],
    [encode('First,Last\n'), 'Diese Datei hat eine Kopfzeile, aber keine Klienten darunter.'],
    [
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x14]),
      'Diese Datei ist keine CSV-Datei (sie enthält Binärdaten). Speichern Sie sie als CSV und versuchen Sie es noch einmal.',
    ],
    [
      encode('First,"Last\nAnna,Berg\n'),
      'Die erste Zeile (die Spaltennamen) konnte nicht gelesen werden: Ein Anführungszeichen (") darin ist nicht richtig geschlossen. Korrigieren Sie es und versuchen Sie es noch einmal: First,"Last',
    ],
  ])('refuses a file that is no client list with its key, said in German (%#)', (bytes, german) => {
    let caught: unknown;
    try {
      readImportTable(bytes);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImportFileError);
    const refusal = caught as ImportFileError;
    expect(de(refusal.key, refusal.values)).toBe(german);
  });
});
