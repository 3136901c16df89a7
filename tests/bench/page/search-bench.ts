import type { StillpointDatabase } from '../../../src-renderer/db/database';
import { NoteIndexDatabase } from '../../../src-renderer/db/note-index-db';
import { NoteSource } from '../../../src-renderer/db/note-source';
import { workerIndexBuilder } from '../../../src-renderer/features/search/engine';
import { NoteSearchEngine } from '../../../src-renderer/features/search/note-search';

/**
 * The note search engine on its own (no UI), over the same index the app uses: the index is
 * built here, in the app's worker, when the practice has none yet (or it is stale).
 */
let engine: NoteSearchEngine | undefined;

function engineFor(db: StillpointDatabase): NoteSearchEngine {
  if (!engine) {
    const index = new NoteIndexDatabase();
    engine = new NoteSearchEngine(new NoteSource(db), index, workerIndexBuilder(index));
  }
  return engine;
}

export interface IndexBuildRun {
  /** True when the index was built now; false when a current one was found. */
  built: boolean;
  /** Wall time of this build (when built now), else the recorded time of the last build. */
  ms: number;
  notes: number;
  terms: number;
  postingsMB: number;
}

export async function noteIndexBench(db: StillpointDatabase): Promise<IndexBuildRun> {
  const search = engineFor(db);
  const start = performance.now();
  await search.prepare({ recheck: true });
  let built = false;
  if (search.currentState.kind === 'building') {
    built = true;
    await search.rebuild();
  }
  const ms = performance.now() - start;
  const meta = await new NoteIndexDatabase().meta.get('meta');
  return {
    built,
    ms: built ? ms : (meta?.buildMs ?? Number.NaN),
    notes: meta?.noteCount ?? 0,
    terms: meta?.terms ?? 0,
    postingsMB: (meta?.postingsBytes ?? 0) / 1e6,
  };
}

export async function noteSearchEngineBench(
  db: StillpointDatabase,
  queries: readonly string[],
): Promise<{ ms: number; hits: number }[]> {
  const search = engineFor(db);
  await search.prepare();
  const out: { ms: number; hits: number }[] = [];
  for (const query of queries) {
    const start = performance.now();
    const result = await search.search(query);
    out.push({ ms: performance.now() - start, hits: result.total });
  }
  return out;
}
