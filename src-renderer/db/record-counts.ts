import { liveQuery } from 'dexie';
import type { RecordCounts } from '../../src-shared/ipc';
import type { StillpointDatabase } from './database';

/** What the recovery check compares with the counts main remembers: the clients only. */
export type Counts = Pick<RecordCounts, 'clients'>;

/**
 * The recovery check's front door to the data. It counts the clients only. The sessions table
 * is left alone on purpose: an IndexedDB count walks every row (about a second at 200,000
 * notes), and a live count of it re-ran after every autosave, holding the note's next save
 * behind it.
 */
export class RecordCountsReader {
  constructor(private readonly db: StillpointDatabase) {}

  async countClients(): Promise<Counts> {
    return { clients: await this.db.clients.count() };
  }

  /**
   * Calls `onCounts` with the counts now and after every change to the clients table (a live
   * query over that table only, so note edits never wake it). Answers the function that stops.
   */
  watch(onCounts: (counts: Counts) => void, onError: (error: unknown) => void): () => void {
    const subscription = liveQuery(() => this.countClients()).subscribe({ next: onCounts, error: onError });
    return () => subscription.unsubscribe();
  }
}
