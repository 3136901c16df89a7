import type { OutcomeProfile } from '../../../src-shared/outcomes/schemas';
import { profileItems } from '../../../src-shared/outcomes/schemas';
import { ITEM_LABELS, type OutcomeItem } from '../../../src-shared/outcomes/wording';

/** Each item the profile has, labelled with the client's words ("Main symptom: headache"). */
export function itemLabels(profile: OutcomeProfile): { item: OutcomeItem; label: string }[] {
  return profileItems(profile).map((item) => ({ item, label: itemLabel(profile, item) }));
}

export function itemLabel(profile: OutcomeProfile, item: OutcomeItem): string {
  const words = item === 'wellbeing' ? null : profile[item];
  return words ? `${ITEM_LABELS[item]}: ${words}` : ITEM_LABELS[item];
}
