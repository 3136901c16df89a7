import type { BlobLike } from '../../../../src-shared/backup';
import type { OpenedBackupFile } from '../../../../src-shared/backup/stream-ipc';
import { platform } from '../../../platform';

/**
 * A backup file main holds open, read a range at a time over IPC (backupReadRange): the reader
 * asks for one segment at a time, so a restore of gigabytes never holds the file in memory.
 */
let current: MainBackupFile | null = null;

export class MainBackupFile implements BlobLike {
  /**
   * The file main just opened for this restore. The one opened before is closed: the restore
   * card works on one file at a time, so main never keeps abandoned files open.
   */
  static adopt(opened: OpenedBackupFile): MainBackupFile {
    const previous = current;
    current = new MainBackupFile(opened);
    if (previous) void previous.close().catch(() => undefined);
    return current;
  }

  readonly size: number;
  readonly fileName: string;
  private readonly token: string;

  constructor(opened: OpenedBackupFile) {
    this.size = opened.size;
    this.fileName = opened.fileName;
    this.token = opened.token;
  }

  slice(start = 0, end = this.size): { arrayBuffer(): Promise<ArrayBuffer> } {
    const token = this.token;
    return {
      async arrayBuffer() {
        const result = await platform().backupReadRange({ token, start, end });
        if (!result.ok) throw new Error(result.error.message);
        const bytes = result.value;
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      },
    };
  }

  /** Lets main close the file (the restore is done, or the therapist chose another). */
  async close(): Promise<void> {
    await platform().backupCloseFile({ token: this.token });
  }
}
