import type { ChangeRow, Database, PouchDoc, PouchError } from 'pouchdb-browser';
import { type MessageKey, type Translate, translatorFor } from '../../../src-shared/i18n';
import { clientReferenceOf, futureMoment, versionKeepingTheId } from '../../../src-shared/merge/merge-rules';
import { isFileChunkId } from '../../../src-shared/sync/file-crypto';
import {
  canonicalJson,
  checkPracticeMarker,
  contentHash,
  contentHashOfText,
  createPracticeMarker,
  decryptDoc,
  documentId,
  encryptBody,
  PRACTICE_MARKER_ID,
  type PracticeKeys,
  practiceKeysFromText,
  type SyncBody,
} from '../../../src-shared/sync/sync-crypto';
import type { SyncSecrets } from '../../../src-shared/sync/sync-settings';
import { RECORD_VALIDATORS, TABLE_SPECS } from '../../db/backup-tables';
import type { RestoreWriter } from '../../db/restore-writer';
import type { SyncRecords } from '../../db/sync-records';
import { TABLE_NAMES, type TableName } from '../../db/table-names';
import { ExistingCopies, mergeBatch } from '../backup/restore/merge-batch';
import { markerProblem } from './key-rotation';
import { type SyncConflict, SyncConflictLog } from './sync-conflicts';
import type { DeletedElsewhere, SyncProblem, SyncView } from './sync-status';

/**
 * Practice sync between this computer's tables and an encrypted PouchDB replica, which PouchDB
 * replicates with the practice's CouchDB (revisions, checkpoints, resume after a dropped
 * connection: CouchDB's protocol, not ours).
 *
 * - Out: every record is read as a backup record, hashed with the practice key, and written to
 *   the replica encrypted when its hash differs from the replica's (so an unchanged record is
 *   never sent again). A client deleted here leaves tombstones for their records. That full pass
 *   runs at start; after a write, only the keys written are read (`requestPush` with a scope),
 *   and after a pull only the records it kept or merged (not those it wrote as they arrived),
 *   unless a key is gone (a deletion) or a client deletion is among them, when the full pass
 *   runs instead.
 * - In: every document the replica receives is decrypted, checked with the backup's schema and
 *   for far-future dates, and merged by the same module as a restore with Merge
 *   (`mergeBatch`, `src-shared/merge/merge-rules.ts`); what fails is reported and left out,
 *   and the rest goes on.
 *
 * Settings stay per computer and are not synced.
 */
export const SYNCED_TABLES: readonly TableName[] = TABLE_NAMES.filter((name) => name !== 'settings');
/** How long a client deleted elsewhere is listed (and a removed document's chunks kept, file-sync.ts). */
export const DELETED_LIST_DAYS = 30;
/**
 * Rows per bulkPut when a pull writes what it applied, still in one transaction. Dexie reports
 * the keys of a bulkPut of fewer than 50 rows, and a larger one as the whole table (its
 * observability middleware, dexie.mjs); live sync then could not tell which records the pull
 * wrote and ran a full pass of the practice after every pull batch (quadratic for a computer
 * joining a practice: the sync bench's join at 300 clients spent a third of its time there).
 */
const KEYED_WRITE = 49;
/** Replica documents read and decrypted at once when the engine opens. */
const OPEN_PAGE = 1_000;
/** Records read and checked at once by a push of written keys. */
const PUSH_SLICE = 2_000;
const APPLIED_DOC = '_local/stillpoint-applied';

interface IndexEntry {
  table: string;
  key: string;
  clientId?: string;
  h: string;
  rev: string;
  deleted?: { at: string; computer: string; label: string };
  label?: string;
}

/** A record CouchDB holds in several versions, and whether any of them is a signed note. */
interface Contested {
  table: TableName;
  key: string;
  versions: PouchDoc[];
  signed: boolean;
}

export interface SyncEngineDeps {
  local: Database;
  remote: Database;
  records: SyncRecords;
  restoreWriter: RestoreWriter;
  secrets: NonNullable<SyncSecrets>;
  now: () => Date;
  report: (change: (view: SyncView) => SyncView) => void;
  /** The words of problems and refusals (the app's language); English when not given. */
  t?: Translate;
  /**
   * The marker arrived changed while sync ran and no longer names this computer's key (the
   * practice key was rotated elsewhere): the engine has stopped; the caller stops replicating.
   */
  onLockedOut?: (message: string) => void;
}

export class PracticeKeyError extends Error {}

/** The keys of the records to send, per table (as `writtenKeys` reports a committed write). */
export type PushScope = ReadonlyMap<string, ReadonlySet<string>>;

