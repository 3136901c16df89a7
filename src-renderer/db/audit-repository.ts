import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntry,
  AuditEntrySchema,
  makeAuditEntry,
} from '../../src-shared/domain/audit';
import type { Id } from '../../src-shared/domain/ids';
import { writtenHere } from './authorship';
import { type Clock, systemClock } from './clients-repository';
import type { StillpointDatabase } from './database';

/**
 * The only code that touches the auditLog table. Append-only by construction: this class has
 * `append` and reads, and nothing else, so no feature can change or remove an entry. (Deleting a
 * whole client, with everything recorded about them, is the clients repository's one exception.)
 *
 * `append` joins the caller's transaction when there is one, so a note and its audit entry are
 * saved together or not at all.
 */
export class AuditRepository {
  constructor(
    private readonly db: StillpointDatabase,
    private readonly clock: Clock = systemClock,
  ) {}

  async append(entry: {
    noteId: Id;
    clientId: Id;
    action: AuditAction;
    detail?: string;
    /** Who did it, when not the therapist named in Settings (whoever signed the note). */
    author?: string;
  }): Promise<AuditEntry> {
    const record = makeAuditEntry({ ...entry, ...writtenHere(entry.author), now: this.clock.now() });
    await this.db.transaction('rw', this.db.auditLog, async () => {
      await this.db.auditLog.add(record);
    });
    return record;
  }

  /**
   * Several entries in one transaction (joining the caller's, if any): all are kept or none,
   * as when every note of an exported client record records the export.
   */
  async appendMany(
    entries: readonly { noteId: Id; clientId: Id; action: AuditAction; detail?: string }[],
  ): Promise<AuditEntry[]> {
    const records = entries.map((entry) =>
      makeAuditEntry({ ...entry, ...writtenHere(), now: this.clock.now() }),
    );
    await this.db.transaction('rw', this.db.auditLog, async () => {
      await this.db.auditLog.bulkAdd(records);
    });
    return records;
  }

  /** A note's entries, oldest first (the order they happened). */
  async listForNote(noteId: Id): Promise<AuditEntry[]> {
    const rows = await this.db.auditLog.where('noteId').equals(noteId).toArray();
    return sortByTime(rows.map((row) => AuditEntrySchema.parse(row)));
  }

  async listForClient(clientId: Id): Promise<AuditEntry[]> {
    const rows = await this.db.auditLog.where('clientId').equals(clientId).toArray();
    return sortByTime(rows.map((row) => AuditEntrySchema.parse(row)));
  }
}

/**
 * Oldest first. Entries from the same millisecond follow the life of a note (created, signed,
 * addendum, then printed or exported), since ids are random and say nothing about order.
 */
function sortByTime(entries: AuditEntry[]): AuditEntry[] {
  const rank = (action: AuditAction) => AUDIT_ACTIONS.indexOf(action);
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : rank(a.action) - rank(b.action)));
}
