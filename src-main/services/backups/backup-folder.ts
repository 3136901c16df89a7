import fs from 'node:fs/promises';
import path from 'node:path';
import {
  AUTOMATIC_BACKUP_PREFIX,
  type BackupFileInfo,
  MANUAL_BACKUP_PREFIX,
} from '../../../src-shared/domain/backup-settings';
import { UserFacingError } from '../../../src-shared/result';

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
  // Names carry the local time after a fixed prefix, so within a kind name order is time order.
  return infos.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : 0));
}

/** Deletes the oldest automatic backups beyond `keep`. Manual backups are never deleted. */
export async function pruneAutomaticBackups(folder: string, keep: number): Promise<string[]> {
  const automatic = (await listBackups(folder))
    .filter((b) => b.automatic)
    .sort((a, b) => (a.fileName < b.fileName ? 1 : -1));
  const doomed = automatic.slice(keep);
  for (const backup of doomed) await fs.rm(backup.path, { force: true });
  return doomed.map((b) => b.fileName);
}

/** A backup the renderer may read: a .stillpoint file directly inside the backup folder. */
export function assertInsideFolder(folder: string, file: string): string {
  const resolved = path.resolve(file);
  if (path.dirname(resolved) !== path.resolve(folder) || !resolved.endsWith(EXTENSION)) {
    throw new UserFacingError(
      'PERMISSION_DENIED',
      'Only backups in the backup folder can be opened this way.',
    );
  }
  return resolved;
}