export class SyncEngine {
  private keys: PracticeKeys | undefined;
  private readonly index = new Map<string, IndexEntry>();
  /** The index's client entries by client id (looked up for every incoming record). */
  private readonly clients = new Map<string, IndexEntry>();
  /** Document ids by `table\u0000key`, so a push check does not derive the id again. */
  private readonly docIds = new Map<string, string>();
  /**
   * A fast fingerprint of the version the replica holds, by `table\u0000key`, for the records
   * this computer just applied or sent: a push check that finds the same fingerprint skips the
   * keyed hash. Without an entry (or with another fingerprint) the keyed hash decides, as before.
   */
  private readonly fingerprints = new Map<string, string>();
  private lastSeq: number | string = 0;
  private queue: Promise<void> = Promise.resolve();
  private pushWanted = false;
  /** The next push reads every table (at start, and whenever a narrower one cannot be trusted). */
  private pushAll = true;
  /** The keys the next push sends when it is not a full pass. */
  private pushKeys = new Map<TableName, Set<string>>();
  private pullWanted = false;
  private readonly conflictLog: SyncConflictLog;
  private readonly t: Translate;
  /** Set when the marker stopped naming this computer's key: nothing more is applied or sent. */
  private lockedOut = false;

  constructor(private readonly deps: SyncEngineDeps) {
    this.conflictLog = new SyncConflictLog(deps.local);
    this.t = deps.t ?? translatorFor('en');
  }

  /**
   * Opens the practice key and the replica, and checks that the server's database is this
   * practice's (its marker). Throws PracticeKeyError, in words for the therapist, otherwise.
   */
  async open(): Promise<void> {
    const keys = await practiceKeysFromText(this.deps.secrets.practiceKey);
    if (!keys) throw new PracticeKeyError(this.t('sync.error.keyDamaged'));
    this.keys = keys;
    const applied = await this.deps.local.get(APPLIED_DOC).catch(() => null);
    if (applied && (typeof applied.seq === 'number' || typeof applied.seq === 'string'))
      this.lastSeq = applied.seq;
    // One pass over the replica, a page at a time: its changes from the start list each
    // document once, at its latest sequence, with its current version. Documents the replica
    // received after the last applied pass (a sequence after it) were never applied here (the
    // app closed before its pull, or they came while this computer's key was replaced): left out
    // of the index, or the next pull would take them for this computer's own writes.
    const appliedSeq = this.lastSeq;
    let since: number | string = 0;
    for (;;) {
      const page: { results: ChangeRow[]; last_seq: number | string } = await this.deps.local.changes({
        since,
        include_docs: true,
        limit: OPEN_PAGE,
      });
      if (page.results.length === 0) break;
      since = page.last_seq;
      const docs: PouchDoc[] = [];
      for (const row of page.results) {
        // File chunks (file-sync.ts) are not records.
        if (!row.doc || row.deleted || row.doc._deleted) continue;
        if (row.id === PRACTICE_MARKER_ID || isFileChunkId(row.id) || !seqAtOrBefore(row.seq, appliedSeq))
          continue;
        docs.push(row.doc);
      }
      // Decrypted a page at once: WebCrypto works on them in parallel.
      const opened = await Promise.all(docs.map((doc) => decryptDoc(keys, doc)));
      for (const [i, result] of opened.entries()) if (result.ok) this.remember(docs[i]!, result.body);
    }
    const conflicts = await this.conflictLog.list();
    this.deps.report((view) => ({ ...view, conflicts }));
  }

  /**
   * The server's marker, checked (or written on an empty database: the practice's first sync).
   * Answers null when the database is this practice's, or a message saying why not.
   */
  async checkServer(): Promise<string | null> {
    const keys = this.requireKeys();
    let marker: PouchDoc | null = null;
    try {
      marker = await this.deps.remote.get(PRACTICE_MARKER_ID);
    } catch (error) {
      if ((error as PouchError).status !== 404) throw error;
    }
    if (marker === null) {
      const info = await this.deps.remote.info();
      if (info.doc_count > 0) {
        return this.t('sync.error.notPractice');
      }
      await this.deps.remote.put({ ...(await createPracticeMarker(keys)) });
      return null;
    }
    // Another practice, or this practice with a key rotated since (key-rotation.ts).
    return markerProblem(await checkPracticeMarker(keys, marker), this.t);
  }

  /**
   * Asks for a pass that sends this computer's changes: of the records in `scope` only (the
   * keys a write touched), or of every record without one. Passes run one at a time.
   */
  requestPush(scope?: PushScope): Promise<void> {
    if (scope) this.addToPush(scope);
    else this.pushAll = true;
    this.pushWanted = true;
    return this.enqueue();
  }

