/**
 * SHA-256 of a file's bytes as lowercase hex, with WebCrypto (the same in main, the renderer and
 * tests). Stored with every attachment; checked when it is opened, saved and backed up.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
