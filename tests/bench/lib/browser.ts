import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Route } from '@playwright/test';
import { contentSecurityPolicyFor } from '../../../src-main/csp';
import { findChromium, QUIET_CHROMIUM_FLAGS } from '../../e2e/harness/find-chromium';
import { APP_URL, Harness, TEST_ORIGIN } from '../../e2e/harness/harness';
import { fulfillStaticFile, resolveStaticFile } from '../../e2e/harness/static-files';
import type { BenchPageApi } from '../page/bench-page';

const repoRoot = path.resolve(__dirname, '../../..');
export const BENCH_PAGE_ROOT = path.join(repoRoot, 'out/bench');
export const BENCH_PAGE_URL = `${TEST_ORIGIN}/bench/index.html`;
export { APP_URL };

/**
 * The bench's browser: the e2e tests' Chromium and harness (main's real handlers behind
 * window.stillpoint, the built renderer under https://stillpoint.test with the app's CSP), plus
 * the bench page under /bench/ on the same origin. A persistent profile keeps the generated
 * practice in IndexedDB between runs.
 */
export const BENCH_CHROMIUM_FLAGS = [
  ...QUIET_CHROMIUM_FLAGS,
  '--enable-precise-memory-info',
  // BENCH_GC_PROBE=1: the page may collect garbage (window.gc) to tell live memory from garbage
  // not yet collected (heap.ts); it changes no timing unless a measure calls it.
  ...(process.env.BENCH_GC_PROBE === '1' ? ['--js-flags=--expose-gc'] : []),
];

export interface BenchBrowser {
  context: BrowserContext;
  harness: Harness;
  profileDir: string;
  close(): Promise<void>;
}

export interface BuildSnapshot {
  renderer: string;
  benchPage: string;
}

/**
 * Copies of the renderer build and the bench page for this bench run: others on the machine may
 * rebuild out/ while the bench runs, and every measure must see the same app. BENCH_RENDERER
 * measures another renderer build instead (a folder like out/renderer, e.g. a trial of a fix).
 */
export function snapshotBuilds(workDir: string): BuildSnapshot {
  const renderer = process.env.BENCH_RENDERER
    ? path.resolve(process.env.BENCH_RENDERER)
    : path.join(repoRoot, 'out/renderer');
  if (!fs.existsSync(path.join(renderer, 'index.html'))) {
    throw new Error(
      `The renderer is not built in ${renderer}: run \`npx electron-vite build\` (npm run bench does it).`,
    );
  }
  if (!fs.existsSync(path.join(BENCH_PAGE_ROOT, 'index.html'))) {
    throw new Error(
      'The bench page is not built: run `npx vite build --config tests/bench/vite.config.mts` (npm run bench does it).',
    );
  }
  const snapshot = {
    renderer: path.join(workDir, 'renderer-snapshot'),
    benchPage: path.join(workDir, 'bench-snapshot'),
  };
  for (const [from, to] of [
    [renderer, snapshot.renderer],
    [BENCH_PAGE_ROOT, snapshot.benchPage],
  ] as const) {
    fs.rmSync(to, { recursive: true, force: true });
    fs.cpSync(from, to, { recursive: true });
  }
  return snapshot;
}

function serveFrom(root: string, prefix: string, syncOrigin: string | null = null) {
  return (route: Route) =>
    fulfillStaticFile(
      route,
      resolveStaticFile(root, new URL(route.request().url()).pathname.slice(prefix.length)),
      contentSecurityPolicyFor(syncOrigin),
    );
}

/**
 * `syncOrigin`: the sync bench's server on 127.0.0.1. The bench page may reach it (the app's CSP
 * with sync on: that origin in connect-src, as main sends it), and the requests go through.
 */
export async function openBenchBrowser(
  profileDir: string,
  harnessDir: string,
  builds?: BuildSnapshot,
  syncOrigin: string | null = null,
): Promise<BenchBrowser> {
  fs.mkdirSync(profileDir, { recursive: true });
  fs.mkdirSync(harnessDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    args: BENCH_CHROMIUM_FLAGS,
    headless: true,
    viewport: { width: 1280, height: 820 },
  });
  // The bench has no test timeout: no single wait may hang it forever.
  context.setDefaultTimeout(120_000);
  const harness = new Harness(harnessDir);
  await harness.attachContext(context);
  // Registered after the harness's catch-all, so they are asked first: the app from this run's
  // snapshot of the build, the bench page from out/bench.
  if (builds) await context.route(`${TEST_ORIGIN}/**`, serveFrom(builds.renderer, '/'));
  await context.route(
    `${TEST_ORIGIN}/bench/**`,
    serveFrom(builds?.benchPage ?? BENCH_PAGE_ROOT, '/bench/', syncOrigin),
  );
  if (syncOrigin) {
    await context.route(`${syncOrigin}/**`, (route) => route.continue());
    // Chromium's Local Network Access prompt, which main answers for the app's page while sync is on.
    await context.grantPermissions(['local-network-access'], { origin: TEST_ORIGIN });
  }
  return {
    context,
    harness,
    profileDir,
    close: () => context.close(),
  };
}

