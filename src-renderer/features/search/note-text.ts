import { regionLabel } from '../../../src-shared/domain/body-regions';
import { sensationLabel } from '../../../src-shared/domain/sensations';
import { techniqueLabel } from '../../../src-shared/domain/techniques';
import { searchWords } from '../../../src-shared/domain/text-search';

/**
 * What full-text note search looks at, and how text becomes search terms. The same rules build
 * the index (in a worker) and check notes at query time, so they live here, pure and shared.
 *
 * Terms are the folded words of `searchWords` (case, accents and apostrophes ignored), so
 * "Zoë" and "zoe" match. Words that carry no meaning on their own ("the", "and") are not indexed.
 */

/** The note fields search reads: a loose shape, since stored rows are read without parsing. */
export interface SearchableNote {
  id: string;
  clientId: string;
  status?: string;
  serviceDate?: string;
  serviceTime?: string;
  sessionNumber?: number | null;
  updatedAt?: string;
  chiefComplaint?: string;
  painBefore?: { location?: string };
  painAfter?: { location?: string };
  changesSinceLast?: string;
  rhythm?: { quality?: string; site?: string };
  treatedAreas?: { regionId?: string; techniques?: string[]; note?: string }[];
  sensations?: { selected?: string[]; other?: string };
  observations?: string;
  emotionalRelease?: string;
  globalResponse?: { description?: string };
  plan?: string;
  nextSessionRecommendation?: string;
  homeCare?: string;
  addenda?: { text?: string; reason?: string }[];
  safetyCheck?: { findings?: { title?: string; modification?: string; overrideReason?: string }[] };
}

/**
 * Which part of a note a piece of text is from. The screen names it in the app's language
 * (`search.fields.<name>`, NoteSearch.tsx); a treated area's own note is named by its region.
 */
export type NoteFieldName =
  | 'chiefComplaint'
  | 'painLocation'
  | 'changesSinceLast'
  | 'safetyCheck'
  | 'rhythm'
  | 'palpationSite'
  | 'treatedArea'
  | 'sensations'
  | 'observations'
  | 'emotionalRelease'
  | 'painLocationAfter'
  | 'globalResponse'
  | 'plan'
  | 'nextSession'
  | 'homeCare'
  | 'addendum';

/** One named piece of a note's text, in the order a therapist reads the note. */
export interface NoteField {
  name: NoteFieldName;
  /** A treated area's note: the region it is about. */
  regionId?: string;
  text: string;
}

function push(
  out: NoteField[],
  name: NoteFieldName,
  text: string | undefined | null,
  regionId?: string,
): void {
  if (typeof text === 'string' && text.trim() !== '')
    out.push(regionId ? { name, regionId, text } : { name, text });
}

/** The note's searchable text, field by field (pick-list ids turned into their labels). */
export function noteFields(note: SearchableNote): NoteField[] {
  const out: NoteField[] = [];
  push(out, 'chiefComplaint', note.chiefComplaint);
  push(out, 'painLocation', note.painBefore?.location);
  push(out, 'changesSinceLast', note.changesSinceLast);
  for (const finding of note.safetyCheck?.findings ?? []) {
    push(out, 'safetyCheck', finding.title);
    push(out, 'safetyCheck', finding.modification);
    push(out, 'safetyCheck', finding.overrideReason);
  }
  push(out, 'rhythm', note.rhythm?.quality);
  push(out, 'palpationSite', note.rhythm?.site);
  for (const area of note.treatedAreas ?? []) {
    const region = area.regionId ? regionLabel(area.regionId) : '';
    const techniques = (area.techniques ?? []).map(techniqueLabel).join(', ');
    push(out, 'treatedArea', [region, techniques].filter(Boolean).join(': '));
    push(out, 'treatedArea', area.note, area.regionId || undefined);
  }
  const sensations = (note.sensations?.selected ?? []).map(sensationLabel).join(', ');
  push(out, 'sensations', sensations);
  push(out, 'sensations', note.sensations?.other);
  push(out, 'observations', note.observations);
  push(out, 'emotionalRelease', note.emotionalRelease);
  push(out, 'painLocationAfter', note.painAfter?.location);
  push(out, 'globalResponse', note.globalResponse?.description);
  push(out, 'plan', note.plan);
  push(out, 'nextSession', note.nextSessionRecommendation);
  push(out, 'homeCare', note.homeCare);
  for (const addendum of note.addenda ?? []) {
    push(out, 'addendum', addendum.text);
    push(out, 'addendum', addendum.reason);
  }
  return out;
}

/** Short words too common to search by: not indexed, and left out of queries. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by for from had has have he her his i if in into is it its me my no not of ' +
    'on or our she so than that the their them then there they this to too up was we were when which ' +
    'while who will with you your'
  ).split(' '),
);

/** Whether a folded word is worth indexing. */
export function isIndexedTerm(word: string): boolean {
  return word.length >= 2 && !STOP_WORDS.has(word);
}

/** The distinct indexed terms of a note. */
export function noteTerms(note: SearchableNote): Set<string> {
  const terms = new Set<string>();
  for (const field of noteFields(note)) {
    for (const word of searchWords(field.text)) if (isIndexedTerm(word)) terms.add(word);
  }
  return terms;
}

/**
 * The words of a query, each matched as the start of a term ("sacr rel" finds "sacrum release").
 * Stop words are dropped, except the last word while it is being typed ("an" may become
 * "anxiety"). Empty when nothing is left to search for.
 */
export function queryWords(query: string): string[] {
  const words = searchWords(query);
  return words.filter(
    (word, index) => index === words.length - 1 || (word.length >= 2 && !STOP_WORDS.has(word)),
  );
}

/** True when every query word starts one of the terms. */
export function termsMatch(terms: ReadonlySet<string>, words: readonly string[]): boolean {
  return words.every((word) => {
    if (terms.has(word)) return true;
    for (const term of terms) if (term.startsWith(word)) return true;
    return false;
  });
}

/**
 * Newest first: date of service, then time, then session number (drafts without a date last).
 * The index numbers notes in this order, so the first matches are the most recent.
 */
export function compareNewestFirst(a: SearchableNote, b: SearchableNote): number {
  const ad = a.serviceDate ?? '';
  const bd = b.serviceDate ?? '';
  if (ad !== bd) return ad < bd ? 1 : -1;
  const at = a.serviceTime ?? '';
  const bt = b.serviceTime ?? '';
  if (at !== bt) return at < bt ? 1 : -1;
  const an = a.sessionNumber ?? 0;
  const bn = b.sessionNumber ?? 0;
  if (an !== bn) return bn - an;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
