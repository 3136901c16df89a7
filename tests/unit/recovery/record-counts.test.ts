import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  countRecords,
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

describe('keepCountsRemembered', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the counts once they settle, only when they changed', async () => {
    const { db, clients, sessions } = openRepositories();
    const { bridge, sent } = fakeBridge();
    const stop = keepCountsRemembered(db, bridge, { lastSent: null, debounceMs: 50 });
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toMatchObject({ clients: 0 });

    // A burst of writes: one report at the end, not one per write.
    const marta = await addClient(clients, 'Marta', 'Kowalska');
    await addClient(clients, 'Sam', 'Archer');
    await sessions.createDraft(marta.id);
    await expect.poll(() => sent.at(-1)).toMatchObject({ clients: 2 });
    const reports = sent.length;
    expect(reports).toBeLessThanOrEqual(3);

    // A write that changes no count sends nothing; neither do notes (they are not counted).
    await clients.setArchived(marta.id, true);
    await sessions.createDraft(marta.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sent.length).toBe(reports);
    stop();
    expect(await countRecords(db)).toEqual({ clients: 2 });
  });

  it('does not resend what main already remembers', async () => {
    const { db } = openRepositories();
    const { bridge, sent } = fakeBridge();
    const stop = keepCountsRemembered(db, bridge, { lastSent: { clients: 0 }, debounceMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sent).toEqual([]);
    stop();
  });

  it('after a failed report, tries again with the next change; stopping sends what is pending', async () => {
    const { db, clients } = openRepositories();
    const { bridge, sent, setMode } = fakeBridge('fail');
    const stop = keepCountsRemembered(db, bridge, { lastSent: null, debounceMs: 30 });
    await expect.poll(() => sent.length).toBe(1);
    setMode('ok');
    await addClient(clients);
    await expect.poll(() => sent.at(-1)?.clients).toBe(1);

    const stopSoon = keepCountsRemembered(db, bridge, {
      lastSent: { clients: 1 },
      debounceMs: 60_000,
    });
    stop();
    await addClient(clients, 'Ada', 'Lovelace');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = sent.length;
    stopSoon();
    expect(sent.length).toBe(before + 1);
    expect(sent.at(-1)?.clients).toBe(2);
  });
});
