import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { practiceInfo } from '../../../src-shared/demo';
import { foldForSearch } from '../../../src-shared/domain/text-search';
import { findChromium } from '../../e2e/harness/find-chromium';
import { passWelcome } from '../../e2e/welcome';
import {
  type BenchBrowser,
  type BuildSnapshot,
  cachedProfileDir,
  callBench,
  claimCachedProfile,
  openAppPage,
  openBenchBrowser,
  openBenchPage,
  pruneCachedProfiles,
  snapshotBuilds,
} from './browser';
import { machineInfo } from './machine';
import {
  BENCH_DRAFT_MARKER,
  clientSearchTyping,
  heapAfterGc,
  noteSearchTyping,
  type OpenSample,
  openAppOnce,
  openBusyClient,
  openClientList,
  typeInBareTextarea,
  typeInNote,
  withBenchDraft,
  withProfile,
} from './measures-ui';
import type { KeySample } from './probes';
import { type BenchResults, type Measure, timeMeasure } from './report';
import { round, summarize } from './stats';
import { runSyncBench } from './sync-measures';

export interface BenchOptions {
  seed: number;
  clients: number;
  sessionsPerClient: number;
  /** Repetitions of the open and open-client measures. */
  runs: number;
  /** Repetitions of each set of typed queries and of the note typing. */
  searchRuns: number;
  /** Megabytes of documents added to the practice before backup and restore (default 0). */
  attachmentsMB: number;
  /** Repetitions of backup, restore and their raw baselines. */
  throughputRuns: number;
  /** Keep the generated practice in a profile under the temp folder between runs. */
  cacheProfile: boolean;
  /** Scratch space: harness folders, profiles when not cached. */
  workDir: string;
  pdfIterations?: number;
  /** What is typed into the note (default NOTE_TEXT, about 150 characters). */
  typingText?: string;
  /** Words searched across notes (default NOTE_QUERIES). */
  noteQueries?: readonly string[];
  /** Measure ids to run (default: all). */
  only?: readonly string[];
  /** The sync bench's practice (default 1,000 clients, 20 notes each) and repetitions. */
  sync?: { clients?: number; sessionsPerClient?: number; noteRuns?: number; joinRuns?: number };
  command: string;
  log: (line: string) => void;
}

export const MEASURE_IDS = [
  'open',
  'client-search',
  'busy-client',
  'typing',
  'note-search',
  'aftercare-pdf',
  'backup',
  'restore',
  'heap',
  'sync-join',
  'sync-note',
] as const;

/** BENCH_ONLY keys that stand for several measures. */
export const MEASURE_GROUPS: Record<string, readonly (typeof MEASURE_IDS)[number][]> = {
  sync: ['sync-join', 'sync-note'],
};

/** The measures BENCH_ONLY names (a group's measures for a group key); throws on an unknown key. */
export function measuresNamed(keys: readonly string[]): string[] {
  return keys.flatMap((key) => {
    const group = MEASURE_GROUPS[key];
    if (group) return [...group];
    if (!(MEASURE_IDS as readonly string[]).includes(key))
      throw new Error(
        `Unknown measure ${key}: ${[...MEASURE_IDS, ...Object.keys(MEASURE_GROUPS)].join(', ')}`,
      );
    return [key];
  });
}

/** Words a therapist looks for across notes, typed a key at a time. */
export const NOTE_QUERIES = ['jaw', 'migraine', 'sacrum release', 'whiplash', 'still point'];

const BACKUP_PASSPHRASE = 'bench practice passphrase';

/**
 * Issue 15's targets for backup and restore, whatever the size: at least half the throughput of
 * the raw baseline in the same run, and a peak JS heap under 250 MB.
 */
export const MIN_THROUGHPUT_RATIO = 0.5;
export const MAX_PEAK_HEAP_MB = 250;

const keyTimes = (samples: readonly KeySample[]) => samples.map((s) => s.ms);

interface PracticeMarker {
  counts: Record<string, number>;
  busyClientId: string | null;
  populatedMs: number;
}

