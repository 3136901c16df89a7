import { z } from 'zod';

/**
 * Automatic backup settings. They live in main (a small JSON file beside the database) because
 * main needs them even when the database is empty or damaged: to find the latest backup.
 */
export const BackupScheduleSchema = z.object({
  folder: z.string().min(1).max(4096).nullable(),
  /** Make an automatic backup once a day while the app is open. */
  daily: z.boolean(),
  /** Make one when the app quits. */
  onQuit: z.boolean(),
  /** How many automatic backups to keep in the folder; older ones are deleted. */
  keep: z
    .number()
    .int()
    .min(1, { message: 'Keep at least one backup' })
    .max(365, { message: 'Keep at most 365' }),
});
export type BackupSchedule = z.infer<typeof BackupScheduleSchema>;

export const KeyStorageSchema = z.enum(['secure', 'insecure', 'unavailable']);
export type KeyStorage = z.infer<typeof KeyStorageSchema>;

export const BackupStatusSchema = BackupScheduleSchema.extend({
  /** A passphrase is stored (encrypted by the OS) for unattended backups. */
  hasKey: z.boolean(),
  /** How well the OS can protect a stored passphrase. */
  keyStorage: KeyStorageSchema,
  /** The last backup that was written completely, automatic or not. */
  lastSuccessAt: z.string().nullable(),
  lastSuccessFile: z.string().nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { folder: null, daily: true, onQuit: true, keep: 14 };

export const BackupFileInfoSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  size: z.number(),
  modifiedAt: z.string(),
  automatic: z.boolean(),
});
export type BackupFileInfo = z.infer<typeof BackupFileInfoSchema>;

/** Automatic backups are named so they sort by time and can be told apart from manual ones. */
export const AUTOMATIC_BACKUP_PREFIX = 'Stillpoint auto-backup ';
export const MANUAL_BACKUP_PREFIX = 'Stillpoint backup ';

/** "Stillpoint backup 2026-11-26 0930.stillpoint" (local time; seconds added to avoid clashes). */
export function backupFileName(now: Date, automatic: boolean): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${automatic ? AUTOMATIC_BACKUP_PREFIX : MANUAL_BACKUP_PREFIX}${stamp}.stillpoint`;
}
