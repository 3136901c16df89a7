import Dexie from 'dexie';
import type { Id } from '../../src-shared/domain/ids';
import {
  type AddendumInput,
  addAddendum,
  copyFromLastSession,
  emptySessionNote,
  isSigned,
  SESSION_NOTE_MESSAGES,
  type SessionDraft,
  SessionDraftSchema,
  type SessionNote,
  SignedSessionNoteSchema,
  signedNoteChanges,
  signSessionNote,
} from '../../src-shared/domain/session-note';
import { parseWith, ValidationError } from '../../src-shared/validation';
import { AfterEffectsRepository } from './after-effects-repository';
import { AuditRepository } from './audit-repository';
import { thisComputer } from './authorship';
import { type ClientsRepository, type Clock, systemClock } from './clients-repository';
import type { StillpointDatabase } from './database';

/** Refusal to change a signed note: it names the fields the write tried to change. */
/** This computer's name, for a signature or an addendum (none when the app does not know it). */
function writtenHereComputer(): { computer?: string } {
  const computer = thisComputer();
  return computer ? { computer } : {};
}

export class SignedNoteError extends Error {
  constructor(readonly changed: readonly string[]) {
    super(
      `This note is signed and is never edited${changed.length > 0 ? ` (tried to change: ${changed.join(', ')})` : ''}. Add an addendum instead.`,
    );
    this.name = 'SignedNoteError';
  }
}

/** Newest first: date of service, then time, then session number. */
function newestFirst(a: SessionDraft, b: SessionDraft): number {
  if (a.serviceDate !== b.serviceDate) return a.serviceDate < b.serviceDate ? 1 : -1;
  if (a.serviceTime !== b.serviceTime) return a.serviceTime < b.serviceTime ? 1 : -1;
  return (b.sessionNumber ?? 0) - (a.sessionNumber ?? 0);
}

