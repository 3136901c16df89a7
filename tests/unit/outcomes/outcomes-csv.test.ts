import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { PracticePagesReader } from '../../../src-renderer/db/practice-pages';
import { buildSpreadsheetFiles } from '../../../src-renderer/features/exports/spreadsheet-export';
import { OUTCOME_COLUMNS } from '../../../src-shared/outcomes/spreadsheet';
import { addClient, filledIn, openRepositories } from '../db/helpers';
import { seedOutcomes } from './builders';

function rowsOf(bytes: Uint8Array): Record<string, string>[] {
  const text = new TextDecoder().decode(bytes);
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

describe('outcomes.csv', () => {
  it('one row per score, the words repeated, the profile score and the change from the baseline', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients, 'Zoë', 'Ødegård');
    await addClient(repos.clients, 'Anna', 'Berg');
    const draft = await repos.sessions.createDraft(client.id);
    await repos.sessions.saveDraft(filledIn(draft));
    await repos.sessions.sign(draft.id, 'Anna Berg');
    await seedOutcomes(repos, client.id, draft.id);

    const files = await buildSpreadsheetFiles(new PracticePagesReader(repos.db), { pageSize: 1 });
    expect(files.outcomes).toBe(2);
    const rows = rowsOf(files.outcomesCsv);
    expect(rows.map((r) => r.kind)).toEqual(['baseline', 'follow-up']);
    expect(rows[0]).toMatchObject({
      client_name: 'Zoë Ødegård',
      symptom_1: 'Kopfschmerz „hinten“',
      symptom_2: 'Σφίξιμο στο σαγόνι',
      activity: '',
      symptom_1_duration: '3 months to a year',
      session_id: draft.id,
      symptom_1_score: '5',
      symptom_2_score: '4',
      activity_score: '',
      wellbeing_score: '3',
      profile_score: '4',
      change_from_baseline: '',
    });
    // Follow-up: symptom 1 and wellbeing only, (3 + 2) / 2 = 2.5, change -1.5.
    expect(rows[1]).toMatchObject({ session_id: '', profile_score: '2.5', change_from_baseline: '-1.5' });
  });

  it('docs/export-formats.md documents every column with its meaning and format, in order', () => {
    const doc = readFileSync(path.resolve(__dirname, '../../../docs/export-formats.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### outcomes.csv'));
    const rows = section
      .split('\n')
      .filter((line) => /^\|\s*\d+\s*\|/.test(line))
      .slice(0, OUTCOME_COLUMNS.length)
      .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(rows.map((cells) => cells[2])).toEqual(OUTCOME_COLUMNS.map((c) => `\`${c.name}\``));
    expect(rows.map((cells) => cells[3])).toEqual(OUTCOME_COLUMNS.map((c) => c.description));
    expect(rows.map((cells) => cells[4])).toEqual(OUTCOME_COLUMNS.map((c) => c.format));
  });
});
