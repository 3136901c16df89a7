import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executableInRelease } from '../../../resources/dev/electron-binary.cjs';
import {
  createStartSandbox,
  electronVersion,
  npmStart,
  refusedMirrorUrl,
  repoRoot,
  type StartSandbox,
  sandboxEnv,
  standInRelease,
  startMirror,
} from './start-sandbox';

/**
 * `npm start` on a machine where Electron has never been downloaded: the real script, the real
 * electron package (a copy) and @electron/get, against a mirror on 127.0.0.1 serving a stand-in
 * release. No internet and no real Electron needed.
 */
const realElectron = path.join(repoRoot, 'node_modules/electron');
const electronState = () => ({
  pathTxt: fs.existsSync(path.join(realElectron, 'path.txt')),
  dist: fs.existsSync(path.join(realElectron, 'dist')),
});

let sandbox: StartSandbox;
let realElectronBefore: ReturnType<typeof electronState>;
beforeEach(() => {
  realElectronBefore = electronState();
  sandbox = createStartSandbox();
});
afterEach(() => {
  sandbox.remove();
  // The repository's own electron package is never written to.
  expect(electronState()).toEqual(realElectronBefore);
});

describe.skipIf(process.platform === 'win32')('npm start on a fresh machine', () => {
  it('downloads Electron through the mirror settings, unpacks it and launches the built app', async () => {
    const release = standInRelease(sandbox.launchRecord);
    const mirror = await startMirror(release);
    try {
      const run = await npmStart(
        sandbox.project,
        sandboxEnv({
          ELECTRON_MIRROR: mirror.url,
          electron_config_cache: sandbox.cacheDir,
          // The stand-in is not the real release, so check it against the mirror's SHASUMS256.txt.
          electron_use_remote_checksums: '1',
        }),
      );
      expect(run.output).not.toContain('Electron uninstall');
      expect(run.status, run.output).toBe(0);

      // Fetched from the mirror, with its checksum file.
      expect(mirror.requests).toContain(`/v${electronVersion}/${release.fileName}`);
      expect(mirror.requests).toContain(`/v${electronVersion}/SHASUMS256.txt`);
      // Unpacked into the (copied) electron package, which now knows its executable.
      const executable = executableInRelease(process.platform);
      expect(fs.readFileSync(path.join(sandbox.electronDir, 'path.txt'), 'utf8')).toBe(executable);
      const unpacked = path.join(sandbox.electronDir, 'dist', executable);
      expect(fs.statSync(unpacked).mode & 0o111).not.toBe(0);
      // ... and kept in the download cache named by electron_config_cache.
      expect(fs.readdirSync(sandbox.cacheDir, { recursive: true })).toContainEqual(
        expect.stringContaining(release.fileName),
      );

      // Launched as electron-vite launches Electron: in the project folder with "." as the app,
      // whose package.json main is the freshly built main process.
      const [cwd, ...args] = fs.readFileSync(sandbox.launchRecord, 'utf8').trimEnd().split('\n');
      expect(cwd).toBe(sandbox.project);
      expect(args).toEqual(['.']);
      const main = JSON.parse(fs.readFileSync(path.join(sandbox.project, 'package.json'), 'utf8')).main;
      expect(main).toBe('./out/main/index.js');
      expect(fs.existsSync(path.join(sandbox.project, main))).toBe(true);
      expect(fs.existsSync(path.join(sandbox.project, 'out/preload/index.js'))).toBe(true);
      expect(fs.existsSync(path.join(sandbox.project, 'out/renderer/index.html'))).toBe(true);
    } finally {
      await mirror.close();
    }
  }, 120_000);

  it('says in plain words what to do when there is no network and no binary, and exits non-zero', async () => {
    const run = await npmStart(
      sandbox.project,
      sandboxEnv({ ELECTRON_MIRROR: await refusedMirrorUrl(), electron_config_cache: sandbox.cacheDir }),
    );
    expect(run.status).not.toBe(0);
    expect(run.output).toContain(`Stillpoint runs in Electron ${electronVersion}`);
    expect(run.output).toContain('no connection to the download server');
    expect(run.output).toMatch(/set\s+ELECTRON_OVERRIDE_DIST_PATH\s+to\s+that\s+folder/);
    expect(run.output).not.toContain('Electron uninstall');
    // No stack trace, and nothing built or unpacked on the way.
    expect(run.output).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(path.join(sandbox.project, 'out'))).toBe(false);
    expect(fs.existsSync(path.join(sandbox.electronDir, 'path.txt'))).toBe(false);
  }, 60_000);
});
