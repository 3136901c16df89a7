import { type ColumnMapping, IMPORT_FIELDS, normalizeHeader } from './import-mapping';

/**
 * Columns of the other tool's file that no Stillpoint field takes ("Medical Alerts", "Client
 * ID", "Last Appointment"). They are listed in the preview with sample values and the therapist
 * decides for each: leave it out, keep it in the client's notes ("Client ID: 1042"), or add its
 * items to the health history as conditions ("Epilepsy", "Warfarin 5mg"), which the safety check
 * then reads and the therapist reviews with the client. Nothing is dropped without a word.
 */

export const EXTRA_COLUMN_USES = ['notes', 'conditions', 'leave-out'] as const;
export type ExtraColumnUse = (typeof EXTRA_COLUMN_USES)[number];

/** A kept column: its index in the file, its header as written, and where it goes. */
export interface ExtraColumn {
  column: number;
  header: string;
  use: Exclude<ExtraColumnUse, 'leave-out'>;
}

/** Health words in a header: such a column is proposed for the health history. */
const HEALTH_HEADER =
  /(^| )(medical|medicals|alert|alerts|condition|conditions|diagnosis|diagnoses|allergy|allergies|health|medication|medications|medicine|medicines|illness|illnesses|contraindications?|precautions?|warnings?)( |$)/;

/** The most items one cell gives the health history, and the longest one (the schema's). */
export const MAX_CONDITION_LABEL = 200;

/** Column indexes that no field takes, in file order. */
export function unmappedColumns(headers: readonly string[], mapping: ColumnMapping): number[] {
  const used = new Set(IMPORT_FIELDS.map((field) => mapping[field]).filter((c) => c !== null));
  return headers.map((_, index) => index).filter((index) => !used.has(index));
}

/** Up to `max` different non-empty values of a column, in file order, for the preview. */
export function sampleValues(rows: readonly (readonly string[])[], column: number, max = 3): string[] {
  const samples: string[] = [];
  for (const row of rows) {
    const value = (row[column] ?? '').trim();
    if (value !== '' && !samples.includes(value)) samples.push(value);
    if (samples.length >= max) break;
  }
  return samples;
}

/**
 * Columns of Stillpoint's own clients.csv that Stillpoint derives itself (ids, counts, times):
 * re-importing them as notes would only add noise, so they are proposed to be left out.
 */
const OWN_DERIVED_COLUMNS = new Set(['client_id', 'session_count', 'last_visit', 'created_at', 'updated_at']);

/** What the preview proposes: health columns to the history, empty ones left out, others to notes. */
export function defaultExtraUse(header: string, samples: readonly string[]): ExtraColumnUse {
  if (samples.length === 0 || OWN_DERIVED_COLUMNS.has(header)) return 'leave-out';
  return HEALTH_HEADER.test(normalizeHeader(header)) ? 'conditions' : 'notes';
}

/**
 * "Epilepsy, Warfarin 5mg" -> ["Epilepsy", "Warfarin 5mg"]. A list with semicolons or line breaks
 * is split only at those, so "Migraine (current, moderate); DVT" keeps its commas (that is how
 * Stillpoint's own clients.csv writes conditions).
 */
export function splitConditions(value: string): string[] {
  return value
    .split(/[;\r\n]/.test(value) ? /[;\r\n]+/ : /,/)
    .map((item) => item.trim().replace(/\s+/g, ' '))
    .filter((item) => item !== '');
}

/** The line a kept column adds to the client's notes. */
export function extraNoteLine(header: string, value: string): string {
  return `${header}: ${value.trim()}`;
}
