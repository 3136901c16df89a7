/**
 * Times reading and planning a 100,000-row client CSV (issue 13 finding 4: the plan took 22 s
 * in one synchronous call). Run: npx tsx tests/bench/import-plan-bench.ts [rows]
 * Prints the time to read the file into a table and to plan every row, in Node (V8, as the
 * renderer), median of 3 runs.
 */
import { guessMapping } from '../../src-shared/exports/import-mapping';
import { planImport } from '../../src-shared/exports/import-plan';
import { readImportTable } from '../../src-shared/exports/import-table';

const rows = Number(process.argv[2] ?? 100_000);
const lines = ['First Name,Surname,DOB,E-mail,Mobile,Consent,Consent date,Tags,Notes'];
for (let i = 0; i < rows; i += 1) {
  const bad = i % 50 === 0;
  lines.push(
    [
      `Zoë${i}`,
      `Ødegård-${i % 997}`,
      `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1940 + (i % 80)}`,
      bad ? `client${i}.example.com` : `client${i}@example.com`,
      `+47 912 ${String(i).padStart(6, '0')}`,
      i % 3 === 0 ? 'yes' : 'no',
      i % 3 === 0 ? '06/01/2025' : '',
      '"headaches; TMJ"',
      `"Prefers mornings, ""quiet"" room ${i}"`,
    ].join(','),
  );
}
const bytes = new TextEncoder().encode(lines.join('\r\n'));

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

const readTimes: number[] = [];
const planTimes: number[] = [];
let summary = '';
for (let run = 0; run < 3; run += 1) {
  let start = performance.now();
  const table = readImportTable(bytes);
  readTimes.push(performance.now() - start);
  start = performance.now();
  const plan = planImport(
    table,
    guessMapping(table.headers),
    { dateFormat: 'dmy', today: '2026-03-20' },
    new Set(),
  );
  planTimes.push(performance.now() - start);
  summary = `ready ${plan.ready}, with problems ${plan.invalid}, duplicates ${plan.duplicates}`;
}
console.log(
  `${rows.toLocaleString('en')} rows, ${(bytes.length / 1e6).toFixed(1)} MB: read ${median(readTimes).toFixed(0)} ms, plan ${median(planTimes).toFixed(0)} ms (median of 3; ${summary})`,
);