  private addToPush(scope: PushScope): void {
    for (const [table, keys] of scope) {
      if (!SYNCED_TABLES.includes(table as TableName)) continue;
      const set = this.pushKeys.get(table as TableName) ?? new Set<string>();
      for (const key of keys) set.add(key);
      this.pushKeys.set(table as TableName, set);
    }
  }

  /** Asks for a pass that applies what the replica received. */
  requestPull(): Promise<void> {
    this.pullWanted = true;
    return this.enqueue();
  }

  /** Runs `work` between passes (never during one), so it sees no half-merged batch. */
  private between<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private enqueue(): Promise<void> {
    this.queue = this.queue.then(async () => {
      if (this.lockedOut) return;
      if (this.pullWanted) {
        this.pullWanted = false;
        // A record that met a newer one here (kept) must go back out: the next push checks the
        // records the pull met (those where the incoming version won are not resent).
        const met = await this.pull();
        if (met.size > 0) {
          this.addToPush(met);
          this.pushWanted = true;
        }
      }
      if (this.pushWanted) {
        this.pushWanted = false;
        const all = this.pushAll;
        const scope = this.pushKeys;
        this.pushAll = false;
        this.pushKeys = new Map();
        if (this.lockedOut) return;
        if (all || !(await this.pushSome(scope))) await this.push();
      }
    });
    return this.queue;
  }

  private requireKeys(): PracticeKeys {
    if (!this.keys) throw new Error('open() first');
    return this.keys;
  }

  private remember(doc: PouchDoc, body: SyncBody): void {
    const clientId =
      body.table === 'clients'
        ? body.key
        : body.record
          ? clientReferenceOf(body.table, body.record)
          : undefined;
    const previous = this.index.get(doc._id);
    const entry: IndexEntry = {
      table: body.table,
      key: body.key,
      ...(clientId ? { clientId } : {}),
      h: String(doc.h),
      rev: String(doc._rev ?? ''),
      ...(body.deleted ? { deleted: body.deleted } : {}),
      label:
        body.table === 'clients' && body.record
          ? clientLabel(body.record)
          : (previous?.label ?? body.deleted?.label),
    };
    this.index.set(doc._id, entry);
    if (body.table === 'clients') this.clients.set(body.key, entry);
    const tableKey = `${body.table}\u0000${body.key}`;
    this.docIds.set(tableKey, doc._id);
    // The replica's version changed: what was known to be in it no longer says anything.
    this.fingerprints.delete(tableKey);
  }

  /**
   * The document to send for `body`, or null when the replica already holds this version (its
   * fingerprint, else its keyed hash, is the one remembered).
   */
  private async encryptIfChanged(body: SyncBody): Promise<Outgoing | null> {
    const keys = this.requireKeys();
    const tableKey = `${body.table}\u0000${body.key}`;
    // The canonical text is written once and serves the fingerprint, the keyed hash and the
    // ciphertext (it was written four times per record sent).
    const text = canonicalJson(body);
    const print = fingerprint(text);
    if (this.fingerprints.get(tableKey) === print) return null;
    const id = this.docIds.get(tableKey) ?? (await documentId(keys, body.table, body.key));
    const known = this.index.get(id);
    const h = await contentHashOfText(keys, text);
    if (known && known.h === h) {
      this.fingerprints.set(tableKey, print);
      return null;
    }
    const doc = await encryptBody(keys, body, { id, text, h });
    return { doc: { ...doc, ...(known?.rev ? { _rev: known.rev } : {}) }, body, print };
  }

  /**
   * `encryptIfChanged` for many records at once (WebCrypto works on them in parallel; awaiting
   * each in turn left the tab idle between them), answering what is to be sent, in order.
   */
  private async encryptChanged(bodies: readonly SyncBody[]): Promise<Outgoing[]> {
    const outgoing = await Promise.all(bodies.map((body) => this.encryptIfChanged(body)));
    return outgoing.filter((out): out is Outgoing => out !== null);
  }

  // -------------------------------------------------------------------------------------------
  // Out

