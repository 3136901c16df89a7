import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { type BenchBrowser, callBench, openAppPage } from './browser';
import {
  installKeyProbe,
  installOpenProbe,
  type KeySample,
  navigateAndTime,
  type OpenProbeResult,
} from './probes';

/**
 * The measures that drive the app's UI in Chromium, each returning raw samples (milliseconds);
 * the runner summarizes them beside their baselines.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const CLIENT_ROW = '.client-row';
const CLIENT_LIST_SHOWN = '.list-card[data-shown-query]';
const NOTE_SEARCH_FIELD = '#note-search';
const NOTE_SEARCH_SHOWN = '.note-search-results[data-shown-query]';

export interface OpenSample {
  listPaintedMs: number;
  keyMs: number;
  /** listPaintedMs + keyMs: the list is on screen and the search field answers a key. */
  interactiveMs: number;
  rowsInDom: number;
  /** Navigation start to the whole list loaded and searchable. */
  listCompleteMs: number;
}

/**
 * Opens the app in a new tab at the client list; once the first row (or the empty list) is
 * painted, a key is typed into the search field. Interactive = navigation start to list painted,
 * plus that key's keydown-to-paint (the wire delay between the two is not counted).
 */
export async function openAppOnce(browser: BenchBrowser): Promise<OpenSample> {
  const page = await browser.context.newPage();
  try {
    await browser.harness.attachPage(page);
    await page.exposeBinding('__benchListReady', async () => {
      await page.keyboard.press('a');
    });
    await page.addInitScript(installOpenProbe);
    await page.goto(`https://stillpoint.test/index.html#/clients`);
    await page.waitForFunction(
      () => window.__benchOpen?.keyPaintedMs !== undefined && window.__benchOpen.listCompleteMs !== undefined,
      null,
      {
        timeout: 60_000,
        polling: 50,
      },
    );
    const result = (await page.evaluate(() => window.__benchOpen)) as Required<OpenProbeResult>;
    const keyMs = result.keyPaintedMs - result.keyDownMs;
    return {
      listPaintedMs: result.listPaintedMs,
      keyMs,
      interactiveMs: result.listPaintedMs + keyMs,
      rowsInDom: result.rowsInDom,
      listCompleteMs: result.listCompleteMs,
    };
  } finally {
    await page.close();
  }
}

async function waitForKeySamples(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => (window.__benchKeys?.length ?? 0) >= n, count, {
    timeout: 30_000,
    polling: 10,
  });
}

async function takeKeySamples(page: Page): Promise<KeySample[]> {
  return page.evaluate(() => window.__benchKeys ?? []);
}

/** A fresh app tab showing the client list. */
export async function openClientList(browser: BenchBrowser): Promise<Page> {
  const page = await openAppPage(browser, '#/clients');
  await page.waitForSelector(`${CLIENT_ROW}, .client-list-page .empty-state`, { timeout: 60_000 });
  return page;
}

/**
 * Client search as you type: each query typed a key at a time into the client list's search
 * field; each key timed from keydown to the paint of the list filtered for the text so far.
 */
export async function clientSearchTyping(
  page: Page,
  queries: readonly string[],
  runs: number,
  gapMs = 150,
): Promise<KeySample[]> {
  await page.bringToFront();
  return typeQueriesTimed(page, {
    field: '#client-search',
    shown: CLIENT_LIST_SHOWN,
    emptyShown: '.list-card[data-shown-query=""]',
    queries,
    runs,
    gapMs,
  });
}

/**
 * Types each query a key at a time into a search field whose results say which text they show
 * (`shown`), timing every key from keydown to the paint of its results; between queries the
 * field is emptied and `emptyShown` (attached, maybe hidden) awaited.
 */
async function typeQueriesTimed(
  page: Page,
  options: {
    field: string;
    shown: string;
    emptyShown: string;
    queries: readonly string[];
    runs: number;
    gapMs: number;
  },
): Promise<KeySample[]> {
  const { field, queries, runs, gapMs } = options;
  await page.evaluate(installKeyProbe, {
    mode: 'shown' as const,
    fieldSelector: field,
    shownSelector: options.shown,
  });
  await page.focus(field);
  let expected = 0;
  for (let run = 0; run < runs; run++) {
    for (const query of queries) {
      for (const char of query) {
        await page.keyboard.type(char);
        expected += 1;
        await waitForKeySamples(page, expected);
        await sleep(gapMs);
      }
      await page.fill(field, '');
      await page.waitForSelector(options.emptyShown, { state: 'attached' });
      await sleep(gapMs);
    }
  }
  return takeKeySamples(page);
}

/** In-app navigation to the busy client, until the timeline and its chart are painted. */
export async function openBusyClient(page: Page, clientId: string, runs: number): Promise<number[]> {
  await page.bringToFront();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    samples.push(
      await page.evaluate(navigateAndTime, {
        hash: `#/clients/${encodeURIComponent(clientId)}`,
        readySelectors: ['#client-title', '.session-chart canvas', '.timeline-item'],
      }),
    );
    await page.evaluate(navigateAndTime, { hash: '#/clients', readySelectors: [CLIENT_ROW] });
    await sleep(300);
  }
  return samples;
}

