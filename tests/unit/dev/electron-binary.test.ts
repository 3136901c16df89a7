import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executableInRelease, findElectronBinary } from '../../../resources/dev/electron-binary.cjs';
import { electronVersion, refusedMirrorUrl, repoRoot } from './start-sandbox';

/**
 * The lookup behind `npm start` and the smoke test, with the ways a developer names a binary
 * themselves. The real electron package answers (a copy without dist/, so nothing is installed);
 * downloads would go to a refused 127.0.0.1 port, so any answer here came without the network.
 */
let root: string;
let electronDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-lookup-')));
  electronDir = path.join(root, 'node_modules/electron');
  const realElectron = path.join(repoRoot, 'node_modules/electron');
  fs.cpSync(realElectron, electronDir, {
    recursive: true,
    filter: (source) => !['dist', 'path.txt', 'node_modules'].includes(path.relative(realElectron, source)),
  });
  env = { PATH: process.env.PATH, ELECTRON_MIRROR: await refusedMirrorUrl() };
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** An unzipped release for `platform` in a folder of its own. */
function unzippedRelease(platform: NodeJS.Platform): string {
  const folder = path.join(root, `electron-v${electronVersion}`);
  const executable = path.join(folder, executableInRelease(platform));
  fs.mkdirSync(path.dirname(executable), { recursive: true });
  fs.writeFileSync(executable, '#!/bin/sh\n', { mode: 0o755 });
  return folder;
}

describe('findElectronBinary', () => {
  it('uses the unzipped release ELECTRON_OVERRIDE_DIST_PATH names, without downloading', () => {
    const folder = unzippedRelease('linux');
    const found = findElectronBinary({
      electronDir,
      platform: 'linux',
      env: { ...env, ELECTRON_OVERRIDE_DIST_PATH: folder },
    });
    expect(found).toEqual({ ok: true, path: path.join(folder, 'electron') });
    expect(fs.existsSync(path.join(electronDir, 'dist'))).toBe(false);
  });

  it('finds the macOS executable inside Electron.app, where the package alone would look for "electron"', () => {
    const folder = unzippedRelease('darwin');
    const found = findElectronBinary({
      electronDir,
      platform: 'darwin',
      env: { ...env, ELECTRON_OVERRIDE_DIST_PATH: folder },
    });
    expect(found).toEqual({ ok: true, path: path.join(folder, 'Electron.app/Contents/MacOS/Electron') });
  });

  it('says which folder is wrong when ELECTRON_OVERRIDE_DIST_PATH holds no Electron', () => {
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    const found = findElectronBinary({
      electronDir,
      platform: 'linux',
      arch: 'x64',
      env: { ...env, ELECTRON_OVERRIDE_DIST_PATH: empty },
    });
    expect(found.ok).toBe(false);
    const message = found.ok ? '' : found.message.replace(/\s+/g, ' ');
    expect(message).toContain(
      `ELECTRON_OVERRIDE_DIST_PATH is set to ${empty}, but there is no Electron program`,
    );
    expect(message).toContain(`electron-v${electronVersion}-linux-x64.zip`);
  });

  it('takes electron-vite own ELECTRON_EXEC_PATH as given, and says so when it names nothing', () => {
    const executable = path.join(unzippedRelease('linux'), 'electron');
    expect(findElectronBinary({ electronDir, env: { ...env, ELECTRON_EXEC_PATH: executable } })).toEqual({
      ok: true,
      path: executable,
    });
    const missing = findElectronBinary({
      electronDir,
      env: { ...env, ELECTRON_EXEC_PATH: path.join(root, 'nowhere/electron') },
    });
    expect(missing.ok).toBe(false);
    expect(missing.ok ? '' : missing.message.replace(/\s+/g, ' ')).toContain(
      `ELECTRON_EXEC_PATH is set to ${path.join(root, 'nowhere/electron')}, but there is no file there.`,
    );
  });
});
