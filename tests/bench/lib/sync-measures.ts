import fs from 'node:fs';
import path from 'node:path';
import { PUSH_DELAY_MS } from '../../../src-renderer/features/sync/live-sync';
import { createPracticeKey, practiceKeyToText } from '../../../src-shared/sync/practice-key';
import { TEST_ORIGIN } from '../../e2e/harness/harness';
import { startSyncServer } from '../../sync-server/server';
import { type BuildSnapshot, callBench, openBenchBrowser, openBenchPage } from './browser';
import { profiled } from './cpu-profile';
import { type Measure, timeMeasure } from './report';
import { round, summarize } from './stats';

export interface SyncBenchOptions {
  seed: number;
  /** Clients in the practice the computer joins (default 1,000: about 20,000 notes). */
  clients: number;
  sessionsPerClient: number;
  /** Notes saved on one computer and awaited on the other. */
  noteRuns: number;
  /** Runs of the join and of its raw baseline. */
  joinRuns: number;
  workDir: string;
  builds: BuildSnapshot;
  log: (line: string) => void;
}

const PAUSE_BETWEEN_NOTES_MS = 1_500;

/**
 * The sync bench (issue 18): a computer joining a practice, and one saved note appearing on the
 * other computer. The server is express-pouchdb on 127.0.0.1 (tests/sync-server), started and
 * stopped here; each computer is a tab of the bench page with its own database and replica,
 * running the app's own engine and live wiring, in a fresh browser profile.
 */
export async function runSyncBench(options: SyncBenchOptions): Promise<Measure[]> {
  const { log } = options;
  const server = await startSyncServer({ allowOrigin: TEST_ORIGIN });
  const profile = fs.mkdtempSync(path.join(options.workDir, 'sync-profile-'));
  const browser = await openBenchBrowser(
    profile,
    path.join(options.workDir, 'harness-sync'),
    options.builds,
    server.origin,
  );
  try {
    const first = await openBenchPage(browser);
    const practiceKey = practiceKeyToText(createPracticeKey());
    const secrets = (computerName: string) => ({
      databaseUrl: server.databaseUrl,
      user: server.user,
      password: server.password,
      practiceKey,
      computerName,
    });
    log(`Sync: generating the practice on the first computer (${options.clients} clients)...`);
    const populated = await callBench(first, 'populateDatabase', 'sync-first', {
      seed: options.seed,
      clients: options.clients,
      sessionsPerClient: options.sessionsPerClient,
      batchSize: 250,
    });
    const counts = populated.counts;
    const records = Object.values(counts).reduce((a, b) => a + b, 0);
    const expected = { clients: counts.clients ?? 0, sessions: counts.sessions ?? 0 };
    log(`Sync: ${JSON.stringify(counts)}; the first computer uploads...`);
    await callBench(first, 'syncOpen', {
      name: 'first',
      databaseName: 'sync-first',
      secrets: secrets('First'),
    });
    const upload = await callBench(first, 'syncStartAndSettle', 'first', expected);
    log(`  uploaded in ${(upload.ms / 1000).toFixed(1)} s`);

    const joins: number[] = [];
    const puts: number[] = [];
    let joinProblems = 0;
    let joined = 0;
    const joiner = await openBenchPage(browser);
    for (let run = 0; run < options.joinRuns; run++) {
      puts.push((await callBench(joiner, 'rawBulkPut', 2_000, 'sync-first')).ms);
      const databaseName = `sync-joining-${run}`;
      await callBench(joiner, 'syncOpen', { name: 'joining', databaseName, secrets: secrets('Joining') });
      const settle = () => callBench(joiner, 'syncStartAndSettle', 'joining', expected);
      // BENCH_SYNC_PROFILE=1: where the joining tab spends its time (self time by function).
      let join: Awaited<ReturnType<typeof settle>>;
      if (process.env.BENCH_SYNC_PROFILE === '1') {
        const { result, top } = await profiled(joiner, settle);
        join = result;
        log(`  join ${run + 1}, CPU profile of the joining tab (self time):\n    ${top.join('\n    ')}`);
      } else {
        join = await settle();
      }
      joined = await callBench(joiner, 'syncRecordCount', 'joining');
      joinProblems += join.problems;
      joins.push(join.ms);
      log(
        `  join ${run + 1}: ${joined} records in ${(join.ms / 1000).toFixed(1)} s (${Math.round((joined / join.ms) * 1000)}/s), raw bulkPut ${Math.round((records / puts.at(-1)!) * 1000)}/s`,
      );
      // The last joining computer stays for the note latency.
      if (run < options.joinRuns - 1) await callBench(joiner, 'syncDispose', 'joining');
    }
    const rate = (ms: number[], n: number) => {
      const s = summarize(ms);
      return { median: (n / s.median) * 1000, p95: (n / s.p95) * 1000, n: s.n };
    };
    const joinRate = rate(joins, joined);
    const putRate = rate(puts, records);
    const measures: Measure[] = [
      {
        id: 'sync-join',
        label: `A computer joins a practice of ${expected.clients.toLocaleString('en-GB')} clients / ${expected.sessions.toLocaleString('en-GB')} notes (download, decrypt, check, merge)`,
        unit: 'records/s',
        median: Math.round(joinRate.median),
        p95: Math.round(joinRate.p95),
        n: joinRate.n,
        baseline: {
          label: 'raw Dexie bulkPut (pages)',
          median: Math.round(putRate.median),
          p95: Math.round(putRate.p95),
          n: putRate.n,
        },
        ratio: Math.round((joinRate.median / putRate.median) * 100) / 100,
        target: 'info (no target set)',
        pass: null,
        details: {
          records: joined,
          joinMs: summarize(joins),
          firstComputerUploadMs: round(upload.ms),
          problems: joinProblems,
        },
      },
    ];

    log('Sync: a saved note appearing on the other computer...');
    const clientId = await callBench(first, 'syncFirstClientId', 'first');
    const latencies: number[] = [];
    const pushPasses: number[] = [];
    await callBench(first, 'syncPasses', 'first');
    for (let run = 0; run < options.noteRuns; run++) {
      const marker = `Sync bench note ${run} ${Date.now()}`;
      const arrival = callBench(joiner, 'syncAwaitNote', 'joining', clientId, marker);
      const saved = await callBench(first, 'syncSaveNote', 'first', clientId, marker);
      latencies.push((await arrival) - saved.savedAt);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_NOTES_MS));
      const sent = await callBench(first, 'syncPasses', 'first');
      pushPasses.push(...sent.push);
      log(
        `  note ${run + 1}: ${Math.round(latencies.at(-1)!)} ms (the first computer's push passes: ${sent.push.map(Math.round).join(', ')} ms)`,
      );
    }
    const summary = summarize(latencies);
    log(`  median ${round(summary.median)} ms, p95 ${round(summary.p95)} ms`);
    measures.push(
      timeMeasure({
        id: 'sync-note',
        label: 'A saved note appears on the other computer (save committed to written there)',
        summary,
        baseline: null,
        target: 'p95 < 2000 ms',
        pass: summary.p95 < 2000,
        details: {
          practiceRecords: records,
          pushDelayMs: PUSH_DELAY_MS,
          // Each push reads and hashes every record (docs/sync.md, known limits): the floor here.
          firstComputerPushPassMs: summarize(pushPasses),
          min: round(summary.min),
          max: round(summary.max),
        },
      }),
    );
    await callBench(joiner, 'syncDispose', 'joining');
    await callBench(first, 'syncDispose', 'first');
    return measures;
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
