import fs from 'node:fs/promises';
import path from 'node:path';
import {
  AUTOMATIC_BACKUP_PREFIX,
  type BackupFileInfo,
  type BackupKind,
  backupFileNameFor,
  MANUAL_BACKUP_PREFIX,
  MIN_AUTOMATIC_BACKUPS_KEPT,
} from '../../../src-shared/domain/backup-settings';
import { translatedError } from '../../i18n';

const EXTENSION = '.stillpoint';

/** Stillpoint's backups in a folder, newest first. Other files are never listed or touched. */
export async function listBackups(folder: string): Promise<BackupFileInfo[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const infos: BackupFileInfo[] = [];
  for (const fileName of names) {
    const automatic = fileName.startsWith(AUTOMATIC_BACKUP_PREFIX);
    if (!fileName.endsWith(EXTENSION) || !(automatic || fileName.startsWith(MANUAL_BACKUP_PREFIX))) continue;
    const full = path.join(folder, fileName);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat?.isFile()) continue;
    infos.push({ fileName, path: full, size: stat.size, modifiedAt: stat.mtime.toISOString(), automatic });
  }
  return infos.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : 0));
}

/**
 * When a backup file was made: its creation time (birthtime) where the file system records
 * one, else its last change (mtime). Never the date in its name: a renderer could choose the
 * name, and a computer whose clock was reset names today's backup 2000-01-01.
 */
function createdAtMs(stat: { birthtimeMs: number; mtimeMs: number }): number {
  return stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs;
}

/**
 * Deletes the oldest automatic backups (by creation time) so that `keep` remain, counting the
 * one just written. The file just written is never deleted, `keep` is raised to
 * MIN_AUTOMATIC_BACKUPS_KEPT whatever was asked, and manual backups are never deleted.
 */
export async function pruneAutomaticBackups(
  folder: string,
  keep: number,
  justWritten: string,
): Promise<string[]> {
  const kept = Math.max(MIN_AUTOMATIC_BACKUPS_KEPT, Math.floor(keep) || 0);
  const others: { fileName: string; path: string; createdAt: number }[] = [];
  for (const backup of await listBackups(folder)) {
    if (!backup.automatic || backup.fileName === justWritten) continue;
    const stat = await fs.stat(backup.path).catch(() => null);
    if (stat) others.push({ fileName: backup.fileName, path: backup.path, createdAt: createdAtMs(stat) });
  }
  // Newest first; the file just written takes one of the `kept` places.
  others.sort((a, b) => b.createdAt - a.createdAt);
  const doomed = others.slice(kept - 1);
  for (const backup of doomed) await fs.rm(backup.path, { force: true });
  return doomed.map((b) => b.fileName);
}

/** A backup the renderer may read: a .stillpoint file directly inside the backup folder. */
export function assertInsideFolder(folder: string, file: string): string {
  const resolved = path.resolve(file);
  if (path.dirname(resolved) !== path.resolve(folder) || !resolved.endsWith(EXTENSION)) {
    throw translatedError('PERMISSION_DENIED', 'backup.main.onlyInFolder');
  }
  return resolved;
}

/**
 * A free name for a new backup in `folder`, built by main from the kind and main's clock:
 * "... (2)", "... (3)" when one already exists for that second (or is being written now,
 * `taken`). Gives up after 99 so a folder full of clashes cannot keep main busy.
 */
export async function freeBackupFileName(
  folder: string,
  kind: BackupKind,
  now: Date,
  taken: ReadonlySet<string>,
): Promise<string> {
  for (let copy = 1; copy < 100; copy++) {
    const fileName = backupFileNameFor(kind, now, copy);
    if (taken.has(fileName)) continue;
    const exists = await fs.lstat(path.join(folder, fileName)).then(
      () => true,
      () => false,
    );
    if (!exists) return fileName;
  }
  throw translatedError('FILE_WRITE_FAILED', 'backup.main.tooManyThisSecond');
}
