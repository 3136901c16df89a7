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

/** One labelled piece of a note's text, in the order a therapist reads the note. */
export interface NoteField {
  label: string;
  text: string;
}

function push(out: NoteField[], label: string, text: string | undefined | null): void {
  if (typeof text === 'string' && text.trim() !== '') out.push({ label, text });
}

/** The note's searchable text, field by field (pick-list ids turned into their labels). */
export function noteFields(note: SearchableNote): NoteField[] {
  const out: NoteField[] = [];
  push(out, 'Chief complaint', note.chiefComplaint);
  push(out, 'Pain location', note.painBefore?.location);
  push(out, 'Changes since last time', note.changesSinceLast);
  for (const finding of note.safetyCheck?.findings ?? []) {
    push(out, 'Safety check', finding.title);
    push(out, 'Safety check', finding.modification);
    push(out, 'Safety check', finding.overrideReason);
  }
  push(out, 'Rhythm', note.rhythm?.quality);
  push(out, 'Palpation site', note.rhythm?.site);
  for (const area of note.treatedAreas ?? []) {
    const region = area.regionId ? regionLabel(area.regionId) : '';
    const techniques = (area.techniques ?? []).map(techniqueLabel).join(', ');
    push(out, 'Treated area', [region, techniques].filter(Boolean).join(': '));
    push(out, region || 'Treated area', area.note);
  }
  const sensations = (note.sensations?.selected ?? []).map(sensationLabel).join(', ');
  push(out, 'Sensations', sensations);
  push(out, 'Sensations', note.sensations?.other);
  push(out, 'Observations', note.observations);
  push(out, 'Emotional release', note.emotionalRelease);
  push(out, 'Pain location after', note.painAfter?.location);
  push(out, 'Global response', note.globalResponse?.description);
  push(out, 'Plan', note.plan);
  push(out, 'Next session', note.nextSessionRecommendation);
  push(out, 'Home care', note.homeCare);
  for (const addendum of note.addenda ?? []) {
    push(out, 'Addendum', addendum.text);
    push(out, 'Addendum', addendum.reason);
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
