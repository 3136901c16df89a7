import { type AuditEntry, makeAuditEntry } from '../../src-shared/domain/audit';
import {
  buildClientRecord,
  type Client,
  type ClientInput,
  ClientSchema,
  clientSortName,
  makeClientInputSchema,
} from '../../src-shared/domain/client';
import { localToday } from '../../src-shared/domain/dates';
import { emptyHealthHistory } from '../../src-shared/domain/health-history';
import { newId } from '../../src-shared/domain/ids';
import { foldForSearch, searchTokensFor } from '../../src-shared/domain/text-search';
import { parseWith } from '../../src-shared/validation';
import { writtenHere } from './authorship';
import type { StillpointDatabase } from './database';

/**
 * The only code that reads or writes the clients table. Every write is validated with the
 * shared schema and happens in one transaction: a failed save leaves the previous version.
 *
 * A stored row is the Client record plus two index fields (`sortKey`, `searchTokens`) that
 * exist only for Dexie's indexes; reads strip them by parsing with ClientSchema.
 */
export type ClientRow = Client & { sortKey: string; searchTokens: string[] };

/** The stored row for a client: the record plus its index fields (also used by restore). */
export function clientRowFor(client: Client): ClientRow {
  return { ...client, sortKey: foldForSearch(clientSortName(client)), searchTokens: searchTokensFor(client) };
}

/** The index-only fields of a client row, which a backup leaves out. */
export const CLIENT_INDEX_FIELDS = ['sortKey', 'searchTokens'] as const;

const toRow = clientRowFor;

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ClientsRepository {
  constructor(
    private readonly db: StillpointDatabase,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Validates the form values and stores a new client with an empty health history. */
  async create(input: ClientInput): Promise<Client> {
    const now = this.clock.now();
    const valid = parseWith(makeClientInputSchema(localToday(now)), input, 'The client');
    const client = parseWith(
      ClientSchema,
      buildClientRecord(valid, { now: now.toISOString(), id: newId() }),
      'The client',
    );
    await this.db.transaction('rw', this.db.clients, this.db.healthHistories, async () => {
      await this.db.clients.add(toRow(client));
      await this.db.healthHistories.add(emptyHealthHistory(client.id, now));
    });
    return client;
  }

  async update(id: string, input: ClientInput): Promise<Client> {
    const now = this.clock.now();
    const valid = parseWith(makeClientInputSchema(localToday(now)), input, 'The client');
    return this.db.transaction('rw', this.db.clients, async () => {
      const existing = await this.get(id);
      if (!existing) throw new Error('This client no longer exists.');
      const client = parseWith(
        ClientSchema,
        buildClientRecord(valid, { now: now.toISOString(), existing }),
        'The client',
      );
      await this.db.clients.put(toRow(client));
      return client;
    });
  }

  async setArchived(id: string, archived: boolean): Promise<void> {
    await this.db.transaction('rw', this.db.clients, async () => {
      const existing = await this.get(id);
      if (!existing) throw new Error('This client no longer exists.');
      const client = parseWith(
        ClientSchema,
        { ...existing, archived, updatedAt: this.clock.now().toISOString() },
        'The client',
      );
      await this.db.clients.put(toRow(client));
    });
  }

  /**
   * Deletes a client and everything recorded about them (health history, sessions,
   * after-effects, the notes' audit entries), all or nothing, and leaves one audit entry that
   * says only that a client was deleted, when and by whom (and which safety backup holds the
   * records): no name, no clinical content. The UI asks for the name and takes a safety backup
   * first (features/clients/delete-client.ts).
   */
  async deleteWithSessions(
    id: string,
    deletion: { by: string; safetyBackup?: string },
  ): Promise<{ sessions: number; audit: AuditEntry }> {
    const { db } = this;
    const by = deletion.by.trim();
    if (!by) throw new Error('Say who is deleting the client: it is kept with the record of the deletion.');
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
        db.outcomeProfiles,
        db.outcomeScores,
        db.followUps,
      ],
      async () => {
        if (!(await db.clients.get(id))) throw new Error('This client no longer exists.');
        const sessions = await db.sessions.where('clientId').equals(id).primaryKeys();
        await db.sessions.bulkDelete(sessions);
        await db.afterEffects.where('clientId').equals(id).delete();
        await db.auditLog.where('clientId').equals(id).delete();
        await db.healthHistories.delete(id);
        // Intake and consent: the client's own answers and signatures go with them.
        await db.intakeDrafts.delete(id);
        await db.intakeSubmissions.where('clientId').equals(id).delete();
        await db.consents.where('clientId').equals(id).delete();
        // Documents and photos: the metadata and the files' bytes (issue 15).
        const attachments = await db.attachments.where('clientId').equals(id).primaryKeys();
        await db.attachmentBlobs.bulkDelete(attachments);
        await db.attachments.bulkDelete(attachments);
        // Outcomes: the client's own words, their scores and the follow-ups go with them.
        await db.outcomeProfiles.where('clientId').equals(id).delete();
        await db.outcomeScores.where('clientId').equals(id).delete();
        await db.followUps.where('clientId').equals(id).delete();
        await db.clients.delete(id);
        const notes = sessions.length === 1 ? '1 session note' : `${sessions.length} session notes`;
        const audit = makeAuditEntry({
          ...writtenHere(by),
          // No note: the entry stands for the client's whole record, under the client's id.
          noteId: id,
          clientId: id,
          action: 'client-deleted',
          now: this.clock.now(),
          detail: `Client deleted by ${by}, with ${notes}.${
            deletion.safetyBackup ? ` Safety backup: ${deletion.safetyBackup}` : ''
          }`,
        });
        await db.auditLog.add(audit);
        return { sessions: sessions.length, audit };
      },
    );
  }

  /** True once any client is stored (the Welcome screens open only on an empty practice). */
  async hasAny(): Promise<boolean> {
    return (await this.db.clients.limit(1).count()) > 0;
  }

  async get(id: string): Promise<Client | undefined> {
    const row = await this.db.clients.get(id);
    return row ? ClientSchema.parse(row) : undefined;
  }

  /** Every client, in name order, for the client list (loadClientList). */
  listAll(): Promise<ClientListItem[]> {
    return loadClientList(this.db);
  }

  /** The `limit` clients seen most recently, for the client list's first screen. */
  listRecent(limit: number): Promise<ClientListItem[]> {
    return loadRecentClients(this.db, limit);
  }

  /**
   * Runs `work` in one read-write transaction over clients and health histories; the
   * repositories' own transactions join it, so a batch of imported clients costs one durable
   * commit and is saved whole or not at all.
   */
  inOneBatch<T>(work: () => Promise<T>): Promise<T> {
    // An async function on purpose: Dexie keeps native awaits inside the transaction only then.
    return this.db.transaction('rw', this.db.clients, this.db.healthHistories, async () => await work());
  }

  /** Marks the date of a client's latest session (called by the sessions repository). */
  async touchLastVisit(id: string, visitDate: string): Promise<void> {
    await this.db.clients
      .where('id')
      .equals(id)
      .modify((row) => {
        if (!row.lastVisitAt || row.lastVisitAt < visitDate) row.lastVisitAt = visitDate;
      });
  }
}

