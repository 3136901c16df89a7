import { isRealCalendarDate } from '../../../src-shared/domain/dates';
import type { AfterEffectReport, SessionDraft } from '../../../src-shared/domain/session-note';

/** Columns for the timeline chart (uPlot's layout): x in seconds, then one array per series. */
export interface ChartColumns {
  x: number[];
  painBefore: (number | null)[];
  painAfter: (number | null)[];
  rate: (number | null)[];
}

function inRange(value: number | null, min: number, max: number): number | null {
  return value !== null && Number.isFinite(value) && value >= min && value <= max ? value : null;
}

/**
 * The sessions oldest first, dated by the day of service (local midnight; sessions on the same
 * day a few hours apart so the line stays readable). Values a draft holds out of range (a pain of
 * 11 typed by mistake) are left out rather than drawn.
 */
export function chartColumns(notes: readonly SessionDraft[]): ChartColumns {
  const dated = notes
    .filter((note) => isRealCalendarDate(note.serviceDate))
    .sort(
      (a, b) =>
        a.serviceDate.localeCompare(b.serviceDate) ||
        a.serviceTime.localeCompare(b.serviceTime) ||
        (a.sessionNumber ?? 0) - (b.sessionNumber ?? 0),
    );
  const columns: ChartColumns = { x: [], painBefore: [], painAfter: [], rate: [] };
  let lastDay = '';
  let sameDay = 0;
  for (const note of dated) {
    sameDay = note.serviceDate === lastDay ? sameDay + 1 : 0;
    lastDay = note.serviceDate;
    const [y, m, d] = note.serviceDate.split('-').map(Number) as [number, number, number];
    columns.x.push(new Date(y, m - 1, d).getTime() / 1000 + sameDay * 3 * 3600);
    columns.painBefore.push(inRange(note.painBefore.score, 0, 10));
    columns.painAfter.push(inRange(note.painAfter.score, 0, 10));
    columns.rate.push(inRange(note.rhythm.rateCpm, 0, 40));
  }
  return columns;
}

export function hasChartValues(columns: ChartColumns): boolean {
  return [...columns.painBefore, ...columns.painAfter, ...columns.rate].some((v) => v !== null);
}

/** After-effects grouped by the session they followed. */
export function afterEffectsBySession(
  reports: readonly AfterEffectReport[],
): Map<string, AfterEffectReport[]> {
  const bySession = new Map<string, AfterEffectReport[]>();
  for (const report of reports)
    bySession.set(report.sessionId, [...(bySession.get(report.sessionId) ?? []), report]);
  return bySession;
}
