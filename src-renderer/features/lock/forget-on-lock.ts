import { clearBackupKeyCache } from '../../../src-shared/backup';

/**
 * What the app forgets the moment it locks, beyond unmounting the screens: the backup keys
 * derived from a passphrase (kept a short while so a preview and a restore of one file do not
 * run PBKDF2 twice). Someone at the locked computer cannot use them, and after unlocking the
 * next backup or restore simply derives its key again.
 */
export function forgetSecretsOnLock(): void {
  clearBackupKeyCache();
}
