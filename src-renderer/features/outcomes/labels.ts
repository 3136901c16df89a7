import type { Translate } from '../../../src-shared/i18n';
import type { OutcomeProfile } from '../../../src-shared/outcomes/schemas';
import { profileItems } from '../../../src-shared/outcomes/schemas';
import type { OutcomeItem } from '../../../src-shared/outcomes/wording';
import { profileItemLabels } from '../../../src-shared/outcomes/words';

/** Each item the profile has, labelled with the client's words ("Main symptom: headache"). */
export function itemLabels(t: Translate, profile: OutcomeProfile): { item: OutcomeItem; label: string }[] {
  return profileItemLabels(t, profile, profileItems(profile));
}