/** One line of the client list: just what the list shows and searches. */
export interface ClientListItem {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string;
  dateOfBirth: string | null;
  lastVisitAt: string | null;
  archived: boolean;
  tags: string[];
  sortKey: string;
  searchText: string;
}

function toListItem(row: ClientRow): ClientListItem {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    preferredName: row.preferredName,
    dateOfBirth: row.dateOfBirth,
    lastVisitAt: row.lastVisitAt,
    archived: row.archived,
    tags: row.tags,
    sortKey: row.sortKey,
    searchText: row.searchText,
  };
}

function bySortKey(a: ClientListItem, b: ClientListItem): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Every client, in name order. Read a page at a time in key order (a plain scan of the table,
 * about a third faster than going through the sortKey index, which looks each row up again) and
 * sorted here. Each page arrives in a task of its own, so a keystroke never waits for the whole
 * list to be read and decoded.
 */
export async function loadClientList(db: StillpointDatabase, pageSize = 1_000): Promise<ClientListItem[]> {
  const items: ClientListItem[] = [];
  let after: string | undefined;
  for (;;) {
    const page = after === undefined ? db.clients.orderBy(':id') : db.clients.where(':id').above(after);
    const rows = (await page.limit(pageSize).toArray()) as ClientRow[];
    for (const row of rows) items.push(toListItem(row));
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1]!.id;
  }
  return items.sort(bySortKey);
}

/**
 * The most recently seen clients, newest first, for the list's first screen while the whole list
 * loads (the lastVisitAt index answers in about a millisecond whatever the practice's size).
 * Clients never seen are not in that index, so they arrive with the full list.
 */
export async function loadRecentClients(db: StillpointDatabase, limit: number): Promise<ClientListItem[]> {
  const rows = (await db.clients.orderBy('lastVisitAt').reverse().limit(limit).toArray()) as ClientRow[];
  return rows.map(toListItem);
}
