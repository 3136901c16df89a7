import { formatNumber, formatTimestamp } from '../../app/format';
import { translate } from '../../app/i18n';
import { HOUR_MS } from './automatic-backups';

export function formatCount(n: number): string {
  return formatNumber(n);
}

/** "3 hours ago", "2 days ago", "just now" */
export function formatAgo(iso: string, now: Date = new Date()): string {
  const ms = now.getTime() - Date.parse(iso);
  if (!Number.isFinite(ms) || ms < 60_000) return translate('backup.format.justNow');
  if (ms < HOUR_MS) return translate('backup.format.minutesAgo', { count: Math.round(ms / 60_000) });
  const hours = Math.round(ms / HOUR_MS);
  if (hours < 48) return translate('backup.format.hoursAgo', { count: hours });
  return translate('backup.format.daysAgo', { count: Math.round(ms / (24 * HOUR_MS)) });
}

/** "26 Nov 2026, 09:30 (2 hours ago)" */
export function formatWhen(iso: string, now: Date = new Date()): string {
  return translate('backup.format.when', { moment: formatTimestamp(iso), ago: formatAgo(iso, now) });
}
