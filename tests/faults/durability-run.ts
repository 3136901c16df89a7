import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import type { z } from 'zod';
import { AuditEntrySchema } from '../../src-shared/domain/audit';
import { ClientSchema } from '../../src-shared/domain/client';
import { HealthHistorySchema } from '../../src-shared/domain/health-history';
import { AfterEffectReportSchema, StoredSessionNoteSchema } from '../../src-shared/domain/session-note';
import { findChromium, QUIET_CHROMIUM_FLAGS } from '../e2e/harness/find-chromium';
import { APP_URL, Harness } from '../e2e/harness/harness';
import { passWelcome } from '../e2e/welcome';

/**
 * Crash durability, proven by killing the browser. A real Chromium with a persistent profile
 * runs the built app; the test drives a stream of saves through the UI (new clients, health
 * histories) and records each save the UI acknowledged (the client's page, or "Health history
 * saved.", appears only after the transaction committed). At a random moment the browser process
 * gets SIGKILL. The same profile is then reopened and checked: every acknowledged save is there,
 * and every stored record passes its schema (no torn record, no client without its history).
 */

export interface DurabilityOptions {
  cycles: number;
  /** Folder for the profile, the harness data and the logs. */
  baseDir: string;
  seed?: number;
  /** The kill comes this long after the saves start: uniform in [min, max] ms. */
  killAfterMs?: [number, number];
  /**
   * Start the kill's countdown only once the cycle's first save was acknowledged, so a slow
   * machine still has saves to check (the quick run in npm test); default: from the start.
   */
  countFromFirstAck?: boolean;
  log?: (line: string) => void;
}

export interface DurabilitySummary {
  seed: number;
  kills: number;
  savesAttempted: number;
  savesAcknowledged: number;
  savesFound: number;
  missing: string[];
  invalidRecords: string[];
  recordsChecked: number;
}

export interface Ack {
  kind: 'client' | 'history';
  /** The client's full name; for a history save, the medication recorded with it. */
  name: string;
  medication?: string;
}

