import { useEffect, useState } from 'react';
import type { ColumnMapping } from '../../../src-shared/exports/import-mapping';
import { type ImportOptions, type ImportPlan, ImportPlanner } from '../../../src-shared/exports/import-plan';
import type { ImportTable } from '../../../src-shared/exports/import-table';
import { type PlanProgress, planInChunks } from './plan-in-chunks';

/**
 * The import plan for the current mapping and choices, planned in chunks (see planInChunks).
 * It runs again only when one of its inputs changes (they are memoized by the caller); a change
 * while a plan runs aborts that plan. `plan` is the latest finished plan, `progress` is set while
 * a newer one runs.
 */
export function useChunkedPlan(
  table: ImportTable,
  mapping: ColumnMapping,
  options: ImportOptions,
  existing: ReadonlySet<string>,
): { plan: ImportPlan | null; progress: PlanProgress | null } {
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [progress, setProgress] = useState<PlanProgress | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const planner = new ImportPlanner(table, mapping, options, existing);
    setProgress({ done: 0, total: planner.total });
    void planInChunks(planner, { signal: controller.signal, onProgress: setProgress }).then((finished) => {
      if (!finished || controller.signal.aborted) return;
      setPlan(finished);
      setProgress(null);
    });
    return () => controller.abort();
  }, [table, mapping, options, existing]);
  return { plan, progress };
}