/** Opens (or creates) the practice, filling it when the profile does not hold it yet. */
async function preparePractice(
  options: BenchOptions,
  builds: BuildSnapshot,
): Promise<{ browser: BenchBrowser; benchPage: Page; marker: PracticeMarker; fromCache: boolean }> {
  const practice = {
    seed: options.seed,
    clients: options.clients,
    sessionsPerClient: options.sessionsPerClient,
  };
  const claimed = options.cacheProfile ? claimCachedProfile(cachedProfileDir(practice)) : undefined;
  const profileDir = claimed?.dir ?? fs.mkdtempSync(path.join(options.workDir, 'profile-'));
  if (claimed) pruneCachedProfiles(profileDir);
  const markerFile = path.join(profileDir, 'stillpoint-practice.json');
  const opened = await openBenchBrowser(profileDir, path.join(options.workDir, 'harness-big'), builds);
  const browser: BenchBrowser = {
    ...opened,
    close: async () => {
      await opened.close();
      claimed?.release();
    },
  };
  const benchPage = await openBenchPage(browser);
  const leftovers = await callBench(benchPage, 'removeBenchDrafts', BENCH_DRAFT_MARKER);
  if (leftovers > 0) options.log(`Removed ${leftovers} draft(s) left by an interrupted run.`);
  let marker: PracticeMarker | undefined;
  try {
    marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as PracticeMarker;
  } catch {
    marker = undefined;
  }
  const counts = await callBench(benchPage, 'counts');
  const same =
    marker !== undefined &&
    // Documents are replaced by each run that asks for them (addAttachments): not the practice.
    Object.entries(marker.counts).every(
      ([table, n]) => table === 'attachments' || counts[table as keyof typeof counts] === n,
    );
  if (marker && same) {
    options.log(`Practice from the cached profile ${profileDir}: ${JSON.stringify(counts)}`);
    return { browser, benchPage, marker, fromCache: true };
  }
  options.log(`Generating the practice in the browser (${options.clients} clients)...`);
  fs.rmSync(markerFile, { force: true });
  const populated = await callBench(benchPage, 'populate', { ...practice, batchSize: 250 });
  marker = { counts: populated.counts, busyClientId: populated.busyClientId, populatedMs: populated.ms };
  fs.writeFileSync(markerFile, JSON.stringify(marker));
  options.log(
    `Generated and stored in ${(populated.ms / 1000).toFixed(1)} s: ${JSON.stringify(populated.counts)}`,
  );
  return { browser, benchPage, marker, fromCache: false };
}

function wanted(options: BenchOptions, id: (typeof MEASURE_IDS)[number]): boolean {
  return !options.only || options.only.includes(id);
}

