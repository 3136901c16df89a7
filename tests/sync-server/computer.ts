import type { Database } from 'pouchdb-browser';
import { AttachmentsRepository } from '../../src-renderer/db/attachments-repository';
import { FileSync } from '../../src-renderer/features/sync/file-sync';
import { SyncEngine } from '../../src-renderer/features/sync/sync-engine';
import type { SyncView } from '../../src-renderer/features/sync/sync-status';
import { translatorFor } from '../../src-shared/i18n';
import { deriveFileKeys, type FileKeys } from '../../src-shared/sync/file-crypto';
import { practiceKeyFromText } from '../../src-shared/sync/practice-key';
import { practiceKeysFromText } from '../../src-shared/sync/sync-crypto';
import type { SyncSecrets } from '../../src-shared/sync/sync-settings';
import { openRepositories, steppingClock } from '../unit/db/helpers';
import { localReplica, remoteDatabase, replicateOnce } from './client';
import type { SyncServer } from './server';

type SteppingClock = ReturnType<typeof steppingClock>;

/** The moment the sync tests' engines take as "now" (records are written a few days before). */
export const SYNC_NOW = new Date('2025-03-10T12:00:00.000Z');

export interface ComputerOptions {
  /** The clock its repositories write with (a stepping clock from 4 March 2025 without). */
  clock?: SteppingClock;
  /** Its PouchDB replica (a fresh in-memory one without): a computer started again keeps its own. */
  local?: Database;
}

function emptyView(): SyncView {
  return { state: { kind: 'starting' }, problems: [], deleted: [], conflicts: [] };
}

/**
 * One computer of a practice in the unit tests, as the app wires it (practice-sync.ts): its own
 * database on fake-indexeddb, its PouchDB replica, the records' engine and the files' pass on the
 * practice key, reporting into a view the test reads. `takeKey` puts both on another key (a
 * rotation, pairing again) over the same database and replica.
 */
export class SyncComputer {
  readonly repos: ReturnType<typeof openRepositories>;
  readonly attachments: AttachmentsRepository;
  readonly local: Database;
  readonly remote: Database;
  readonly clock: SteppingClock;
  /** Messages the engine stopped with because the practice key was replaced elsewhere. */
  readonly lockedOut: string[] = [];
  engine!: SyncEngine;
  files!: FileSync;
  /**
   * What its file pass takes as now (a removed document's grace period is measured with it):
   * SYNC_NOW until a test moves it on with `daysLater`.
   */
  filesNow: Date = SYNC_NOW;
  fileKeys!: FileKeys;
  private current: SyncView = emptyView();

  constructor(
    private readonly server: SyncServer,
    readonly name: string,
    options: ComputerOptions = {},
  ) {
    this.clock = options.clock ?? steppingClock(new Date('2025-03-04T11:30:00.000Z'));
    this.repos = openRepositories({ clock: this.clock });
    this.attachments = new AttachmentsRepository(this.repos.db, this.repos.clock);
    this.local = options.local ?? localReplica();
    this.remote = remoteDatabase(server.databaseUrl, server.user, server.password);
  }

  /** Moves its file pass's clock `days` on (a fraction of a day too). */
  daysLater(days: number): void {
    this.filesNow = new Date(this.filesNow.getTime() + days * 24 * 60 * 60 * 1000);
  }

  view(): SyncView {
    return this.current;
  }

  readonly report = (change: (view: SyncView) => SyncView): void => {
    this.current = change(this.current);
  };

  /** The secrets main would hold for this computer on `practiceKey`. */
  secretsFor(practiceKey: string): NonNullable<SyncSecrets> {
    return {
      databaseUrl: this.server.databaseUrl,
      user: this.server.user,
      password: this.server.password,
      practiceKey,
      computerName: this.name,
    };
  }

  /** A new engine and file pass on `secrets` (not opened), as the app makes at each start. */
  async takeKey(secrets: NonNullable<SyncSecrets> | string): Promise<void> {
    const given = typeof secrets === 'string' ? this.secretsFor(secrets) : secrets;
    const key = practiceKeyFromText(given.practiceKey);
    const recordKeys = await practiceKeysFromText(given.practiceKey);
    if (!key || !recordKeys) throw new Error('not a practice key');
    this.engine = new SyncEngine({
      local: this.local,
      remote: this.remote,
      records: this.repos.syncRecords,
      restoreWriter: this.repos.restoreWriter,
      secrets: given,
      now: () => SYNC_NOW,
      report: this.report,
      onLockedOut: (message) => this.lockedOut.push(message),
    });
    this.fileKeys = await deriveFileKeys(key);
    this.files = new FileSync({
      local: this.local,
      files: this.repos.syncFiles,
      keys: this.fileKeys,
      recordKeys,
      // PouchDB's Node adapters take a Buffer where the app gives a Blob.
      attachmentData: (bytes) => Buffer.from(bytes),
      report: this.report,
      t: translatorFor('en'),
      now: () => this.filesNow,
    });
  }

  /** Opens the engine and checks the server's marker: null, or why the server is refused. */
  async open(): Promise<string | null> {
    await this.engine.open();
    return this.engine.checkServer();
  }

  /** The records only: what arrives before a file's chunks. */
  async syncRecords(): Promise<void> {
    await this.engine.requestPush();
    await replicateOnce(this.local, this.remote);
    await this.engine.requestPull();
  }

  /** What the app does continuously: records, then files, replicated both ways. */
  async syncOnce() {
    await this.engine.requestPush();
    await this.files.request();
    await replicateOnce(this.local, this.remote);
    await this.engine.requestPull();
    return this.files.request();
  }
}

/** A computer on `practiceKey` (its engine and file pass made, not opened). */
export async function syncComputer(
  server: SyncServer,
  practiceKey: string,
  name: string,
  options: ComputerOptions = {},
): Promise<SyncComputer> {
  const c = new SyncComputer(server, name, options);
  await c.takeKey(practiceKey);
  return c;
}

/** A computer on `practiceKey`, opened, the server's marker accepted (the test fails otherwise). */
export async function startedComputer(
  server: SyncServer,
  practiceKey: string,
  name: string,
  options: ComputerOptions = {},
): Promise<SyncComputer> {
  const c = await syncComputer(server, practiceKey, name, options);
  const refused = await c.open();
  if (refused !== null) throw new Error(`${name}: the server was refused: ${refused}`);
  return c;
}
