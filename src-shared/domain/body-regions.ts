import { z } from 'zod';

/**
 * Treated areas, cranium to sacrum, exactly in the order of DOMAIN.md ("Treated areas, cranium to
 * sacrum", groups 1-11). The order is the pick-list order and the order areas appear in a note,
 * in the SOAP view and on a handout. Ids are stored in notes: never rename or remove one, only add.
 */

export const SIDES = ['left', 'right', 'both'] as const;
export const SideSchema = z.enum(SIDES);
export type Side = z.infer<typeof SideSchema>;
export const SIDE_LABELS: Record<Side, string> = { left: 'Left', right: 'Right', both: 'Both sides' };
/** Short form for chips and the body map: "L", "R", "L+R". */
export const SIDE_SHORT_LABELS: Record<Side, string> = { left: 'L', right: 'R', both: 'L+R' };

export const MAP_VIEWS = ['lateral', 'posterior'] as const;
export type MapView = (typeof MAP_VIEWS)[number];

export const REGION_GROUPS = [
  { id: 'cranial-vault', label: 'Cranial vault' },
  { id: 'face-mouth', label: 'Face and mouth' },
  { id: 'cranial-base', label: 'Cranial base' },
  { id: 'membranes', label: 'Membranes' },
  { id: 'cervical', label: 'Cervical' },
  { id: 'transverse-diaphragms', label: 'Transverse diaphragms' },
  { id: 'thoracic', label: 'Thoracic' },
  { id: 'lumbar', label: 'Lumbar' },
  { id: 'sacrum-pelvis', label: 'Sacrum and sacroiliac joints' },
  { id: 'coccyx', label: 'Coccyx' },
  { id: 'extremities', label: 'Extremities' },
] as const;
export type RegionGroupId = (typeof REGION_GROUPS)[number]['id'];

/**
 * Handout wording, head to toe. DOMAIN.md names eight phrases; the rest follow the same plain style.
 * A handout lists phrases in this order, whatever order the areas were treated in.
 */
export const PLAIN_AREA_PHRASES = [
  'forehead and top of the head',
  'temples',
  'sides of the head and ears',
  'inside the skull',
  'face',
  'roof of the mouth',
  'jaw',
  'base of the skull',
  'neck',
  'front of the neck',
  'along the spine',
  'upper back and chest',
  'breathing muscle',
  'lower back',
  'pelvic floor',
  'pelvis and tailbone',
  'arms',
  'hands',
  'legs',
  'feet',
] as const;
export type PlainAreaPhrase = (typeof PLAIN_AREA_PHRASES)[number];

export interface BodyRegion {
  /** Stable kebab-case id stored in notes, e.g. 'occipital', 'c1', 'l5-s1'. */
  readonly id: string;
  readonly label: string;
  readonly group: RegionGroupId;
  readonly groupLabel: string;
  /** Paired structure: the note records a side (left, right or both). */
  readonly bilateral: boolean;
  /** The words a client reads on an aftercare handout. */
  readonly plainLanguage: PlainAreaPhrase;
  /**
   * Body-map views (skull, spine and pelvis) that draw this region as a clickable shape. Empty for
   * internal structures (membranes, palate, vomer) and the limbs: those come from the pick list.
   */
  readonly mapViews: readonly MapView[];
  /** Other names and abbreviations therapists type for it ("SIJ", "atlas", "jaw"), for type-ahead. */
  readonly aliases: readonly string[];
}

type RegionSpec = Omit<BodyRegion, 'groupLabel' | 'aliases'>;

const BOTH_VIEWS: readonly MapView[] = ['lateral', 'posterior'];
const LATERAL: readonly MapView[] = ['lateral'];
const POSTERIOR: readonly MapView[] = ['posterior'];
const PICK_LIST_ONLY: readonly MapView[] = [];

