import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { KeyStorage } from '../../src-shared/domain/backup-settings';
import { CertificateFingerprintSchema } from '../../src-shared/sync/certificate-pin';
import { practiceKeyFromText } from '../../src-shared/sync/practice-key';
import { readServerAddress } from '../../src-shared/sync/server-address';
import type {
  SyncRotationStep,
  SyncSecrets,
  SyncSetup,
  SyncStatus,
} from '../../src-shared/sync/sync-settings';
import { translatedError } from '../i18n';
import type { SecureStore } from '../services/backups/secure-store';
import { writeFileAtomic } from '../services/files/atomic-write';
import { type CertificatePin, pinnedHostname } from './certificate-pin';
import {
  applyRotationStep,
  previousKeyOnPairing,
  readSealedSecrets,
  type SealedSecrets,
} from './key-rotation-store';

const StoredSchema = z.object({
  databaseUrl: z.string(),
  user: z.string(),
  computerName: z.string(),
  /** SHA-256 fingerprint of the server's pinned certificate (self-signed https), if any. */
  certificatePin: CertificateFingerprintSchema.optional(),
  /** base64 of the OS key store's sealed JSON { password, practiceKey, pendingKey?, previousKey? }. */
  sealed: z.string(),
});
type Stored = z.infer<typeof StoredSchema>;

/**
 * sync.json in the data folder. With no file (the default) sync is off and no origin is
 * allowed. The password and practice key are sealed with the OS key store (Keychain, DPAPI,
 * libsecret), like the backup passphrase; without a key store sync cannot be turned on.
 */
export class SyncConfigStore {
  private readonly file: string;
  private cached: Stored | null | undefined;

  constructor(
    userDataDir: string,
    private readonly secureStore: SecureStore,
  ) {
    this.file = path.join(userDataDir, 'sync.json');
  }

  private read(): Stored | null {
    if (this.cached !== undefined) return this.cached;
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      const address = parsed.success ? readServerAddress(parsed.data.databaseUrl) : null;
      // A damaged file, or one whose address this build would refuse, means sync is off.
      this.cached = parsed.success && address?.ok ? parsed.data : null;
    } catch {
      this.cached = null;
    }
    return this.cached;
  }

  /**
   * The one origin that may be reached, or null. Read by the request filter for every request
   * and by the app:// protocol for the CSP, so it is cached in memory.
   */
  allowedOrigin(): string | null {
    const stored = this.read();
    if (!stored) return null;
    const address = readServerAddress(stored.databaseUrl);
    return address.ok ? address.origin : null;
  }

  /**
   * The certificate main accepts for the sync server's host (self-signed https), or null: asked
   * by the session's certificate verify proc for every verification, so it is cached too.
   */
  certificatePin(): CertificatePin | null {
    const stored = this.read();
    if (!stored?.certificatePin) return null;
    const hostname = pinnedHostname(stored.databaseUrl);
    return hostname ? { hostname, fingerprint: stored.certificatePin } : null;
  }

  status(): SyncStatus {
    const stored = this.read();
    const storage: KeyStorage = this.secureStore.storage();
    return {
      enabled: stored !== null,
      databaseUrl: stored?.databaseUrl ?? null,
      origin: this.allowedOrigin(),
      user: stored?.user ?? null,
      computerName: stored?.computerName ?? null,
      keyStorage: storage,
      certificateFingerprint: stored?.certificatePin ?? null,
    };
  }

  async turnOn(setup: SyncSetup): Promise<SyncStatus> {
    const address = readServerAddress(setup.serverUrl);
    if (!address.ok) throw translatedError('INVALID_REQUEST', `validation.serverAddress.${address.reason}`);
    if (!practiceKeyFromText(setup.practiceKey)) {
      throw translatedError('INVALID_REQUEST', 'sync.main.notAKey');
    }
    if (setup.certificateFingerprint && !address.databaseUrl.startsWith('https://')) {
      throw translatedError('INVALID_REQUEST', 'sync.main.pinNeedsHttps');
    }
    if (this.secureStore.storage() === 'unavailable') {
      throw translatedError('UNSUPPORTED', 'sync.main.noSafeStore');
    }
    const practiceKey = setup.practiceKey.trim();
    // Pairing again after this practice's key was replaced: the old key is kept until the records
    // it encrypted are re-encrypted (docs/sync.md, "Rotating the practice key").
    const previousKey = await previousKeyOnPairing(this.unsealedOrNull(), practiceKey);
    const sealed = this.secureStore.encrypt(
      JSON.stringify({ password: setup.password, practiceKey, ...(previousKey ? { previousKey } : {}) }),
    );
    const stored: Stored = {
      databaseUrl: address.databaseUrl,
      user: setup.user,
      computerName: setup.computerName,
      ...(setup.certificateFingerprint ? { certificatePin: setup.certificateFingerprint } : {}),
      sealed: Buffer.from(sealed).toString('base64'),
    };
    await writeFileAtomic(this.file, JSON.stringify(stored, null, 2));
    this.cached = stored;
    return this.status();
  }

  /** A new name for this computer (sync must be on: the name lives with the sync settings). */
  async renameComputer(computerName: string): Promise<SyncStatus> {
    const stored = this.read();
    if (!stored) throw translatedError('INVALID_REQUEST', 'sync.main.off');
    const renamed: Stored = { ...stored, computerName };
    await writeFileAtomic(this.file, JSON.stringify(renamed, null, 2));
    this.cached = renamed;
    return this.status();
  }

  async turnOff(): Promise<SyncStatus> {
    fs.rmSync(this.file, { force: true });
    this.cached = null;
    return this.status();
  }

  private unseal(stored: Stored): SealedSecrets {
    let unsealed: unknown;
    try {
      unsealed = JSON.parse(this.secureStore.decrypt(new Uint8Array(Buffer.from(stored.sealed, 'base64'))));
    } catch {
      throw translatedError('FILE_READ_FAILED', 'sync.main.locked');
    }
    const secrets = readSealedSecrets(unsealed);
    if (!secrets) {
      throw translatedError('FILE_READ_FAILED', 'sync.main.damaged');
    }
    return secrets;
  }

  private unsealedOrNull(): SealedSecrets | null {
    const stored = this.read();
    if (!stored) return null;
    try {
      return this.unseal(stored);
    } catch {
      return null;
    }
  }

  secrets(): SyncSecrets {
    const stored = this.read();
    if (!stored) return null;
    const unsealed = this.unseal(stored);
    return {
      databaseUrl: stored.databaseUrl,
      user: stored.user,
      password: unsealed.password,
      practiceKey: unsealed.practiceKey,
      computerName: stored.computerName,
      certificateFingerprint: stored.certificatePin ?? null,
      pendingKey: unsealed.pendingKey ?? null,
      previousKey: unsealed.previousKey ?? null,
    };
  }

  /**
   * One step of rotating the practice key (key-rotation-store.ts), written atomically before it is
   * answered: the renderer acts on a step (writes the marker, records under the new key) only
   * once main has it on disk.
   */
  async rotation(step: SyncRotationStep): Promise<SyncSecrets> {
    const stored = this.read();
    if (!stored) throw translatedError('INVALID_REQUEST', 'sync.main.off');
    const next = await applyRotationStep(this.unseal(stored), step);
    const sealed: Stored = {
      ...stored,
      sealed: Buffer.from(this.secureStore.encrypt(JSON.stringify(next))).toString('base64'),
    };
    await writeFileAtomic(this.file, JSON.stringify(sealed, null, 2));
    this.cached = sealed;
    return this.secrets();
  }
}