export async function runPracticeBench(options: BenchOptions): Promise<BenchResults> {
  const started = Date.now();
  const { log } = options;
  const machine = machineInfo(findChromium());
  fs.mkdirSync(options.workDir, { recursive: true });
  const measures: Measure[] = [];

  // Node-side first, on a quiet browser-less machine.
  if (wanted(options, 'aftercare-pdf')) {
    log('Aftercare PDF...');
    const pdf = await aftercarePdfInNode(options.pdfIterations);
    measures.push({
      id: 'aftercare-pdf',
      label: 'Aftercare PDF, typical sheet (Node)',
      unit: 'ms',
      median: round(pdf.medianMs),
      p95: round(pdf.p95Ms),
      n: pdf.iterations,
      baseline: {
        label: 'bare pdfkit page',
        median: round(pdf.bareMedianMs),
        p95: Number.NaN,
        n: pdf.iterations,
      },
      ratio: Math.round(pdf.ratio * 100) / 100,
      target: 'median < 150 ms and < 3x bare',
      pass: pdf.medianMs < 150 && pdf.ratio < 3,
      // Supplementary medians (ms) from the same loop: what limits the ratio (pdf-bench.ts).
      details: { floors: Object.fromEntries(Object.entries(pdf.floors).map(([k, v]) => [k, round(v)])) },
    });
  }

  const builds = snapshotBuilds(options.workDir);
  if (wanted(options, 'sync-join') || wanted(options, 'sync-note')) {
    const sync = await runSyncBench({
      seed: options.seed,
      clients: options.sync?.clients ?? 1_000,
      sessionsPerClient: options.sync?.sessionsPerClient ?? 20,
      noteRuns: options.sync?.noteRuns ?? 20,
      joinRuns: options.sync?.joinRuns ?? 1,
      workDir: options.workDir,
      builds,
      log,
    });
    measures.push(...sync.filter((m) => wanted(options, m.id as (typeof MEASURE_IDS)[number])));
  }
  const needsPractice = MEASURE_IDS.some(
    (id) => id !== 'aftercare-pdf' && !id.startsWith('sync-') && wanted(options, id),
  );
  if (!needsPractice) {
    return results(options, machine, measures, started, {
      marker: { counts: {}, busyClientId: null, populatedMs: 0 },
      busyClientId: null,
      busyClientSessions: 0,
      fromCache: false,
    });
  }
  const { browser, benchPage, marker, fromCache } = await preparePractice(options, builds);
  const info = practiceInfo({
    seed: options.seed,
    clients: options.clients,
    sessionsPerClient: options.sessionsPerClient,
  });
  const busyClientId = marker.busyClientId ?? info.busyClientId;
  let busyClientSessions = 0;
  try {
    // The note index is built once per practice (and kept in the profile); report it when built.
    // Only the app's own screens use it: backup and restore alone skip it (minutes at 10,000 clients).
    const uiMeasures = MEASURE_IDS.filter((id) => !['backup', 'restore', 'aftercare-pdf'].includes(id));
    const indexBuild = uiMeasures.some((id) => !id.startsWith('sync-') && wanted(options, id))
      ? await callBench(benchPage, 'noteIndexBench')
      : null;
    if (indexBuild) log(`Note index: ${JSON.stringify(indexBuild)}`);

    if (wanted(options, 'open')) {
      log('Open app to interactive client list (big vs empty)...');
      const empty = await openBenchBrowser(
        fs.mkdtempSync(path.join(options.workDir, 'empty-profile-')),
        path.join(options.workDir, 'harness-empty'),
        builds,
      );
      try {
        // A fresh profile opens on Welcome (issue 17): skip it once, as a therapist would, so the
        // baseline is the empty client list, not the Welcome screen.
        const first = await openAppPage(empty);
        await passWelcome(first);
        await first.close();
        // One warm-up each (first start of a profile opens its files), then alternate.
        await openAppOnce(browser);
        await openAppOnce(empty);
        const big: OpenSample[] = [];
        const bare: OpenSample[] = [];
        for (let run = 0; run < options.runs; run++) {
          big.push(await openAppOnce(browser));
          bare.push(await openAppOnce(empty));
        }
        const bigSummary = summarize(big.map((s) => s.interactiveMs));
        const emptySummary = summarize(bare.map((s) => s.interactiveMs));
        measures.push(
          timeMeasure({
            id: 'open',
            label: `Open app to interactive client list (${options.clients.toLocaleString('en-GB')} clients)`,
            summary: bigSummary,
            baseline: { label: 'empty database', summary: emptySummary },
            target: '< 1.5x empty and p95 < 1000 ms',
            pass: bigSummary.median / emptySummary.median <= 1.5 && bigSummary.p95 < 1000,
            details: {
              listPaintedMs: summarize(big.map((s) => s.listPaintedMs)),
              firstKeyMs: summarize(big.map((s) => s.keyMs)),
              // The whole list loaded, so a search shows results (the first screen comes first).
              listCompleteMs: summarize(big.map((s) => s.listCompleteMs)),
              emptyListPaintedMs: summarize(bare.map((s) => s.listPaintedMs)),
              rowsInDom: big[0]?.rowsInDom,
              // IndexedDB holds every other request of the origin while it counts a large table.
              idbCountSessionsMs: round(await callBench(benchPage, 'rawCount', 'sessions')),
              idbCountClientsMs: round(await callBench(benchPage, 'rawCount', 'clients')),
            },
          }),
        );
      } finally {
        await empty.close();
      }
    }

    const app = await openClientList(browser);
    const heap: Record<string, number> = {};
    try {
      if (wanted(options, 'heap')) heap.clientListOpen = round(await heapAfterGc(app));

      if (wanted(options, 'client-search')) {
        log('Client search as you type...');
        const names = await callBench(benchPage, 'clientNamesAt', [
          Math.floor(options.clients * 0.13),
          Math.floor(options.clients * 0.51),
          Math.floor(options.clients * 0.87),
        ]);
        const queries = [
          foldForSearch(names[0]?.lastName ?? 'mar').slice(0, 6),
          foldForSearch(names[1]?.firstName ?? 'ann').slice(0, 5),
          `${foldForSearch(names[2]?.firstName ?? 'jo').split(/\s/)[0]} ${foldForSearch(names[2]?.lastName ?? 'sm').slice(0, 3)}`,
        ].map((q) => q.replace(/[^a-z0-9 ]/g, ''));
        const samples = await withProfile(app, 'client-search', () =>
          clientSearchTyping(app, queries, options.searchRuns),
        );
        const raw = await callBench(
          benchPage,
          'rawClientSearch',
          samples.map((s) => s.value),
        );
        const summary = summarize(keyTimes(samples));
        measures.push(
          timeMeasure({
            id: 'client-search',
            label: 'Client search, per keystroke (key to filtered list painted)',
            summary,
            baseline: {
              label: 'raw Dexie searchTokens startsWith',
              summary: summarize(raw.map((r) => r.ms)),
            },
            target: 'p95 < 30 ms',
            pass: summary.p95 < 30,
            details: { queries, keystrokes: samples.length },
          }),
        );
      }

      if (wanted(options, 'busy-client') && busyClientId) {
        log('Open the busy client with the timeline chart...');
        const samples = await withProfile(app, 'busy-client', () =>
          openBusyClient(app, busyClientId, options.runs),
        );
        const raw: number[] = [];
        for (let run = 0; run < options.runs; run++) {
          const result = await callBench(benchPage, 'rawClientRecords', busyClientId);
          busyClientSessions = result.notes;
          raw.push(result.ms);
        }
        const summary = summarize(samples);
        measures.push(
          timeMeasure({
            id: 'busy-client',
            label: `Open a client with ${busyClientSessions} sessions, chart painted`,
            summary,
            baseline: { label: 'raw Dexie read of the client and notes', summary: summarize(raw) },
            target: 'p95 < 300 ms',
            pass: summary.p95 < 300,
            details: { first: round(samples[0] ?? Number.NaN) },
          }),
        );
        if (wanted(options, 'heap')) {
          await app.evaluate((id) => {
            window.location.hash = `#/clients/${id}`;
          }, busyClientId);
          await app.waitForSelector('.session-chart canvas');
          heap.busyClientOpen = round(await heapAfterGc(app));
          await app.evaluate(() => {
            window.location.hash = '#/clients';
          });
          await app.waitForSelector('.client-row');
        }
      }

      if (wanted(options, 'typing') && busyClientId) {
        log('Typing in a note while autosave runs...');
        const samples: KeySample[] = [];
        const bare: KeySample[] = [];
        for (let run = 0; run < options.searchRuns; run++) {
          samples.push(
            ...(await withBenchDraft(benchPage, busyClientId, (noteId) =>
              withProfile(app, `typing-${run}`, () =>
                typeInNote(app, busyClientId, noteId, options.typingText),
              ),
            )),
          );
          bare.push(...(await typeInBareTextarea(benchPage, options.typingText)));
        }
        const summary = summarize(keyTimes(samples));
        const whileSaving = samples.filter((s) => s.status && s.status !== 'Saved');
        measures.push(
          timeMeasure({
            id: 'typing',
            label: 'Typing in a note, keystroke to paint (autosave on)',
            summary,
            baseline: { label: 'bare <textarea>', summary: summarize(keyTimes(bare)) },
            target: 'p95 < 16 ms',
            pass: summary.p95 < 16,
            details: {
              keystrokes: samples.length,
              keysWhileSaving: whileSaving.length,
              whileSaving: summarize(keyTimes(whileSaving)),
            },
          }),
        );
      }

      if (wanted(options, 'note-search')) {
        log('Full-text note search as you type...');
        const noteQueries = options.noteQueries ?? NOTE_QUERIES;
        const samples = await withProfile(app, 'note-search', () =>
          noteSearchTyping(app, noteQueries, options.searchRuns),
        );
        const engine = await callBench(
          benchPage,
          'noteSearchEngineBench',
          samples.map((s) => s.value),
        );
        const summary = summarize(keyTimes(samples));
        measures.push(
          timeMeasure({
            id: 'note-search',
            label: 'Full-text note search, per keystroke (key to results painted)',
            summary,
            baseline: engine
              ? { label: 'search engine alone (no UI)', summary: summarize(engine.map((r) => r.ms)) }
              : null,
            target: 'p95 < 150 ms',
            pass: summary.p95 < 150,
            details: { queries: noteQueries, keystrokes: samples.length, indexBuild },
          }),
        );
        if (wanted(options, 'heap')) heap.afterNoteSearch = round(await heapAfterGc(app));
      }

      if (wanted(options, 'heap')) {
        const peak = Math.max(...Object.values(heap));
        measures.push({
          id: 'heap',
          label: 'Renderer JS heap with the practice open (after GC)',
          unit: 'MB',
          median: peak,
          p95: peak,
          n: Object.keys(heap).length,
          baseline: null,
          ratio: null,
          target: '< 200 MB',
          pass: peak < 200,
          details: heap,
        });
      }
    } finally {
      await app.close();
    }

    if (wanted(options, 'backup') || wanted(options, 'restore')) {
      // Always: with 0 MB it removes documents an earlier run left in the cached practice.
      const added = await callBench(benchPage, 'addAttachments', { megabytes: options.attachmentsMB });
      if (options.attachmentsMB > 0) {
        log(
          `Documents: ${added.files} files, ${(added.bytes / 1e6).toFixed(0)} MB in ${(added.ms / 1000).toFixed(1)} s`,
        );
      }
      const withFiles = options.attachmentsMB > 0;
      // The backup and the raw copy write files in the profile's origin private file system
      // (page/bench-files.ts): whatever an interrupted run left there goes first.
      await callBench(benchPage, 'removeBenchFiles');
      log('Backup and restore throughput...');
      const reads = [];
      const copies = [];
      const backups = [];
      const puts = [];
      const restores = [];
      for (let run = 0; run < options.throughputRuns; run++) {
        reads.push(await callBench(benchPage, 'rawRead', 2_000));
        if (withFiles) copies.push(await callBench(benchPage, 'rawCopy', 2_000));
        backups.push(
          await withProfile(benchPage, `backup-${run}`, () =>
            callBench(benchPage, 'backup', BACKUP_PASSPHRASE),
          ),
        );
        if (wanted(options, 'restore')) {
          puts.push(await callBench(benchPage, 'rawBulkPut', 2_000));
          restores.push(
            await withProfile(benchPage, `restore-${run}`, () =>
              callBench(benchPage, 'restore', BACKUP_PASSPHRASE),
            ),
          );
        }
        const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
        const restored = restores.length ? restores.at(-1) : undefined;
        log(
          `  run ${run + 1}: read ${Math.round(reads.at(-1)!.recordsPerSecond)}/s, backup ${Math.round(backups.at(-1)!.recordsPerSecond)}/s` +
            (restores.length
              ? `, bulkPut ${Math.round(puts.at(-1)!.recordsPerSecond)}/s, restore ${Math.round(restores.at(-1)!.recordsPerSecond)}/s`
              : '') +
            `; raw read ${seconds(reads.at(-1)!.ms)}` +
            (copies.length ? `, raw copy ${seconds(copies.at(-1)!.ms)}` : '') +
            `, backup ${seconds(backups.at(-1)!.ms)} (${(backups.at(-1)!.bytes / 1e6).toFixed(0)} MB, peak heap ${backups.at(-1)!.peakHeapMB.toFixed(0)} MB, live ${backups.at(-1)!.liveHeapMB.toFixed(0)} MB)` +
            (restored
              ? `; raw put ${seconds(puts.at(-1)!.ms)}, restore ${seconds(restored.ms)} (check ${seconds(restored.loadMs)}, write ${seconds(restored.writeMs)}; peak heap ${restored.loadPeakHeapMB.toFixed(0)} / ${restored.writePeakHeapMB.toFixed(0)} MB, live ${restored.loadLiveHeapMB.toFixed(0)} / ${restored.writeLiveHeapMB.toFixed(0)} MB)`
              : ''),
        );
      }
      // With documents the backup's baseline also writes the bytes it read (rawCopy): a backup
      // writes its file, which a bare read does not. The bare read's figures stay in the details.
      const backupBaseline = withFiles ? copies : reads;
      const readMs = summarize(reads.map((r) => r.ms)).median;
      const backupMs = summarize(backups.map((b) => b.ms)).median;
      measures.push(
        throughputMeasure({
          id: 'backup',
          label: 'Backup ("Back up now": read, validate, compress, encrypt)',
          runs: backups,
          baselineLabel: withFiles
            ? 'raw copy: read records and documents, write the documents to a file'
            : 'raw Dexie read (toArray by pages)',
          baseline: backupBaseline,
          ...(withFiles && backups[0] ? { bytes: backups[0].bytes } : {}),
          target: withFiles
            ? `>= ${MIN_THROUGHPUT_RATIO}x raw copy, peak heap < ${MAX_PEAK_HEAP_MB} MB`
            : `>= ${MIN_THROUGHPUT_RATIO}x raw read, peak heap < ${MAX_PEAK_HEAP_MB} MB`,
          min: MIN_THROUGHPUT_RATIO,
          peakHeapMB: Math.max(...backups.map((b) => b.peakHeapMB)),
          details: {
            bytes: backups[0]?.bytes,
            files: backups[0]?.files,
            fileBytes: backups[0]?.fileBytes,
            liveHeapMB: Math.max(...backups.map((b) => b.liveHeapMB)),
            rawReadMs: summarize(reads.map((r) => r.ms)),
            ratioToRawRead: Math.round((readMs / backupMs) * 100) / 100,
            rawReadPeakHeapMB: Math.max(...reads.map((r) => r.peakHeapMB)),
            ...(withFiles ? { rawCopyPeakHeapMB: Math.max(...copies.map((r) => r.peakHeapMB)) } : {}),
          },
        }),
      );
      if (wanted(options, 'restore')) {
        measures.push(
          throughputMeasure({
            id: 'restore',
            label: 'Restore (decrypt, validate, write in one transaction)',
            runs: restores,
            baselineLabel: withFiles ? 'raw bulkPut of records and documents' : 'raw Dexie bulkPut (pages)',
            baseline: puts,
            ...(withFiles && restores[0] ? { bytes: restores[0].bytes } : {}),
            target: `>= ${MIN_THROUGHPUT_RATIO}x raw bulkPut, peak heap < ${MAX_PEAK_HEAP_MB} MB`,
            min: MIN_THROUGHPUT_RATIO,
            peakHeapMB: Math.max(...restores.map((r) => r.peakHeapMB)),
            details: {
              loadMs: summarize(restores.map((r) => r.loadMs)),
              writeMs: summarize(restores.map((r) => r.writeMs)),
              loadPeakHeapMB: Math.max(...restores.map((r) => r.loadPeakHeapMB)),
              writePeakHeapMB: Math.max(...restores.map((r) => r.writePeakHeapMB)),
              loadLiveHeapMB: Math.max(...restores.map((r) => r.loadLiveHeapMB)),
              writeLiveHeapMB: Math.max(...restores.map((r) => r.writeLiveHeapMB)),
              rawBulkPutPeakHeapMB: Math.max(...puts.map((r) => r.peakHeapMB)),
            },
          }),
        );
      }
    }
  } finally {
    // The last backup's file (2.2 GB at the 2 GB preset) must not stay in the cached profile.
    // After a failure the page may be gone: the next run's start removes it then.
    await callBench(benchPage, 'removeBenchFiles').catch(() => {});
    await browser.close();
  }

  return results(options, machine, measures, started, {
    marker,
    busyClientId,
    busyClientSessions,
    fromCache,
  });
}

