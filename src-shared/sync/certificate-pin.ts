import { z } from 'zod';

/**
 * A self-signed practice server is trusted by pinning its certificate: at setup the therapist
 * compares the certificate's SHA-256 fingerprint shown by Stillpoint with the one the server
 * shows, and main then accepts exactly that certificate for exactly the sync server's host
 * (src-main/sync/certificate-pin.ts). The fingerprint is the SHA-256 of the certificate's DER
 * bytes, written as 32 upper-case hex pairs joined by colons, the way `openssl x509 -noout
 * -fingerprint -sha256` and browsers print it.
 */
export const FINGERPRINT_PATTERN = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

export const CertificateFingerprintSchema = z.string().regex(FINGERPRINT_PATTERN);

/** A fingerprint as typed or printed (colons, spaces or none, any case), or null. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text
    .replace(/^sha-?256\s*(fingerprint)?\s*=?\s*/i, '')
    .replace(/[\s:]/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/** What main found at the server's address, shown to the therapist to compare. */
export const ServerCertificateSchema = z.object({
  fingerprint: CertificateFingerprintSchema,
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** Whether the operating system's authorities already trust it (then no pin is needed). */
  trustedByAuthorities: z.boolean(),
});
export type ServerCertificate = z.infer<typeof ServerCertificateSchema>;
