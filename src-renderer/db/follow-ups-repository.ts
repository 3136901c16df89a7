import type { IsoDate } from '../../src-shared/domain/dates';
import { localToday } from '../../src-shared/domain/dates';
import type { Id } from '../../src-shared/domain/ids';
import { newId } from '../../src-shared/domain/ids';
import { earliestDueServiceDate, isFollowUpDue } from '../../src-shared/outcomes/follow-up-due';
import {
  type FollowUp,
  type FollowUpInput,
  FollowUpInputSchema,
  FollowUpSchema,
} from '../../src-shared/outcomes/schemas';
import { OUTCOME_MESSAGES } from '../../src-shared/outcomes/wording';
import { parseStrict, parseWith } from '../../src-shared/validation';
import type { SessionLookup } from './after-effects-repository';
import { type Clock, systemClock } from './clients-repository';
import type { StillpointDatabase } from './database';

/** A signed session whose follow-up is due, for the client page and "Follow up today". */
export interface DueFollowUp {
  sessionId: Id;
  clientId: Id;
  serviceDate: IsoDate;
  sessionNumber: number | null;
}

/**
 * The only code that writes the followUps table: the call or message after a signed session
 * ("no reactions", or after-effects, which are saved as after-effect reports against that
 * session by the after-effects repository). Append-only: a follow-up is a record of a contact.
 *
 * `due` reads the sessions table (read-only, like the fronts in this folder) to find signed
 * sessions from the last few days without a follow-up.
 */
export class FollowUpsRepository {
  private readonly clock: Clock;
  private readonly findSession: SessionLookup;

  constructor(
    private readonly db: StillpointDatabase,
    deps: { findSession: SessionLookup; clock?: Clock },
  ) {
    this.clock = deps.clock ?? systemClock;
    this.findSession = deps.findSession;
  }

  async record(sessionId: Id, input: FollowUpInput): Promise<FollowUp> {
    const valid = parseWith(FollowUpInputSchema, input, 'The follow-up');
    const { db } = this;
    return db.transaction('rw', db.followUps, db.sessions, async () => {
      const session = await this.findSession(sessionId);
      if (!session) throw new Error('The session this follow-up is about no longer exists.');
      if (session.status !== 'signed') throw new Error(OUTCOME_MESSAGES.followUpUnsigned);
      const problems: string[] = [];
      if (session.serviceDate && valid.date < session.serviceDate)
        problems.push(`date: ${OUTCOME_MESSAGES.followUpBeforeSession}`);
      const record = parseStrict(
        FollowUpSchema,
        {
          id: newId(),
          clientId: session.clientId,
          sessionId,
          ...valid,
          recordedAt: this.clock.now().toISOString(),
        },
        'The follow-up',
        problems,
      );
      await db.followUps.add(record);
      return record;
    });
  }

  async listForClient(clientId: Id): Promise<FollowUp[]> {
    const rows = await this.db.followUps.where('clientId').equals(clientId).toArray();
    return rows
      .map((row) => FollowUpSchema.parse(row))
      .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  }

  /**
   * Signed sessions from the last `days` days (to `today`) with no follow-up yet, oldest first;
   * of one client when `clientId` is given.
   */
  async due(options: { days: number; today?: IsoDate; clientId?: Id }): Promise<DueFollowUp[]> {
    const today = options.today ?? localToday(this.clock.now());
    const from = earliestDueServiceDate(today, options.days);
    const { db } = this;
    return db.transaction('r', db.sessions, db.followUps, async () => {
      const sessions =
        options.clientId !== undefined
          ? await db.sessions
              .where('[clientId+serviceDate]')
              .between([options.clientId, from], [options.clientId, today], true, true)
              .toArray()
          : // Not every signed note of the practice (200,000 in a large one): a note is signed on
            // or after its date of service (a future date cannot be signed) and changes only later,
            // so its updatedAt is at least that day. Two days' margin covers time zones.
            await db.sessions
              .where('updatedAt')
              .aboveOrEqual(`${earliestDueServiceDate(today, options.days + 2)}T00:00:00.000Z`)
              .filter((row) => row.status === 'signed' && row.serviceDate >= from)
              .toArray();
      const due: DueFollowUp[] = [];
      for (const row of sessions) {
        const followedUp = (await db.followUps.where('sessionId').equals(row.id).count()) > 0;
        if (
          !isFollowUpDue(
            { status: String(row.status), serviceDate: String(row.serviceDate) },
            followedUp,
            today,
            options.days,
          )
        )
          continue;
        due.push({
          sessionId: row.id,
          clientId: row.clientId as Id,
          serviceDate: row.serviceDate as IsoDate,
          sessionNumber: (row.sessionNumber as number | null) ?? null,
        });
      }
      return due.sort((a, b) => (a.serviceDate < b.serviceDate ? -1 : a.serviceDate > b.serviceDate ? 1 : 0));
    });
  }
}