function results(
  options: BenchOptions,
  machine: ReturnType<typeof machineInfo>,
  measures: Measure[],
  started: number,
  practice: {
    marker: PracticeMarker;
    busyClientId: string | null;
    busyClientSessions: number;
    fromCache: boolean;
  },
): BenchResults {
  machine.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  return {
    tool: 'stillpoint-bench',
    version: 1,
    command: options.command,
    machine,
    practice: {
      seed: options.seed,
      clients: options.clients,
      sessionsPerClient: options.sessionsPerClient,
      counts: practice.marker.counts,
      busyClientId: practice.busyClientId,
      busyClientSessions: practice.busyClientSessions,
      populatedMs: practice.marker.populatedMs ? round(practice.marker.populatedMs) : null,
      fromCache: practice.fromCache,
    },
    options: {
      runs: options.runs,
      searchRuns: options.searchRuns,
      throughputRuns: options.throughputRuns,
      only: options.only ?? null,
      sync: options.sync ?? null,
    },
    measures,
    durationMs: Date.now() - started,
  };
}

interface PdfResult {
  medianMs: number;
  p95Ms: number;
  bareMedianMs: number;
  ratio: number;
  floors: Record<string, number>;
  iterations: number;
}

/**
 * benchAftercarePdf (tests/bench/pdf-bench.ts) in a Node process of its own (through tsx): it is
 * an ES module, and main's pdfkit code runs in Node, not in the browser.
 */
