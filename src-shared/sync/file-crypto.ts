import { type Bytes, fromBase64, toBase64 } from '../backup';
import { utf8 } from '../backup/bytes';

/**
 * End-to-end encryption of a document's file (issue 15's documents and photos) for practice sync.
 * The document's row (title, kind, hash, file name) travels as a record like any other
 * (sync-crypto.ts); its bytes travel here, cut into chunks of FILE_CHUNK_BYTES, each chunk one
 * CouchDB document holding one attachment:
 *
 *   { _id: 'f' + 32 hex, v: 1, iv, _attachments: { c: <AES-256-GCM ciphertext of the chunk> } }
 *
 * - Why chunks: PouchDB sends a document's attachments as base64 inside one JSON request, so a
 *   50 MB file as one document would be held several times over (bytes, base64, JSON) while it
 *   travels. A chunk of 64 KiB keeps what a replication batch holds small, whatever the file.
 * - `_id`: HMAC-SHA256, under a key derived from the practice key, of the document's id, its
 *   SHA-256 and the chunk's place. Every computer names a chunk the same way (so a file is sent
 *   once), and an id reveals neither the document nor the client.
 * - The ciphertext's additional data binds it to its document id, its file hash and its place
 *   (index and count): a chunk moved to another document, to another place in the same file or
 *   under another id fails to decrypt. The whole file is then checked against the SHA-256 in
 *   the document's row before it is stored.
 * - The key: HKDF-SHA256 from the practice key with its own label ("file encryption"), beside
 *   the record key and never the same one.
 */
export const FILE_CHUNK_BYTES = 64 * 1024;
export const FILE_CHUNK_FORMAT = 1;
/** The name of the one attachment a chunk document holds. */
export const CHUNK_ATTACHMENT = 'c';
const GCM_TAG_BYTES = 16;

const subtle = () => globalThis.crypto.subtle;
type WebCryptoKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

export interface FileKeys {
  readonly encryption: WebCryptoKey;
  readonly ids: WebCryptoKey;
}

/** Where a chunk belongs: what its id and its additional data are made from. */
export interface ChunkPlace {
  attachmentId: string;
  sha256: string;
  index: number;
  count: number;
}

async function hkdf(master: WebCryptoKey, info: string): Promise<Bytes> {
  const out = await subtle().deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(`stillpoint-sync ${info}`) },
    master,
    256,
  );
  return new Uint8Array(out);
}

export async function deriveFileKeys(practiceKey: Uint8Array): Promise<FileKeys> {
  const master = await subtle().importKey('raw', new Uint8Array(practiceKey), 'HKDF', false, ['deriveBits']);
  return {
    encryption: await subtle().importKey('raw', await hkdf(master, 'file encryption'), 'AES-GCM', false, [
      'encrypt',
      'decrypt',
    ]),
    ids: await subtle().importKey(
      'raw',
      await hkdf(master, 'file chunk ids'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    ),
  };
}

/** How many chunks a file of `size` bytes travels as (at least one). */
export function chunkCount(size: number): number {
  return Math.max(1, Math.ceil(size / FILE_CHUNK_BYTES));
}

/** Whether a CouchDB document id names a file chunk (not a record, not the practice marker). */
export function isFileChunkId(id: string): boolean {
  return /^f[0-9a-f]{32}$/.test(id);
}

function placeText(place: ChunkPlace): string {
  return `${place.attachmentId}\u0000${place.sha256}\u0000${place.index}/${place.count}`;
}

/** The document id of one chunk: the same on every computer, and telling nothing. */
export async function fileChunkId(keys: FileKeys, place: ChunkPlace): Promise<string> {
  const mac = await subtle().sign('HMAC', keys.ids, utf8(placeText(place)));
  const hex = Array.from(new Uint8Array(mac).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `f${hex}`;
}

function additionalData(docId: string, place: ChunkPlace): Bytes {
  return utf8(`stillpoint file chunk v${FILE_CHUNK_FORMAT}\u0000${docId}\u0000${placeText(place)}`);
}

export async function encryptChunk(
  keys: FileKeys,
  docId: string,
  place: ChunkPlace,
  plain: Uint8Array,
): Promise<{ iv: string; cipher: Uint8Array<ArrayBuffer> }> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const cipher = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(docId, place) },
    keys.encryption,
    plain as Uint8Array<ArrayBuffer>,
  );
  return { iv: toBase64(iv), cipher: new Uint8Array(cipher) };
}

/**
 * The chunk's plaintext, or null when it is not this chunk of this file (moved, damaged, another
 * key) or larger than a chunk can be. Never throws.
 */
export async function decryptChunk(
  keys: FileKeys,
  docId: string,
  place: ChunkPlace,
  iv: unknown,
  cipher: Uint8Array,
): Promise<Uint8Array | null> {
  if (typeof iv !== 'string' || cipher.length > FILE_CHUNK_BYTES + GCM_TAG_BYTES) return null;
  const nonce = fromBase64(iv);
  if (nonce?.length !== 12) return null;
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: nonce, additionalData: additionalData(docId, place) },
      keys.encryption,
      cipher as Uint8Array<ArrayBuffer>,
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}
