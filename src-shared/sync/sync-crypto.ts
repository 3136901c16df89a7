import { type Bytes, fromBase64, toBase64 } from '../backup';
import { utf8 } from '../backup/bytes';
import { type KeyGeneration, readPracticeKey } from './practice-key';

/**
 * End-to-end encryption of synced records. The server (and PouchDB's local replica) hold
 * document ids, revisions and these fields only:
 *
 *   { _id, v: 1, iv, c, h }
 *
 * - `_id`: HMAC-SHA256 of the table and the record's key under a key derived from the practice
 *   key, as hex: the same record gets the same id on every computer, and an id says nothing
 *   about whose record it is (a client's name never appears in one).
 * - `c`: AES-256-GCM of the JSON body, with `iv` (12 random bytes); the document id is the
 *   additional data, so a server that moves a ciphertext under another id is caught.
 * - `h`: a keyed hash (HMAC) of the body: lets a computer see "already have this version"
 *   without decrypting. It tells the server only whether two versions of one record are equal.
 *
 * One more document, `stillpoint-practice`, marks the database as the practice's: its
 * `practice` is an id derived from the practice key (so a server answering with another
 * practice's database, or a computer holding an old key, is told apart before anything is
 * applied), and `check` is a known text encrypted with the key.
 *
 * The marker also names the key's `generation` (1 for the practice's first key, one more at each
 * rotation). `practice` stays the first key's id through every rotation, so "another practice"
 * and "this practice, with a key that was replaced" are told apart.
 */
export const SYNC_FORMAT_VERSION = 1;
export const PRACTICE_MARKER_ID = 'stillpoint-practice';
const MARKER_TEXT = 'stillpoint practice marker v1';

const subtle = () => globalThis.crypto.subtle;
type WebCryptoKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

export interface PracticeKeys {
  /** Public, derived id of the practice's first key: the same on every computer of the practice. */
  readonly practiceId: string;
  /** Which key of the practice these come from: 1 for the first, one more at each rotation. */
  readonly generation: number;
  readonly encryption: WebCryptoKey;
  readonly ids: WebCryptoKey;
  readonly hashes: WebCryptoKey;
}

/** The plaintext a synced document carries: a record of a table, or its tombstone. */
export interface SyncBody {
  table: string;
  key: string;
  /** The record as a backup carries it (TABLE_SPECS' toBackup); absent in a tombstone. */
  record?: Record<string, unknown>;
  /**
   * Present when the record was deleted on a computer: when, where, and what it was. `removed`
   * says a document was removed on its own (not with its client), which the merge rules may refuse.
   */
  deleted?: { at: string; computer: string; label: string; removed?: 'document' };
}

export interface EncryptedDoc {
  _id: string;
  v: number;
  iv: string;
  c: string;
  h: string;
}

export interface PracticeMarker {
  _id: typeof PRACTICE_MARKER_ID;
  v: number;
  practice: string;
  /** Absent in markers written before rotation existed: generation 1. */
  generation?: number;
  iv: string;
  check: string;
}

async function hkdf(master: WebCryptoKey, info: string, bits = 256): Promise<Bytes> {
  const out = await subtle().deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(`stillpoint-sync ${info}`) },
    master,
    bits,
  );
  return new Uint8Array(out);
}

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The keys of one practice key. A rotated key brings the practice's id and its generation with
 * it (`rotation`); the first key's id is derived from the key.
 */
export async function derivePracticeKeys(
  practiceKey: Uint8Array,
  rotation?: KeyGeneration,
): Promise<PracticeKeys> {
  const master = await subtle().importKey('raw', new Uint8Array(practiceKey), 'HKDF', false, ['deriveBits']);
  const hmac = (bytes: Bytes) =>
    subtle().importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return {
    practiceId: rotation?.practiceId ?? hex(await hkdf(master, 'practice id', 128)),
    generation: rotation?.generation ?? 1,
    encryption: await subtle().importKey('raw', await hkdf(master, 'record encryption'), 'AES-GCM', false, [
      'encrypt',
      'decrypt',
    ]),
    ids: await hmac(await hkdf(master, 'document ids')),
    hashes: await hmac(await hkdf(master, 'content hashes')),
  };
}

/** The keys of a practice key given as text (`SPK1-…` or `SPK2-…`), or null when it is not one. */
export async function practiceKeysFromText(text: string): Promise<PracticeKeys | null> {
  const read = readPracticeKey(text);
  return read ? derivePracticeKeys(read.key, read.rotation) : null;
}

/** JSON with keys in a fixed order, so equal records hash equal on every computer. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

async function mac(key: WebCryptoKey, text: string, bytes = 16): Promise<string> {
  return hex((await subtle().sign('HMAC', key, utf8(text))).slice(0, bytes));
}

/** The document id of a record: reveals neither the table's contents nor the record's key. */
export function documentId(keys: PracticeKeys, table: string, key: string): Promise<string> {
  return mac(keys.ids, `${table}\u0000${key}`).then((id) => `r${id}`);
}

/** The keyed hash of a body, for "this version is already here". */
export function contentHash(keys: PracticeKeys, body: SyncBody): Promise<string> {
  return contentHashOfText(keys, canonicalJson(body));
}

/** `contentHash` of a body already written as `canonicalJson` (a caller that needs the text too). */
export function contentHashOfText(keys: PracticeKeys, canonicalText: string): Promise<string> {
  return mac(keys.hashes, canonicalText);
}

/**
 * What a caller may already have worked out for `body` (its document id, `canonicalJson` text,
 * keyed hash), so a push of many records does not derive each twice.
 */
