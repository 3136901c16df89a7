import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { executableInRelease } from '../../../resources/dev/electron-binary.cjs';

/**
 * A throwaway copy of the project for running `npm start` end to end without touching the real
 * node_modules: the sources are copied, every package is a symlink into the real node_modules except
 * electron, which is a real copy without dist/ and path.txt. Whatever the electron package
 * downloads and unpacks lands in the copy, so the repository's node_modules stays as it was.
 */
export const repoRoot = path.resolve(__dirname, '../../..');
const realNodeModules = path.join(repoRoot, 'node_modules');
const PROJECT_FILES = ['package.json', 'tsconfig.json', 'electron.vite.config.ts'];
const PROJECT_DIRS = ['src-main', 'src-shared', 'src-renderer', 'resources'];

export interface StartSandbox {
  root: string;
  project: string;
  electronDir: string;
  cacheDir: string;
  /** Where the stand-in Electron writes its working folder and arguments. */
  launchRecord: string;
  remove(): void;
}

export function createStartSandbox(): StartSandbox {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-start-')));
  const project = path.join(root, 'project');
  fs.mkdirSync(path.join(project, 'node_modules'), { recursive: true });
  for (const file of PROJECT_FILES) fs.copyFileSync(path.join(repoRoot, file), path.join(project, file));
  for (const dir of PROJECT_DIRS) {
    fs.cpSync(path.join(repoRoot, dir), path.join(project, dir), { recursive: true });
  }
  for (const entry of fs.readdirSync(realNodeModules)) {
    // .bin for npm's PATH; other dot-entries are caches we must not share.
    if (entry === 'electron' || (entry.startsWith('.') && entry !== '.bin')) continue;
    fs.symlinkSync(path.join(realNodeModules, entry), path.join(project, 'node_modules', entry));
  }
  const realElectron = path.join(realNodeModules, 'electron');
  const electronDir = path.join(project, 'node_modules', 'electron');
  fs.cpSync(realElectron, electronDir, {
    recursive: true,
    filter: (source) => !['dist', 'path.txt'].includes(path.relative(realElectron, source)),
  });
  const cacheDir = path.join(root, 'electron-cache');
  return {
    root,
    project,
    electronDir,
    cacheDir,
    launchRecord: path.join(root, 'launched.txt'),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export const electronVersion: string = JSON.parse(
  fs.readFileSync(path.join(realNodeModules, 'electron/package.json'), 'utf8'),
).version;

/**
 * A stand-in Electron release for this platform, named as @electron/get asks for it: the
 * "executable" is a shell script that records its working folder and arguments, then exits.
 */
export function standInRelease(launchRecord: string): { fileName: string; zip: Uint8Array } {
  const script = `#!/bin/sh\n# Stand-in Electron for tests.\n{ pwd; printf '%s\\n' "$@"; } > '${launchRecord}'\n`;
  const zip = zipSync({
    [executableInRelease(process.platform)]: [
      new TextEncoder().encode(script),
      // Unix "made by" and mode 0755 in the high bits, as real release zips carry.
      { os: 3, attrs: (0o100755 << 16) >>> 0 },
    ],
    version: new TextEncoder().encode(electronVersion),
  });
  return { fileName: `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`, zip };
}

export interface Mirror {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** An Electron download mirror on 127.0.0.1 serving one release and its SHASUMS256.txt. */
export async function startMirror(release: { fileName: string; zip: Uint8Array }): Promise<Mirror> {
  const sha = createHash('sha256').update(release.zip).digest('hex');
  const files = new Map<string, Uint8Array | string>([
    [`/v${electronVersion}/${release.fileName}`, release.zip],
    [`/v${electronVersion}/SHASUMS256.txt`, `${sha} *${release.fileName}\n`],
  ]);
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const url = request.url ?? '';
    requests.push(url);
    const body = files.get(url);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A 127.0.0.1 address where nothing listens: connecting is refused at once. */
export async function refusedMirrorUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/`;
}

/**
 * The environment a developer's shell would give `npm start`, minus anything that could reach past
 * the sandbox: every Electron setting is dropped (then the test sets its own), and so are the test
 * runner's NODE_ENV and VITEST variables, which would change the build.
 */
export function sandboxEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/electron/i.test(key) || /^(NODE_ENV|VITEST.*|TEST)$/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, npm_config_update_notifier: 'false', ...settings };
}

export interface Finished {
  status: number | null;
  output: string;
}

/** Runs `npm start` in the sandboxed project and waits for it to exit. */
export function npmStart(project: string, env: NodeJS.ProcessEnv): Promise<Finished> {
  // Under `npm test` this is the npm that runs us; otherwise the npm on PATH.
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli, 'start']] : ['npm', ['start']];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}
