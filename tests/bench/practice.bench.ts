import path from 'node:path';
import { test } from '@playwright/test';
import { formatMachine, formatTable, writeResults } from './lib/report';
import { measuresNamed, runPracticeBench } from './lib/run';

/**
 * The practice-scale benchmark (issue 7): `npm run bench`.
 *
 * Environment:
 *   BENCH_CLIENTS=10000       clients (about 20 notes each; 10,000 -> ~200,000 notes)
 *   BENCH_SESSIONS=20         mean notes per client
 *   BENCH_SEED=2026           practice seed
 *   BENCH_RUNS=10             repetitions of the open and open-client measures
 *   BENCH_SEARCH_RUNS=3       repetitions of typed queries and of the note typing
 *   BENCH_THROUGHPUT_RUNS=3   repetitions of backup, restore and their baselines
 *   BENCH_ATTACHMENTS_MB=0    megabytes of documents (1 MB files) added before backup and restore;
 *                             with documents, backup and restore are measured in MB/s against
 *                             reading and writing the same records and documents raw
 *   BENCH_PRESET=attachments  issue 15's case: 2,000 clients with 2 GB (2,048 MB) of documents,
 *                             backup and restore only, one run (each variable above still wins)
 *   BENCH_GC_PROBE=1          Chromium with window.gc, so the restore also reports live heap
 *   BENCH_ONLY=open,heap      only these measures (ids: see MEASURE_IDS; `sync` = sync-join,sync-note)
 *   BENCH_SYNC_CLIENTS=1000   clients of the practice the sync bench's computer joins (20 notes each)
 *   BENCH_SYNC_RUNS=20        notes saved on one computer and awaited on the other
 *   BENCH_NO_CACHE=1          generate the practice into a fresh profile (default: cached in the temp folder)
 *   BENCH_OUT=bench/results.json
 */
const env = (name: string, fallback: number) => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};

/** Defaults of a named configuration (BENCH_PRESET). */
const PRESETS: Record<
  string,
  { clients: number; attachmentsMB: number; throughputRuns: number; only: string }
> = {
  attachments: { clients: 2_000, attachmentsMB: 2_048, throughputRuns: 1, only: 'backup,restore' },
};

test('practice-scale benchmark', async () => {
  const testInfo = test.info();
  const presetName = process.env.BENCH_PRESET;
  const preset = presetName ? PRESETS[presetName] : undefined;
  if (presetName && !preset)
    throw new Error(`Unknown preset ${presetName}: ${Object.keys(PRESETS).join(', ')}`);
  const keys = (process.env.BENCH_ONLY || preset?.only)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const only = keys ? measuresNamed(keys) : undefined;
  const results = await runPracticeBench({
    seed: env('BENCH_SEED', 2026),
    clients: env('BENCH_CLIENTS', preset?.clients ?? 10_000),
    sessionsPerClient: env('BENCH_SESSIONS', 20),
    runs: env('BENCH_RUNS', 10),
    searchRuns: env('BENCH_SEARCH_RUNS', 3),
    throughputRuns: env('BENCH_THROUGHPUT_RUNS', preset?.throughputRuns ?? 3),
    attachmentsMB: env('BENCH_ATTACHMENTS_MB', preset?.attachmentsMB ?? 0),
    cacheProfile: process.env.BENCH_NO_CACHE !== '1',
    workDir: testInfo.outputPath('work'),
    ...(only ? { only } : {}),
    sync: {
      clients: env('BENCH_SYNC_CLIENTS', 1_000),
      sessionsPerClient: 20,
      noteRuns: env('BENCH_SYNC_RUNS', 20),
    },
    command: 'npm run bench',
    log: (line) => console.log(line),
  });
  const out = path.resolve(__dirname, '../..', process.env.BENCH_OUT ?? 'bench/results.json');
  writeResults(out, results);
  const counts = results.practice.counts;
  console.log(
    `\nStillpoint bench: ${counts.clients?.toLocaleString('en-GB')} clients, ${counts.sessions?.toLocaleString('en-GB')} notes, ` +
      `${Object.values(counts)
        .reduce((a, b) => a + b, 0)
        .toLocaleString('en-GB')} records\n${formatMachine(results.machine)}\n`,
  );
  console.log(formatTable(results));
  console.log(`\nWritten to ${path.relative(process.cwd(), out)}`);
});
