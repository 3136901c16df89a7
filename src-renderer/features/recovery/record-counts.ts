import { liveQuery } from 'dexie';
import type { RecordCounts, StillpointBridge } from '../../../src-shared/ipc';
import type { StillpointDatabase } from '../../db/database';

export type Counts = Pick<RecordCounts, 'clients' | 'sessions'>;

export async function countRecords(db: StillpointDatabase): Promise<Counts> {
  return db.transaction('r', db.clients, db.sessions, async () => ({
    clients: await db.clients.count(),
    sessions: await db.sessions.count(),
  }));
}

/**
 * True when the database is empty although this computer is known to have had clients: the
 * database may have been removed (a profile reset, a clean-up tool, a failed disk) and the
 * app must not quietly start fresh over it.
 */
export function recordsWentMissing(current: Counts, remembered: RecordCounts | null): boolean {
  return remembered !== null && remembered.clients > 0 && current.clients === 0 && current.sessions === 0;
}

export type RecordsBridge = Pick<StillpointBridge, 'recordsGetCounts' | 'recordsSetCounts'>;

/**
 * Keeps main's memory of the counts up to date: watches the two table counts and, a moment
 * after they settle, sends them if they changed. Returns the function that stops it.
 */
export function keepCountsRemembered(
  db: StillpointDatabase,
  bridge: RecordsBridge,
  options: { lastSent: Counts | null; debounceMs?: number; now?: () => Date },
): () => void {
  const debounceMs = options.debounceMs ?? 1_000;
  const now = options.now ?? (() => new Date());
  let lastSent = options.lastSent;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: Counts | undefined;

  const send = () => {
    timer = undefined;
    const counts = latest;
    if (!counts) return;
    if (lastSent && lastSent.clients === counts.clients && lastSent.sessions === counts.sessions) return;
    lastSent = counts;
    void bridge
      .recordsSetCounts({ ...counts, at: now().toISOString() })
      .then((result) => {
        // Not remembered: try again with the next change.
        if (!result.ok) lastSent = null;
      })
      .catch(() => {
        lastSent = null;
      });
  };

  const subscription = liveQuery(() => countRecords(db)).subscribe({
    next: (counts) => {
      latest = counts;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(send, debounceMs);
    },
    error: () => {
      // A closed database: nothing to count; the next start checks again.
    },
  });

  return () => {
    subscription.unsubscribe();
    if (timer !== undefined) {
      clearTimeout(timer);
      send();
    }
  };
}
