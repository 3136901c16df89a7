import type { SettingsRepository } from '../../db/settings-repository';
import {
  AppLockSchema,
  type AppLockSettings,
  DEFAULT_APP_LOCK,
  type FailedTries,
  FailedTriesSchema,
  LOCK_SETTINGS_KEYS,
  NO_FAILED_TRIES,
  nextTryAt,
  type PasscodeHash,
} from './lock-settings';
import { hashPasscode, verifyPasscode } from './passcode';

export type TryOutcome =
  | { kind: 'right' }
  | { kind: 'wrong'; tries: FailedTries }
  /** Too many wrong tries: no try is allowed before `until` (epoch ms). */
  | { kind: 'wait'; until: number };

export function readLockSettings(settings: SettingsRepository): Promise<AppLockSettings> {
  return settings.get(LOCK_SETTINGS_KEYS.lock, AppLockSchema, DEFAULT_APP_LOCK);
}

export function readFailedTries(settings: SettingsRepository): Promise<FailedTries> {
  return settings.get(LOCK_SETTINGS_KEYS.failedTries, FailedTriesSchema, NO_FAILED_TRIES);
}

/**
 * One try of the passcode, on the lock screen or in Settings. The try is counted before the
 * check and cleared only when it was right, so reloading the page in the middle of a check
 * does not give a free try; during a wait, no check is made at all.
 */
export async function tryPasscode(
  settings: SettingsRepository,
  stored: PasscodeHash,
  attempt: string,
  now: () => Date = () => new Date(),
): Promise<TryOutcome> {
  const before = await readFailedTries(settings);
  const until = nextTryAt(before);
  if (until > now().getTime()) return { kind: 'wait', until };
  const counted: FailedTries = { count: before.count + 1, lastAt: now().toISOString() };
  await settings.put(LOCK_SETTINGS_KEYS.failedTries, FailedTriesSchema, counted);
  if (await verifyPasscode(attempt, stored)) {
    await settings.put(LOCK_SETTINGS_KEYS.failedTries, FailedTriesSchema, NO_FAILED_TRIES);
    return { kind: 'right' };
  }
  return { kind: 'wrong', tries: counted };
}

export async function setPasscode(settings: SettingsRepository, passcode: string): Promise<void> {
  const current = await readLockSettings(settings);
  const hash = await hashPasscode(passcode);
  await settings.put(LOCK_SETTINGS_KEYS.lock, AppLockSchema, { ...current, passcode: hash });
  await settings.put(LOCK_SETTINGS_KEYS.failedTries, FailedTriesSchema, NO_FAILED_TRIES);
}

export async function removePasscode(settings: SettingsRepository): Promise<void> {
  const current = await readLockSettings(settings);
  await settings.put(LOCK_SETTINGS_KEYS.lock, AppLockSchema, { ...current, passcode: null });
  await settings.put(LOCK_SETTINGS_KEYS.failedTries, FailedTriesSchema, NO_FAILED_TRIES);
}

export async function setIdleMinutes(
  settings: SettingsRepository,
  idleMinutes: AppLockSettings['idleMinutes'],
): Promise<void> {
  const current = await readLockSettings(settings);
  await settings.put(LOCK_SETTINGS_KEYS.lock, AppLockSchema, { ...current, idleMinutes });
}

/** "0:07", "4:16": what is left of a wait, for the countdown. */
export function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
