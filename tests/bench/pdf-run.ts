import { benchAftercarePdf } from './pdf-bench';

/**
 * Runs the aftercare PDF timing (pdf-bench.ts) in its own Node process and prints its result as
 * JSON on stdout: the bench runner calls `node --import tsx tests/bench/pdf-run.ts [iterations]`.
 */
async function main() {
  const iterations = process.argv[2] ? Number(process.argv[2]) : undefined;
  const result = await benchAftercarePdf(iterations ? { iterations } : {});
  process.stdout.write(`${JSON.stringify({ ...result, iterations: iterations ?? 30 })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