  /**
   * Sends the records of `scope` that changed. Answers false, having sent nothing, when a full
   * pass is needed instead: a key is no longer in its table (a deletion: tombstones are decided
   * by the full pass), or a client deletion's audit entry is among the records.
   */
  private async pushSome(scope: ReadonlyMap<TableName, ReadonlySet<string>>): Promise<boolean> {
    // Read and checked a slice at a time, so a scope of many keys (a burst of writes) holds one
    // slice of records in memory; nothing is sent until every slice is known to need no full pass.
    const outgoing: Outgoing[] = [];
    for (const table of SYNCED_TABLES) {
      const wanted = scope.get(table);
      if (!wanted || wanted.size === 0) continue;
      const all = [...wanted];
      for (let start = 0; start < all.length; start += PUSH_SLICE) {
        const list = all.slice(start, start + PUSH_SLICE);
        const records = await this.deps.records.recordsByKey(table, list);
        const bodies: SyncBody[] = [];
        for (const [i, record] of records.entries()) {
          if (!record) return false;
          if (
            table === 'auditLog' &&
            (record.action === 'client-deleted' || record.action === 'document-removed')
          )
            return false;
          bodies.push({ table, key: list[i]!, record });
        }
        outgoing.push(...(await this.encryptChanged(bodies)));
      }
    }
    await this.send(outgoing);
    return true;
  }

  private async push(): Promise<void> {
    const keys = this.requireKeys();
    const present = new Map<string, Set<string>>();
    const deletedClients = new Set<string>();
    // Documents removed on their own, by their audit entries (durable, unlike the write itself).
    const removedDocuments = new Set<string>();
    const outgoing: Outgoing[] = [];
    for (const table of SYNCED_TABLES) {
      const keysHere = new Set<string>();
      present.set(table, keysHere);
      const spec = TABLE_SPECS[table];
      for await (const page of this.deps.records.records(table)) {
        const bodies: SyncBody[] = [];
        for (const record of page) {
          const key = String(record[spec.key]);
          keysHere.add(key);
          if (
            table === 'auditLog' &&
            record.action === 'client-deleted' &&
            typeof record.clientId === 'string'
          ) {
            deletedClients.add(record.clientId);
          }
          if (
            table === 'auditLog' &&
            record.action === 'document-removed' &&
            typeof record.documentId === 'string'
          ) {
            removedDocuments.add(record.documentId);
          }
          bodies.push({ table, key, record });
        }
        // Sent a page at a time: a practice's whole ciphertext is never held at once.
        await this.send(await this.encryptChanged(bodies));
      }
    }
    // Tombstones: the records of a client deleted here, once they are gone from the tables.
    const at = this.deps.now().toISOString();
    for (const [id, entry] of this.index) {
      if (entry.deleted || !entry.clientId || !deletedClients.has(entry.clientId)) continue;
      if (present.get(entry.table as TableName)?.has(entry.key)) continue;
      const label = this.clientEntry(entry.clientId)?.label ?? 'A client';
      const body: SyncBody = {
        table: entry.table,
        key: entry.key,
        deleted: { at, computer: this.deps.secrets.computerName, label },
      };
      const doc = await encryptBody(keys, body);
      outgoing.push({ doc: { ...doc, _id: id, _rev: entry.rev }, body });
    }
    // A document removed on its own (not with its client) travels as a removal the other
    // computers check against the merge rules (a signed note's documents stay).
    for (const key of removedDocuments) {
      const id = await documentId(keys, 'attachments', key);
      const entry = this.index.get(id);
      if (!entry || entry.deleted || present.get('attachments')?.has(key)) continue;
      if (entry.clientId && (deletedClients.has(entry.clientId) || this.isDeletedClient(entry.clientId)))
        continue;
      const body: SyncBody = {
        table: 'attachments',
        key,
        deleted: { at, computer: this.deps.secrets.computerName, label: 'A document', removed: 'document' },
      };
      outgoing.push({ doc: { ...(await encryptBody(keys, body)), _id: id, _rev: entry.rev }, body });
    }
    await this.send(outgoing);
  }

  private async send(outgoing: Outgoing[]): Promise<void> {
    if (outgoing.length === 0) return;
    const results = await this.deps.local.bulkDocs(outgoing.map((out) => out.doc));
    for (let i = 0; i < results.length; i++) {
      const result = results[i]!;
      if (!result.ok || !result.rev) {
        // A newer revision arrived meanwhile: the next pass decides, and reads every table.
        this.pushAll = true;
        continue;
      }
      const { doc, body, print } = outgoing[i]!;
      // The body was encrypted here: remembered as it is, not decrypted again.
      this.remember({ ...doc, _rev: result.rev }, body);
      if (print) this.fingerprints.set(`${body.table}\u0000${body.key}`, print);
    }
  }

  // -------------------------------------------------------------------------------------------
  // In