/** A tab on the bench page, its API ready. */
export async function openBenchPage(browser: BenchBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => console.error(`[bench page] ${error.message}`));
  await page.goto(BENCH_PAGE_URL);
  await page.waitForFunction(() => document.body.dataset.benchReady === 'true');
  return page;
}

/** Calls the bench page's API (window.stillpointBench) in the page. */
export function callBench<K extends keyof BenchPageApi>(
  page: Page,
  method: K,
  ...args: Parameters<BenchPageApi[K]>
): Promise<Awaited<ReturnType<BenchPageApi[K]>>> {
  return page.evaluate(
    ([name, params]) =>
      (window.stillpointBench[name as keyof BenchPageApi] as (...a: unknown[]) => unknown)(
        ...(params as unknown[]),
      ),
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<BenchPageApi[K]>>>;
}

/** A tab on the app, wired to main's handlers, opened at `hash`. */
export async function openAppPage(browser: BenchBrowser, hash = '#/clients'): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => console.error(`[app] ${error.message}`));
  await browser.harness.attachPage(page);
  await page.goto(`${APP_URL}${hash}`);
  return page;
}

/** Bump when the stored rows change shape in a way the hashed files below do not show. */
const PROFILE_FORMAT = 1;

/**
 * Where the populated practice is kept between runs: one Chromium profile per practice (seed,
 * size) and version of the code that decides what is stored: the generator, the database schema
 * and the search fields of a client row (the client row helper itself is small and stable: a
 * change to it bumps PROFILE_FORMAT). Other app code can change freely without a new practice.
 */
export function cachedProfileDir(options: {
  seed: number;
  clients: number;
  sessionsPerClient: number;
}): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ ...options, format: PROFILE_FORMAT }));
  const sources = [
    ...fs
      .readdirSync(path.join(repoRoot, 'src-shared/demo'))
      .sort()
      .map((name) => path.join('src-shared/demo', name)),
    'src-renderer/db/database.ts',
    'src-shared/domain/text-search.ts',
  ];
  for (const file of sources) hash.update(fs.readFileSync(path.join(repoRoot, file)));
  const key = hash.digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `stillpoint-bench-${options.clients}-${key}`);
}

/** The file in a cached profile naming the bench process using it (see claimCachedProfile). */
const OWNER_FILE = 'stillpoint-bench-owner.pid';

/** A cached profile not used for this long may be deleted by another run (each is 1-3 GB). */
const PROFILE_KEEP_MS = 12 * 60 * 60 * 1000;

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(dir: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8').trim());
  } catch {
    return null;
  }
}

/**
 * Takes the cached profile `dir` for this process, or, when another live bench process (another
 * engineer's worktree at the same practice and code) holds it, a profile of this process's own
 * (`dir-p<pid>`, generated afresh): two Chromiums cannot share a profile, and neither run may
 * delete or refill the other's practice. `release` gives it back at the end of the run.
 */
export function claimCachedProfile(dir: string): { dir: string; release: () => void } {
  const claim = (candidate: string): boolean => {
    fs.mkdirSync(candidate, { recursive: true });
    const file = path.join(candidate, OWNER_FILE);
    const owner = ownerOf(candidate);
    if (owner !== null && owner !== process.pid && processAlive(owner)) return false;
    fs.writeFileSync(file, String(process.pid));
    return ownerOf(candidate) === process.pid;
  };
  const chosen = claim(dir) ? dir : `${dir}-p${process.pid}`;
  if (chosen !== dir && !claim(chosen)) throw new Error(`Cannot claim the bench profile ${chosen}`);
  return {
    dir: chosen,
    release: () => {
      if (ownerOf(chosen) === process.pid) fs.rmSync(path.join(chosen, OWNER_FILE), { force: true });
    },
  };
}

/**
 * Deletes cached practice profiles other than `keep` that nobody is using: no Chromium holds
 * them open, no live bench process has claimed them, and none was touched in the last 12 hours
 * (so parallel benches of other sizes or other code keep their practices between runs).
 */
export function pruneCachedProfiles(keep: string): void {
  const dir = path.dirname(keep);
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (!name.startsWith('stillpoint-bench-') || full === keep) continue;
    let locked = false;
    let modifiedMs = 0;
    try {
      modifiedMs = fs.statSync(full).mtimeMs;
      fs.lstatSync(path.join(full, 'SingletonLock'));
      locked = true;
    } catch {
      locked = false;
    }
    const owner = ownerOf(full);
    const claimed = owner !== null && processAlive(owner);
    const recent = Date.now() - modifiedMs < PROFILE_KEEP_MS;
    if (!locked && !claimed && !recent) fs.rmSync(full, { recursive: true, force: true });
  }
}
