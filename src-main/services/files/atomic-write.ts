import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../../../src-shared/result';

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
      return new UserFacingError(
        'DISK_FULL',
        `The disk is full, so "${path.basename(target)}" could not be saved. Free some space or choose another folder; nothing was changed.`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserFacingError(
        'PERMISSION_DENIED',
        `Stillpoint is not allowed to save in "${where}". Choose a folder you can write to; nothing was changed.`,
      );
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserFacingError(
        'NOT_FOUND',
        `The folder "${where}" no longer exists. Choose another folder; nothing was changed.`,
      );
    default:
      return new UserFacingError(
        'FILE_WRITE_FAILED',
        `"${path.basename(target)}" could not be saved (${code ?? 'unknown error'}). Nothing was changed.`,
      );
  }
}
