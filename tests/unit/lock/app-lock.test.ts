import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { StillpointDatabase } from '../../../src-renderer/db/database';
import { SettingsRepository } from '../../../src-renderer/db/settings-repository';
import {
  formatWait,
  readFailedTries,
  readLockSettings,
  removePasscode,
  setIdleMinutes,
  setPasscode,
  tryPasscode,
} from '../../../src-renderer/features/lock/lock-service';
import {
  AppLockSchema,
  MIN_PASSCODE_ITERATIONS,
  NO_FAILED_TRIES,
  nextTryAt,
  PASSCODE_ITERATIONS,
  PasscodeHashSchema,
  waitAfterFailures,
} from '../../../src-renderer/features/lock/lock-settings';
import { hashPasscode, verifyPasscode } from '../../../src-renderer/features/lock/passcode';

let counter = 0;
function freshSettings() {
  const name = `stillpoint-lock-${process.pid}-${++counter}`;
  const db = new StillpointDatabase(name);
  return { name, db, settings: new SettingsRepository(db) };
}

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2026-11-26T09:00:00Z')) {
  let at = start;
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

describe('the passcode hash', () => {
  it('is salted PBKDF2-SHA-256 with at least 200,000 iterations; the passcode is not in it', async () => {
    expect(PASSCODE_ITERATIONS).toBeGreaterThanOrEqual(200_000);
    const a = await hashPasscode('1234', { iterations: MIN_PASSCODE_ITERATIONS });
    const b = await hashPasscode('1234', { iterations: MIN_PASSCODE_ITERATIONS });
    expect(a.algorithm).toBe('PBKDF2-SHA-256');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('1234');
    expect(await verifyPasscode('1234', a)).toBe(true);
    expect(await verifyPasscode('1235', a)).toBe(false);
    expect(await verifyPasscode('', a)).toBe(false);
  });

  it('new passcodes get the full work factor', async () => {
    const hash = await hashPasscode('correct horse');
    expect(hash.iterations).toBe(PASSCODE_ITERATIONS);
  });

  it('treats the same letters typed differently (é composed or not) as the same passcode', async () => {
    const hash = await hashPasscode('caf\u00e9', { iterations: MIN_PASSCODE_ITERATIONS });
    expect(await verifyPasscode('cafe\u0301', hash)).toBe(true);
  });

  it('refuses a stored hash that is weaker than the minimum or malformed', async () => {
    const good = await hashPasscode('1234', { iterations: MIN_PASSCODE_ITERATIONS });
    expect(PasscodeHashSchema.safeParse({ ...good, iterations: 1_000 }).success).toBe(false);
    expect(PasscodeHashSchema.safeParse({ ...good, salt: 'not base64!' }).success).toBe(false);
    expect(AppLockSchema.safeParse({ passcode: good, idleMinutes: 7 }).success).toBe(false);
    expect(AppLockSchema.safeParse({ passcode: null, idleMinutes: null }).success).toBe(true);
  });
});

describe('waits after wrong passcodes', () => {
  it('lets three tries go free, then doubles from 2 s up to five minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 50].map(waitAfterFailures)).toEqual([
      0, 0, 0, 2, 4, 8, 16, 256, 300, 300, 300,
    ]);
    expect(nextTryAt(NO_FAILED_TRIES)).toBe(0);
    expect(nextTryAt({ count: 4, lastAt: '2026-11-26T09:00:00.000Z' })).toBe(
      Date.parse('2026-11-26T09:00:04.000Z'),
    );
    expect(formatWait(4_000)).toBe('0:04');
    expect(formatWait(299_001)).toBe('5:00');
  });

  it('counts every wrong try in the database, refuses tries during a wait, and a right one clears it', async () => {
    const { name, db, settings } = freshSettings();
    const clock = manualClock();
    const stored = await hashPasscode('right one', { iterations: MIN_PASSCODE_ITERATIONS });

    for (const count of [1, 2, 3]) {
      expect(await tryPasscode(settings, stored, 'nope', clock.now)).toMatchObject({
        kind: 'wrong',
        tries: { count },
      });
    }
    // Even the right passcode is not checked during the wait.
    const waiting = await tryPasscode(settings, stored, 'right one', clock.now);
    expect(waiting).toEqual({ kind: 'wait', until: clock.now().getTime() + 2_000 });
    expect((await readFailedTries(settings)).count).toBe(3);

    clock.advance(2_000);
    expect(await tryPasscode(settings, stored, 'nope', clock.now)).toMatchObject({ tries: { count: 4 } });
    clock.advance(3_999);
    expect((await tryPasscode(settings, stored, 'right one', clock.now)).kind).toBe('wait');

    // A reload opens the same database anew: the count is still there.
    db.close();
    const reloaded = new SettingsRepository(new StillpointDatabase(name));
    expect((await readFailedTries(reloaded)).count).toBe(4);

    clock.advance(1);
    expect(await tryPasscode(reloaded, stored, 'right one', clock.now)).toEqual({ kind: 'right' });
    expect(await readFailedTries(reloaded)).toEqual(NO_FAILED_TRIES);
  });

  it('counts a try before checking it, so leaving mid-check gives no free try', async () => {
    const { settings } = freshSettings();
    const stored = await hashPasscode('right one', { iterations: MIN_PASSCODE_ITERATIONS });
    const check = tryPasscode(settings, stored, 'nope');
    // PBKDF2 is still running: the try is already on record.
    await expect.poll(async () => (await readFailedTries(settings)).count).toBe(1);
    await check;
  });
});

describe('lock settings', () => {
  it('set, change the idle time, remove; each write clears the failed tries', async () => {
    const { settings } = freshSettings();
    expect(await readLockSettings(settings)).toEqual({ passcode: null, idleMinutes: 5 });
    await setPasscode(settings, 'first code');
    const on = await readLockSettings(settings);
    expect(on.passcode?.iterations).toBe(PASSCODE_ITERATIONS);
    expect(await verifyPasscode('first code', on.passcode!)).toBe(true);

    await setIdleMinutes(settings, null);
    expect((await readLockSettings(settings)).idleMinutes).toBeNull();
    expect((await readLockSettings(settings)).passcode).toEqual(on.passcode);

    await tryPasscode(settings, on.passcode!, 'wrong');
    await removePasscode(settings);
    expect(await readLockSettings(settings)).toEqual({ passcode: null, idleMinutes: null });
    expect(await readFailedTries(settings)).toEqual(NO_FAILED_TRIES);
  });

  it('a damaged lock record reads as "no passcode" rather than breaking the start', async () => {
    const { db, settings } = freshSettings();
    await db.settings.put({
      key: 'app-lock',
      value: { passcode: { hash: 'x' } },
      updatedAt: '2026-01-01T00:00:00Z',
    });
    expect((await readLockSettings(settings)).passcode).toBeNull();
  });
});