  /**
   * The revision CouchDB shows (its winner) and every conflicting one. When two computers changed
   * the same record while apart, CouchDB picks a winner by its revision ids, which says nothing
   * about which edit is newer; every version goes through the merge rules instead, so each
   * computer ends with the same record whichever revision CouchDB showed it.
   */
  private async withConflictingRevisions(winner: PouchDoc): Promise<PouchDoc[]> {
    const docs = [winner];
    for (const rev of winner._conflicts ?? []) {
      try {
        docs.push(await this.deps.local.get(winner._id, { rev }));
      } catch {
        // A revision compacted away meanwhile: the winner and the others still decide.
      }
    }
    return docs;
  }

  /** This computer's own write of `doc`, and nothing else wrote the record meanwhile. */
  private isOwnWrite(doc: PouchDoc, winner: PouchDoc): boolean {
    const known = this.index.get(doc._id);
    return (
      known !== undefined &&
      known.h === doc.h &&
      known.rev === doc._rev &&
      doc === winner &&
      !winner._conflicts?.length
    );
  }

  /**
   * Applies what the replica received since the last pass; answers, per table, the records it
   * met that may differ from the replica's version (kept as they were here, merged, a signed
   * note's copy), for the push after it.
   */
  private async pull(): Promise<Map<TableName, Set<string>>> {
    const keys = this.requireKeys();
    const met = new Map<TableName, Set<string>>();
    const meet = (table: TableName, key: unknown) => {
      const set = met.get(table) ?? new Set<string>();
      set.add(String(key));
      met.set(table, set);
    };
    for (;;) {
      const batch = await this.deps.local.changes({
        since: this.lastSeq,
        include_docs: true,
        conflicts: true,
        limit: 500,
      });
      if (batch.results.length === 0) return met;
      // The practice key was rotated on another computer: the marker arrives before any record
      // under the new key (it is written first), so stop before applying anything of this batch.
      if (await this.markerReplaced(keys, batch.results)) return met;
      // Round 0 holds what CouchDB shows; round n the n-th conflicting revision of a record. Each
      // round is merged after the one before, so the rules (newer wins, signed notes kept as
      // both) decide between the versions, not CouchDB's choice of a winner.
      const rounds: Map<
        TableName,
        {
          doc: PouchDoc;
          body: SyncBody;
          record: Record<string, unknown>;
          shown: boolean;
          /** The shown version's fingerprint (as the replica holds it). */
          print: string;
        }[]
      >[] = [];
      const problems: SyncProblem[] = [];
      const tombstones: { doc: PouchDoc; body: SyncBody; shown: boolean }[] = [];
      // Records CouchDB holds in more than one version (changed on two computers while apart).
      const contested = new Map<string, Contested>();
      // Every version of the batch's documents is fetched and decrypted at once (WebCrypto and
      // IndexedDB work in parallel): awaiting each record in turn left the tab idle between them,
      // which a joining computer paid for every record of the practice. The rules below still
      // meet the records one by one, in the batch's order.
      const prepared = await Promise.all(
        batch.results.map(async (change) => {
          const winner = change.doc;
          if (
            !winner ||
            winner._id === PRACTICE_MARKER_ID ||
            winner._id.startsWith('_design/') ||
            isFileChunkId(winner._id) ||
            winner._deleted
          )
            return null;
          const versions = await this.withConflictingRevisions(winner);
          const bodies = await Promise.all(
            versions.map((doc) => (this.isOwnWrite(doc, winner) ? null : decryptDoc(keys, doc))),
          );
          return { winner, versions, bodies };
        }),
      );
      for (const change of prepared) {
        if (!change) continue;
        const { winner, versions, bodies } = change;
        for (const [round, doc] of versions.entries()) {
          const opened = bodies[round];
          // Our own write, and nothing else wrote this record meanwhile.
          if (!opened) continue;
          if (!opened.ok) {
            problems.push({ id: doc._id, message: this.t(decryptProblemKey(opened.problem)) });
            continue;
          }
          const body = opened.body;
          if (body.deleted) {
            tombstones.push({ doc, body, shown: doc === winner });
            // A deletion is final: the versions it replaced must not bring the record back.
            if (doc === winner) break;
            continue;
          }
          const table = body.table as TableName;
          if (!SYNCED_TABLES.includes(table) || !body.record) {
            problems.push({
              id: doc._id,
              message: this.t('sync.problem.unknownKind'),
            });
            continue;
          }
          const check = RECORD_VALIDATORS[table]!(body.record);
          if (!check.ok) {
            problems.push({
              id: doc._id,
              message: this.t('sync.problem.failedCheck', {
                issues: check.issues
                  .slice(0, 3)
                  .map((i) => `${i.path}: ${i.message}`)
                  .join('; '),
              }),
            });
            continue;
          }
          const record = check.value as Record<string, unknown>;
          const future = futureMoment(table, record, this.deps.now());
          if (future) {
            problems.push({
              id: doc._id,
              message: this.t('sync.problem.future', { value: future.value }),
            });
            continue;
          }
          const clientId = clientReferenceOf(table, record);
          if (clientId && this.isDeletedClient(clientId)) {
            problems.push({
              id: doc._id,
              message: this.t('sync.problem.deletedClient'),
            });
            continue;
          }
          if (versions.length > 1) {
            // A record held in several versions goes back out whatever the rules chose.
            meet(table, record[TABLE_SPECS[table].key]);
            const entry = contested.get(doc._id) ?? { table, key: body.key, versions: [], signed: false };
            entry.versions.push(doc);
            if (typeof record.signedAt === 'string') entry.signed = true;
            contested.set(doc._id, entry);
          }
          rounds[round] ??= new Map();
          const list = rounds[round].get(table) ?? [];
          const shown = doc === winner;
          list.push({ doc, body, record, shown, print: shown ? fingerprint(canonicalJson(body)) : '' });
          rounds[round].set(table, list);
        }
      }
      const copies = new ExistingCopies();
      const conflicts: SyncConflict[] = [];
      const foundAt = this.deps.now().toISOString();
      for (const incoming of rounds) {
        for (const table of SYNCED_TABLES) {
          const items = incoming.get(table);
          if (!items) continue;
          const spec = TABLE_SPECS[table];
          const merged = await mergeBatch(
            this.deps.restoreWriter,
            spec,
            items.map((item) => item.record),
            copies,
          );
          let puts = merged.puts;
          for (const conflict of merged.conflicts) {
            // Both versions are kept; every computer keeps the same one under the note's id and
            // makes the same copy of the other, so the computers agree and list the same conflict.
            const current = conflict.current as unknown as Record<string, unknown>;
            const incoming = conflict.incoming as unknown as Record<string, unknown>;
            const kept = versionKeepingTheId(current, incoming);
            const other = kept === current ? incoming : current;
            const copyId = await conflictCopyId(keys, conflict.id, other);
            puts = puts.filter((row) => row.id !== conflict.copyId);
            if (kept === incoming) puts.push(spec.toRow(incoming));
            puts.push(spec.toRow({ ...other, id: copyId, conflictCopyOf: conflict.id }));
            conflicts.push(this.signedNoteConflict(conflict.id, copyId, kept, foundAt));
          }
          for (const item of items) {
            // A copy another computer made: the same conflict, listed here too.
            const original = item.record.conflictCopyOf;
            if (table === 'sessions' && typeof original === 'string') {
              conflicts.push(this.signedNoteConflict(original, String(item.record.id), item.record, foundAt));
            }
          }
          // What goes back out after this pass: a record the rules kept as it was here (not
          // written), and one written as other than the version the replica holds (merged, or a
          // signed note's kept version or copy). One written exactly as it arrived is in the
          // replica already and is not read back to be checked (for a joining computer, that is
          // every record; a write made here meanwhile is reported by Dexie and checked then).
          const arrived = new Map<string, string>();
          for (const item of items) if (item.shown) arrived.set(String(item.record[spec.key]), item.print);
          const written = new Set<string>();
          for (const row of puts) {
            const key = String(row[spec.key]);
            written.add(key);
            const print = arrived.get(key);
            if (
              print === undefined ||
              print !== fingerprint(canonicalJson({ table, key, record: spec.toBackup(row) }))
            )
              meet(table, key);
          }
          for (const item of items) {
            const key = String(item.record[spec.key]);
            if (!written.has(key)) meet(table, key);
          }
          if (puts.length > 0) {
            await this.deps.restoreWriter.inOneTransaction(async (tx) => {
              for (let i = 0; i < puts.length; i += KEYED_WRITE)
                await tx.put(table, puts.slice(i, i + KEYED_WRITE));
            });
          }
          for (const refused of merged.notApplied) {
            problems.push({
              id: refused.id,
              message: this.t('sync.problem.history'),
            });
          }
          // Only the revision CouchDB shows is remembered: the next push builds on it, so the
          // merged record becomes the newest revision on every computer.
          for (const item of items) {
            if (!item.shown) continue;
            this.remember(item.doc, item.body);
            // The replica holds this version now: the push check after this write (of the same
            // record, when the incoming version won) needs no keyed hash to see it is here.
            this.fingerprints.set(`${table}\u0000${item.body.key}`, item.print);
          }
        }
      }
      for (const { doc, body, shown } of tombstones) {
        if (body.table === 'clients') await this.deps.records.removeClient(body.key);
        if (body.table === 'attachments' && body.deleted?.removed === 'document' && shown) {
          // A document removed on another computer; one of a note signed here stays, and the
          // push after this pass sends it back out over the removal.
          if ((await this.deps.records.removeDocument(body.key)) === 'kept') {
            problems.push({ id: doc._id, message: this.t('sync.problem.signedDocument') });
            meet('attachments', body.key);
          }
        }
        if (shown) this.remember(doc, body);
      }
      conflicts.push(...(await this.newerKeptConflicts(contested, conflicts, foundAt)));
      const listed = conflicts.length > 0 ? await this.conflictLog.add(conflicts) : null;
      this.lastSeq = batch.last_seq;
      await this.saveLastSeq();
      this.deps.report((view) => ({
        ...view,
        problems: [...view.problems, ...problems].slice(-50),
        ...(listed ? { conflicts: listed } : {}),
        deleted: this.deletedElsewhere(),
      }));
    }
  }

