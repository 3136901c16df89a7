import type { IndexableType } from 'dexie';
import { mayRemoveDocument } from '../../src-shared/merge/merge-rules';
import { TABLE_SPECS } from './backup-tables';
import type { StillpointDatabase, TableName } from './database';

type Row = Record<string, unknown>;

/** Rows per read while practice sync compares the tables with its replica. */
const PAGE = 2_000;

/**
 * Practice sync's front door to the data (besides `RestoreWriter`, through which incoming
 * records are merged by the same rules as a restore with Merge): the records to send, read a
 * page at a time as backup records, and the removal of a client deleted on another computer.
 */
export class SyncRecords {
  constructor(private readonly db: StillpointDatabase) {}

  /** Every record of `table` as a backup carries it, a page at a time by primary key. */
  async *records(table: TableName): AsyncGenerator<Row[]> {
    const spec = TABLE_SPECS[table];
    let after: IndexableType | undefined;
    for (;;) {
      const t = this.db.table(table);
      const collection = after === undefined ? t.orderBy(':id') : t.where(':id').above(after);
      const rows = (await collection.limit(PAGE).toArray()) as Row[];
      if (rows.length === 0) return;
      yield rows.map((row) => spec.toBackup(row));
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]![spec.key] as IndexableType;
    }
  }

  /**
   * The records of `table` under `keys` as a backup carries them, in the order of `keys`;
   * undefined where no record has that key (deleted since it was written).
   */
  async recordsByKey(table: TableName, keys: readonly string[]): Promise<(Row | undefined)[]> {
    const spec = TABLE_SPECS[table];
    const rows = (await this.db.table(table).bulkGet([...keys])) as (Row | undefined)[];
    return rows.map((row) => (row ? spec.toBackup(row) : undefined));
  }

  /**
   * Removes a client deleted on another computer, with everything that belongs to them, in one
   * transaction. No audit entry is added here: the deleting computer's own "client deleted"
   * entry arrives through sync like any other.
   */
  removeClient(clientId: string): Promise<void> {
    const { db } = this;
    return db.transaction(
      'rw',
      [
        db.clients,
        db.healthHistories,
        db.sessions,
        db.afterEffects,
        db.auditLog,
        db.intakeDrafts,
        db.intakeSubmissions,
        db.consents,
        db.attachments,
        db.attachmentBlobs,
      ],
      async () => {
        // Their documents and the files' bytes too, as deleting the client here does.
        const documents = await db.attachments.where('clientId').equals(clientId).primaryKeys();
        await db.attachmentBlobs.bulkDelete(documents);
        await db.attachments.bulkDelete(documents);
        await db.sessions.where('clientId').equals(clientId).delete();
        await db.afterEffects.where('clientId').equals(clientId).delete();
        await db.auditLog
          .where('clientId')
          .equals(clientId)
          .filter((entry) => entry.action !== 'client-deleted')
          .delete();
        await db.healthHistories.delete(clientId);
        await db.intakeDrafts.delete(clientId);
        await db.intakeSubmissions.where('clientId').equals(clientId).delete();
        await db.consents.where('clientId').equals(clientId).delete();
        await db.clients.delete(clientId);
      },
    );
  }

  /**
   * Removes a document removed on another computer (its row and its file's bytes), unless it
   * belongs to a note signed here (the merge rules' `mayRemoveDocument`): answers 'kept' then,
   * and sync sends the document back out. 'gone' when it is not here (never arrived, or went
   * with its client). No audit entry here: the removing computer's own travels through sync.
   */
  removeDocument(id: string): Promise<'removed' | 'kept' | 'gone'> {
    const { db } = this;
    return db.transaction('rw', [db.sessions, db.attachments, db.attachmentBlobs], async () => {
      const row = await db.attachments.get(id);
      if (!row) return 'gone';
      const sessionId = typeof row.sessionId === 'string' ? row.sessionId : undefined;
      const note = sessionId ? await db.sessions.get(sessionId) : undefined;
      if (!mayRemoveDocument(note)) return 'kept';
      await db.attachmentBlobs.delete(id);
      await db.attachments.delete(id);
      return 'removed';
    });
  }
}
