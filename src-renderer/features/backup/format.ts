import { formatNumber, formatTimestamp } from '../../app/format';
import { HOUR_MS } from './automatic-backups';

export function formatCount(n: number): string {
  return formatNumber(n);
}

/** "1.4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "3 hours ago", "2 days ago", "just now" */
export function formatAgo(iso: string, now: Date = new Date()): string {
  const ms = now.getTime() - Date.parse(iso);
  if (!Number.isFinite(ms) || ms < 60_000) return 'just now';
  const minutes = Math.round(ms / 60_000);
  if (ms < HOUR_MS) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(ms / HOUR_MS);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(ms / (24 * HOUR_MS));
  return `${days} days ago`;
}

/** "26 Nov 2026, 09:30 (2 hours ago)" */
export function formatWhen(iso: string, now: Date = new Date()): string {
  return `${formatTimestamp(iso)} (${formatAgo(iso, now)})`;
}
