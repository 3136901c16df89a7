#!/usr/bin/env node
// @ts-check
/**
 * `node resources/dev/electron-vite.mjs <electron-vite arguments>`: makes sure the Electron binary
 * is there (the electron package downloads it the first time), then runs electron-vite with
 * ELECTRON_EXEC_PATH pointing at it. Used by `npm start`, `npm run dev` and `npm run dist`.
 * Without a binary and without internet it prints one plain paragraph and exits with status 1,
 * before building anything.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findElectronBinary } from './electron-binary.cjs';

const electron = findElectronBinary();
if (!electron.ok) {
  console.error(`\n${electron.message}\n`);
  process.exit(1);
}

const require = createRequire(import.meta.url);
const electronVite = path.join(
  path.dirname(require.resolve('electron-vite/package.json')),
  'bin/electron-vite.js',
);
const child = spawn(process.execPath, [electronVite, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: electron.path },
});

// Ctrl+C reaches the whole process group; a signal sent to this process alone is passed on.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => child.kill(signal));
}
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