  private async markerReplaced(keys: PracticeKeys, changes: readonly ChangeRow[]): Promise<boolean> {
    const marker = changes.find((change) => change.id === PRACTICE_MARKER_ID)?.doc;
    if (!marker || marker._deleted) return false;
    const problem = markerProblem(await checkPracticeMarker(keys, marker), this.t);
    if (!problem) return false;
    this.lockedOut = true;
    this.deps.report((view) => ({ ...view, state: { kind: 'error', message: problem } }));
    this.deps.onLockedOut?.(problem);
    return true;
  }

  private signedNoteConflict(
    noteId: string,
    copyId: string,
    note: Record<string, unknown>,
    foundAt: string,
  ): SyncConflict {
    const clientId = typeof note.clientId === 'string' ? note.clientId : undefined;
    const label = clientId ? this.clientEntry(clientId)?.label : undefined;
    return {
      id: `note:${noteId}:${copyId}`,
      kind: 'signed-note',
      table: 'sessions',
      key: noteId,
      ...(clientId ? { clientId } : {}),
      ...(label ? { label } : {}),
      foundAt,
      noteId,
      copyId,
    };
  }

  /**
   * Records CouchDB held in several versions, settled by "newer wins": the versions that differ
   * from the record kept here lost, and their revisions stay in the replica until seen.
   */
  private async newerKeptConflicts(
    contested: Map<string, Contested>,
    signed: readonly SyncConflict[],
    foundAt: string,
  ): Promise<SyncConflict[]> {
    const keys = this.requireKeys();
    const found: SyncConflict[] = [];
    for (const [docId, { table, key, versions, signed: anySigned }] of contested) {
      const spec = TABLE_SPECS[table];
      const [row] = await this.deps.restoreWriter.recordsByKey(table, [key]);
      if (!row) continue;
      const kept = await contentHash(keys, { table, key, record: spec.toBackup(row) });
      const losing = versions.filter((doc) => String(doc.h) !== kept);
      if (losing.length === 0) continue;
      // Build on the revision that holds the kept version, not on CouchDB's winner: a push on top
      // of a losing revision would replace it on the server, and a computer that has not met it
      // yet would then never see the version that lost. Left as a leaf, it reaches every computer,
      // which lists the same conflict (the same id) until "Seen" removes it.
      const keptDoc = versions.find((doc) => String(doc.h) === kept);
      if (keptDoc && this.index.get(docId)?.rev !== keptDoc._rev) {
        const opened = await decryptDoc(keys, keptDoc);
        if (opened.ok) this.remember(keptDoc, opened.body);
      }
      const noteConflict = signed.find((entry) => entry.kind === 'signed-note' && entry.noteId === key);
      if (noteConflict) {
        // The losing version lives on as the copy: its revision goes when the conflict is seen.
        noteConflict.docId = docId;
        noteConflict.losingRevisions = losing.map((doc) => String(doc._rev));
        continue;
      }
      // A signed version met a draft or another signature: kept as a copy, listed above.
      if (anySigned) continue;
      const clientId = table === 'clients' ? key : clientReferenceOf(table, spec.toBackup(row));
      const label = clientId ? this.clientEntry(clientId)?.label : undefined;
      found.push({
        id: `${docId}:${losing
          .map((doc) => String(doc.h))
          .sort()
          .join(',')}`,
        kind: 'newer-kept',
        table,
        key,
        ...(clientId ? { clientId } : {}),
        ...(label ? { label } : {}),
        foundAt,
        docId,
        losingRevisions: losing.map((doc) => String(doc._rev)),
      });
    }
    return found;
  }

