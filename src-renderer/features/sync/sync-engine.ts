import type { Database, PouchDoc, PouchError } from 'pouchdb-browser';
import { type MessageKey, type Translate, translatorFor } from '../../../src-shared/i18n';
import { clientReferenceOf, futureMoment, versionKeepingTheId } from '../../../src-shared/merge/merge-rules';
import { isFileChunkId } from '../../../src-shared/sync/file-crypto';
import { practiceKeyFromText } from '../../../src-shared/sync/practice-key';
import {
  canonicalJson,
  checkPracticeMarker,
  contentHash,
  createPracticeMarker,
  decryptDoc,
  derivePracticeKeys,
  documentId,
  encryptBody,
  PRACTICE_MARKER_ID,
  type PracticeKeys,
  type SyncBody,
} from '../../../src-shared/sync/sync-crypto';
import type { SyncSecrets } from '../../../src-shared/sync/sync-settings';
import { RECORD_VALIDATORS, TABLE_SPECS } from '../../db/backup-tables';
import type { RestoreWriter } from '../../db/restore-writer';
import type { SyncRecords } from '../../db/sync-records';
import { TABLE_NAMES, type TableName } from '../../db/table-names';
import { ExistingCopies, mergeBatch } from '../backup/restore/merge-batch';
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
 *   and after a pull only the records it met, unless a key is gone (a deletion) or a client
 *   deletion is among them, when the full pass runs instead.
 * - In: every document the replica receives is decrypted, checked with the backup's schema and
 *   for far-future dates, and merged by the same module as a restore with Merge
 *   (`mergeBatch`, `src-shared/merge/merge-rules.ts`); what fails is reported and left out,
 *   and the rest goes on.
 *
 * Settings stay per computer and are not synced.
 */
export const SYNCED_TABLES: readonly TableName[] = TABLE_NAMES.filter((name) => name !== 'settings');
const DELETED_LIST_DAYS = 30;
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
}

export class PracticeKeyError extends Error {}

/** The keys of the records to send, per table (as `writtenKeys` reports a committed write). */
export type PushScope = ReadonlyMap<string, ReadonlySet<string>>;

export class SyncEngine {
  private keys: PracticeKeys | undefined;
  private readonly index = new Map<string, IndexEntry>();
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

  constructor(private readonly deps: SyncEngineDeps) {
    this.conflictLog = new SyncConflictLog(deps.local);
    this.t = deps.t ?? translatorFor('en');
  }

