import { type Bytes, constantTimeEqual, toBase64, utf8, writeUint32BE } from './bytes';
import {
  DEFAULT_ITERATIONS,
  INFO_BODY_KEY,
  INFO_PASSPHRASE_CHECK,
  MAX_ITERATIONS,
  MIN_ITERATIONS,
  NONCE_PREFIX_LENGTH,
  PASSPHRASE_CHECK_LENGTH,
  SALT_LENGTH,
} from './format';

const subtle = () => globalThis.crypto.subtle;

/** The WebCrypto key type, named the same way under Node's and the DOM's type libraries. */
export type WebCryptoKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

/**
 * What a passphrase becomes after the slow KDF: an HKDF master key (non-extractable) plus the
 * public passphrase-check value. One BackupKey can seal many backups: each file still gets its
 * own body key and nonces (HKDF with the file's random nonce prefix).
 */
export interface BackupKey {
  readonly salt: Bytes;
  readonly iterations: number;
  readonly passphraseCheck: Bytes;
  readonly master: WebCryptoKey;
}

export function randomBytes(length: number): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** NFC so that "é" typed as one code point or as e + accent opens the same backup. */
export function passphraseBytes(passphrase: string): Bytes {
  return utf8(passphrase.normalize('NFC'));
}

export function checkIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be an integer from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}`);
  }
}

async function deriveUncached(passphrase: string, salt: Bytes, iterations: number): Promise<BackupKey> {
  const base = await subtle().importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveBits']);
  const masterBits = await subtle().deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    256,
  );
  const master = await subtle().importKey('raw', masterBits, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const check = await subtle().deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(INFO_PASSPHRASE_CHECK) },
    master,
    PASSPHRASE_CHECK_LENGTH * 8,
  );
  return { salt, iterations, passphraseCheck: new Uint8Array(check), master };
}

/**
 * Derived keys by (passphrase, salt, iterations). PBKDF2 with 600,000 iterations costs a few
 * hundred milliseconds, and the same passphrase and salt come back often: a preview and then a
 * restore of one file, and tests. (New backups, automatic ones included, draw a fresh salt.) The map is keyed
 * by a SHA-256 of the inputs so the passphrase itself is not kept as a key; the values are
 * non-extractable CryptoKeys. A small LRU; `clearBackupKeyCache()` forgets everything.
 */
const CACHE_LIMIT = 8;
const keyCache = new Map<string, Promise<BackupKey>>();

async function cacheId(passphrase: string, salt: Uint8Array, iterations: number): Promise<string> {
  const pass = passphraseBytes(passphrase);
  const input = new Uint8Array(4 + salt.length + 4 + pass.length);
  writeUint32BE(input, 0, iterations);
  writeUint32BE(input, 4, salt.length);
  input.set(salt, 8);
  input.set(pass, 8 + salt.length);
  const digest = new Uint8Array(await subtle().digest('SHA-256', input));
  input.fill(0);
  return toBase64(digest);
}

export function clearBackupKeyCache(): void {
  keyCache.clear();
}

/**
 * Stretch a passphrase into a BackupKey (PBKDF2-SHA256, then HKDF-SHA256). Without a salt a
 * fresh random one is made, for a new backup. Results are cached (see above).
 */
export async function deriveBackupKey(
  passphrase: string,
  options: { salt?: Uint8Array; iterations?: number } = {},
): Promise<BackupKey> {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  checkIterations(iterations);
  if (passphrase.length === 0) throw new RangeError('A backup passphrase cannot be empty');
  const salt: Bytes = options.salt ? new Uint8Array(options.salt) : randomBytes(SALT_LENGTH);
  if (salt.length !== SALT_LENGTH) throw new RangeError(`The salt must be ${SALT_LENGTH} bytes`);
  const id = await cacheId(passphrase, salt, iterations);
  const cached = keyCache.get(id);
  if (cached) {
    keyCache.delete(id);
    keyCache.set(id, cached);
    return cached;
  }
  const pending = deriveUncached(passphrase, salt, iterations);
  keyCache.set(id, pending);
  while (keyCache.size > CACHE_LIMIT) keyCache.delete(keyCache.keys().next().value as string);
  pending.catch(() => keyCache.delete(id));
  return pending;
}

export function passphraseMatches(key: BackupKey, expectedCheck: Uint8Array): boolean {
  return constantTimeEqual(key.passphraseCheck, expectedCheck);
}

/** The AES-256-GCM key of one file: HKDF(master, salt = the file's nonce prefix). */
export async function deriveBodyKey(key: BackupKey, noncePrefix: Bytes): Promise<WebCryptoKey> {
  if (noncePrefix.length !== NONCE_PREFIX_LENGTH) throw new RangeError('Bad nonce prefix length');
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: noncePrefix, info: utf8(INFO_BODY_KEY) },
    key.master,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** nonce_i = prefix (8 bytes) || uint32 BE i */
export function segmentNonce(noncePrefix: Uint8Array, index: number): Bytes {
  const nonce = new Uint8Array(12);
  nonce.set(noncePrefix, 0);
  writeUint32BE(nonce, 8, index);
  return nonce;
}

/** aad_i = header digest (32 bytes) || uint32 BE i || 0x01 if last segment else 0x00 */
export function segmentAad(headerDigest: Uint8Array, index: number, final: boolean): Bytes {
  const aad = new Uint8Array(headerDigest.length + 5);
  aad.set(headerDigest, 0);
  writeUint32BE(aad, headerDigest.length, index);
  aad[headerDigest.length + 4] = final ? 1 : 0;
  return aad;
}

export async function encryptSegment(
  bodyKey: WebCryptoKey,
  noncePrefix: Uint8Array,
  headerDigest: Uint8Array,
  index: number,
  final: boolean,
  plaintext: Bytes,
): Promise<Bytes> {
  const ciphertext = await subtle().encrypt(
    {
      name: 'AES-GCM',
      iv: segmentNonce(noncePrefix, index),
      additionalData: segmentAad(headerDigest, index, final),
      tagLength: 128,
    },
    bodyKey,
    plaintext,
  );
  return new Uint8Array(ciphertext);
}

/** Undefined when the segment does not authenticate (damaged, reordered, or not the final one). */
export async function decryptSegment(
  bodyKey: WebCryptoKey,
  noncePrefix: Uint8Array,
  headerDigest: Uint8Array,
  index: number,
  final: boolean,
  ciphertext: Bytes,
): Promise<Bytes | undefined> {
  try {
    const plaintext = await subtle().decrypt(
      {
        name: 'AES-GCM',
        iv: segmentNonce(noncePrefix, index),
        additionalData: segmentAad(headerDigest, index, final),
        tagLength: 128,
      },
      bodyKey,
      ciphertext,
    );
    return new Uint8Array(plaintext);
  } catch {
    return undefined;
  }
}

export async function sha256(data: Bytes): Promise<Bytes> {
  return new Uint8Array(await subtle().digest('SHA-256', data));
}
