import { type Bytes, fromBase64, toBase64 } from '../backup';

/**
 * The practice key: 32 random bytes made on the practice's first computer, which every other
 * computer receives through a pairing code (never through the server). Every record is
 * encrypted with keys derived from it before PouchDB sees it.
 *
 * As text it is `SPK1-` and base64url, so it survives copying by hand and by QR code.
 */
export const PRACTICE_KEY_PREFIX = 'SPK1-';
export const PRACTICE_KEY_LENGTH = 32;

export function createPracticeKey(): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(PRACTICE_KEY_LENGTH));
}

export function practiceKeyToText(key: Uint8Array): string {
  return PRACTICE_KEY_PREFIX + toBase64Url(key);
}

/** The key's bytes, or null when `text` is not a practice key (mistyped, cut short). */
export function practiceKeyFromText(text: string): Bytes | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PRACTICE_KEY_PREFIX)) return null;
  const bytes = fromBase64Url(trimmed.slice(PRACTICE_KEY_PREFIX.length));
  return bytes && bytes.length === PRACTICE_KEY_LENGTH ? bytes : null;
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Bytes | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return fromBase64(padded) ?? null;
}
