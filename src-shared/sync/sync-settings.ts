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
  })
  .nullable();
export type SyncSecrets = z.infer<typeof SyncSecretsSchema>;
