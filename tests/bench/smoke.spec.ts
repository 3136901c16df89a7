import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CURRENT_SCHEMA_VERSION } from '../../src-renderer/db/database';
import { readAllRecords } from '../unit/backup/whole-file';
import { MEASURE_IDS, runPracticeBench } from './lib/run';

/**
 * Keeps `npm run bench` and `npm run demo-data` from rotting, without timing anything: the whole
 * bench harness runs on a small practice (200 clients, about 2,000 notes, one run of everything)
 * and the result must hold every measure with numbers; the demo-data script must write a backup
 * that opens with its documented passphrase. Timings are not checked: benchmarks are not tests.
 */
const repoRoot = path.resolve(__dirname, '../..');

test.describe.configure({ mode: 'serial' });

test('the bench harness measures a small practice end to end (numbers only, no timing checks)', async () => {
  // The tiny sync bench (two computers, a server) adds about half a minute.
  test.setTimeout(240_000);
  execFileSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'tests/bench/vite.config.mts',
    ],
    {
      cwd: repoRoot,
      stdio: 'pipe',
    },
  );
  const workDir = test.info().outputPath('bench');
  const results = await runPracticeBench({
    seed: 7,
    clients: 200,
    sessionsPerClient: 10,
    runs: 1,
    searchRuns: 1,
    throughputRuns: 1,
    attachmentsMB: 2,
    cacheProfile: false,
    workDir,
    pdfIterations: 2,
    typingText: 'Easier jaw. ',
    noteQueries: ['jaw'],
    // Tiny, so the smoke stays fast: the sync bench's harness, not its figures.
    sync: { clients: 20, sessionsPerClient: 5, noteRuns: 2 },
    command: 'bench-smoke',
    log: () => {},
  });

  expect(results.practice.counts.clients).toBe(200);
  expect(results.practice.counts.sessions).toBeGreaterThan(1_500);
  expect(results.practice.busyClientSessions).toBe(200);
  expect(results.measures.map((m) => m.id).sort()).toEqual([...MEASURE_IDS].sort());
  for (const measure of results.measures) {
    expect(Number.isFinite(measure.median), `${measure.id} median`).toBe(true);
    expect(Number.isFinite(measure.p95), `${measure.id} p95`).toBe(true);
    expect(measure.n, `${measure.id} samples`).toBeGreaterThan(0);
    // null: a measure reported for information, without a target (the sync join's rate).
    expect(measure.pass === null || typeof measure.pass === 'boolean', `${measure.id} pass`).toBe(true);
    if (measure.baseline)
      expect(Number.isFinite(measure.baseline.median), `${measure.id} baseline`).toBe(true);
  }
  expect(results.machine.cores).toBeGreaterThan(0);
  expect(results.machine.chromium).toMatch(/\d+\.\d+/);
});

test('npm run demo-data writes a backup that opens with the documented passphrase', async () => {
  test.setTimeout(60_000);
  const file = test.info().outputPath('demo.stillpoint');
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/demo-data.ts', file, '--clients', '20', '--today', '2026-03-01'],
    { cwd: repoRoot, stdio: 'pipe' },
  );
  const { info, tables } = await readAllRecords(new Uint8Array(fs.readFileSync(file)), 'demo-practice', {
    maxSchemaVersion: CURRENT_SCHEMA_VERSION,
  });
  expect(info.header.counts.clients).toBe(20);
  expect(tables.clients).toHaveLength(20);
  expect(tables.sessions!.length).toBeGreaterThan(100);
});
