import { expect, test } from '@playwright/test';
import v1 from '../unit/db/fixtures/v1.json';
import { checkRecords, findMissing, runDurability, summaryLine } from './durability-run';

const v1Client = v1.tables.clients[0];

const CYCLES = Number(process.env.DURABILITY_CYCLES ?? 15);
const SEED = process.env.DURABILITY_SEED ? Number(process.env.DURABILITY_SEED) : undefined;

test(`every acknowledged save survives ${CYCLES} SIGKILLs of the browser, with no torn record`, async () => {
  const testInfo = test.info();
  const summary = await runDurability({
    cycles: CYCLES,
    seed: SEED,
    baseDir: testInfo.outputPath('durability'),
    log: (line) => console.log(line),
  });
  console.log(summaryLine(summary));
  expect(summary.kills).toBe(CYCLES);
  expect(summary.invalidRecords).toEqual([]);
  expect(summary.missing).toEqual([]);
  expect(summary.savesFound).toBe(summary.savesAcknowledged);
  expect(summary.savesAcknowledged).toBeGreaterThan(CYCLES);
});

test('the durability checks would notice a lost save or a torn transaction', () => {
  const id = '0b8f2c1e-0000-4000-8000-000000000001';
  const client = v1Client as Record<string, unknown>;
  const tables = {
    clients: [{ ...client, id, firstName: 'Durable 1', lastName: 'Save 0' }],
    healthHistories: [],
    sessions: [],
    afterEffects: [],
    auditLog: [],
  };
  expect(checkRecords(tables).invalid).toContain(`client ${id} has no health history`);
  expect(findMissing([{ kind: 'client', name: 'Durable 1 Save 1' }], tables)).toEqual([
    'client "Durable 1 Save 1"',
  ]);
  expect(
    findMissing([{ kind: 'history', name: 'Durable 1 Save 0', medication: 'Remedy 1.0' }], {
      ...tables,
      healthHistories: [{ clientId: id, medications: [] }],
    }),
  ).toEqual(['health history of "Durable 1 Save 0" (medication Remedy 1.0)']);
  expect(checkRecords({ ...tables, clients: [{ id, firstName: 'Torn' }] }).invalid.length).toBeGreaterThan(0);
});
