import { describe, expect, it } from 'vitest';
import { generatePracticeBatches, practiceInfo } from '../../../src-shared/demo';

/**
 * Timing smoke for the practice generator. In `npm test` it streams a small practice (50 clients)
 * and checks the counts, with no time limit: benchmarks are not timed tests. To measure the full
 * size, run it alone with more clients; it then prints the rate and memory:
 *
 *   DEMO_TIMING_CLIENTS=10000 npx vitest run --config tests/unit/vitest.config.mts tests/unit/demo/timing.test.ts
 *
 * (add NODE_OPTIONS=--expose-gc to also see the heap still in use after a collection).
 */
const clients = Number(process.env.DEMO_TIMING_CLIENTS ?? 50);
const report = process.env.DEMO_TIMING_CLIENTS !== undefined;

describe('practice generator timing smoke', () => {
  it(`streams a ${clients}-client practice in batches and reports its rate (no time limit)`, () => {
    const options = { seed: 2026, clients };
    const info = practiceInfo(options);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const start = process.memoryUsage();
    let peakHeap = start.heapUsed;
    let peakRss = start.rss;
    let retainedAfterGc = 0;
    const totals = { clients: 0, healthHistories: 0, sessions: 0, afterEffects: 0, auditLog: 0 };
    let busySessions = 0;
    let generationMs = 0;
    const batches = generatePracticeBatches(options, 500);
    for (let batchIndex = 0; ; batchIndex += 1) {
      const t0 = performance.now();
      const next = batches.next();
      generationMs += performance.now() - t0;
      if (next.done) break;
      const batch = next.value;
      for (const table of Object.keys(totals) as (keyof typeof totals)[])
        totals[table] += batch[table].length;
      for (const note of batch.sessions) if (note.clientId === info.busyClientId) busySessions += 1;
      const memory = process.memoryUsage();
      peakHeap = Math.max(peakHeap, memory.heapUsed);
      peakRss = Math.max(peakRss, memory.rss);
      if (gc && batchIndex % 4 === 0) {
        gc();
        retainedAfterGc = Math.max(retainedAfterGc, process.memoryUsage().heapUsed);
      }
    }

    expect(totals.clients).toBe(clients);
    expect(totals.healthHistories).toBe(clients);
    expect(totals.sessions / clients).toBeGreaterThan(14);
    expect(totals.sessions / clients).toBeLessThan(26);
    if (info.busyClientId !== null) expect(busySessions).toBe(200);

    if (report) {
      const records = Object.values(totals).reduce((sum, n) => sum + n, 0);
      const seconds = generationMs / 1000;
      console.log(
        JSON.stringify(
          {
            ...totals,
            records,
            seconds: Number(seconds.toFixed(1)),
            recordsPerSecond: Math.round(records / seconds),
            notesPerSecond: Math.round(totals.sessions / seconds),
            peakHeapMB: Math.round(peakHeap / 1e6),
            peakRssMB: Math.round(peakRss / 1e6),
            retainedHeapAfterGcMB: gc ? Math.round(retainedAfterGc / 1e6) : null,
            busyClientId: info.busyClientId,
          },
          null,
          1,
        ),
      );
    }
  }, 600_000);
});
