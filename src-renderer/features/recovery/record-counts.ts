import type { RecordCounts, StillpointBridge } from '../../../src-shared/ipc';
import type { Counts, RecordCountsReader } from '../../db/record-counts';

export type { Counts };

/**
 * True when the database is empty although this computer is known to have had clients: the
 * database may have been removed (a profile reset, a clean-up tool, a failed disk) and the
 * app must not quietly start fresh over it.
 */
export function recordsWentMissing(current: Counts, remembered: RecordCounts | null): boolean {
  return remembered !== null && remembered.clients > 0 && current.clients === 0;
}

export type RecordsBridge = Pick<StillpointBridge, 'recordsGetCounts' | 'recordsSetCounts'>;

/** The timer the report waits on (a test passes one it fires itself). */
export interface DebounceTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const windowTimers: DebounceTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Keeps main's memory of the counts up to date: watches the client count (a live query over the
 * clients table only, so note edits never wake it) and, a moment after it settles, sends it if
 * it changed. Returns the function that stops it.
 */
export function keepCountsRemembered(
  counts: RecordCountsReader,
  bridge: RecordsBridge,
  options: { lastSent: Counts | null; debounceMs?: number; now?: () => Date; timers?: DebounceTimers },
): () => void {
  const debounceMs = options.debounceMs ?? 1_000;
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? windowTimers;
  let lastSent = options.lastSent;
  let timer: unknown;
  let latest: Counts | undefined;

  const send = () => {
    timer = undefined;
    const counts = latest;
    if (!counts) return;
    if (lastSent && lastSent.clients === counts.clients) return;
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

  const stop = counts.watch(
    (current) => {
      latest = current;
      if (timer !== undefined) timers.clear(timer);
      timer = timers.set(send, debounceMs);
    },
    () => {
      // A closed database: nothing to count; the next start checks again.
    },
  );

  return () => {
    stop();
    if (timer !== undefined) {
      timers.clear(timer);
      send();
    }
  };
}
