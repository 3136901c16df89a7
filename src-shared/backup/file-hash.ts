import { sha256 } from '@noble/hashes/sha2';

/**
 * SHA-256 of a document's bytes as they go into or come out of a backup (format version 2).
 *
 * WebCrypto's digest is native (tens of times faster than hashing in JavaScript, which was the
 * largest cost of backing up and restoring documents) but takes the whole input at once; so a
 * file up to WHOLE_FILE_HASH_LIMIT is gathered into one buffer and hashed natively, a larger one
 * is hashed in JavaScript a segment at a time. Attachments are at most 50 MB (documents'
 * MAX_ATTACHMENT_BYTES), so in Stillpoint's own backups every file takes the fast path, and
 * memory holds one file at a time.
 */
export const WHOLE_FILE_HASH_LIMIT = 64 * 1024 * 1024;

export function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** The lowercase hex SHA-256 of one buffer, natively. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return hex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes)));
}

/**
 * A file's bytes arriving a part at a time, hashed at the end: gathered into one buffer of the
 * declared size when it is at most WHOLE_FILE_HASH_LIMIT (native digest), else hashed as they
 * come. The caller checks each part against the declared size before adding it.
 */
export class FileHasher {
  private readonly whole: Uint8Array<ArrayBuffer> | null;
  private readonly incremental: ReturnType<typeof sha256.create> | null;
  private received = 0;

  constructor(declaredSize: number) {
    const gather = declaredSize > 0 && declaredSize <= WHOLE_FILE_HASH_LIMIT;
    this.whole = gather ? new Uint8Array(declaredSize) : null;
    this.incremental = gather ? null : sha256.create();
  }

  /** The gathered bytes, when the file took the native path (so a caller can reuse them). */
  get bytes(): Uint8Array<ArrayBuffer> | null {
    return this.whole ? this.whole.subarray(0, this.received) : null;
  }

  update(part: Uint8Array): void {
    if (this.whole) {
      if (this.received + part.length > this.whole.length) throw new RangeError('More bytes than declared');
      this.whole.set(part, this.received);
    } else this.incremental!.update(part);
    this.received += part.length;
  }

  async digestHex(): Promise<string> {
    if (this.incremental) return hex(this.incremental.digest());
    return sha256Hex(this.whole!.subarray(0, this.received));
  }
}