/**
 * Typing rhythm for a note: words at 60-110 ms a key, with a pause after every few words that
 * lets autosave fire (it waits 400 ms), so the following keys land while the save and the
 * screen's refresh after it run.
 */
export const NOTE_TEXT =
  'Client reports easier breathing and less jaw clenching at night. Gentle hold at the occiput, ' +
  'softening through the thoracic inlet. Review in two weeks. ';

function keyDelay(index: number): number {
  return 60 + ((index * 37) % 50);
}

async function typeLikeATherapist(page: Page, text: string, onKey: (count: number) => Promise<void>) {
  let count = 0;
  const words = text.split(/(?<= )/);
  for (let w = 0; w < words.length; w++) {
    for (const char of words[w]!) {
      await page.keyboard.type(char);
      count += 1;
      await onKey(count);
      await sleep(keyDelay(count));
    }
    if (w % 3 === 2) await sleep(w % 2 === 0 ? 430 : 700);
  }
  return count;
}

/** Keystroke to paint in the draft editor's "Plan" field while autosave runs. */
export async function typeInNote(
  page: Page,
  clientId: string,
  noteId: string,
  text = NOTE_TEXT,
): Promise<KeySample[]> {
  await page.bringToFront();
  await page.evaluate(navigateAndTime, {
    hash: `#/clients/${encodeURIComponent(clientId)}/sessions/${encodeURIComponent(noteId)}`,
    readySelectors: ['.save-status'],
  });
  const plan = page.getByLabel('Plan', { exact: true });
  await plan.waitFor();
  await plan.evaluate((element) => {
    element.setAttribute('data-bench-field', 'true');
  });
  await page.evaluate(installKeyProbe, {
    mode: 'echo' as const,
    fieldSelector: '[data-bench-field]',
    statusSelector: '.save-status',
  });
  await plan.focus();
  await typeLikeATherapist(page, text, async (count) => waitForKeySamples(page, count));
  await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'Saved', null, {
    timeout: 30_000,
  });
  const samples = await takeKeySamples(page);
  await page.evaluate(navigateAndTime, { hash: '#/clients', readySelectors: [CLIENT_ROW] });
  return samples;
}

/** The same typing into a bare <textarea> on the bench page: the browser's own floor. */
export async function typeInBareTextarea(benchPage: Page, text = NOTE_TEXT): Promise<KeySample[]> {
  await benchPage.bringToFront();
  await benchPage.fill('#bare-textarea', '');
  await benchPage.evaluate(installKeyProbe, { mode: 'echo' as const, fieldSelector: '#bare-textarea' });
  await benchPage.focus('#bare-textarea');
  await typeLikeATherapist(benchPage, text, async (count) => waitForKeySamples(benchPage, count));
  return takeKeySamples(benchPage);
}

/** Full-text note search as you type, each key timed to the paint of its results. */
export async function noteSearchTyping(
  page: Page,
  queries: readonly string[],
  runs: number,
  gapMs = 200,
): Promise<KeySample[]> {
  await page.bringToFront();
  await page.waitForSelector(NOTE_SEARCH_FIELD);
  return typeQueriesTimed(page, {
    field: NOTE_SEARCH_FIELD,
    shown: NOTE_SEARCH_SHOWN,
    // Hidden while the field is empty: attached, not visible.
    emptyShown: '.note-search-results[data-shown-query=""]',
    queries,
    runs,
    gapMs,
  });
}

/** JS heap of the page after a full garbage collection (CDP), in MB. */
export async function heapAfterGc(page: Page): Promise<number> {
  await page.bringToFront();
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize / 1e6;
  } finally {
    await session.detach();
  }
}

/** Drafts the bench writes start with this text, so a crashed run's leftovers can be found. */
export const BENCH_DRAFT_MARKER = 'Bench draft';

export async function withBenchDraft<T>(
  benchPage: Page,
  clientId: string,
  use: (noteId: string) => Promise<T>,
): Promise<T> {
  const noteId = await callBench(benchPage, 'createDraft', clientId, BENCH_DRAFT_MARKER);
  try {
    return await use(noteId);
  } finally {
    await callBench(benchPage, 'removeDraft', noteId);
  }
}

/**
 * With BENCH_PROFILE=<folder>, records a CPU profile of the page (CDP Profiler) around `run` into
 * <folder>/<name>.cpuprofile (open it in Chromium's DevTools, Performance panel). Profiling slows
 * the page down: numbers from such a run are not the bench's.
 */
export async function withProfile<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_PROFILE;
  if (!folder) return run();
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1000 });
  await session.send('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = (await session.send('Profiler.stop')) as { profile: unknown };
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
    await session.detach();
  }
}