/** Small seeded PRNG (mulberry32), so a failing run can be repeated with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RunningBrowser {
  child: ChildProcess;
  browser: Browser;
  page: Page;
}

/** Starts Chromium on the profile (as the app would start), attached to the harness. */
async function launch(profileDir: string, harness: Harness): Promise<RunningBrowser> {
  const executable = findChromium() ?? chromium.executablePath();
  const child = spawn(
    executable,
    [
      ...QUIET_CHROMIUM_FLAGS,
      '--headless=new',
      '--no-sandbox',
      `--user-data-dir=${profileDir}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      '--window-size=1280,820',
      'about:blank',
    ],
    // Its own process group, so its helper processes can be cleaned up after the kill.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  }).catch((error: unknown) => {
    killGroup(child);
    throw error;
  });
  try {
    await waitForBuild();
    const browser = await chromium.connectOverCDP(endpoint);
    const context = browser.contexts()[0]!;
    await harness.attachContext(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await harness.attachPage(page);
    await page.goto(APP_URL);
    // The first launch is a fresh install: Welcome opens and is skipped.
    await passWelcome(page);
    return { child, browser, page };
  } catch (error) {
    killGroup(child);
    throw error;
  }
}

const builtRenderer = path.resolve(__dirname, '../../out/renderer/index.html');

/** A build running beside the test empties out/ for a moment: wait for it rather than fail. */
async function waitForBuild(): Promise<void> {
  for (let waited = 0; !fs.existsSync(builtRenderer); waited += 250) {
    if (waited > 60_000) throw new Error('The renderer is not built: run `npm run build` first.');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function killGroup(child: ChildProcess): void {
  try {
    // The browser and its renderer and GPU helpers: its own process group, nothing else.
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The fault: SIGKILL to the browser process, no warning, then clean up its helpers. */
async function kill(running: RunningBrowser): Promise<void> {
  const { child } = running;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    process.kill(child.pid!, 'SIGKILL');
    await exited;
  }
  killGroup(child);
  await running.browser.close().catch(() => {});
}

async function orderlyClose(running: RunningBrowser): Promise<void> {
  await running.browser.close().catch(() => {});
  await kill(running);
}

/**
 * Saves until the browser dies under it. Each save is acknowledged only when the UI shows it
 * was stored; whatever was in flight at the kill is "attempted" but not acknowledged.
 */
async function saveStream(
  page: Page,
  cycle: number,
  next: () => number,
  acks: Ack[],
  attempted: { count: number },
): Promise<void> {
  for (let n = 0; ; n++) {
    const name = { first: `Durable ${cycle}`, last: `Save ${n}` };
    const full = `${name.first} ${name.last}`;
    await page.evaluate(() => {
      window.location.hash = '#/clients/new';
    });
    await page.getByLabel('First name').fill(name.first);
    await page.getByLabel('Last name').fill(name.last);
    attempted.count += 1;
    await page.getByRole('button', { name: 'Save client' }).click();
    await page.getByRole('heading', { level: 1, name: full }).waitFor({ timeout: 15_000 });
    acks.push({ kind: 'client', name: full });

    // About one save in three also updates the new client's health history.
    if (next() < 0.34) {
      const medication = `Remedy ${cycle}.${n}`;
      await page.getByRole('button', { name: 'Add medication' }).click();
      await page.getByRole('group', { name: 'Medication 1' }).getByLabel('Medication').fill(medication);
      attempted.count += 1;
      await page.getByRole('button', { name: 'Save health history' }).click();
      await page.getByText('Health history saved.').waitFor({ timeout: 15_000 });
      acks.push({ kind: 'history', name: full, medication });
    }
  }
}

export type Tables = Record<
  'clients' | 'healthHistories' | 'sessions' | 'afterEffects' | 'auditLog',
  unknown[]
>;

/** Every row of the record tables, read with raw IndexedDB in the page. */
function readTables(page: Page): Promise<Tables> {
  return page.evaluate(
    () =>
      new Promise<Tables>((resolve, reject) => {
        const request = indexedDB.open('stillpoint');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = ['clients', 'healthHistories', 'sessions', 'afterEffects', 'auditLog'] as const;
          const tx = db.transaction([...names], 'readonly');
          const out = {} as Tables;
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              out[name] = all.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

const SCHEMAS: Record<keyof Tables, z.ZodType> = {
  clients: ClientSchema,
  healthHistories: HealthHistorySchema,
  sessions: StoredSessionNoteSchema,
  afterEffects: AfterEffectReportSchema,
  auditLog: AuditEntrySchema,
};

export function checkRecords(tables: Tables): { invalid: string[]; checked: number } {
  const invalid: string[] = [];
  let checked = 0;
  for (const [table, rows] of Object.entries(tables) as [keyof Tables, unknown[]][]) {
    for (const row of rows) {
      checked += 1;
      const parsed = SCHEMAS[table].safeParse(row);
      if (!parsed.success) {
        invalid.push(`${table} ${JSON.stringify(row).slice(0, 120)}: ${parsed.error.issues[0]?.message}`);
      }
    }
  }
  // A client and its health history are written in one transaction: both or neither.
  const clientIds = new Set(tables.clients.map((c) => (c as { id: string }).id));
  const historyIds = new Set(tables.healthHistories.map((h) => (h as { clientId: string }).clientId));
  for (const id of clientIds) if (!historyIds.has(id)) invalid.push(`client ${id} has no health history`);
  for (const id of historyIds) if (!clientIds.has(id)) invalid.push(`health history ${id} has no client`);
  return { invalid, checked };
}

export function findMissing(acks: Ack[], tables: Tables): string[] {
  const clients = tables.clients as { id: string; firstName: string; lastName: string }[];
  const byName = new Map(clients.map((c) => [`${c.firstName} ${c.lastName}`, c.id]));
  const histories = new Map(
    (tables.healthHistories as { clientId: string; medications: { name: string }[] }[]).map((h) => [
      h.clientId,
      h,
    ]),
  );
  const missing: string[] = [];
  for (const ack of acks) {
    const id = byName.get(ack.name);
    if (!id) missing.push(`client "${ack.name}"`);
    else if (
      ack.kind === 'history' &&
      !histories.get(id)?.medications.some((m) => m.name === ack.medication)
    ) {
      missing.push(`health history of "${ack.name}" (medication ${ack.medication})`);
    }
  }
  return missing;
}

export async function runDurability(options: DurabilityOptions): Promise<DurabilitySummary> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const next = random(seed);
  const [minKill, maxKill] = options.killAfterMs ?? [300, 4_000];
  const log = options.log ?? (() => {});
  const profileDir = path.join(options.baseDir, 'profile');
  fs.mkdirSync(profileDir, { recursive: true });
  const harness = new Harness(path.join(options.baseDir, 'harness'));

  const acks: Ack[] = [];
  const attempted = { count: 0 };
  let kills = 0;
  let last: { invalid: string[]; checked: number; missing: string[] } = {
    invalid: [],
    checked: 0,
    missing: [],
  };

  let current: RunningBrowser | undefined;
  try {
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      current = await launch(profileDir, harness);
      const killAfter = Math.round(minKill + next() * (maxKill - minKill));
      const acksBefore = acks.length;
      let streamEnded = false;
      const stream = saveStream(current.page, cycle, next, acks, attempted)
        .catch(() => {
          // The browser died under the stream: expected.
        })
        .finally(() => {
          streamEnded = true;
        });
      // Waits on the first acknowledged save (a state, not a time), checking every 50 ms.
      while (options.countFromFirstAck && acks.length === acksBefore && !streamEnded) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, killAfter));
      await kill(current);
      kills += 1;
      await stream;
      log(`cycle ${cycle}: killed after ${killAfter} ms; ${acks.length} saves acknowledged so far`);

      // Reopen the same profile and look.
      current = await launch(profileDir, harness);
      const tables = await readTables(current.page);
      const { invalid, checked } = checkRecords(tables);
      last = { invalid, checked, missing: findMissing(acks, tables) };
      await orderlyClose(current);
      current = undefined;
      if (last.invalid.length > 0 || last.missing.length > 0) break;
    }
  } finally {
    if (current) await kill(current);
  }

  return {
    seed,
    kills,
    savesAttempted: attempted.count,
    savesAcknowledged: acks.length,
    savesFound: acks.length - last.missing.length,
    missing: last.missing,
    invalidRecords: last.invalid,
    recordsChecked: last.checked,
  };
}

export function summaryLine(summary: DurabilitySummary): string {
  return (
    `durability: ${summary.kills} kills (SIGKILL), ${summary.savesAttempted} saves attempted, ` +
    `${summary.savesAcknowledged} acknowledged, ${summary.savesFound} found after reopening, ` +
    `${summary.recordsChecked} records checked, ${summary.invalidRecords.length} invalid (seed ${summary.seed})`
  );
}
