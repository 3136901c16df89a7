import { describe, expect, it } from 'vitest';
import { forgetSecretsOnLock } from '../../../src-renderer/features/lock/forget-on-lock';
import { deriveBackupKey } from '../../../src-shared/backup';
import { MIN_ITERATIONS } from '../../../src-shared/backup/format';

// Issue 13, finding 9: the backup key cache was never cleared although its comment promised it
// would be when the app locks.
describe('locking the app', () => {
  it('forgets the backup keys derived from a passphrase', async () => {
    const salt = new Uint8Array(16).fill(7);
    const options = { salt, iterations: MIN_ITERATIONS };
    const first = await deriveBackupKey('correct horse battery staple', options);
    // Cached: the same passphrase and salt give back the very same key object.
    expect(await deriveBackupKey('correct horse battery staple', options)).toBe(first);

    forgetSecretsOnLock();

    const afterLock = await deriveBackupKey('correct horse battery staple', options);
    expect(afterLock).not.toBe(first);
  });
});
