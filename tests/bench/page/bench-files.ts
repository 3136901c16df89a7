/**
 * Files the bench writes, in the origin private file system (OPFS): the backup bench's file and
 * the raw copy baseline's. The app streams a backup to main, which writes a file on disk; the
 * bench page has no main, so it writes a file of its own the same way, a chunk at a time, each
 * write awaited. They used to be Blobs in the browser's blob store, which at 2 GB (a 2.2 GB
 * backup beside the raw copy's 2 GB) failed reading the backup back with `NotReadableError`.
 *
 * Everything lives in one folder, removed whole when a run starts: the cached practice's profile
 * outlives the run, and an interrupted run would otherwise leave gigabytes there (including
 * Chromium's `.crswap` file, where a writable file stream keeps its bytes until `close()`).
 */

const FOLDER = 'stillpoint-bench';

async function benchFolder(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(FOLDER, { create: true });
}

function isNotFound(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotFoundError';
}

/** Removes every file the bench wrote, whatever run left it; nothing there is fine. */
export async function removeBenchFiles(): Promise<void> {
  const root = await navigator.storage.getDirectory();
  try {
    await root.removeEntry(FOLDER, { recursive: true });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** Removes one file the bench wrote; one already gone is fine. */
export async function removeBenchFile(name: string): Promise<void> {
  try {
    await (await benchFolder()).removeEntry(name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

export interface BenchFile {
  /**
   * Runs `work`, which writes the file a chunk at a time, then finishes the file and answers its
   * bytes as a File, read back a range at a time like a file on disk. If `work` or the finishing
   * fails, nothing written stays on disk and the failure is thrown on.
   *
   * `write` appends a chunk after the ones before it. Await it before handing over the next one or
   * reusing the buffer: the stream holds the chunk until the promise settles, so awaiting keeps at
   * most one chunk in the JS heap (the app's sink to main is awaited the same way).
   */
  fill(work: (write: (chunk: Uint8Array<ArrayBuffer>) => Promise<void>) => Promise<void>): Promise<File>;
}

/** A new, empty file `name` in the bench's folder (one of that name is replaced). */
export async function createBenchFile(name: string): Promise<BenchFile> {
  const folder = await benchFolder();
  const handle = await folder.getFileHandle(name, { create: true });
  // keepExistingData defaults to false: the stream starts from an empty file.
  const stream = await handle.createWritable();
  return {
    fill: async (work) => {
      try {
        await work((chunk) => stream.write(chunk));
        await stream.close();
      } catch (error) {
        await stream.abort().catch(() => {});
        await removeBenchFile(name);
        throw error;
      }
      return handle.getFile();
    },
  };
}
