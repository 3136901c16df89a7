import { safeStorage } from 'electron';
import type { SecureStore } from './secure-store';

export function electronSecureStore(): SecureStore {
  return {
    storage() {
      if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
      // On Linux without a keyring Electron falls back to a hard-coded key: that protects nothing.
      if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
        return 'insecure';
      return 'secure';
    },
    encrypt: (text) => new Uint8Array(safeStorage.encryptString(text)),
    decrypt: (data) => safeStorage.decryptString(Buffer.from(data)),
  };
}