function vertebrae(prefix: 'C' | 'T' | 'L', count: number, group: RegionGroupId, plain: PlainAreaPhrase) {
  return Array.from(
    { length: count },
    (_, i): RegionSpec => ({
      id: `${prefix.toLowerCase()}${i + 1}`,
      label: `${prefix}${i + 1}`,
      group,
      bilateral: false,
      plainLanguage: plain,
      mapViews: BOTH_VIEWS,
    }),
  );
}

const REGION_SPECS: readonly RegionSpec[] = [
  // 1. Cranial vault
  {
    id: 'frontal',
    label: 'Frontal',
    group: 'cranial-vault',
    bilateral: false,
    plainLanguage: 'forehead and top of the head',
    mapViews: LATERAL,
  },
  {
    id: 'parietal',
    label: 'Parietal',
    group: 'cranial-vault',
    bilateral: true,
    plainLanguage: 'forehead and top of the head',
    mapViews: BOTH_VIEWS,
  },
  {
    id: 'occipital',
    label: 'Occipital',
    group: 'cranial-vault',
    bilateral: false,
    plainLanguage: 'base of the skull',
    mapViews: BOTH_VIEWS,
  },
  {
    id: 'temporal',
    label: 'Temporal',
    group: 'cranial-vault',
    bilateral: true,
    plainLanguage: 'sides of the head and ears',
    mapViews: BOTH_VIEWS,
  },
  {
    id: 'sphenoid',
    label: 'Sphenoid (greater wings)',
    group: 'cranial-vault',
    bilateral: false,
    plainLanguage: 'temples',
    mapViews: LATERAL,
  },
  {
    id: 'ethmoid',
    label: 'Ethmoid',
    group: 'cranial-vault',
    bilateral: false,
    plainLanguage: 'face',
    mapViews: PICK_LIST_ONLY,
  },
  // 2. Face and mouth (the paired facial bones take a side)
  {
    id: 'maxilla',
    label: 'Maxilla',
    group: 'face-mouth',
    bilateral: true,
    plainLanguage: 'face',
    mapViews: LATERAL,
  },
  {
    id: 'palatine',
    label: 'Palatine',
    group: 'face-mouth',
    bilateral: true,
    plainLanguage: 'roof of the mouth',
    mapViews: PICK_LIST_ONLY,
  },
  {
    id: 'vomer',
    label: 'Vomer',
    group: 'face-mouth',
    bilateral: false,
    plainLanguage: 'roof of the mouth',
    mapViews: PICK_LIST_ONLY,
  },
  {
    id: 'zygoma',
    label: 'Zygoma',
    group: 'face-mouth',
    bilateral: true,
    plainLanguage: 'face',
    mapViews: LATERAL,
  },
  {
    id: 'nasal',
    label: 'Nasal',
    group: 'face-mouth',
    bilateral: true,
    plainLanguage: 'face',
    mapViews: LATERAL,
  },
  {
    id: 'hard-palate',
    label: 'Hard palate',
    group: 'face-mouth',
    bilateral: false,
    plainLanguage: 'roof of the mouth',
    mapViews: PICK_LIST_ONLY,
  },
  {
    id: 'mandible-tmj',
    label: 'Mandible / TMJ',
    group: 'face-mouth',
    bilateral: true,
    plainLanguage: 'jaw',
    mapViews: LATERAL,
  },
  // 3. Cranial base
  {
    id: 'occiput-condyles',
    label: 'Occiput and condyles',
    group: 'cranial-base',
    bilateral: false,
    plainLanguage: 'base of the skull',
    mapViews: POSTERIOR,
  },
  {
    id: 'atlanto-occipital',
    label: 'Atlanto-occipital joint',
    group: 'cranial-base',
    bilateral: true,
    plainLanguage: 'base of the skull',
    mapViews: LATERAL,
  },
  {
    id: 'sphenobasilar',
    label: 'Sphenobasilar junction',
    group: 'cranial-base',
    bilateral: false,
    plainLanguage: 'base of the skull',
    mapViews: PICK_LIST_ONLY,
  },
  // 4. Membranes
  {
    id: 'falx-cerebri',
    label: 'Falx cerebri',
    group: 'membranes',
    bilateral: false,
    plainLanguage: 'inside the skull',
    mapViews: PICK_LIST_ONLY,
  },
  {
    id: 'falx-cerebelli',
    label: 'Falx cerebelli',
    group: 'membranes',
    bilateral: false,
    plainLanguage: 'inside the skull',
    mapViews: PICK_LIST_ONLY,
  },
  {
    id: 'tentorium',
    label: 'Tentorium',
    group: 'membranes',
    bilateral: false,
    plainLanguage: 'inside the skull',
    mapViews: PICK_LIST_ONLY,
  },
  {
    id: 'dural-tube',
    label: 'Dural tube',
    group: 'membranes',
    bilateral: false,
    plainLanguage: 'along the spine',
    mapViews: PICK_LIST_ONLY,
  },
  // 5. Cervical
  ...vertebrae('C', 7, 'cervical', 'neck'),
  {
    id: 'hyoid',
    label: 'Hyoid',
    group: 'cervical',
    bilateral: false,
    plainLanguage: 'front of the neck',
    mapViews: LATERAL,
  },
  // 6. Transverse diaphragms
  {
    id: 'thoracic-inlet',
    label: 'Thoracic inlet',
    group: 'transverse-diaphragms',
    bilateral: false,
    plainLanguage: 'upper back and chest',
    mapViews: LATERAL,
  },
  {
    id: 'respiratory-diaphragm',
    label: 'Respiratory diaphragm',
    group: 'transverse-diaphragms',
    bilateral: false,
    plainLanguage: 'breathing muscle',
    mapViews: LATERAL,
  },
  {
    id: 'pelvic-diaphragm',
    label: 'Pelvic diaphragm',
    group: 'transverse-diaphragms',
    bilateral: false,
    plainLanguage: 'pelvic floor',
    mapViews: LATERAL,
  },
  // 7. Thoracic
  ...vertebrae('T', 12, 'thoracic', 'upper back and chest'),
  {
    id: 'ribs',
    label: 'Ribs',
    group: 'thoracic',
    bilateral: true,
    plainLanguage: 'upper back and chest',
    mapViews: BOTH_VIEWS,
  },
  // 8. Lumbar
  ...vertebrae('L', 5, 'lumbar', 'lower back'),
  {
    id: 'l5-s1',
    label: 'Lumbosacral junction (L5-S1)',
    group: 'lumbar',
    bilateral: false,
    plainLanguage: 'lower back',
    mapViews: BOTH_VIEWS,
  },
  // 9. Sacrum, sacroiliac joints
  {
    id: 'sacrum',
    label: 'Sacrum',
    group: 'sacrum-pelvis',
    bilateral: false,
    plainLanguage: 'pelvis and tailbone',
    mapViews: BOTH_VIEWS,
  },
  {
    id: 'sacroiliac',
    label: 'Sacroiliac joint',
    group: 'sacrum-pelvis',
    bilateral: true,
    plainLanguage: 'pelvis and tailbone',
    mapViews: POSTERIOR,
  },
  // 10. Coccyx
  {
    id: 'coccyx',
    label: 'Coccyx',
    group: 'coccyx',
    bilateral: false,
    plainLanguage: 'pelvis and tailbone',
    mapViews: BOTH_VIEWS,
  },
  // 11. Extremities (where the rhythm is palpated or treated)
  {
    id: 'feet',
    label: 'Feet',
    group: 'extremities',
    bilateral: true,
    plainLanguage: 'feet',
    mapViews: PICK_LIST_ONLY,
  },
  {
    id: 'legs',
    label: 'Legs',
    group: 'extremities',
    bilateral: true,
    plainLanguage: 'legs',
    mapViews: PICK_LIST_ONLY,
  },
  {
    id: 'arms',
    label: 'Arms',
    group: 'extremities',
    bilateral: true,
    plainLanguage: 'arms',
    mapViews: PICK_LIST_ONLY,
  },
  {
    id: 'hands',
    label: 'Hands',
    group: 'extremities',
    bilateral: true,
    plainLanguage: 'hands',
    mapViews: PICK_LIST_ONLY,
  },
];

