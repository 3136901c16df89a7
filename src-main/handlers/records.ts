import fs from 'node:fs/promises';
import path from 'node:path';
import { type RecordCounts, RecordCountsSchema } from '../../src-shared/ipc';
import type { MainHandlers } from '../ipc';
import { writeFileAtomic } from '../services/files/atomic-write';
import type { MainDeps } from './deps';

/** Beside IndexedDB's folder, not inside it: whatever empties the database leaves this file. */
export const RECORD_COUNTS_FILE = 'record-counts.json';

/**
 * Main's memory of how many records this computer had. The renderer reports its counts after
 * writes; at start it compares them with an empty database and, if records vanished, offers
 * the latest backup instead of silently starting fresh.
 */
export function recordHandlers(deps: MainDeps): Pick<MainHandlers, 'recordsGetCounts' | 'recordsSetCounts'> {
  const file = path.join(deps.userDataDir, RECORD_COUNTS_FILE);
  // Writes run one after another so an older report can never land after a newer one.
  let queue: Promise<unknown> = Promise.resolve();

  const read = async (): Promise<RecordCounts | null> => {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = RecordCountsSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      // A damaged memo says nothing about the database: no warning rather than a false alarm.
      return null;
    }
  };

  return {
    recordsGetCounts: async () => {
      await queue.catch(() => {});
      return read();
    },
    recordsSetCounts: (counts) => {
      const write = queue
        .catch(() => {})
        .then(async () => {
          await writeFileAtomic(file, `${JSON.stringify(counts)}\n`);
          return counts;
        });
      queue = write;
      return write;
    },
  };
}
