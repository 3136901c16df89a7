import { defineConfig } from '@playwright/test';

/**
 * `npm run bench`: the practice-scale benchmark (issue 7). One worker, no retries, no time limit:
 * it is a measurement, not a test. Options come from the environment (see practice.bench.ts).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  // BENCH_OUTPUT_DIR: a folder of its own, so two benches of one worktree can run side by side
  // (Playwright empties its output folder when it starts).
  outputDir: process.env.BENCH_OUTPUT_DIR ?? '../../test-results/bench',
  workers: 1,
  retries: 0,
  timeout: 0,
  reporter: [['list']],
});
