import {
  DEFAULT_FOLLOW_UP_SETTINGS,
  FOLLOW_UP_SETTINGS_KEY,
  FollowUpSettingsSchema,
} from '../../../src-shared/outcomes/schemas';
import { useSetting } from '../settings/useSetting';

/** Settings > Follow-up: days after a signed session that "Follow up" is shown (default 3). */
export function useFollowUpDays(): number | undefined {
  return useSetting(FOLLOW_UP_SETTINGS_KEY, FollowUpSettingsSchema, DEFAULT_FOLLOW_UP_SETTINGS)?.days;
}
