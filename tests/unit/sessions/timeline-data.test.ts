import { describe, expect, it } from 'vitest';
import { chartColumns, hasChartValues } from '../../../src-renderer/features/sessions/timeline-data';
import { emptySessionNote, type SessionDraft } from '../../../src-shared/domain/session-note';

function note(
  serviceDate: string,
  number: number,
  before: number | null,
  after: number | null,
  rate: number | null,
) {
  const base = emptySessionNote({
    clientId: 'c',
    sessionNumber: number,
    now: new Date(2025, 0, 1),
    id: `n${number}`,
  });
  return {
    ...base,
    serviceDate,
    painBefore: { score: before, location: '' },
    painAfter: { score: after, location: '' },
    rhythm: { ...base.rhythm, rateCpm: rate },
  } satisfies SessionDraft;
}

describe('timeline chart data', () => {
  it('orders sessions oldest first, spreads same-day sessions, and leaves out values out of range', () => {
    const columns = chartColumns([
      note('2025-02-04', 3, 11, 2, 8),
      note('', 4, 5, 5, 5),
      note('2025-01-07', 1, 7, 4, -3),
      note('2025-01-07', 2, 6, 3, 9),
    ]);
    expect(columns.painBefore).toEqual([7, 6, null]);
    expect(columns.painAfter).toEqual([4, 3, 2]);
    expect(columns.rate).toEqual([null, 9, 8]);
    expect(columns.x[1]! - columns.x[0]!).toBe(3 * 3600);
    expect(columns.x[2]! > columns.x[1]!).toBe(true);
    expect(hasChartValues(columns)).toBe(true);
    expect(hasChartValues(chartColumns([note('2025-01-07', 1, null, null, null)]))).toBe(false);
  });

  // How fast a busy client's page opens is the bench's "busy-client" measure, not a test.
  it('builds the columns for 200 sessions', () => {
    const notes = Array.from({ length: 200 }, (_, i) =>
      note(
        `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        i + 1,
        5,
        3,
        8,
      ),
    );
    expect(chartColumns(notes).x).toHaveLength(200);
  });
});
