import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The bench page: a second small build that the bench serves under the app's origin at
 * /bench/ (so it shares the app's IndexedDB). It generates the synthetic practice inside the
 * browser and runs the raw Dexie baselines, with the app's own database and backup code.
 *
 *   npx vite build --config tests/bench/vite.config.mts   -> out/bench/
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, 'page');

export default defineConfig({
  root,
  base: '/bench/',
  logLevel: 'warn',
  build: {
    outDir: resolve(here, '../../out/bench'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // Readable names in CPU profiles (BENCH_PROFILE), like the app's own renderer build.
    minify: false,
    rollupOptions: { input: resolve(root, 'index.html') },
  },
});
