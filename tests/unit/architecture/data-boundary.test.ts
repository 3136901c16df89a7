import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * "Only src-renderer/db touches the database" is a lint rule (biome.json: noRestrictedImports in
 * the src-renderer override, lifted again for src-renderer/db and app/repositories.ts), so
 * `npm run lint` fails when a feature or a component imports dexie or db/database. This test
 * runs Biome with the project's own biome.json over fixture files placed where such code would
 * live, and checks that the rule refuses the ones that break it and lets the others through.
 */

const root = path.resolve(__dirname, '../../..');
const biome = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'biome.cmd' : 'biome');
const RULE = 'lint/style/noRestrictedImports';

/** Fixture files by the path they would have in the project, and whether the rule must refuse them. */
const FIXTURES: ReadonlyArray<{ path: string; source: string; refused: boolean }> = [
  {
    path: 'src-renderer/features/backup/reads-a-table.ts',
    source: "import Dexie from 'dexie';\nexport const tables = (db: Dexie) => db.tables.length;\n",
    refused: true,
  },
  {
    path: 'src-renderer/features/exports/opens-the-database.ts',
    source:
      "import { database } from '../../db/database';\nexport const count = () => database().clients.count();\n",
    refused: true,
  },
  {
    path: 'src-renderer/features/recovery/Counts.tsx',
    source:
      "import type { StillpointDatabase } from '../../db/database.ts';\nexport function Counts(_: { db: StillpointDatabase }) {\n  return null;\n}\n",
    refused: true,
  },
  {
    path: 'src-renderer/app/Shell.tsx',
    source: "import { liveQuery } from 'dexie';\nexport const watch = liveQuery;\n",
    refused: true,
  },
  {
    path: 'src-renderer/db/widgets-repository.ts',
    source:
      "import Dexie from 'dexie';\nimport { database } from './database';\nexport const both = [Dexie, database];\n",
    refused: false,
  },
  {
    path: 'src-renderer/app/repositories.ts',
    source: "import { database } from '../db/database';\nexport const repositories = () => database();\n",
    refused: false,
  },
  {
    path: 'src-renderer/features/clients/ClientCount.tsx',
    source:
      "import { useLiveQuery } from 'dexie-react-hooks';\nimport { repositories } from '../../app/repositories';\nexport function ClientCount() {\n  return useLiveQuery(() => repositories().clients.listAll(), [])?.length ?? null;\n}\n",
    refused: false,
  },
];

let project: string;
let report: string;

beforeAll(() => {
  // A copy of the project's own lint configuration (not a rule written for the test), in a
  // folder of its own so the fixtures never sit in src-renderer.
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'stillpoint-boundary-'));
  const config = JSON.parse(fs.readFileSync(path.join(root, 'biome.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  delete config.$schema;
  config.vcs = { enabled: false };
  fs.writeFileSync(path.join(project, 'biome.json'), JSON.stringify(config));
  for (const fixture of FIXTURES) {
    const file = path.join(project, fixture.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, fixture.source);
  }
  const run = spawnSync(biome, ['lint', '--max-diagnostics=none', '--colors=off', '.'], {
    cwd: project,
    encoding: 'utf8',
  });
  report = `${run.stdout}\n${run.stderr}`;
});

afterAll(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

/** The lines of Biome's report that name the rule for `file`. */
function refusals(file: string): string[] {
  return report.split('\n').filter((line) => line.startsWith(`${file}:`) && line.includes(RULE));
}

describe('only src-renderer/db touches the database (lint)', () => {
  it('Biome ran over the fixtures', () => {
    expect(report).toMatch(/Checked \d+ files?/);
  });

  for (const fixture of FIXTURES.filter((f) => f.refused)) {
    it(`refuses ${fixture.path}`, () => {
      expect(refusals(fixture.path), report).not.toEqual([]);
      expect(report).toContain('Only src-renderer/db touches the database');
    });
  }

  for (const fixture of FIXTURES.filter((f) => !f.refused)) {
    it(`lets ${fixture.path} through`, () => {
      expect(refusals(fixture.path), report).toEqual([]);
    });
  }
});
