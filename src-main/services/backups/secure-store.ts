import type { KeyStorage } from '../../../src-shared/domain/backup-settings';

/**
 * Where an unattended backup's passphrase is kept: encrypted by the operating system's key
 * store (Keychain, DPAPI, libsecret/kwallet). Electron's safeStorage behind an interface so
 * tests and the e2e harness can stand in for it.
 */
export interface SecureStore {
  /** 'insecure' = the OS offers no key store (Linux without a keyring: Electron's basic_text). */
  storage(): KeyStorage;
  encrypt(text: string): Uint8Array;
  decrypt(data: Uint8Array): string;
}