/**
 * The abbreviations and everyday names therapists type (issue 21: "sij", "sbs", "oa", "atlas",
 * "jaw", "tail" found nothing, and "si" found the sphenobasilar junction). Searched like labels;
 * never stored in a note.
 */
const REGION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  frontal: ['forehead'],
  temporal: ['temporals', 'ears'],
  'hard-palate': ['palate', 'roof of the mouth'],
  'mandible-tmj': ['jaw', 'TMJ', 'temporomandibular joint'],
  maxilla: ['upper jaw'],
  'occiput-condyles': ['condyles', 'OCC condyles'],
  'atlanto-occipital': ['OA', 'OA joint', 'C0-C1'],
  sphenobasilar: ['SBS', 'SBJ', 'sphenobasilar synchondrosis'],
  'dural-tube': ['dura', 'core link'],
  c1: ['atlas'],
  c2: ['axis'],
  hyoid: ['throat'],
  'thoracic-inlet': ['CT junction'],
  'respiratory-diaphragm': ['diaphragm', 'thoracolumbar diaphragm'],
  'pelvic-diaphragm': ['pelvic floor'],
  'l5-s1': ['LS junction', 'lumbosacral'],
  sacrum: ['sacral'],
  sacroiliac: ['SIJ', 'SI joint', 'SI'],
  coccyx: ['tailbone', 'tail'],
  feet: ['foot'],
  legs: ['leg'],
  arms: ['arm'],
  hands: ['hand'],
};

