import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The test server in a process of its own (`server-process.ts`), with its databases kept in a
 * data folder, for the fault tests: `kill()` ends it with SIGKILL mid-request, `start()` runs it
 * again on the same port and folder, with what it had acknowledged.
 */
export interface KillableSyncServer {
  readonly origin: string;
  readonly databaseUrl: string;
  readonly user: string;
  readonly password: string;
  /** Starts the process again (same port, same data); `holdBulkDocs` as in `startKillableSyncServer`. */
  start(options?: { holdBulkDocs?: number }): Promise<void>;
  /** Resolves once the process holds the `_bulk_docs` request it was told to hold. */
  holding(): Promise<void>;
  /** SIGKILL, and waits until the process is gone. */
  kill(): Promise<void>;
  /** The winning revision of every document, by id, as the server's admin reads them. */
  revisions(): Promise<Map<string, string>>;
  /** Kills the process and removes its data folder. */
  dispose(): Promise<void>;
}

const HERE = path.dirname(__filename);
const ROOT = path.resolve(HERE, '../..');
const SCRIPT = path.join(HERE, 'server-process.ts');
// tsx's loader by its file, so the child finds it whatever its working folder.
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const ADMIN = `Basic ${Buffer.from('admin:admin-secret').toString('base64')}`;

export async function startKillableSyncServer(
  options: { holdBulkDocs?: number; allowOrigin?: string } = {},
): Promise<KillableSyncServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-killable-server-'));
  let child: ChildProcess | null = null;
  let origin = '';
  let port: number | undefined;
  let held: Promise<void> = Promise.resolve();

  const start = async (more: { holdBulkDocs?: number } = {}) => {
    const config = {
      dataDir,
      ...(port ? { port } : {}),
      ...(options.allowOrigin ? { allowOrigin: options.allowOrigin } : {}),
      ...(more.holdBulkDocs ? { holdBulkDocs: more.holdBulkDocs } : {}),
    };
    const started = fork(SCRIPT, [JSON.stringify(config)], {
      execArgv: ['--import', TSX],
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = started;
    let onHolding: () => void = () => undefined;
    held = new Promise((resolve) => {
      onHolding = resolve;
    });
    origin = await new Promise<string>((resolve, reject) => {
      started.on('message', (message: { kind: string; origin?: string }) => {
        if (message.kind === 'ready' && message.origin) resolve(message.origin);
        if (message.kind === 'holding') onHolding();
      });
      started.once('exit', (code) =>
        reject(new Error(`The test server exited (${code}) before it listened`)),
      );
    });
    port = Number(new URL(origin).port);
  };

  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await gone;
  };

  await start(options);
  return {
    get origin() {
      return origin;
    },
    get databaseUrl() {
      return `${origin}/stillpoint`;
    },
    user: 'practice',
    password: 'practice-password',
    start,
    holding: () => held,
    kill,
    revisions: async () => {
      const res = await fetch(`${origin}/stillpoint/_all_docs`, { headers: { authorization: ADMIN } });
      if (!res.ok) throw new Error(`_all_docs: ${res.status}`);
      const body = (await res.json()) as { rows: { id: string; value: { rev: string } }[] };
      return new Map(body.rows.map((row) => [row.id, row.value.rev]));
    },
    dispose: async () => {
      await kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
