import { z } from 'zod';
import { KeyStorageSchema } from '../domain/backup-settings';
import { CertificateFingerprintSchema } from './certificate-pin';

/**
 * What this computer knows about practice sync, as main keeps it: the server, the user, this
 * computer's name, and (sealed by the OS key store, never in this answer) the password and the
 * practice key. `origin` is the one origin the network lockdown and the CSP let through.
 */
export const SyncStatusSchema = z.object({
  enabled: z.boolean(),
  databaseUrl: z.string().nullable(),
  origin: z.string().nullable(),
  user: z.string().nullable(),
  computerName: z.string().nullable(),
  keyStorage: KeyStorageSchema,
  /** The pinned certificate's SHA-256 fingerprint (a self-signed https server), or null. */
  certificateFingerprint: CertificateFingerprintSchema.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncSetupSchema = z.object({
  serverUrl: z.string().min(1).max(500),
  user: z.string().min(1).max(200),
  password: z.string().min(1).max(1024),
  /** The practice key as text (`SPK1-…`). */
  practiceKey: z.string().min(10).max(200),
  computerName: z.string().trim().min(1).max(100),
  /** The fingerprint the therapist confirmed (self-signed https only); main pins it. */
  certificateFingerprint: CertificateFingerprintSchema.optional(),
});
export type SyncSetup = z.infer<typeof SyncSetupSchema>;

export const SyncRenameSchema = z.object({ computerName: z.string().trim().min(1).max(100) });

/** What the renderer needs to replicate: only while sync is on. */
export const SyncSecretsSchema = z
  .object({
    databaseUrl: z.string(),
    user: z.string(),
    password: z.string(),
    practiceKey: z.string(),
    computerName: z.string(),
    /** The pinned certificate, carried by the pairing code to the computers that join. */
    certificateFingerprint: CertificateFingerprintSchema.nullish(),
    /**
     * A new key this computer is rotating to, kept before the server's marker names it so the key
     * is never lost with records under it; settled at the next start if the app closed meanwhile.
     */
    pendingKey: z.string().nullish(),
    /** The key before the current one, kept until this computer has re-encrypted its records. */
    previousKey: z.string().nullish(),
  })
  .nullable();
export type SyncSecrets = z.infer<typeof SyncSecretsSchema>;

const KeyTextSchema = z.string().min(10).max(200);

/**
 * One step of rotating the practice key (docs/sync.md, "Rotating the practice key"), as main keeps
 * it in the sealed secrets: `begin` keeps the new key as pending, `promote` makes it the current
 * key (once the server's marker names it) and keeps the old one as previous, `abandon` drops a
 * pending key the marker never named, `finished` drops the previous key once re-encrypted.
 */
export const SyncRotationStepSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('begin'), newKey: KeyTextSchema }),
  z.object({ step: z.literal('promote'), newKey: KeyTextSchema }),
  z.object({ step: z.literal('abandon'), newKey: KeyTextSchema }),
  z.object({ step: z.literal('finished'), previousKey: KeyTextSchema }),
]);
export type SyncRotationStep = z.infer<typeof SyncRotationStepSchema>;
