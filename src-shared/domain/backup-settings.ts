import { z } from 'zod';

/**
 * The fewest automatic backups main ever keeps when it prunes, whatever it is told: a damaged
 * or subverted renderer asking for 1 cannot make one bad backup replace every good one.
 */
export const MIN_AUTOMATIC_BACKUPS_KEPT = 3;

/**
 * The messages of the automatic backup settings, English like every schema's (main keeps these
 * settings); the screens show them in the reader's language, keys `validation.backupSchedule.<name>`.
 */
export const BACKUP_SCHEDULE_MESSAGES = {
  keepAtLeast: `Keep at least ${MIN_AUTOMATIC_BACKUPS_KEPT} backups`,
  keepAtMost: 'Keep at most 365',
} as const;

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
    .min(MIN_AUTOMATIC_BACKUPS_KEPT, { message: BACKUP_SCHEDULE_MESSAGES.keepAtLeast })
    .max(365, { message: BACKUP_SCHEDULE_MESSAGES.keepAtMost }),
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

/**
 * What a backup is for: made by hand, made on schedule, or the safety copy taken before a
 * restore replaces everything. The renderer says which; main builds the file name from it and
 * from its own clock (the renderer never names a file in the backup folder).
 */
export const BackupKindSchema = z.enum(['manual', 'automatic', 'before-restore', 'before-delete']);
export type BackupKind = z.infer<typeof BackupKindSchema>;

const KIND_PREFIXES: Record<BackupKind, string> = {
  manual: MANUAL_BACKUP_PREFIX,
  automatic: AUTOMATIC_BACKUP_PREFIX,
  // Starts like a manual backup, so it is listed with them and never pruned.
  'before-restore': `${MANUAL_BACKUP_PREFIX}before restore `,
  'before-delete': `${MANUAL_BACKUP_PREFIX}before deleting a client `,
};

/**
 * "Stillpoint backup 2026-11-26 093000.stillpoint" (local time), "Stillpoint auto-backup ...",
 * "Stillpoint backup before restore ...". `copy` 2 and up adds " (2)" for a second backup
 * within the same second.
 */
export function backupFileNameFor(kind: BackupKind, now: Date, copy = 1): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${KIND_PREFIXES[kind]}${stamp}${copy > 1 ? ` (${copy})` : ''}.stillpoint`;
}

/** "Stillpoint backup 2026-11-26 093000.stillpoint" or the auto-backup equivalent. */
export function backupFileName(now: Date, automatic: boolean): string {
  return backupFileNameFor(automatic ? 'automatic' : 'manual', now);
}
