import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RecordCountsReader } from '../../../src-renderer/db/record-counts';
import {
  type DebounceTimers,
  keepCountsRemembered,
  type RecordsBridge,
  recordsWentMissing,
} from '../../../src-renderer/features/recovery/record-counts';
import type { RecordCounts } from '../../../src-shared/ipc';
import { fail, ok } from '../../../src-shared/result';
import { addClient, openRepositories } from '../db/helpers';

const remembered = (clients: number): RecordCounts => ({
  clients,
  at: '2026-11-20T16:45:00.000Z',
});

describe('recordsWentMissing', () => {
  it.each<[string, { clients: number }, RecordCounts | null, boolean]>([
    ['an empty database where clients were remembered', { clients: 0 }, remembered(12), true],
    ['a first start (nothing remembered)', { clients: 0 }, null, false],
    ['a practice that deleted all its clients', { clients: 0 }, remembered(0), false],
    ['fewer clients than remembered, but not none', { clients: 3 }, remembered(12), false],
  ])('%s → %s', (_what, current, memo, expected) => {
    expect(recordsWentMissing(current, memo)).toBe(expected);
  });
});

function fakeBridge(answer: 'ok' | 'fail' = 'ok') {
  const sent: RecordCounts[] = [];
  let mode = answer;
  const bridge: RecordsBridge = {
    recordsGetCounts: async () => ok(null),
    recordsSetCounts: async (counts) => {
      sent.push(counts as RecordCounts);
      return mode === 'ok' ? ok(counts as RecordCounts) : fail('FILE_WRITE_FAILED', 'disk');
    },
  };
  return { bridge, sent, setMode: (next: 'ok' | 'fail') => (mode = next) };
}

/**
 * The report's timer, fired by the test: `fire()` runs what is pending as if its moment had
 * come. `scheduled()` counts the changes the live query delivered (each one restarts the timer).
 */
function manualTimers() {
  let nextId = 0;
  let scheduled = 0;
  const pending = new Map<number, () => void>();
  const timers: DebounceTimers = {
    set: (run) => {
      nextId += 1;
      scheduled += 1;
      pending.set(nextId, run);
      return nextId;
    },
    clear: (handle) => {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    scheduled: () => scheduled,
    pending: () => pending.size,
    fire: () => {
      const due = [...pending.values()];
      pending.clear();
      for (const run of due) run();
    },
  };
}

describe('keepCountsRemembered', () => {
  it('sends the counts once they settle, only when they changed', async () => {
    const { db, clients, sessions } = openRepositories();
    const { bridge, sent } = fakeBridge();
    const clock = manualTimers();
    const stop = keepCountsRemembered(new RecordCountsReader(db), bridge, {
      lastSent: null,
      timers: clock.timers,
    });
    // Nothing is sent before the timer fires; then the first count.
    await expect.poll(() => clock.pending()).toBe(1);
    expect(sent).toEqual([]);
    clock.fire();
    expect(sent).toMatchObject([{ clients: 0 }]);

    // A burst of writes: each change restarts the one timer, so they go in one report.
    const quiet = clock.scheduled();
    const marta = await addClient(clients, 'Marta', 'Kowalska');
    await addClient(clients, 'Sam', 'Archer');
    await sessions.createDraft(marta.id);
    await expect.poll(() => clock.scheduled()).toBeGreaterThan(quiet);
    expect(clock.pending()).toBe(1);
    await expect
      .poll(() => {
        clock.fire();
        return sent.at(-1)?.clients;
      })
      .toBe(2);
    const reported = sent.map((counts) => counts.clients);
    expect(new Set(reported).size).toBe(reported.length);

    // A write that changes no count sends nothing; neither do notes (they are not counted).
    const reports = sent.length;
    const seen = clock.scheduled();
    await clients.setArchived(marta.id, true);
    await sessions.createDraft(marta.id);
    await expect.poll(() => clock.scheduled()).toBeGreaterThan(seen);
    clock.fire();
    expect(sent.length).toBe(reports);
    stop();
    expect(await new RecordCountsReader(db).countClients()).toEqual({ clients: 2 });
  });

  it('does not resend what main already remembers', async () => {
    const { db } = openRepositories();
    const { bridge, sent } = fakeBridge();
    const clock = manualTimers();
    const stop = keepCountsRemembered(new RecordCountsReader(db), bridge, {
      lastSent: { clients: 0 },
      timers: clock.timers,
    });
    await expect.poll(() => clock.pending()).toBe(1);
    clock.fire();
    expect(sent).toEqual([]);
    stop();
  });

  it('after a failed report, tries again with the next change; stopping sends what is pending', async () => {
    const { db, clients } = openRepositories();
    const { bridge, sent, setMode } = fakeBridge('fail');
    const clock = manualTimers();
    const stop = keepCountsRemembered(new RecordCountsReader(db), bridge, {
      lastSent: null,
      timers: clock.timers,
    });
    await expect.poll(() => clock.pending()).toBe(1);
    clock.fire();
    expect(sent).toHaveLength(1);
    setMode('ok');
    await addClient(clients);
    await expect
      .poll(() => {
        clock.fire();
        return sent.at(-1)?.clients;
      })
      .toBe(1);
    stop();

    // Stopping (the window closing) sends a count still waiting for its timer.
    await addClient(clients, 'Ada', 'Lovelace');
    const later = manualTimers();
    const stopSoon = keepCountsRemembered(new RecordCountsReader(db), bridge, {
      lastSent: { clients: 1 },
      timers: later.timers,
    });
    await expect.poll(() => later.pending()).toBe(1);
    const before = sent.length;
    stopSoon();
    expect(sent.length).toBe(before + 1);
    expect(sent.at(-1)?.clients).toBe(2);
  });
});