  /**
   * Opens the practice key and the replica, and checks that the server's database is this
   * practice's (its marker). Throws PracticeKeyError, in words for the therapist, otherwise.
   */
  async open(): Promise<void> {
    const key = practiceKeyFromText(this.deps.secrets.practiceKey);
    if (!key) throw new PracticeKeyError(this.t('sync.error.keyDamaged'));
    this.keys = await derivePracticeKeys(key);
    const applied = await this.deps.local.get(APPLIED_DOC).catch(() => null);
    if (applied && (typeof applied.seq === 'number' || typeof applied.seq === 'string'))
      this.lastSeq = applied.seq;
    const all = await this.deps.local.allDocs({ include_docs: true });
    for (const row of all.rows) {
      // File chunks (file-sync.ts) are not records.
      if (!row.doc || row.id === PRACTICE_MARKER_ID || isFileChunkId(row.id)) continue;
      const opened = await decryptDoc(this.keys, row.doc);
      if (opened.ok) this.remember(row.doc, opened.body);
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
    const check = await checkPracticeMarker(keys, marker);
    if (check === 'ours') return null;
    if (check === 'other-practice') {
      return this.t('sync.error.otherPractice');
    }
    return this.t('sync.error.notStillpoint');
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
    this.index.set(doc._id, {
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
    });
  }

  // -------------------------------------------------------------------------------------------
  // Out

  /**
   * Sends the records of `scope` that changed. Answers false, having sent nothing, when a full
   * pass is needed instead: a key is no longer in its table (a deletion: tombstones are decided
   * by the full pass), or a client deletion's audit entry is among the records.
   */
  private async pushSome(scope: ReadonlyMap<TableName, ReadonlySet<string>>): Promise<boolean> {
    const keys = this.requireKeys();
    const outgoing: PouchDoc[] = [];
    for (const table of SYNCED_TABLES) {
      const wanted = scope.get(table);
      if (!wanted || wanted.size === 0) continue;
      const list = [...wanted];
      const records = await this.deps.records.recordsByKey(table, list);
      for (const [i, record] of records.entries()) {
        if (!record) return false;
        if (
          table === 'auditLog' &&
          (record.action === 'client-deleted' || record.action === 'document-removed')
        )
          return false;
        const body: SyncBody = { table, key: list[i]!, record };
        const doc = await encryptBodyIfChanged(keys, body, this.index);
        if (doc) outgoing.push(doc);
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
    const outgoing: PouchDoc[] = [];
    for (const table of SYNCED_TABLES) {
      const keysHere = new Set<string>();
      present.set(table, keysHere);
      const spec = TABLE_SPECS[table];
      for await (const page of this.deps.records.records(table)) {
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
          const body: SyncBody = { table, key, record };
          const doc = await encryptBodyIfChanged(keys, body, this.index);
          if (doc) outgoing.push(doc);
        }
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
      outgoing.push({ ...doc, _id: id, _rev: entry.rev });
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
      outgoing.push({ ...(await encryptBody(keys, body)), _id: id, _rev: entry.rev });
    }
    await this.send(outgoing);
  }

  private async send(outgoing: PouchDoc[]): Promise<void> {
    if (outgoing.length === 0) return;
    const keys = this.requireKeys();
    const results = await this.deps.local.bulkDocs(outgoing);
    for (let i = 0; i < results.length; i++) {
      const result = results[i]!;
      if (!result.ok || !result.rev) {
        // A newer revision arrived meanwhile: the next pass decides, and reads every table.
        this.pushAll = true;
        continue;
      }
      const doc = { ...outgoing[i]!, _rev: result.rev };
      const opened = await decryptDoc(keys, doc);
      if (opened.ok) this.remember(doc, opened.body);
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

  /**
   * Applies what the replica received since the last pass; answers the records it met (merged
   * or written here), per table, for the push after it.
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
      // Round 0 holds what CouchDB shows; round n the n-th conflicting revision of a record. Each
      // round is merged after the one before, so the rules (newer wins, signed notes kept as
      // both) decide between the versions, not CouchDB's choice of a winner.
      const rounds: Map<TableName, { doc: PouchDoc; record: Record<string, unknown>; shown: boolean }[]>[] =
        [];
      const problems: SyncProblem[] = [];
      const tombstones: { doc: PouchDoc; body: SyncBody; shown: boolean }[] = [];
      // Records CouchDB holds in more than one version (changed on two computers while apart).
      const contested = new Map<string, Contested>();
      for (const change of batch.results) {
        const winner = change.doc;
        if (
          !winner ||
          winner._id === PRACTICE_MARKER_ID ||
          winner._id.startsWith('_design/') ||
          isFileChunkId(winner._id) ||
          winner._deleted
        )
          continue;
        const versions = await this.withConflictingRevisions(winner);
        for (const [round, doc] of versions.entries()) {
          const known = this.index.get(doc._id);
          // Our own write, and nothing else wrote this record meanwhile.
          if (
            known &&
            known.h === doc.h &&
            known.rev === doc._rev &&
            doc === winner &&
            !winner._conflicts?.length
          )
            continue;
          const opened = await decryptDoc(keys, doc);
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
          meet(table, record[TABLE_SPECS[table].key]);
          if (versions.length > 1) {
            const entry = contested.get(doc._id) ?? { table, key: body.key, versions: [], signed: false };
            entry.versions.push(doc);
            if (typeof record.signedAt === 'string') entry.signed = true;
            contested.set(doc._id, entry);
          }
          rounds[round] ??= new Map();
          const list = rounds[round].get(table) ?? [];
          list.push({ doc, record, shown: doc === winner });
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
          for (const row of puts) meet(table, row[spec.key]);
          if (puts.length > 0) {
            await this.deps.restoreWriter.inOneTransaction((tx) => tx.put(table, puts));
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
            const opened = await decryptDoc(keys, item.doc);
            if (opened.ok) this.remember(item.doc, opened.body);
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
    for (const entry of this.index.values()) {
      if (entry.table === 'clients' && entry.key === clientId) return entry;
    }
    return undefined;
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

async function encryptBodyIfChanged(
  keys: PracticeKeys,
  body: SyncBody,
  index: Map<string, IndexEntry>,
): Promise<PouchDoc | null> {
  // Hash first: a pass meets mostly unchanged records, and only a changed one is worth encrypting.
  const known = index.get(await documentId(keys, body.table, body.key));
  if (known && known.h === (await contentHash(keys, body))) return null;
  const doc = await encryptBody(keys, body);
  return { ...doc, ...(known?.rev ? { _rev: known.rev } : {}) };
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
