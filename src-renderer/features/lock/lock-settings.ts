import { z } from 'zod';
import { TimestampSchema } from '../../../src-shared/domain/dates';

/** Settings-table keys of the app lock (one row each, see SettingsRepository). */
export const LOCK_SETTINGS_KEYS = {
  lock: 'app-lock',
  failedTries: 'app-lock-failed-tries',
} as const;

/** The lowest PBKDF2 work factor a stored passcode may have; new ones use PASSCODE_ITERATIONS. */
export const MIN_PASSCODE_ITERATIONS = 200_000;
export const PASSCODE_ITERATIONS = 600_000;
export const PASSCODE_MIN_LENGTH = 4;
export const PASSCODE_MAX_LENGTH = 200;

const Base64Schema = z
  .string()
  .min(16)
  .max(200)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/);

/** A salted PBKDF2-SHA-256 hash of the passcode. The passcode itself is never stored. */
export const PasscodeHashSchema = z.object({
  algorithm: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(MIN_PASSCODE_ITERATIONS).max(10_000_000),
  salt: Base64Schema,
  hash: Base64Schema,
});
export type PasscodeHash = z.infer<typeof PasscodeHashSchema>;

export const IDLE_CHOICES = [1, 5, 15, 30] as const;

export const AppLockSchema = z.object({
  /** null: no passcode, the app never locks. */
  passcode: PasscodeHashSchema.nullable(),
  /** Minutes without mouse or keyboard before the app locks; null = never. */
  idleMinutes: z.literal(IDLE_CHOICES).nullable(),
});
export type AppLockSettings = z.infer<typeof AppLockSchema>;

export const DEFAULT_APP_LOCK: AppLockSettings = { passcode: null, idleMinutes: 5 };

/** Wrong passcodes in a row, kept in the database so a reload does not reset the wait. */
export const FailedTriesSchema = z.object({
  count: z.number().int().min(0),
  lastAt: TimestampSchema.nullable(),
});
export type FailedTries = z.infer<typeof FailedTriesSchema>;

export const NO_FAILED_TRIES: FailedTries = { count: 0, lastAt: null };

/** Tries allowed before waits begin. */
export const FREE_TRIES = 3;
/** The longest wait between tries. */
export const MAX_WAIT_SECONDS = 5 * 60;

/**
 * Seconds to wait after `count` wrong passcodes in a row: none for the first two, then 2 s after
 * the third, doubling with each further wrong try (4 s, 8 s ...) up to five minutes.
 */
export function waitAfterFailures(count: number): number {
  if (count < FREE_TRIES) return 0;
  return Math.min(MAX_WAIT_SECONDS, 2 ** (count - FREE_TRIES + 1));
}

/** When the next try is allowed (epoch ms), or 0 when it is allowed now. */
export function nextTryAt(tries: FailedTries): number {
  const wait = waitAfterFailures(tries.count);
  if (wait === 0 || tries.lastAt === null) return 0;
  return Date.parse(tries.lastAt) + wait * 1000;
}
