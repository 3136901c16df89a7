import 'fake-indexeddb/auto';
import Dexie, { type ObservabilitySet } from 'dexie';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../src-renderer/app/i18n';
import {
  type AutoBackupOutcome,
  AutomaticBackupScheduler,
  backupReminderDue,
  DAY_MS,
  dailyBackupDue,
  HOUR_MS,
  quitBackupDue,
  type SchedulerClock,
  trackDatabaseChanges,
} from '../../../src-renderer/features/backup/automatic-backups';
import {
  loadStrengthEstimator,
  MIN_PASSPHRASE_LENGTH,
  passphraseProblem,
  passphraseStrength,
} from '../../../src-renderer/features/backup/passphrase';
import type { BackupStatus } from '../../../src-shared/domain/backup-settings';
import { addClient, openRepositories } from './helpers';

const NOW = new Date('2026-11-26T09:30:00.000Z');

function status(overrides: Partial<BackupStatus> = {}): BackupStatus {
  return {
    folder: '/backups',
    daily: true,
    onQuit: true,
    keep: 14,
    hasKey: true,
    keyStorage: 'secure',
    lastSuccessAt: new Date(NOW.getTime() - 2 * HOUR_MS).toISOString(),
    lastSuccessFile: 'Stillpoint backup.stillpoint',
    ...overrides,
  };
}

