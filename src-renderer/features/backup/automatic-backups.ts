import type { BackupStatus } from '../../../src-shared/domain/backup-settings';
import { translate } from '../../app/i18n';
import { type ChangedParts, onCommittedWrites } from '../../db/change-feed';

/**
 * Automatic backups, run by the renderer (it holds the records and does the encryption):
 * - daily: when the schedule says so and a passphrase is stored, a backup is made when the last
 *   good one (automatic or not) is 24 hours old or more; checked at start and every hour;
 * - "when the app quits": when the window is hidden or the page is being unloaded and the data
 *   changed since the last backup, one is started.
 *
 * Quitting: the renderer cannot hold the app open, so main holds the quit (src-main/quit-handshake.ts):
 * it sends "before quit", useAutomaticBackups runs the quit check here, answers app:quit-ready, and
 * main closes (or gives up after two minutes). `pagehide` and hiding the window run the same check.
 */

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
export const REMINDER_AFTER_MS = 7 * DAY_MS;

export const INSECURE_KEY_WARNING =
  'This computer has no secure key store: the stored passphrase is only obscured. Anyone with access to your account could read your backups.';
export const UNAVAILABLE_KEY_WARNING =
  'This computer offers no safe place to keep the passphrase, so automatic backups cannot run unattended. Use "Back up now".';

function timeOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}

/** Automatic backups can run at all: a folder and a stored passphrase. */
export function canRunUnattended(status: BackupStatus): boolean {
  return status.folder !== null && status.hasKey && status.keyStorage !== 'unavailable';
}

/** The daily backup is due: on, possible, and the last good backup is 24 hours old (or none). */
export function dailyBackupDue(status: BackupStatus, now: Date): boolean {
  if (!status.daily || !canRunUnattended(status)) return false;
  const last = timeOf(status.lastSuccessAt);
  return last === null || now.getTime() - last >= DAY_MS;
}

/** The quit backup is due: on, possible, and a change was saved after the last good backup. */
export function quitBackupDue(status: BackupStatus, lastChangeAt: number | null): boolean {
  if (!status.onQuit || !canRunUnattended(status) || lastChangeAt === null) return false;
  const last = timeOf(status.lastSuccessAt);
  return last === null || lastChangeAt > last;
}

/**
 * The reminder shows when there has been no backup for 7 days: since the last good one, or,
 * with none ever, since the oldest record (so a new practice is not nagged on its first day).
 */
export function backupReminderDue(
  lastSuccessAt: string | null,
  oldestRecordAt: string | null,
  now: Date,
): boolean {
  const since = timeOf(lastSuccessAt) ?? timeOf(oldestRecordAt);
  return since !== null && now.getTime() - since >= REMINDER_AFTER_MS;
}

// ---------------------------------------------------------------------------------------------
// Changes since the last backup

export interface ChangeTracker {
  /** When a change to the database was last seen (ms since the epoch), or null. */
  lastChangeAt(): number | null;
  stop(): void;
}

const LAST_CHANGE_KEY = 'stillpoint.backup.lastChangeAt';

/**
 * Notices every committed write to database `dbName` (db/change-feed.ts: Dexie's storagemutated event, which also
 * carries writes from other windows) and remembers the time in localStorage, so a change made
 * just before a crash still counts at the next start.
 */
export function trackDatabaseChanges(
  dbName: string,
  options: { storage?: Pick<Storage, 'getItem' | 'setItem'> | null; now?: () => number } = {},
): ChangeTracker {
  const storage = options.storage ?? null;
  const now = options.now ?? Date.now;
  const stored = Number(storage?.getItem(LAST_CHANGE_KEY) ?? '');
  let last: number | null = Number.isFinite(stored) && stored > 0 ? stored : null;
  const prefix = `idb://${dbName}/`;
  const listener = (parts: ChangedParts) => {
    if (!Object.keys(parts).some((part) => part.startsWith(prefix))) return;
    last = now();
    try {
      storage?.setItem(LAST_CHANGE_KEY, String(last));
    } catch {
      // storage full or unavailable: the in-memory time still serves this session
    }
  };
  const stop = onCommittedWrites(listener);
  return { lastChangeAt: () => last, stop };
}

