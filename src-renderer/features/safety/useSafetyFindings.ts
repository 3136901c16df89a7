import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { type IsoDate, localToday } from '../../../src-shared/domain/dates';
import { conditionName } from '../../../src-shared/i18n/safety-names';
import {
  DEFAULT_SAFETY_SETTINGS,
  evaluateContraindications,
  type Finding,
  SafetySettingsSchema,
} from '../../../src-shared/safety';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { type UnsavedHistory, useUnsavedHistory } from './unsaved-history';

export const SAFETY_SETTINGS_KEY = 'safety';

export interface SafetyCheckResult {
  /** The findings on the last saved health history. */
  findings: Finding[];
  /** The day the history was last reviewed with the client; null: never. */
  historyReviewedAt: IsoDate | null;
  /**
   * Changes to the history not stored yet: the findings above are on the version before them,
   * so a screen must not present them as the check (and a note must not record them).
   */
  unsaved: UnsavedHistory | null;
}

/**
 * The contraindication check for a client on a day (today by default), recomputed live
 * whenever the health history, the client or the practice's safety settings change.
 */
export function useSafetyFindings(
  clientId: string,
  dateOfBirth: string | null,
  on?: string,
): SafetyCheckResult | undefined {
  const unsaved = useUnsavedHistory(clientId);
  const t = useT();
  const checked = useLiveQuery(async () => {
    const { healthHistories, settings } = repositories();
    const [history, safety] = await Promise.all([
      healthHistories.get(clientId),
      settings.get(SAFETY_SETTINGS_KEY, SafetySettingsSchema, DEFAULT_SAFETY_SETTINGS),
    ]);
    return {
      findings: evaluateContraindications(history, {
        today: on ?? localToday(),
        dateOfBirth,
        settings: safety,
        // Dates in "because" in the locale's format, like every other date on screen.
        formatDate,
        // Why each finding applies, in the app's language (the client's own words as written).
        t,
        conditionName: (condition) => conditionName(t, condition),
      }),
      historyReviewedAt: history.reviewedAt,
    };
  }, [clientId, dateOfBirth, on, t]);
  return useMemo(() => (checked === undefined ? undefined : { ...checked, unsaved }), [checked, unsaved]);
}
