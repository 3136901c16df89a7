import fs from 'node:fs/promises';

/** The file is larger than the reader accepts; `size` is what the file system reported. */
export class FileTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`File too large (${size} bytes)`);
    this.name = 'FileTooLargeError';
  }
}

/**
 * Reads a whole file of at most `maxBytes`, without ever holding more: the size is checked on
 * the open file (not by a separate stat that the file could outgrow), and no more than that
 * size is read even if the file grows meanwhile.
 */
export async function readFileCapped(file: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const handle = await fs.open(file, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw Object.assign(new Error('Not a file'), { code: 'EISDIR' });
    if (stat.size > maxBytes) throw new FileTooLargeError(stat.size);
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break; // the file shrank while being read
      filled += bytesRead;
    }
    return filled === bytes.length ? bytes : bytes.slice(0, filled);
  } finally {
    await handle.close();
  }
}
