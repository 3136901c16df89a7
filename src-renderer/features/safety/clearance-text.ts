import type { IsoDate } from '../../../src-shared/domain/dates';
import { formatDate } from '../../app/format';

/** What a clearance on file says on screen: who, when, until when, who wrote it down. */
export function describeClearance(clearance: {
  givenBy: string;
  date: IsoDate;
  validUntil?: IsoDate | null | undefined;
  recordedBy?: string | undefined;
}): string {
  const until = clearance.validUntil ? `, until ${formatDate(clearance.validUntil)}` : '';
  const by = clearance.recordedBy?.trim() ? ` (recorded by ${clearance.recordedBy.trim()})` : '';
  return `Cleared by ${clearance.givenBy} on ${formatDate(clearance.date)}${until}${by}`;
}