const GROUP_LABELS = new Map<string, string>(REGION_GROUPS.map((g) => [g.id, g.label]));

export const BODY_REGIONS: readonly BodyRegion[] = Object.freeze(
  REGION_SPECS.map((spec) =>
    Object.freeze({
      ...spec,
      groupLabel: GROUP_LABELS.get(spec.group) ?? spec.group,
      aliases: Object.freeze([...(REGION_ALIASES[spec.id] ?? [])]),
    }),
  ),
);

const REGIONS_BY_ID = new Map(BODY_REGIONS.map((region) => [region.id, region]));
const REGION_ORDER = new Map(BODY_REGIONS.map((region, index) => [region.id, index]));

export function regionById(id: string): BodyRegion | undefined {
  return REGIONS_BY_ID.get(id);
}

export function isKnownRegionId(id: string): boolean {
  return REGIONS_BY_ID.has(id);
}

/** The label a note shows; an unknown id (from a newer version of the app) is shown as it is. */
export function regionLabel(id: string): string {
  return REGIONS_BY_ID.get(id)?.label ?? id;
}

/** Cranium-to-sacrum position of a region; unknown ids sort last. */
export function regionOrder(id: string): number {
  return REGION_ORDER.get(id) ?? Number.MAX_SAFE_INTEGER;
}

export function regionsInGroup(group: RegionGroupId): BodyRegion[] {
  return BODY_REGIONS.filter((region) => region.group === group);
}

export function regionsOnMapView(view: MapView): BodyRegion[] {
  return BODY_REGIONS.filter((region) => region.mapViews.includes(view));
}

/**
 * Plain phrases for a handout ("base of the skull", "neck", ...) for the treated regions,
 * deduplicated and head to toe. Unknown ids are left out: a handout never shows an internal id.
 */
export function plainLanguageAreas(regionIds: Iterable<string>): PlainAreaPhrase[] {
  const phrases = new Set<PlainAreaPhrase>();
  for (const id of regionIds) {
    const region = REGIONS_BY_ID.get(id);
    if (region) phrases.add(region.plainLanguage);
  }
  return PLAIN_AREA_PHRASES.filter((phrase) => phrases.has(phrase));
}