  /** A losing version kept in the replica (for the Sync conflicts screen), or null when gone. */
  revisionRecord(docId: string, rev: string): Promise<Record<string, unknown> | null> {
    return this.between(async () => {
      const doc = await this.deps.local.get(docId, { rev }).catch(() => null);
      if (!doc) return null;
      const opened = await decryptDoc(this.requireKeys(), doc);
      return opened.ok && opened.body.record ? opened.body.record : null;
    });
  }

  /**
   * "Seen": the conflict leaves the list for good, and the losing revisions it kept are removed
   * from the replica (and so, through replication, from the server). Signed-note copies stay:
   * they are records of the practice.
   */
  markSeen(id: string): Promise<void> {
    return this.between(async () => {
      const { removed, entries } = await this.conflictLog.markSeen(id);
      for (const rev of removed?.losingRevisions ?? []) {
        if (removed?.docId) await this.deps.local.remove(removed.docId, rev).catch(() => undefined);
      }
      this.deps.report((view) => ({ ...view, conflicts: entries }));
    });
  }

  private async saveLastSeq(): Promise<void> {
    const existing = await this.deps.local.get(APPLIED_DOC).catch(() => null);
    await this.deps.local.put({
      _id: APPLIED_DOC,
      ...(existing?._rev ? { _rev: existing._rev } : {}),
      seq: this.lastSeq,
    });
  }

