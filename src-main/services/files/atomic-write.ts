import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { UserFacingError } from '../../../src-shared/result';
import { translatedError } from '../../i18n';

/**
 * Writes a file so that at every instant the target holds either its previous content or
 * the complete new content, never a torn mix: write a temp file beside it, fsync it, rename
 * it over the target, then fsync the folder so the rename itself survives a power cut.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', 0o600);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
    await syncDirectory(dir);
  } catch (error) {
    await handle?.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    throw explainFileError(error, target);
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Turns an OS error into words a therapist can act on. */
export function explainFileError(error: unknown, target: string): UserFacingError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = path.dirname(target);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return translatedError('DISK_FULL', 'errors.diskFull', { fileName: path.basename(target) });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return translatedError('PERMISSION_DENIED', 'errors.notAllowed', { folder: where });
    case 'ENOENT':
    case 'ENOTDIR':
      return translatedError('NOT_FOUND', 'errors.folderGone', { folder: where });
    default:
      return translatedError('FILE_WRITE_FAILED', 'errors.saveFailed', {
        fileName: path.basename(target),
        code: code ?? 'unknown error',
      });
  }
}
