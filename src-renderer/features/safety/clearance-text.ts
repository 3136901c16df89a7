import type { IsoDate } from '../../../src-shared/domain/dates';
import { type Translate, translatorFor } from '../../../src-shared/i18n';
import { formatDate } from '../../app/format';

/**
 * What a clearance on file says on screen: who, when, until when, who wrote it down. Without a
 * `t` it is written in English (callers not yet translated).
 */
export function describeClearance(
  clearance: {
    givenBy: string;
    date: IsoDate;
    validUntil?: IsoDate | null | undefined;
    recordedBy?: string | undefined;
  },
  t: Translate = translatorFor('en'),
): string {
  const givenBy = clearance.givenBy;
  const date = formatDate(clearance.date);
  const until = clearance.validUntil ? formatDate(clearance.validUntil) : null;
  const recordedBy = clearance.recordedBy?.trim() || null;
  if (until && recordedBy) return t('safety.clearance.byUntilRecorded', { givenBy, date, until, recordedBy });
  if (until) return t('safety.clearance.byUntil', { givenBy, date, until });
  if (recordedBy) return t('safety.clearance.byRecorded', { givenBy, date, recordedBy });
  return t('safety.clearance.by', { givenBy, date });
}
