// @ts-check
/**
 * Finds the Electron program that `npm start`, `npm run dev`, `npm run dist` and the real-Electron
 * smoke test run.
 *
 * Electron 45's npm package has no install script: it downloads its binary the first time something
 * asks it for the executable path (its index.js), honouring ELECTRON_OVERRIDE_DIST_PATH, the mirror
 * variables (ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR, ...), electron_config_cache and its bundled
 * checksums. electron-vite does not ask: it reads node_modules/electron/path.txt itself and throws
 * "Electron uninstall" when the file is missing. So we ask the package, and hand electron-vite the
 * answer through ELECTRON_EXEC_PATH.
 *
 * Plain JavaScript on purpose: it runs with `node` before anything is built; CommonJS so that both
 * the ESM launcher and Playwright's CommonJS-compiled specs can load it. It lives in
 * resources/dev/ because it is project tooling, not app code: src-main is compiled into the app,
 * and electron-builder packs only out/ and resources/fonts.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/**
 * @typedef {{ ok: true, path: string }} ElectronFound
 * @typedef {{ ok: false, message: string }} ElectronMissing
 * @typedef {ElectronFound | ElectronMissing} ElectronLookup
 * @typedef {{ electronDir?: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform, arch?: string }} LookupOptions
 */

/** The folder of the electron package this project installed. */
function electronPackageDir() {
  return path.dirname(require.resolve('electron/package.json'));
}

/**
 * Where the executable sits inside an unzipped Electron release (the same table as the package's
 * install.js).
 * @param {NodeJS.Platform} platform
 */
function executableInRelease(platform) {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Returns the Electron executable, downloading it through the electron package where it is missing.
 * Never throws for a missing binary: the answer says in plain words what to do instead.
 * @param {LookupOptions} [options]
 * @returns {ElectronLookup}
 */
function findElectronBinary(options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const electronDir = options.electronDir ?? electronPackageDir();
  const version = readVersion(electronDir);

  // electron-vite's own variable: someone who set it already knows which binary they want.
  if (env.ELECTRON_EXEC_PATH) {
    if (isFile(env.ELECTRON_EXEC_PATH)) return { ok: true, path: env.ELECTRON_EXEC_PATH };
    return {
      ok: false,
      message: paragraph(
        `ELECTRON_EXEC_PATH is set to ${env.ELECTRON_EXEC_PATH}, but there is no file there.`,
        `Point it at the Electron ${version} program (${executableInRelease(platform)} in an unzipped release), or unset it to let the electron package download Electron.`,
      ),
    };
  }

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !isFile(path.join(electronDir, 'dist', executableInRelease(platform)))) {
    console.log(
      `Electron ${version} is not downloaded yet: fetching it once (about 100 MB) into ${path.join(electronDir, 'dist')}…`,
    );
  }
  const asked = askElectronPackage(electronDir, env);

  if (override) {
    // The package joins the folder with path.txt's entry or "electron", which is not the macOS or
    // Windows executable when path.txt is missing: look where a release keeps it too.
    const candidates = [asked.path, path.join(override, executableInRelease(platform))];
    const found = candidates.find((candidate) => candidate && isFile(candidate));
    if (found) return { ok: true, path: found };
    return {
      ok: false,
      message: paragraph(
        `ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, but there is no Electron program in that folder (looked for ${executableInRelease(platform)}).`,
        `Set it to the folder that holds the unzipped Electron ${version} release for this computer (${releaseZipName(version, platform, options.arch)}),`,
        'or unset it to let the electron package download Electron.',
      ),
    };
  }

  if (asked.path && isFile(asked.path)) return { ok: true, path: asked.path };
  return { ok: false, message: noElectronMessage(version, platform, options.arch, asked.reason) };
}

/**
 * The paragraph shown when there is no binary and it could not be downloaded.
 * @param {string} version
 * @param {NodeJS.Platform} platform
 * @param {string | undefined} arch
 * @param {string} reason
 */
function noElectronMessage(version, platform, arch, reason) {
  const example =
    platform === 'win32'
      ? `in PowerShell: $env:ELECTRON_OVERRIDE_DIST_PATH = "C:\\electron-v${version}"; npm start`
      : `ELECTRON_OVERRIDE_DIST_PATH=$HOME/electron-v${version} npm start`;
  return paragraph(
    `Stillpoint runs in Electron ${version}, which is not on this computer yet, and downloading it failed (${reason}).`,
    'With an internet connection, run the command again: the electron package downloads Electron once (about 100 MB).',
    `Without one, get ${releaseZipName(version, platform, arch)} from https://github.com/electron/electron/releases/tag/v${version}`,
    `(or your company's Electron mirror, set as ELECTRON_MIRROR), unzip it into a folder on this computer and set`,
    `ELECTRON_OVERRIDE_DIST_PATH to that folder, for example ${example}.`,
    'README.md, "Run without internet", has the details.',
  );
}

/**
 * Asks the electron package (its index.js) for the executable path in a child process, so that a
 * failed download's stack trace stays out of the user's terminal; we keep its first line as the reason.
 * @param {string} electronDir
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ path: string | null, reason: string }}
 */
function askElectronPackage(electronDir, env) {
  const script = `require('fs').writeSync(3, require(${JSON.stringify(electronDir)}));`;
  const result = spawnSync(process.execPath, ['-e', script], {
    env,
    // stdout: the package's own "Downloading Electron binary..." line; fd 3: the answer.
    stdio: ['ignore', 'inherit', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const answer = result.output?.[3]?.toString() ?? '';
  if (result.status === 0 && answer) return { path: answer, reason: '' };
  return { path: null, reason: firstErrorLine(result.stderr?.toString() ?? '', result.error) };
}

/**
 * "TypeError: fetch failed\n    at ..." -> "fetch failed".
 * @param {string} stderr
 * @param {Error | undefined} spawnError
 */
function firstErrorLine(stderr, spawnError) {
  if (spawnError) return spawnError.message;
  const line = stderr.split(/\r?\n/).find((text) => /^\w*Error\b/.test(text.trim()));
  if (!line) return 'the electron package gave no reason';
  const reason = line.trim().replace(/^\w*Error:\s*/, '');
  // Node's fetch says only this when there is no connection (no DNS, refused, unreachable).
  return reason === 'fetch failed' ? 'no connection to the download server' : reason;
}

/**
 * @param {string} version
 * @param {NodeJS.Platform} platform
 * @param {string | undefined} arch
 */
function releaseZipName(version, platform, arch = process.arch) {
  return `electron-v${version}-${platform}-${arch}.zip`;
}

/** @param {string} electronDir */
function readVersion(electronDir) {
  return JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
}

/** @param {string} file */
function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * One paragraph, wrapped for an 80-100 column terminal.
 * @param {string[]} sentences
 */
function paragraph(...sentences) {
  const words = sentences.join(' ').split(/\s+/);
  const lines = [''];
  for (const word of words) {
    const last = lines.length - 1;
    if (lines[last] && `${lines[last]} ${word}`.length > 96) lines.push(word);
    else lines[last] = lines[last] ? `${lines[last]} ${word}` : word;
  }
  return lines.join('\n');
}

module.exports = { electronPackageDir, executableInRelease, findElectronBinary, noElectronMessage };