export interface KnownOfBody {
  id?: string;
  text?: string;
  h?: string;
}

export async function encryptBody(
  keys: PracticeKeys,
  body: SyncBody,
  known: KnownOfBody = {},
): Promise<EncryptedDoc> {
  const id = known.id ?? (await documentId(keys, body.table, body.key));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const text = known.text ?? canonicalJson(body);
  const cipher = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(id) },
    keys.encryption,
    utf8(text),
  );
  return {
    _id: id,
    v: SYNC_FORMAT_VERSION,
    iv: toBase64(iv),
    c: toBase64(new Uint8Array(cipher)),
    h: known.h ?? (await contentHashOfText(keys, text)),
  };
}

/** Why a document from the server could not be read. */
export type DecryptProblem = 'format' | 'decryption' | 'wrong-id';

export type Decrypted = { ok: true; body: SyncBody } | { ok: false; problem: DecryptProblem };

/**
 * The body of a document from the server, or why not. Never throws: a hostile or broken
 * answer is a value the caller reports.
 */
export async function decryptDoc(keys: PracticeKeys, doc: unknown): Promise<Decrypted> {
  const d = doc as Partial<EncryptedDoc> | null;
  if (
    typeof d !== 'object' ||
    d === null ||
    typeof d._id !== 'string' ||
    d.v !== SYNC_FORMAT_VERSION ||
    typeof d.iv !== 'string' ||
    typeof d.c !== 'string' ||
    d.c.length > MAX_CIPHERTEXT_CHARS
  ) {
    return { ok: false, problem: 'format' };
  }
  const iv = fromBase64(d.iv);
  const cipher = fromBase64(d.c);
  if (iv?.length !== 12 || !cipher) return { ok: false, problem: 'format' };
  let text: string;
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv, additionalData: utf8(d._id) },
      keys.encryption,
      cipher,
    );
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return { ok: false, problem: 'decryption' };
  }
  let body: SyncBody;
  try {
    body = JSON.parse(text) as SyncBody;
  } catch {
    return { ok: false, problem: 'format' };
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof body.table !== 'string' ||
    typeof body.key !== 'string'
  ) {
    return { ok: false, problem: 'format' };
  }
  // The id must be the one this body's table and key give: a ciphertext copied under another
  // record's id fails here (and already fails GCM's additional data).
  if ((await documentId(keys, body.table, body.key)) !== d._id) return { ok: false, problem: 'wrong-id' };
  return { ok: true, body };
}

/** A record larger than this (as base64) is refused unread: 8 MB covers any note. */
export const MAX_CIPHERTEXT_CHARS = 8 * 1024 * 1024;

/**
 * The check's additional data: a rotated key's marker binds its generation, so a check cannot be
 * moved under another generation. Generation 1 keeps the data markers had before rotation.
 */
function markerData(generation: number): Bytes {
  return utf8(generation === 1 ? PRACTICE_MARKER_ID : `${PRACTICE_MARKER_ID}\u0000${generation}`);
}

export async function createPracticeMarker(keys: PracticeKeys): Promise<PracticeMarker> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const cipher = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: markerData(keys.generation) },
    keys.encryption,
    utf8(MARKER_TEXT),
  );
  return {
    _id: PRACTICE_MARKER_ID,
    v: SYNC_FORMAT_VERSION,
    practice: keys.practiceId,
    ...(keys.generation > 1 ? { generation: keys.generation } : {}),
    iv: toBase64(iv),
    check: toBase64(new Uint8Array(cipher)),
  };
}

/**
 * - `ours`: this practice, and this key is its current one.
 * - `key-replaced`: this practice, but its key was rotated since (a newer generation, or the same
 *   generation made with a key that is not this one): this computer must pair again.
 * - `older-key`: this practice, under a generation older than this key (a rotation that has not
 *   reached the server, or a server restored from an older copy).
 * - `other-practice`: another practice's database.
 */
export type MarkerCheck = 'ours' | 'key-replaced' | 'older-key' | 'other-practice' | 'not-a-practice';

/** The generation a marker claims (1 when it names none, as markers before rotation), or null. */
export function markerGeneration(marker: unknown): number | null {
  const m = marker as Partial<PracticeMarker> | null;
  if (typeof m !== 'object' || m === null) return null;
  if (m.generation === undefined) return 1;
  return Number.isSafeInteger(m.generation) && m.generation >= 1 ? m.generation : null;
}

/** Whether the marker the server holds was made with this practice key. */
export async function checkPracticeMarker(keys: PracticeKeys, marker: unknown): Promise<MarkerCheck> {
  const m = marker as Partial<PracticeMarker> | null;
  const generation = markerGeneration(marker);
  if (
    typeof m !== 'object' ||
    m === null ||
    typeof m.practice !== 'string' ||
    typeof m.iv !== 'string' ||
    typeof m.check !== 'string' ||
    generation === null
  ) {
    return 'not-a-practice';
  }
  if (m.practice !== keys.practiceId) return 'other-practice';
  if (generation < keys.generation) return 'older-key';
  const iv = fromBase64(m.iv);
  const cipher = fromBase64(m.check);
  if (!iv || !cipher) return 'not-a-practice';
  if (generation > keys.generation) return 'key-replaced';
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv, additionalData: markerData(generation) },
      keys.encryption,
      cipher,
    );
    return new TextDecoder().decode(plain) === MARKER_TEXT ? 'ours' : 'key-replaced';
  } catch {
    // The practice's id is right but this key does not open the check: the practice's key was
    // replaced by one of the same generation (or the marker was forged). Either way: pair again.
    return 'key-replaced';
  }
}
