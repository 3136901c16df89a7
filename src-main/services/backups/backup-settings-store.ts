import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  BackupScheduleSchema,
  DEFAULT_BACKUP_SCHEDULE,
  MIN_AUTOMATIC_BACKUPS_KEPT,
} from '../../../src-shared/domain/backup-settings';
import { writeFileAtomic } from '../files/atomic-write';

const StoredSchema = BackupScheduleSchema.extend({
  // A file written when 1 or 2 were allowed still reads (its folder must not be lost): raised.
  keep: z
    .number()
    .int()
    .min(1)
    .max(365)
    .transform((keep) => Math.max(keep, MIN_AUTOMATIC_BACKUPS_KEPT)),
  lastSuccessAt: z.string().nullable().default(null),
  lastSuccessFile: z.string().nullable().default(null),
});
export type StoredBackupSettings = z.infer<typeof StoredSchema>;

/**
 * backup-settings.json and the OS-encrypted passphrase (backup-key.bin) in the data folder.
 * A missing or damaged settings file reads as the defaults.
 */
export class BackupSettingsStore {
  private readonly file: string;
  private readonly keyFile: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'backup-settings.json');
    this.keyFile = path.join(userDataDir, 'backup-key.bin');
  }

  read(): StoredBackupSettings {
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // first run, or a damaged file: start from the defaults
    }
    return { ...DEFAULT_BACKUP_SCHEDULE, lastSuccessAt: null, lastSuccessFile: null };
  }

  async write(settings: StoredBackupSettings): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(settings, null, 2));
  }

  readKey(): Uint8Array | null {
    try {
      return new Uint8Array(fs.readFileSync(this.keyFile));
    } catch {
      return null;
    }
  }

  async writeKey(data: Uint8Array | null): Promise<void> {
    if (data === null) fs.rmSync(this.keyFile, { force: true });
    else await writeFileAtomic(this.keyFile, data);
  }
}