/** Oldest first: date of service, then time, then when the note was started. */
function oldestFirst(a: SessionDraft, b: SessionDraft): number {
  if (a.serviceDate !== b.serviceDate) return a.serviceDate < b.serviceDate ? -1 : 1;
  if (a.serviceTime !== b.serviceTime) return a.serviceTime < b.serviceTime ? -1 : 1;
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/**
 * The only code that touches the sessions table. Rules it enforces itself, whatever the UI does:
 * - a draft is saved leniently (SessionDraftSchema), so autosave never loses what was typed;
 * - signing validates strictly (signSessionNote) and writes the signed note, its audit entry and
 *   the client's last visit in one transaction;
 * - a signed note is never edited: every write compares with the stored note
 *   (signedNoteChanges) and refuses any change other than appending an addendum.
 */
export class SessionsRepository {
  private readonly clock: Clock;
  private readonly audit: AuditRepository;
  private readonly clients: ClientsRepository;
  private readonly afterEffects: () => AfterEffectsRepository;

  constructor(
    private readonly db: StillpointDatabase,
    deps: {
      audit: AuditRepository;
      clients: ClientsRepository;
      afterEffects: () => AfterEffectsRepository;
      clock?: Clock;
    },
  ) {
    this.clock = deps.clock ?? systemClock;
    this.audit = deps.audit;
    this.clients = deps.clients;
    this.afterEffects = deps.afterEffects;
  }

  /** "New session": an empty draft dated now, numbered after the client's last session. */
  async createDraft(clientId: Id): Promise<SessionDraft> {
    const { db } = this;
    return db.transaction('rw', [db.sessions, db.auditLog, db.clients], async () => {
      if (!(await this.clients.get(clientId))) throw new Error('This client no longer exists.');
      const existing = await this.listForClient(clientId);
      const sessionNumber = Math.max(0, ...existing.map((note) => note.sessionNumber ?? 0)) + 1;
      const draft = parseWith(
        SessionDraftSchema,
        emptySessionNote({ clientId, sessionNumber, now: this.clock.now() }),
        'The new session note',
      );
      await db.sessions.add(draft);
      await this.audit.append({
        noteId: draft.id,
        clientId,
        action: 'created',
        detail: `Session ${sessionNumber}`,
      });
      return draft;
    });
  }

  /**
   * Autosave. Stores whatever was typed (out-of-range numbers included: signing catches those),
   * keeping the note's identity, date of entry and creation time. Refused for a signed note
   * with any change, for a note that does not exist, and for a "draft" that claims a signature.
   */
  async saveDraft(note: unknown): Promise<SessionDraft> {
    const incoming = parseWith(SessionDraftSchema, note, 'The draft');
    const { db } = this;
    return db.transaction('rw', db.sessions, async () => {
      const stored = await this.get(incoming.id);
      if (!stored) throw new Error('This draft no longer exists; it may have been deleted.');
      if (stored.clientId !== incoming.clientId)
        throw new Error('A session note cannot move to another client.');
      if (isSigned(stored)) {
        const changed = signedNoteChanges(stored, incoming);
        if (changed.length > 0) throw new SignedNoteError(changed);
        return stored;
      }
      if (
        isSigned(incoming) ||
        incoming.signedAt !== null ||
        incoming.signedBy !== null ||
        incoming.addenda.length > 0
      ) {
        throw new Error('A draft is signed only with "Sign note", and takes no addenda before that.');
      }
      const next: SessionDraft = {
        ...incoming,
        status: 'draft',
        entryDate: stored.entryDate,
        createdAt: stored.createdAt,
        updatedAt: this.clock.now().toISOString(),
      };
      await db.sessions.put(next);
      return next;
    });
  }

  /**
   * "Sign note": strict validation, then the signed note, its audit entry and the client's last
   * visit, all in one transaction. A ValidationError leaves the draft exactly as it was.
   */
  async sign(noteId: Id, by: string): Promise<SessionNote> {
    const { db } = this;
    return db.transaction('rw', [db.sessions, db.auditLog, db.clients], async () => {
      const stored = await this.get(noteId);
      if (!stored) throw new Error('This note no longer exists.');
      if (isSigned(stored)) throw new SignedNoteError([]);
      // The client's date of birth: a session dated before it is refused here too, not only on screen.
      const client = await this.clients.get(stored.clientId);
      const signed = signSessionNote(stored, {
        by,
        now: this.clock.now(),
        dateOfBirth: client?.dateOfBirth ?? null,
        ...writtenHereComputer(),
      });
      await db.sessions.put(signed);
      await this.audit.append({
        noteId,
        clientId: signed.clientId,
        action: 'signed',
        detail: `Signed by ${signed.signedBy}`,
        author: signed.signedBy ?? '',
      });
      await this.clients.touchLastVisit(signed.clientId, signed.serviceDate);
      return signed;
    });
  }

  /** "Add addendum": a correction appended to a signed note, with its audit entry. */
  async addAddendum(noteId: Id, input: AddendumInput & { author: string }): Promise<SessionNote> {
    const { db } = this;
    return db.transaction('rw', [db.sessions, db.auditLog], async () => {
      const row = await db.sessions.get(noteId);
      if (!row) throw new Error('This note no longer exists.');
      if (row.status !== 'signed')
        throw new ValidationError('Addendum', [`status: ${SESSION_NOTE_MESSAGES.addendaOnDraft}`]);
      const stored = parseWith(SignedSessionNoteSchema, row, 'The signed note');
      const next = addAddendum(
        stored,
        { text: input.text, reason: input.reason },
        { author: input.author, now: this.clock.now(), ...writtenHereComputer() },
      );
      const changed = signedNoteChanges(stored, next);
      if (changed.length > 0) throw new SignedNoteError(changed);
      await db.sessions.put(next);
      const added = next.addenda[next.addenda.length - 1];
      await this.audit.append({
        noteId,
        clientId: next.clientId,
        action: 'addendum',
        detail: `${added?.author ?? ''}: ${added?.reason ?? ''}`,
        author: added?.author ?? '',
      });
      return next;
    });
  }

  /** Deletes a draft (never a signed note). After-effects the client reported in it stay on record. */
  async deleteDraft(noteId: Id): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.sessions, db.afterEffects], async () => {
      const stored = await this.get(noteId);
      if (!stored) return;
      if (isSigned(stored)) throw new SignedNoteError(['deleted']);
      const followed = await this.afterEffects().listForSession(noteId);
      if (followed.length > 0) {
        throw new Error(
          'After-effects were reported for this session, so it stays on record. Remove them first.',
        );
      }
      await this.afterEffects().detachFromReportingSession(stored);
      await db.sessions.delete(noteId);
    });
  }

  /** A note as stored (a draft, or a signed note, which also fits the draft type). */
  async get(noteId: Id): Promise<SessionDraft | undefined> {
    const row = await this.db.sessions.get(noteId);
    return row ? SessionDraftSchema.parse(row) : undefined;
  }

  /** All of a client's notes, newest first, read through the [clientId+serviceDate] index. */
  async listForClient(clientId: Id): Promise<SessionDraft[]> {
    const rows = await this.db.sessions
      .where('[clientId+serviceDate]')
      .between([clientId, Dexie.minKey], [clientId, Dexie.maxKey])
      .reverse()
      .toArray();
    return rows.map((row) => SessionDraftSchema.parse(row)).sort(newestFirst);
  }

  /**
   * Every unsigned draft across clients, oldest first (date of service, time, then when it was
   * started): the "Notes to sign" list and the client list's draft badges. Read through the
   * status index, so it costs the drafts only, not the practice's signed notes.
   */
  async listDrafts(): Promise<SessionDraft[]> {
    const rows = await this.db.sessions.where('status').equals('draft').toArray();
    return rows.map((row) => SessionDraftSchema.parse(row)).sort(oldestFirst);
  }

  /** How many unsigned drafts there are across clients (the sidebar's "Notes to sign"). */
  async countDrafts(): Promise<number> {
    return this.db.sessions.where('status').equals('draft').count();
  }

  /** How many unsigned drafts a client has (the client page header). */
  async countDraftsForClient(clientId: Id): Promise<number> {
    return this.db.sessions
      .where('status')
      .equals('draft')
      .filter((row) => row.clientId === clientId)
      .count();
  }

  /**
   * The client's session before this one (by date of service, then number), if any: the newest
   * (newestFirst) of the notes on the same day with a lower number, else of the notes on the
   * latest earlier day. Reads those days only, not all of the client's notes: the editor watches
   * this live, and every autosave of the draft would otherwise read them all again.
   */
  async previousSession(
    note: Pick<SessionDraft, 'id' | 'clientId' | 'serviceDate' | 'sessionNumber'>,
  ): Promise<SessionDraft | undefined> {
    const { clientId, serviceDate } = note;
    const number = note.sessionNumber ?? Number.MAX_SAFE_INTEGER;
    const byDate = () => this.db.sessions.where('[clientId+serviceDate]');
    // Index order reversed, then a stable sort: the same pick as listForClient's order.
    const newestOfDay = async (day: string, keep: (other: SessionDraft) => boolean) => {
      const rows = await byDate().equals([clientId, day]).reverse().toArray();
      // The note itself (re-saved on every autosave, so always in its own day) is not parsed.
      return rows
        .filter((row) => row.id !== note.id)
        .map((row) => SessionDraftSchema.parse(row))
        .filter(keep)
        .sort(newestFirst)[0];
    };
    const sameDay = await newestOfDay(serviceDate, (other) => (other.sessionNumber ?? 0) < number);
    if (sameDay) return sameDay;
    const latestEarlier = await byDate()
      .between([clientId, Dexie.minKey], [clientId, serviceDate], true, false)
      .reverse()
      .filter((row) => row.id !== note.id)
      .first();
    return latestEarlier ? newestOfDay(latestEarlier.serviceDate, () => true) : undefined;
  }

  /**
   * For "this is before the previous session": the date and number of the newest of the client's
   * sessions numbered below this one (whatever this one's date says). Walks the date index from
   * the newest day, so it reads a row or two, not the whole history.
   */
  async latestEarlierNumbered(
    note: Pick<SessionDraft, 'id' | 'clientId' | 'sessionNumber'>,
  ): Promise<{ serviceDate: string; sessionNumber: number | null } | undefined> {
    const number = note.sessionNumber ?? Number.MAX_SAFE_INTEGER;
    const row = await this.db.sessions
      .where('[clientId+serviceDate]')
      .between([note.clientId, Dexie.minKey], [note.clientId, Dexie.maxKey])
      .reverse()
      .filter((other) => other.id !== note.id && (other.sessionNumber ?? 0) < number)
      .first();
    return row ? { serviceDate: row.serviceDate, sessionNumber: row.sessionNumber ?? null } : undefined;
  }

  /**
   * "Copy from last session": the draft refilled from the client's previous note (see
   * copyFromLastSession for what is carried over), keeping its own number, dates and safety check.
   */
  async draftCopiedFromPrevious(draft: SessionDraft): Promise<SessionDraft | undefined> {
    const previous = await this.previousSession(draft);
    if (!previous) return undefined;
    const copied = copyFromLastSession(previous, { now: this.clock.now(), id: draft.id });
    return {
      ...copied,
      sessionNumber: draft.sessionNumber,
      serviceDate: draft.serviceDate,
      serviceTime: draft.serviceTime,
      entryDate: draft.entryDate,
      createdAt: draft.createdAt,
      safetyCheck: draft.safetyCheck,
      ...(draft.durationMinutes !== null && previous.durationMinutes === null
        ? { durationMinutes: draft.durationMinutes }
        : {}),
    };
  }
}

/** The three repositories of session records, wired to one another over one database. */
export function createSessionRepositories(
  db: StillpointDatabase,
  clients: ClientsRepository,
  clock: Clock = systemClock,
) {
  const audit = new AuditRepository(db, clock);
  const sessions: SessionsRepository = new SessionsRepository(db, {
    audit,
    clients,
    clock,
    afterEffects: () => afterEffects,
  });
  const afterEffects = new AfterEffectsRepository(db, { clock, findSession: (id) => sessions.get(id) });
  return { sessions, afterEffects, audit };
}