function aftercarePdfInNode(iterations: number | undefined): Promise<PdfResult> {
  const script = path.resolve(__dirname, '../pdf-run.ts');
  const args = ['--import', 'tsx', script, ...(iterations ? [String(iterations)] : [])];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: path.resolve(__dirname, '../../..') },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`The PDF bench failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as PdfResult);
      },
    );
  });
}

interface Throughput {
  records: number;
  ms: number;
  recordsPerSecond: number;
}

function throughputMeasure(args: {
  id: string;
  label: string;
  runs: Throughput[];
  baselineLabel: string;
  baseline: Throughput[];
  target: string;
  min: number;
  /** The measured runs' peak JS heap (MB): the measure fails at MAX_PEAK_HEAP_MB or more. */
  peakHeapMB: number;
  /**
   * With documents, the backup file's size: both rates are then in MB/s of the same bytes (the
   * baseline reads or writes the same records and documents raw), the ratio being the same.
   */
  bytes?: number;
  details: Record<string, unknown>;
}): Measure {
  const perSecond = (amount: number, ms: number) => (amount / ms) * 1000;
  const rate = (runs: Throughput[]) => {
    const ms = summarize(runs.map((r) => r.ms));
    const amount = args.bytes !== undefined ? args.bytes / 1e6 : (runs[0]?.records ?? 0);
    return { median: perSecond(amount, ms.median), p95: perSecond(amount, ms.p95), n: ms.n };
  };
  const measured = rate(args.runs);
  const base = rate(args.baseline);
  const ratio = measured.median / base.median;
  const shown = (value: number) => (args.bytes !== undefined ? round(value) : Math.round(value));
  return {
    id: args.id,
    label: args.label,
    unit: args.bytes !== undefined ? 'MB/s' : 'records/s',
    median: shown(measured.median),
    p95: shown(measured.p95),
    n: measured.n,
    baseline: {
      label: args.baselineLabel,
      median: shown(base.median),
      p95: shown(base.p95),
      n: base.n,
    },
    ratio: Math.round(ratio * 100) / 100,
    target: args.target,
    pass: ratio >= args.min && args.peakHeapMB < MAX_PEAK_HEAP_MB,
    details: {
      records: args.runs[0]?.records,
      peakHeapMB: round(args.peakHeapMB),
      throughputPass: ratio >= args.min,
      heapPass: args.peakHeapMB < MAX_PEAK_HEAP_MB,
      ms: summarize(args.runs.map((r) => r.ms)),
      baselineMs: summarize(args.baseline.map((r) => r.ms)),
      ...args.details,
    },
  };
}