/** A clock the test moves by hand; intervals fire when it passes them. */
function manualClock(start: Date) {
  let now = start.getTime();
  const timers: { run: () => void; every: number; next: number; id: number }[] = [];
  let ids = 0;
  const clock: SchedulerClock & { advance(ms: number): void; timers: typeof timers } = {
    timers,
    now: () => new Date(now),
    setInterval: (run, every) => {
      const timer = { run, every, next: now + every, id: ++ids };
      timers.push(timer);
      return timer.id;
    },
    clearInterval: (id) => {
      const index = timers.findIndex((timer) => timer.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
    advance: (ms) => {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        due.next += due.every;
        due.run();
      }
      now = end;
    },
  };
  return clock;
}

function fakePage() {
  const listeners = new Map<string, Set<() => void>>();
  let hidden = false;
  return {
    addEventListener: (type: string, listener: () => void) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    removeEventListener: (type: string, listener: () => void) => listeners.get(type)?.delete(listener),
    isHidden: () => hidden,
    fire(type: string, hide = hidden) {
      hidden = hide;
      for (const listener of listeners.get(type) ?? []) listener();
    },
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

function harness(initial: BackupStatus, options: { lastChangeAt?: number | null } = {}) {
  let current = initial;
  const clock = manualClock(NOW);
  const page = fakePage();
  const backups: string[] = [];
  const outcomes: AutoBackupOutcome[] = [];
  let lastChangeAt = options.lastChangeAt ?? null;
  let fail: string | null = null;
  const scheduler = new AutomaticBackupScheduler({
    status: async () => current,
    readPassphrase: async () => 'stored passphrase',
    backUp: async (passphrase) => {
      if (fail) throw new Error(fail);
      backups.push(passphrase);
      current = { ...current, lastSuccessAt: clock.now().toISOString() };
    },
    changes: { lastChangeAt: () => lastChangeAt, stop: () => {} },
    clock,
    page,
    onOutcome: (outcome) => outcomes.push(outcome),
  });
  return {
    scheduler,
    clock,
    page,
    backups,
    outcomes,
    setStatus: (next: BackupStatus) => {
      current = next;
    },
    changedAt: (at: number) => {
      lastChangeAt = at;
    },
    failWith: (message: string | null) => {
      fail = message;
    },
  };
}

describe('when an automatic backup is due', () => {
  it('daily: 24 hours after the last good backup, with a folder and a stored passphrase', () => {
    expect(dailyBackupDue(status(), NOW)).toBe(false);
    const yesterday = new Date(NOW.getTime() - DAY_MS).toISOString();
    expect(dailyBackupDue(status({ lastSuccessAt: yesterday }), NOW)).toBe(true);
    expect(dailyBackupDue(status({ lastSuccessAt: null }), NOW)).toBe(true);
    expect(dailyBackupDue(status({ lastSuccessAt: null, daily: false }), NOW)).toBe(false);
    expect(dailyBackupDue(status({ lastSuccessAt: null, hasKey: false }), NOW)).toBe(false);
    expect(dailyBackupDue(status({ lastSuccessAt: null, folder: null }), NOW)).toBe(false);
    expect(dailyBackupDue(status({ lastSuccessAt: null, keyStorage: 'unavailable' }), NOW)).toBe(false);
    // An insecure store still runs (with the warning on the Backup screen).
    expect(dailyBackupDue(status({ lastSuccessAt: null, keyStorage: 'insecure' }), NOW)).toBe(true);
  });

  it('at quit: only when something changed after the last good backup', () => {
    const last = Date.parse(status().lastSuccessAt!);
    expect(quitBackupDue(status(), null)).toBe(false);
    expect(quitBackupDue(status(), last - 1)).toBe(false);
    expect(quitBackupDue(status(), last + 1)).toBe(true);
    expect(quitBackupDue(status({ onQuit: false }), last + 1)).toBe(false);
    expect(quitBackupDue(status({ lastSuccessAt: null }), last)).toBe(true);
  });

  it('the reminder: 7 days without a backup, counted from the oldest record when there never was one', () => {
    const days = (n: number) => new Date(NOW.getTime() - n * DAY_MS).toISOString();
    expect(backupReminderDue(days(6.9), days(100), NOW)).toBe(false);
    expect(backupReminderDue(days(7), days(100), NOW)).toBe(true);
    expect(backupReminderDue(null, days(2), NOW)).toBe(false); // a new practice is not nagged
    expect(backupReminderDue(null, days(8), NOW)).toBe(true);
    expect(backupReminderDue(null, null, NOW)).toBe(false); // nothing to back up
  });
});

describe('the scheduler', () => {
  it('checks at start and every hour, and backs up once the last backup is a day old', async () => {
    const h = harness(status({ lastSuccessAt: new Date(NOW.getTime() - 22 * HOUR_MS).toISOString() }));
    h.scheduler.start();
    await settle();
    expect(h.outcomes).toEqual([{ kind: 'skipped', why: 'not-due' }]);
    h.clock.advance(HOUR_MS);
    await settle();
    expect(h.backups).toHaveLength(0);
    h.clock.advance(HOUR_MS); // now 24 hours after the last backup
    await settle();
    expect(h.backups).toEqual(['stored passphrase']);
    expect(h.outcomes.at(-1)).toMatchObject({ kind: 'done', reason: 'hourly' });
    h.clock.advance(5 * HOUR_MS);
    await settle();
    expect(h.backups).toHaveLength(1); // the next one is a day later
    h.clock.advance(19 * HOUR_MS);
    await settle();
    expect(h.backups).toHaveLength(2);
    h.scheduler.stop();
    expect(h.clock.timers).toHaveLength(0);
    expect(h.page.count()).toBe(0);
  });

  it('backs up at start when none was made for a day', async () => {
    const h = harness(status({ lastSuccessAt: null }));
    h.scheduler.start();
    await settle();
    expect(h.outcomes).toEqual([expect.objectContaining({ kind: 'done', reason: 'start' })]);
    h.scheduler.stop();
  });

  it('backs up when the window is hidden or the page goes away, only after a change', async () => {
    const h = harness(status());
    h.scheduler.start();
    await settle();
    h.page.fire('visibilitychange', true);
    await settle();
    expect(h.backups).toHaveLength(0); // nothing changed since the last backup

    h.changedAt(NOW.getTime() + 1000);
    h.page.fire('visibilitychange', false); // shown again: no check
    await settle();
    expect(h.backups).toHaveLength(0);
    h.page.fire('visibilitychange', true);
    await settle();
    expect(h.outcomes.at(-1)).toMatchObject({ kind: 'done', reason: 'hidden' });

    h.clock.advance(60_000);
    h.changedAt(h.clock.now().getTime());
    h.clock.advance(60_000);
    h.page.fire('pagehide');
    await settle();
    expect(h.backups).toHaveLength(2);

    h.setStatus(status({ onQuit: false, lastSuccessAt: new Date(NOW.getTime()).toISOString() }));
    h.changedAt(h.clock.now().getTime());
    h.clock.advance(60_000);
    h.page.fire('pagehide');
    await settle();
    expect(h.backups).toHaveLength(2);
    h.scheduler.stop();
  });

  it('runs one backup at a time and reports a failure in words', async () => {
    const h = harness(status({ lastSuccessAt: null }));
    h.failWith('Choose a backup folder first.');
    const first = h.scheduler.check('hourly');
    const second = h.scheduler.check('hourly');
    expect(await second).toEqual({ kind: 'skipped', why: 'busy' });
    expect(await first).toMatchObject({ kind: 'failed', message: 'Choose a backup folder first.' });
    h.failWith(null);
    expect(await h.scheduler.check('hourly')).toMatchObject({ kind: 'done' });
  });

  it('never backs up an empty database (it would push good backups out of the folder)', async () => {
    const backups: string[] = [];
    const scheduler = new AutomaticBackupScheduler({
      status: async () => status({ lastSuccessAt: null }),
      readPassphrase: async () => 'stored passphrase',
      backUp: async (passphrase) => void backups.push(passphrase),
      changes: { lastChangeAt: () => null, stop: () => {} },
      isEmpty: async () => true,
    });
    expect(await scheduler.check('start')).toEqual({ kind: 'skipped', why: 'empty' });
    expect(backups).toEqual([]);
  });

  it('does nothing when main cannot say what the schedule is', async () => {
    const scheduler = new AutomaticBackupScheduler({
      status: async () => {
        throw new Error('no bridge');
      },
      readPassphrase: async () => 'x',
      backUp: async () => {
        throw new Error('must not run');
      },
      changes: { lastChangeAt: () => Date.now(), stop: () => {} },
    });
    expect(await scheduler.check('hidden')).toEqual({ kind: 'skipped', why: 'no-status' });
  });
});

describe('changes since the last backup', () => {
  it('notices every committed write to this database (and not to others) and remembers the time', async () => {
    const repos = openRepositories();
    const other = openRepositories();
    const stored = new Map<string, string>();
    const storage = {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
    };
    // Dexie announces each committed write to its listeners in turn; one added after the
    // tracker's hears of a write only once the tracker has.
    const announced: string[] = [];
    const listen = (parts: ObservabilitySet) => void announced.push(...Object.keys(parts));
    let clock = 1_000;
    const tracker = trackDatabaseChanges(repos.name, { storage, now: () => clock });
    Dexie.on('storagemutated', listen);
    expect(tracker.lastChangeAt()).toBeNull();
    await addClient(other.clients);
    await expect.poll(() => announced.some((part) => part.startsWith(`idb://${other.name}/`))).toBe(true);
    expect(tracker.lastChangeAt()).toBeNull();

    clock = 2_000;
    await addClient(repos.clients);
    await expect.poll(() => tracker.lastChangeAt()).toBe(2_000);
    Dexie.on.storagemutated.unsubscribe(listen);
    tracker.stop();

    // The next start (a reload) still knows.
    const again = trackDatabaseChanges(repos.name, { storage });
    expect(again.lastChangeAt()).toBe(2_000);
    again.stop();
  });
});

describe('the passphrase', () => {
  /** The app's problem message for a passphrase typed the same twice (or not). */
  async function problemOf(passphrase: string, repeated = passphrase) {
    const estimator = await loadStrengthEstimator();
    return passphraseProblem(passphrase, repeated, passphraseStrength(passphrase, estimator));
  }

  it('needs 10 characters, typed the same twice', async () => {
    expect(await problemOf('short')).toContain(`${MIN_PASSPHRASE_LENGTH} characters`);
    expect(await problemOf('cedar river lantern quietly', 'cedar river lantern quietlx')).toBe(
      'The two passphrases are not the same.',
    );
    expect(await problemOf('cedar river lantern quietly')).toBeNull();
  });

  it('refuses the easiest to guess (zxcvbn score 0-1) with the reason, however long (issue 13)', async () => {
    for (const weak of ['password1234', 'aaaaaaaaaaaa', '1234567890', 'qwertyuiop', 'stillpoint2025']) {
      const problem = await problemOf(weak);
      expect(problem, weak).toMatch(/^This passphrase is too easy to guess/);
      expect(problem, weak).toContain('Four or more unrelated words are strong and easy to remember.');
    }
    expect(await problemOf('1234567890')).toContain('This is a frequently used password.');
    expect(await problemOf('Sunflower7!')).toBeNull(); // fair: allowed, with advice
  });

  it("says zxcvbn's warnings and suggestions in the app's language (issue 19)", async () => {
    const estimator = await loadStrengthEstimator();
    await i18n.changeLanguage('de');
    try {
      expect(await problemOf('1234567890')).toContain('Dieses Passwort wird häufig verwendet.');
      expect(estimator.estimate('Sunflower7!').suggestions).toContain(
        'Fügen Sie weitere, weniger gebräuchliche Wörter hinzu.',
      );
      expect(passphraseStrength('aaaaaaaaaaaa', estimator).advice).toMatch(/^Wiederholte Zeichen wie „aaa“/);
    } finally {
      await i18n.changeLanguage('en');
    }
    expect(await problemOf('1234567890')).toContain('This is a frequently used password.');
  });

  it('shows the strength: checking until the estimator is loaded, then weak, fair or strong', async () => {
    const estimator = await loadStrengthEstimator();
    expect(passphraseStrength('abc', estimator).strength).toBe('too-short');
    expect(passphraseStrength('cedar river lantern quietly', null)).toMatchObject({
      strength: 'checking',
      label: 'Checking strength…',
    });
    expect(passphraseStrength('aaaaaaaaaaaa', estimator)).toMatchObject({ strength: 'weak', score: 0 });
    expect(passphraseStrength('Sunflower7!', estimator)).toMatchObject({
      strength: 'fair',
      label: 'Strength: fair',
      score: 2,
    });
    expect(passphraseStrength('cedar river lantern quietly', estimator)).toMatchObject({
      strength: 'strong',
      score: 4,
    });
  });
});