  private clientEntry(clientId: string): IndexEntry | undefined {
    return this.clients.get(clientId);
  }

  private isDeletedClient(clientId: string): boolean {
    return this.clientEntry(clientId)?.deleted !== undefined;
  }

  /** Clients deleted on another computer in the last 30 days, newest first. */
  deletedElsewhere(): DeletedElsewhere[] {
    const since = this.deps.now().getTime() - DELETED_LIST_DAYS * 24 * 60 * 60 * 1000;
    const list: DeletedElsewhere[] = [];
    for (const entry of this.index.values()) {
      if (entry.table !== 'clients' || !entry.deleted) continue;
      if (entry.deleted.computer === this.deps.secrets.computerName) continue;
      if (Date.parse(entry.deleted.at) < since) continue;
      list.push({
        clientId: entry.key,
        label: entry.deleted.label,
        at: entry.deleted.at,
        computer: entry.deleted.computer,
      });
    }
    return list.sort((a, b) => b.at.localeCompare(a.at));
  }
}

/**
 * Whether replica sequence `seq` is at or before `applied` (the last applied pass's). PouchDB's
 * browser replica numbers its sequences; a CouchDB-style text sequence starts with its number.
 */
function seqAtOrBefore(seq: number | string, applied: number | string): boolean {
  return seqNumber(seq) <= seqNumber(applied);
}

function seqNumber(seq: number | string): number {
  return typeof seq === 'number' ? seq : Number.parseInt(seq, 10) || 0;
}

/** A document to send, with the body it encrypts (remembered without decrypting it again). */
interface Outgoing {
  doc: PouchDoc;
  body: SyncBody;
  /** The body's fingerprint (`fingerprint`), when it is a record's version. */
  print?: string;
}

/**
 * A fast, non-cryptographic fingerprint of a record's canonical text (53-bit cyrb53 and the
 * length): enough to tell "this is the version the replica already holds" for a record applied or
 * sent moments ago, without the keyed hash. Nothing is sent or trusted on it alone: a mismatch
 * falls back to the keyed hash, and every start runs a full pass with the keyed hash.
 */
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/**
 * The id of the conflict copy of `version` beside note `originalId`: derived from both (keyed
 * with the practice key, so it reveals nothing), so every computer makes the same copy.
 */
function conflictCopyId(
  keys: PracticeKeys,
  originalId: string,
  version: Record<string, unknown>,
): Promise<string> {
  const { id: _id, conflictCopyOf: _of, ...content } = version;
  return documentId(keys, 'conflict-copy', `${originalId}\u0000${canonicalJson(content)}`);
}

function clientLabel(record: Record<string, unknown>): string {
  const first = typeof record.firstName === 'string' ? record.firstName : '';
  const last = typeof record.lastName === 'string' ? record.lastName : '';
  return `${first} ${last}`.trim() || 'A client';
}

function decryptProblemKey(problem: string): MessageKey {
  switch (problem) {
    case 'decryption':
      return 'sync.problem.decryption';
    case 'wrong-id':
      return 'sync.problem.wrongId';
    default:
      return 'sync.problem.format';
  }
}
