import fs from 'node:fs';
import path from 'node:path';
import { RECORD_VALIDATORS } from '../../src-renderer/db/backup-tables';
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '../../src-renderer/db/database';
import { writeBackup } from '../../src-shared/backup';
import { generatePracticeAll, PRACTICE_TABLES, practiceInfo } from '../../src-shared/demo';
import { localToday } from '../../src-shared/domain/dates';

/**
 * `npm run demo-data [-- <file>] [--clients N] [--seed N] [--today YYYY-MM-DD]`
 *
 * Writes a demo practice (300 synthetic clients, about 6,000 session notes, dated up to today)
 * as an encrypted `.stillpoint` backup. Open Stillpoint, go to Backup, "Restore from backup",
 * pick the file and enter the passphrase printed below (also in the README). Every record is
 * checked with the same schemas a restore uses before the file is written.
 */
export const DEMO_PASSPHRASE = 'demo-practice';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main() {
  const args = process.argv.slice(2);
  const named = new Set(['--clients', '--seed', '--today']);
  const positional = args.filter((arg, i) => !arg.startsWith('--') && !named.has(args[i - 1] ?? ''));
  const target = path.resolve(positional[0] ?? 'demo-practice.stillpoint');
  const clients = Number(option(args, '--clients') ?? 300);
  const seed = Number(option(args, '--seed') ?? 2026);
  const today = option(args, '--today') ?? localToday();
  const options = { seed, clients, today };

  const started = performance.now();
  const practice = generatePracticeAll(options);
  const info = practiceInfo(options);
  const appVersion = (
    JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }
  ).version;
  const counts = Object.fromEntries(TABLE_NAMES.map((table) => [table, 0]));
  for (const table of PRACTICE_TABLES) counts[table] = practice[table].length;

  const written = await writeBackup({
    passphrase: DEMO_PASSPHRASE,
    appVersion,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    tables: PRACTICE_TABLES.map((table) => ({ table, records: practice[table] as unknown[] })),
    counts,
    dateRange: { table: 'sessions', field: 'serviceDate' },
    validators: RECORD_VALIDATORS,
  });

  // Written next to the target, then renamed: a half-written demo file never has the real name.
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  const handle = fs.openSync(temporary, 'w');
  try {
    for (const chunk of written.chunks) fs.writeSync(handle, chunk);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.renameSync(temporary, target);

  const records = Object.values(written.header.counts).reduce((sum, n) => sum + n, 0);
  console.log(
    [
      `Demo practice written to ${target}`,
      `  ${counts.clients} clients, ${counts.sessions} session notes, ${records} records in all; sessions up to ${today}`,
      `  ${(written.byteLength / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      `  A client with ${info.busyClientIndexes.length > 0 ? 'a long history (200 sessions)' : 'no long history'} is included.`,
      '',
      `Passphrase: ${DEMO_PASSPHRASE}`,
      'In Stillpoint: Backup > Restore from backup, choose this file, enter the passphrase.',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
