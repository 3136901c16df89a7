import fc from 'fast-check';

/**
 * Runs before every unit test file. `FC_SEED=<n> npm run test:unit` gives every property test
 * that seed, so a run can be repeated exactly; without it fast-check picks a new seed each run.
 * Either way a failing property prints the seed and path that reproduce it.
 */
const raw = process.env.FC_SEED;
if (raw !== undefined && raw !== '') {
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be a whole number, not "${raw}".`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
