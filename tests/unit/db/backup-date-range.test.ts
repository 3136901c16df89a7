import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BackupSnapshotReader } from '../../../src-renderer/db/backup-snapshot';
import { openRepositories } from './helpers';

/**
 * The backup header's first and last date of service come from the sessions index's keys: per
 * client, its first and last key. The earliest and latest dates must be found whichever clients
 * hold them, and a note without a date of service is not in the index at all.
 */

async function dateRangeOf(repos: ReturnType<typeof openRepositories>) {
  return new BackupSnapshotReader(repos.db).withSnapshot(async (snapshot) => {
    for await (const _page of snapshot.pages) {
      // drained: the snapshot's transaction waits for the writer to take every page
    }
    return snapshot.dateRange;
  });
}

describe('the backup snapshot: first and last date of service', () => {
  it('is the earliest and the latest date of any note, whichever client has it', async () => {
    const repos = openRepositories();
    // Client ids sort c0 < c1 < ...; the index orders by client, then date, so the earliest date
    // (c3's first) and the latest (c1's last) are neither the index's first key nor its last.
    const notes: [string, string | undefined][] = [
      ['c0', '2021-05-01'],
      ['c0', '2021-05-01'],
      ['c1', '2020-02-02'],
      ['c1', '2023-01-01'],
      ['c1', '2026-11-30'],
      ['c2', '2023-07-07'],
      ['c3', '2019-01-15'],
      ['c3', '2022-02-02'],
      ['c4', '2024-04-04'],
      ['c5', undefined],
    ];
    await repos.db.clients.bulkPut(['c0', 'c1', 'c2', 'c3', 'c4', 'c5'].map((id) => ({ id })) as never[]);
    await repos.db.sessions.bulkPut(
      notes.map(([clientId, serviceDate], i) => ({
        id: `s${i}`,
        clientId,
        ...(serviceDate ? { serviceDate } : {}),
        status: 'draft',
        updatedAt: '2026-12-01T10:00:00.000Z',
      })) as never[],
    );
    expect(await dateRangeOf(repos)).toEqual({
      table: 'sessions',
      field: 'serviceDate',
      first: '2019-01-15',
      last: '2026-11-30',
    });
    repos.db.close();
  });

  it('is absent when there are no notes, or none with a date', async () => {
    const repos = openRepositories();
    expect(await dateRangeOf(repos)).toBeUndefined();
    await repos.db.clients.put({ id: 'c1' } as never);
    await repos.db.sessions.put({ id: 's1', clientId: 'c1', status: 'draft' } as never);
    expect(await dateRangeOf(repos)).toBeUndefined();
    repos.db.close();
  });
});
