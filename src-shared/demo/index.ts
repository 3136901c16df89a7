/**
 * Synthetic practice generator (issue 7): seeded, deterministic clients, health histories,
 * session notes, after-effects and audit entries for tests, benchmarks and demo data.
 */
export {
  type ClientRecords,
  DEMO_TODAY,
  generatePracticeAll,
  generatePracticeBatches,
  generatePracticeClient,
  PRACTICE_TABLES,
  type PracticeBatch,
  type PracticeInfo,
  type PracticeOptions,
  practiceInfo,
} from './practice';
export { hashSeed, Random, Weighted, weighted } from './random';
