import { BODY_REGIONS, type BodyRegion } from '../../../src-shared/domain/body-regions';
import { TECHNIQUES, type Technique } from '../../../src-shared/domain/techniques';

/**
 * Type-ahead matching for the pick lists: "occ" finds Occipital, "c1" finds C1 before C1x,
 * "sac" finds Sacrum and the sacroiliac joint, "cerv" the cervical group. Case, accents,
 * spaces and hyphens are ignored; better matches first, then cranium-to-sacrum order.
 */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s\-/()]+/g, ' ')
    .trim();
}

function words(text: string): string[] {
  return normalizeQuery(text).split(' ').filter(Boolean);
}

/** 0 = exact, 1 = starts the name, 2 = starts a word, 3 = starts a word of the group, 4 = inside. */
function rank(query: string, name: string, id: string, group: string): number | null {
  const n = normalizeQuery(name);
  const i = normalizeQuery(id);
  const compact = query.replace(/ /g, '');
  if (n === query || i === query || i.replace(/ /g, '') === compact) return 0;
  if (n.startsWith(query) || i.startsWith(query)) return 1;
  const queryWords = query.split(' ');
  const nameWords = words(name);
  if (queryWords.every((q) => nameWords.some((w) => w.startsWith(q)))) return 2;
  if (queryWords.every((q) => words(group).some((w) => w.startsWith(q)))) return 3;
  if (n.includes(query) || n.replace(/ /g, '').includes(compact)) return 4;
  return null;
}

function ranked<T>(items: readonly T[], score: (item: T) => number | null): T[] {
  return items
    .map((item, index) => ({ item, index, score: score(item) }))
    .filter((entry): entry is { item: T; index: number; score: number } => entry.score !== null)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((entry) => entry.item);
}

/** A region found by type-ahead, and the alias that found it when its name did not ("SIJ"). */
export interface RegionMatch {
  region: BodyRegion;
  alias: string | null;
  score: number;
}

/** The better of two ranks (lower is better); null when neither matched. */
function better(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}

/** A region's name and group in the app's language, when it is not English. */
export type LocalRegionNames = (region: BodyRegion) => { name: string; group: string };

/**
 * How well `q` (normalized) finds a region: by its name or id (English, or as the app's language
 * names it), else by one of its aliases.
 */
function regionMatch(q: string, region: BodyRegion, local?: LocalRegionNames): RegionMatch | null {
  const names = local?.(region);
  const byName = better(
    rank(q, region.label, region.id, region.groupLabel),
    names ? rank(q, names.name, region.id, names.group) : null,
  );
  let best: RegionMatch | null = byName === null ? null : { region, alias: null, score: byName };
  for (const alias of region.aliases) {
    // An alias counts as a name (exact, start, word start), never by its group or a letter inside.
    const score = rank(q, alias, alias, '');
    if (score !== null && score < 3 && (best === null || score < best.score)) best = { region, alias, score };
  }
  return best;
}

/**
 * Type-ahead over the areas, best first, then cranium to sacrum: "si" and "sij" find the
 * sacroiliac joint, "sbs" the sphenobasilar junction, "atlas" C1, "jaw" the mandible and then the
 * maxilla. Every region that matches is listed, so an ambiguous prefix shows all its candidates.
 */
export function searchRegions(
  query: string,
  regions: readonly BodyRegion[] = BODY_REGIONS,
  local?: LocalRegionNames,
): RegionMatch[] {
  const q = normalizeQuery(query);
  if (q === '') return regions.map((region) => ({ region, alias: null, score: 0 }));
  return regions
    .map((region, index) => ({ match: regionMatch(q, region, local), index }))
    .filter((entry): entry is { match: RegionMatch; index: number } => entry.match !== null)
    .sort((a, b) => a.match.score - b.match.score || a.index - b.index)
    .map((entry) => entry.match);
}

export function matchRegions(query: string, regions: readonly BodyRegion[] = BODY_REGIONS): BodyRegion[] {
  return searchRegions(query, regions).map((match) => match.region);
}

/**
 * The candidates an ambiguous query leaves open: the regions that share the best match when it is
 * not exact ("sph": Sphenoid and Sphenobasilar junction), else an empty list.
 */
export function ambiguousCandidates(matches: readonly RegionMatch[]): RegionMatch[] {
  const best = matches[0]?.score;
  if (best === undefined || best === 0) return [];
  const tied = matches.filter((match) => match.score === best);
  return tied.length > 1 ? tied : [];
}

/** Techniques that usually go with a region, offered first in that area's technique list. */
const SUGGESTED_TECHNIQUES: Record<string, readonly string[]> = {
  frontal: ['frontal-lift'],
  parietal: ['parietal-lift'],
  occipital: ['still-point-cv4', 'cranial-base-release'],
  temporal: ['temporal-ear-pull', 'temporal-mastoid'],
  sphenoid: ['sphenoid-compression-decompression'],
  'mandible-tmj': ['tmj-decompression'],
  'hard-palate': ['hard-palate-intraoral'],
  maxilla: ['hard-palate-intraoral'],
  palatine: ['hard-palate-intraoral'],
  vomer: ['hard-palate-intraoral'],
  'occiput-condyles': ['cranial-base-release'],
  'atlanto-occipital': ['cranial-base-release'],
  sphenobasilar: ['sphenoid-compression-decompression'],
  'dural-tube': ['dural-tube-rock-glide'],
  hyoid: ['hyoid-release'],
  'thoracic-inlet': ['thoracic-inlet-release'],
  'respiratory-diaphragm': ['respiratory-diaphragm-release'],
  'pelvic-diaphragm': ['pelvic-diaphragm-release'],
  'l5-s1': ['sacral-decompression'],
  sacrum: ['sacral-decompression', 'dural-tube-rock-glide'],
  feet: ['still-point-feet'],
};

export function suggestedTechniques(regionId: string): readonly string[] {
  return SUGGESTED_TECHNIQUES[regionId] ?? [];
}

/**
 * Techniques for an area's picker: with no query, the region's usual techniques first, then the
 * 10-step protocol in order and the rest; with a query, the best matches.
 */
export function matchTechniques(
  query: string,
  regionId: string,
  exclude: readonly string[] = [],
  /** The technique's name in the app's language: found by it as well as by the English one. */
  localName?: (technique: Technique) => string,
): Technique[] {
  const available = TECHNIQUES.filter((t) => !exclude.includes(t.id));
  const q = normalizeQuery(query);
  if (q === '') {
    const suggested = suggestedTechniques(regionId);
    return [
      ...available.filter((t) => suggested.includes(t.id)),
      ...available.filter((t) => !suggested.includes(t.id)),
    ];
  }
  return ranked(available, (t) =>
    better(rank(q, t.label, t.id, ''), localName ? rank(q, localName(t), t.id, '') : null),
  );
}

/**
 * The highlighted option after the box changed to `typed`: the best match once there is text
 * (the therapist typed towards it), none in an empty box, so Enter there adds nothing.
 */
export function highlightAfterTyping(typed: string): number | null {
  return typed.trim() === '' ? null : 0;
}

/**
 * Arrow keys over `count` options: ↓ from nothing highlights the first, ↑ from the first stays
 * there; with no options nothing is highlighted.
 */
export function moveHighlight(current: number | null, step: 1 | -1, count: number): number | null {
  if (count === 0) return null;
  if (current === null) return step === 1 ? 0 : null;
  return Math.max(0, Math.min(count - 1, current + step));
}