// ---------------------------------------------------------------------------------------------
// The scheduler

export type AutoBackupReason = 'start' | 'hourly' | 'hidden';

export type AutoBackupOutcome =
  | { kind: 'skipped'; why: 'not-due' | 'busy' | 'no-status' | 'empty' }
  | { kind: 'done'; reason: AutoBackupReason; at: Date }
  | { kind: 'failed'; reason: AutoBackupReason; at: Date; message: string };

export interface SchedulerClock {
  now(): Date;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemSchedulerClock: SchedulerClock = {
  now: () => new Date(),
  setInterval: (run, ms) => globalThis.setInterval(run, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
};

/** Where "the window was hidden / the page is going away" comes from (window and document). */
export interface PageEvents {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
  isHidden(): boolean;
}

export interface AutoBackupDeps {
  status(): Promise<BackupStatus | null>;
  readPassphrase(): Promise<string | null>;
  /** Makes one automatic backup with this passphrase; throws with a message for the therapist. */
  backUp(passphrase: string): Promise<void>;
  changes: ChangeTracker;
  /**
   * True when the database holds no records. An empty database is never backed up
   * automatically: after a wiped profile, empty backups would push the good ones out of the
   * folder (oldest automatic backups are deleted).
   */
  isEmpty?: () => Promise<boolean>;
  clock?: SchedulerClock;
  page?: PageEvents;
  onOutcome?: (outcome: AutoBackupOutcome) => void;
}

export class AutomaticBackupScheduler {
  private readonly clock: SchedulerClock;
  private timer: unknown = null;
  private running: Promise<AutoBackupOutcome> | null = null;
  private readonly onVisibilityChange = () => {
    if (this.deps.page?.isHidden()) void this.check('hidden');
  };
  private readonly onPageHide = () => void this.check('hidden');

  constructor(private readonly deps: AutoBackupDeps) {
    this.clock = deps.clock ?? systemSchedulerClock;
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = this.clock.setInterval(() => void this.check('hourly'), HOUR_MS);
    this.deps.page?.addEventListener('visibilitychange', this.onVisibilityChange);
    this.deps.page?.addEventListener('pagehide', this.onPageHide);
    void this.check('start');
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearInterval(this.timer);
    this.timer = null;
    this.deps.page?.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.deps.page?.removeEventListener('pagehide', this.onPageHide);
  }

  /** Runs a backup when one is due for this reason; one at a time. */
  check(reason: AutoBackupReason): Promise<AutoBackupOutcome> {
    if (this.running) return Promise.resolve({ kind: 'skipped', why: 'busy' });
    const run = this.run(reason).finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  private async run(reason: AutoBackupReason): Promise<AutoBackupOutcome> {
    let status: BackupStatus | null;
    try {
      status = await this.deps.status();
    } catch {
      status = null;
    }
    if (!status) return this.report({ kind: 'skipped', why: 'no-status' });
    const now = this.clock.now();
    const due =
      dailyBackupDue(status, now) ||
      (reason === 'hidden' && quitBackupDue(status, this.deps.changes.lastChangeAt()));
    if (!due) return this.report({ kind: 'skipped', why: 'not-due' });
    try {
      if (await this.deps.isEmpty?.()) return this.report({ kind: 'skipped', why: 'empty' });
      const passphrase = await this.deps.readPassphrase();
      if (!passphrase) throw new Error(translate('backup.automatic.noPassphrase'));
      await this.deps.backUp(passphrase);
      return this.report({ kind: 'done', reason, at: this.clock.now() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return this.report({ kind: 'failed', reason, at: this.clock.now(), message });
    }
  }

  private report(outcome: AutoBackupOutcome): AutoBackupOutcome {
    this.deps.onOutcome?.(outcome);
    return outcome;
  }
}
