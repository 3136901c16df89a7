import type { ImportPlan, ImportPlanner } from '../../../src-shared/exports/import-plan';
import { type ImportTable, readImportTableInSteps } from '../../../src-shared/exports/import-table';

/** Rows planned between two paints: a few milliseconds of work on a busy two-core machine. */
export const PLAN_CHUNK_ROWS = 1000;

export interface PlanProgress {
  done: number;
  total: number;
}

/** Gives the browser a turn: paint, a click, a change of mapping that aborts this plan. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs a plan a chunk of rows at a time, yielding to the browser between chunks, so a file of
 * 100,000 rows shows its progress and the window keeps answering (issue 13: the whole plan used
 * to run in one synchronous call, 22 s, on every change of the mapping). Resolves with the plan,
 * or null when `signal` aborted it (a newer mapping replaced it).
 */
export async function planInChunks(
  planner: ImportPlanner,
  options: {
    signal?: AbortSignal;
    onProgress?: (progress: PlanProgress) => void;
    chunkRows?: number;
    yieldToBrowser?: () => Promise<void>;
  } = {},
): Promise<ImportPlan | null> {
  const chunkRows = options.chunkRows ?? PLAN_CHUNK_ROWS;
  const yieldToBrowser = options.yieldToBrowser ?? nextTask;
  for (;;) {
    if (options.signal?.aborted) return null;
    const finished = planner.planNext(chunkRows);
    options.onProgress?.({ done: planner.planned, total: planner.total });
    if (finished) return planner.result();
    await yieldToBrowser();
  }
}

/**
 * Reads the file into a table a slice of records at a time (readImportTableInSteps), giving the
 * browser a turn between slices, with the number of rows read so far.
 */
export async function readTableInSteps(
  bytes: Uint8Array,
  options: { encoding?: 'windows-1252' },
  progress: { onProgress?: (rowsRead: number) => void; yieldToBrowser?: () => Promise<void> } = {},
): Promise<ImportTable> {
  const yieldToBrowser = progress.yieldToBrowser ?? nextTask;
  const steps = readImportTableInSteps(bytes, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    progress.onProgress?.(step.value);
    await yieldToBrowser();
  }
}
