import { type Bytes, fromBase64, toBase64 } from '../backup';

/**
 * The practice key: 32 random bytes made on the practice's first computer, which every other
 * computer receives through a pairing code (never through the server). Every record is
 * encrypted with keys derived from it before PouchDB sees it.
 *
 * As text it is `SPK1-` and base64url, so it survives copying by hand and by QR code.
 *
 * A key made by rotating the practice key (docs/sync.md, "Rotating the practice key") is
 * `SPK2-<generation>.<practice id>.<base64url>`: the new key is random, so the practice's id (derived
 * from its first key, so another practice's database stays recognisable) and the generation
 * travel with it.
 */
export const PRACTICE_KEY_PREFIX = 'SPK1-';
export const ROTATED_KEY_PREFIX = 'SPK2-';
export const PRACTICE_KEY_LENGTH = 32;

/** Which key of the practice this is: the first key is generation 1. */
export interface KeyGeneration {
  generation: number;
  /** The practice's id, derived from its first key (32 hex digits). */
  practiceId: string;
}

export interface PracticeKeyText {
  key: Bytes;
  /** Absent for the practice's first key, whose practice id is derived from the key itself. */
  rotation?: KeyGeneration;
}

/** The highest generation a key may claim: a practice rotating daily for a thousand years. */
export const MAX_KEY_GENERATION = 1_000_000;

export function createPracticeKey(): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(PRACTICE_KEY_LENGTH));
}

export function practiceKeyToText(key: Uint8Array): string {
  return PRACTICE_KEY_PREFIX + toBase64Url(key);
}

/** The key's bytes, or null when `text` is not a practice key (mistyped, cut short). */
export function practiceKeyFromText(text: string): Bytes | null {
  return readPracticeKey(text)?.key ?? null;
}

/** A rotated key as text: its generation and the practice's id travel with it. */
export function rotatedKeyToText(key: Uint8Array, rotation: KeyGeneration): string {
  return `${ROTATED_KEY_PREFIX}${rotation.generation}.${rotation.practiceId}.${toBase64Url(key)}`;
}

/** Any key of the practice as text: the first key as `SPK1-`, a rotated one as `SPK2-`. */
export function keyToText(key: { key: Uint8Array; rotation?: KeyGeneration }): string {
  return key.rotation ? rotatedKeyToText(key.key, key.rotation) : practiceKeyToText(key.key);
}

/** A first or rotated practice key, or null when `text` is neither (mistyped, cut short). */
export function readPracticeKey(text: string): PracticeKeyText | null {
  const trimmed = text.trim();
  const bytesOf = (encoded: string) => {
    const bytes = fromBase64Url(encoded);
    return bytes && bytes.length === PRACTICE_KEY_LENGTH ? bytes : null;
  };
  if (trimmed.startsWith(PRACTICE_KEY_PREFIX)) {
    const key = bytesOf(trimmed.slice(PRACTICE_KEY_PREFIX.length));
    return key ? { key } : null;
  }
  if (!trimmed.startsWith(ROTATED_KEY_PREFIX)) return null;
  const match = /^([1-9][0-9]{0,6})\.([0-9a-f]{32})\.([A-Za-z0-9_-]+)$/.exec(
    trimmed.slice(ROTATED_KEY_PREFIX.length),
  );
  if (!match) return null;
  const generation = Number(match[1]);
  const key = bytesOf(match[3]!);
  // Generation 1 is always the first key (SPK1): a rotated key is at least generation 2.
  if (!key || generation < 2 || generation > MAX_KEY_GENERATION) return null;
  return { key, rotation: { generation, practiceId: match[2]! } };
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Bytes | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return fromBase64(padded) ?? null;
}
