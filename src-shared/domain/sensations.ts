import { z } from 'zod';

/**
 * Pick lists and enums for what is felt, palpated and reported (DOMAIN.md "Craniosacral rhythm
 * assessment", "Client sensations", "After-effects"). Ids are stored in notes: only ever add.
 */

export interface PickItem {
  readonly id: string;
  readonly label: string;
}

function labelFrom(items: readonly PickItem[]) {
  const byId = new Map(items.map((item) => [item.id, item.label]));
  /** Label for a pick-list id; a custom entry is shown in the therapist's own words. */
  return (idOrCustom: string): string => byId.get(idOrCustom) ?? idOrCustom;
}

/** Client sensations during a session (pick list; free text goes in `sensations.other`). */
export const SENSATIONS: readonly PickItem[] = Object.freeze([
  { id: 'warmth', label: 'Warmth' },
  { id: 'tingling', label: 'Tingling' },
  { id: 'pulsing', label: 'Pulsing' },
  { id: 'twitching', label: 'Twitching' },
  { id: 'heaviness', label: 'Heaviness' },
  { id: 'lightness', label: 'Lightness' },
  { id: 'floating', label: 'Floating' },
  { id: 'deep-calm', label: 'Deep calm' },
  { id: 'gentle-movement', label: 'Gentle movement' },
  { id: 'emotional-release', label: 'Emotional release' },
  { id: 'memories-surfacing', label: 'Memories surfacing' },
  { id: 'drowsiness-sleep', label: 'Drowsiness or sleep' },
]);
export const SENSATION_IDS: readonly string[] = SENSATIONS.map((item) => item.id);
export const sensationLabel = labelFrom(SENSATIONS);

/** Common, short-lived after-effects a client may report; a custom type is also allowed. */
export const AFTER_EFFECT_TYPES: readonly PickItem[] = Object.freeze([
  { id: 'mild-soreness', label: 'Mild soreness' },
  { id: 'tiredness', label: 'Tiredness' },
  { id: 'lightheadedness', label: 'Lightheadedness' },
  { id: 'headache', label: 'Headache' },
  { id: 'old-pains-returning', label: 'Old pains returning briefly' },
  { id: 'emotions-surfacing', label: 'Emotions surfacing' },
  { id: 'better-sleep', label: 'Better sleep' },
  { id: 'yawning', label: 'Yawning' },
]);
export const afterEffectLabel = labelFrom(AFTER_EFFECT_TYPES);
/** DOMAIN.md: the common after-effects usually settle within 24-48 hours. */
export const AFTER_EFFECTS_USUALLY_SETTLE_WITHIN_HOURS = 48;

export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;
export const SEVERITY_LABELS: Record<Severity, string> = {
  mild: 'Mild',
  moderate: 'Moderate',
  severe: 'Severe',
};

export const AMPLITUDES = ['low', 'normal', 'high'] as const;
export const AmplitudeSchema = z.enum(AMPLITUDES);
export type Amplitude = z.infer<typeof AmplitudeSchema>;
export const AMPLITUDE_LABELS: Record<Amplitude, string> = { low: 'Low', normal: 'Normal', high: 'High' };

export const SYMMETRIES = ['balanced', 'restricted-left', 'restricted-right'] as const;
export const SymmetrySchema = z.enum(SYMMETRIES);
export type Symmetry = z.infer<typeof SymmetrySchema>;
export const SYMMETRY_LABELS: Record<Symmetry, string> = {
  balanced: 'Balanced',
  'restricted-left': 'Restricted left',
  'restricted-right': 'Restricted right',
};

/**
 * Shown next to the rate field as a hint, never as an alarm: published ranges differ (6-12, 8-14,
 * 8-12 cpm) and examiners agree poorly (ICC 0.22).
 */
export const RHYTHM_NORMAL_RANGE = Object.freeze({
  min: 6,
  max: 12,
  note: 'Commonly cited 6-12 cycles per minute (Upledger & Vredevoogd 1983); examiners often disagree, so treat this as a hint.',
});

/** Where a rate sits against the commonly cited range; `null` when no rate was recorded. */
export function rhythmRateHint(rateCpm: number | null | undefined): 'below' | 'within' | 'above' | null {
  if (rateCpm === null || rateCpm === undefined || !Number.isFinite(rateCpm)) return null;
  if (rateCpm < RHYTHM_NORMAL_RANGE.min) return 'below';
  if (rateCpm > RHYTHM_NORMAL_RANGE.max) return 'above';
  return 'within';
}

/** Where the rhythm is palpated (the classic listening stations); a custom site is also allowed. */
export const PALPATION_SITES: readonly PickItem[] = Object.freeze([
  { id: 'head', label: 'Head (vault hold)' },
  { id: 'occiput', label: 'Occiput' },
  { id: 'shoulders', label: 'Shoulders' },
  { id: 'ribs', label: 'Ribs' },
  { id: 'pelvis', label: 'Pelvis' },
  { id: 'sacrum', label: 'Sacrum' },
  { id: 'thighs', label: 'Thighs' },
  { id: 'feet', label: 'Feet' },
]);
export const palpationSiteLabel = labelFrom(PALPATION_SITES);
