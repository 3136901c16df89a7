import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests run in Node: src-shared, src-main (with electron mocked per test file),
// pdf rendering, and renderer repositories on fake-indexeddb.
export default defineConfig({
  root: resolve(dirname(fileURLToPath(import.meta.url)), '../..'),
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    // FC_SEED=<n> fixes the seed of every fast-check property (see fast-check-seed.ts).
    setupFiles: ['tests/unit/fast-check-seed.ts'],
    pool: 'forks',
  },
});
