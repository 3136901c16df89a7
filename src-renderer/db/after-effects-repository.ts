import type { Id } from '../../src-shared/domain/ids';
import {
  type AfterEffectInput,
  type AfterEffectReport,
  AfterEffectReportSchema,
  isSigned,
  makeAfterEffectReport,
  SESSION_NOTE_MESSAGES,
  type SessionDraft,
} from '../../src-shared/domain/session-note';
import { parseWith } from '../../src-shared/validation';
import { type Clock, systemClock } from './clients-repository';
import type { StillpointDatabase } from './database';

/** Reads a session note; given by the sessions repository, which owns that table. */
export type SessionLookup = (id: Id) => Promise<SessionDraft | undefined>;

/**
 * The only code that touches the afterEffects table. A client reports after-effects later,
 * usually at the next session; each report is saved against the session it followed, so a
 * signed note never changes when the client tells us how the days after it went.
 */
export class AfterEffectsRepository {
  private readonly clock: Clock;
  private readonly findSession: SessionLookup;

  constructor(
    private readonly db: StillpointDatabase,
    deps: { findSession: SessionLookup; clock?: Clock },
  ) {
    this.clock = deps.clock ?? systemClock;
    this.findSession = deps.findSession;
  }

  /**
   * Saves what the client reported after session `sessionId`. `reportedInSessionId` is the note
   * being written when they said it (null for a phone call or a message). Refused when that note
   * is already signed: its record of what was reported must not change.
   */
  async report(
    sessionId: Id,
    input: AfterEffectInput,
    reportedInSessionId: Id | null,
  ): Promise<AfterEffectReport> {
    const { db } = this;
    return db.transaction('rw', db.afterEffects, db.sessions, async () => {
      const session = await this.findSession(sessionId);
      if (!session) throw new Error('The session these after-effects followed no longer exists.');
      if (reportedInSessionId !== null) {
        const reportedIn = await this.findSession(reportedInSessionId);
        if (!reportedIn) throw new Error('The session note being written no longer exists.');
        if (reportedIn.clientId !== session.clientId)
          throw new Error('After-effects belong to a session of the same client.');
        if (isSigned(reportedIn))
          throw new Error('That note is signed: record the after-effect in an addendum instead.');
        if (reportedIn.serviceDate && session.serviceDate && reportedIn.serviceDate < session.serviceDate)
          throw new Error(SESSION_NOTE_MESSAGES.reportedLater);
      }
      const report = makeAfterEffectReport(input, {
        sessionId,
        clientId: session.clientId,
        reportedInSessionId,
        now: this.clock.now(),
      });
      await db.afterEffects.add(report);
      return report;
    });
  }

  /** Takes back a report made by mistake, unless a signed note records it. */
  async remove(reportId: Id): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.afterEffects, db.sessions, async () => {
      const row = await db.afterEffects.get(reportId);
      if (!row) return;
      const report = AfterEffectReportSchema.parse(row);
      if (report.reportedInSessionId !== null) {
        const reportedIn = await this.findSession(report.reportedInSessionId);
        if (reportedIn && isSigned(reportedIn))
          throw new Error('This after-effect is part of a signed note and stays on record.');
      }
      await db.afterEffects.delete(reportId);
    });
  }

  /** Reports about one session (what followed it), in the order they were reported. */
  async listForSession(sessionId: Id): Promise<AfterEffectReport[]> {
    return this.parseAll(await this.db.afterEffects.where('sessionId').equals(sessionId).toArray());
  }

  async listForClient(clientId: Id): Promise<AfterEffectReport[]> {
    return this.parseAll(await this.db.afterEffects.where('clientId').equals(clientId).toArray());
  }

  /** Reports the client gave while note `noteId` was written (the SOAP view's subjective part). */
  async listReportedIn(note: { id: Id; clientId: Id }): Promise<AfterEffectReport[]> {
    const rows = await this.db.afterEffects.where('clientId').equals(note.clientId).toArray();
    return this.parseAll(rows.filter((row) => row.reportedInSessionId === note.id));
  }

  /**
   * A deleted draft leaves the reports the client gave in it on record, as reported outside a
   * session. Called by the sessions repository inside its delete transaction.
   */
  async detachFromReportingSession(note: { id: Id; clientId: Id }): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.afterEffects, async () => {
      const rows = (await db.afterEffects.where('clientId').equals(note.clientId).toArray()).filter(
        (row) => row.reportedInSessionId === note.id,
      );
      for (const row of rows) {
        const report = parseWith(
          AfterEffectReportSchema,
          { ...row, reportedInSessionId: null },
          'After-effect',
        );
        await db.afterEffects.put(report);
      }
    });
  }

  private parseAll(rows: unknown[]): AfterEffectReport[] {
    return rows
      .map((row) => AfterEffectReportSchema.parse(row))
      .sort((a, b) => (a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : 0));
  }
}
