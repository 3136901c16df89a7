/**
 * Technique pick list (DOMAIN.md "Techniques"). The Upledger 10-step protocol comes first, in
 * step order, as the starting template; then its usual continuation; then other named techniques.
 * A note stores technique ids from this list or a therapist's own words (a custom technique), so
 * ids are stable: never rename or remove one, only add.
 */

export type TechniqueGroup = 'ten-step' | 'ten-step-continuation' | 'named';

export interface Technique {
  readonly id: string;
  readonly label: string;
  /** Step of the Upledger 10-step protocol (1-10); absent for everything else. */
  readonly protocolStep?: number;
  readonly group: TechniqueGroup;
}

export const TECHNIQUE_GROUP_LABELS: Record<TechniqueGroup, string> = {
  'ten-step': '10-step protocol',
  'ten-step-continuation': 'After the 10 steps',
  named: 'Other techniques',
};

export const TECHNIQUES: readonly Technique[] = Object.freeze([
  { id: 'still-point-cv4', label: 'Still point induction (CV-4)', protocolStep: 1, group: 'ten-step' },
  { id: 'pelvic-diaphragm-release', label: 'Pelvic diaphragm release', protocolStep: 2, group: 'ten-step' },
  {
    id: 'respiratory-diaphragm-release',
    label: 'Respiratory diaphragm release',
    protocolStep: 3,
    group: 'ten-step',
  },
  { id: 'thoracic-inlet-release', label: 'Thoracic inlet release', protocolStep: 4, group: 'ten-step' },
  { id: 'hyoid-release', label: 'Hyoid release', protocolStep: 5, group: 'ten-step' },
  {
    id: 'cranial-base-release',
    label: 'Cranial base (occipital) release',
    protocolStep: 6,
    group: 'ten-step',
  },
  { id: 'frontal-lift', label: 'Frontal lift', protocolStep: 7, group: 'ten-step' },
  { id: 'parietal-lift', label: 'Parietal lift', protocolStep: 8, group: 'ten-step' },
  {
    id: 'sphenoid-compression-decompression',
    label: 'Sphenoid compression/decompression',
    protocolStep: 9,
    group: 'ten-step',
  },
  { id: 'temporal-ear-pull', label: 'Temporal: ear pull', protocolStep: 10, group: 'ten-step' },
  { id: 'temporal-mastoid', label: 'Temporal: mastoid technique', protocolStep: 10, group: 'ten-step' },
  { id: 'tmj-decompression', label: 'TMJ / mandible decompression', group: 'ten-step-continuation' },
  {
    id: 'sacral-decompression',
    label: 'Sacral / lumbosacral decompression',
    group: 'ten-step-continuation',
  },
  { id: 'dural-tube-rock-glide', label: 'Dural tube rock and glide', group: 'ten-step-continuation' },
  { id: 'v-spread', label: 'V-spread', group: 'named' },
  { id: 'arcing', label: 'Arcing', group: 'named' },
  { id: 'somatoemotional-release', label: 'SomatoEmotional Release (SER)', group: 'named' },
  { id: 'hard-palate-intraoral', label: 'Hard-palate work (intraoral)', group: 'named' },
  { id: 'still-point-feet', label: 'Still point induction (feet)', group: 'named' },
  { id: 'unwinding', label: 'Unwinding', group: 'named' },
] satisfies Technique[]);

const TECHNIQUES_BY_ID = new Map(TECHNIQUES.map((technique) => [technique.id, technique]));

export function techniqueById(id: string): Technique | undefined {
  return TECHNIQUES_BY_ID.get(id);
}

/** True for a therapist's own words rather than an id from the pick list. */
export function isCustomTechnique(value: string): boolean {
  return !TECHNIQUES_BY_ID.has(value);
}

/** The label for a pick-list id, or the custom technique's own words. */
export function techniqueLabel(idOrCustom: string): string {
  return TECHNIQUES_BY_ID.get(idOrCustom)?.label ?? idOrCustom;
}
