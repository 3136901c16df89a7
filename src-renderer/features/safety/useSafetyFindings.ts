import { useLiveQuery } from 'dexie-react-hooks';
import { localToday } from '../../../src-shared/domain/dates';
import {
  DEFAULT_SAFETY_SETTINGS,
  evaluateContraindications,
  type Finding,
  SafetySettingsSchema,
} from '../../../src-shared/safety';
import { repositories } from '../../app/repositories';

export const SAFETY_SETTINGS_KEY = 'safety';

/**
 * The contraindication findings for a client on a day (today by default), recomputed live
 * whenever the health history, the client or the practice's safety settings change.
 */
export function useSafetyFindings(
  clientId: string,
  dateOfBirth: string | null,
  on?: string,
): Finding[] | undefined {
  return useLiveQuery(async () => {
    const { healthHistories, settings } = repositories();
    const [history, safety] = await Promise.all([
      healthHistories.get(clientId),
      settings.get(SAFETY_SETTINGS_KEY, SafetySettingsSchema, DEFAULT_SAFETY_SETTINGS),
    ]);
    return evaluateContraindications(history, { today: on ?? localToday(), dateOfBirth, settings: safety });
  }, [clientId, dateOfBirth, on]);
}
