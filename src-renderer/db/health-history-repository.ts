import { localToday } from '../../src-shared/domain/dates';
import {
  type Clearance,
  emptyHealthHistory,
  type HealthHistory,
  type HealthHistoryInput,
  HealthHistorySchema,
  makeClearanceInputSchema,
  makeHealthHistoryInputSchema,
} from '../../src-shared/domain/health-history';
import { type Id, newId } from '../../src-shared/domain/ids';
import { builtInRule } from '../../src-shared/safety/rules';
import { parseWith } from '../../src-shared/validation';
import { AuditRepository } from './audit-repository';
import { type Clock, systemClock } from './clients-repository';
import type { StillpointDatabase } from './database';

/** The only code that touches the healthHistories table (one record per client). */
export class HealthHistoryRepository {
  private readonly audit: AuditRepository;

  constructor(
    private readonly db: StillpointDatabase,
    private readonly clock: Clock = systemClock,
  ) {
    this.audit = new AuditRepository(db, clock);
  }

  async get(clientId: string): Promise<HealthHistory> {
    const row = await this.db.healthHistories.get(clientId);
    return row ? HealthHistorySchema.parse(row) : emptyHealthHistory(clientId, this.clock.now());
  }

  /**
   * Validates the whole history against today's date and replaces the stored one. Saving what
   * the client said counts as reviewing the history with them today.
   */
  async save(clientId: string, input: HealthHistoryInput): Promise<HealthHistory> {
    const now = this.clock.now();
    const today = localToday(now);
    const valid = parseWith(makeHealthHistoryInputSchema(today), input, 'The health history');
    const history = parseWith(
      HealthHistorySchema,
      { ...valid, clientId, reviewedAt: today, updatedAt: now.toISOString() },
      'The health history',
    );
    await this.db.transaction('rw', this.db.clients, this.db.healthHistories, async () => {
      if (!(await this.db.clients.get(clientId))) throw new Error('This client no longer exists.');
      await this.db.healthHistories.put(history);
    });
    return history;
  }

  /**
   * "Reviewed with the client today: no changes": records today as the day the history was last
   * gone through with the client, leaving every entry as it is.
   */
  async markReviewed(clientId: string): Promise<HealthHistory> {
    const now = this.clock.now();
    return this.db.transaction('rw', this.db.clients, this.db.healthHistories, async () => {
      if (!(await this.db.clients.get(clientId))) throw new Error('This client no longer exists.');
      const current = await this.get(clientId);
      const history = parseWith(
        HealthHistorySchema,
        { ...current, reviewedAt: localToday(now), updatedAt: now.toISOString() },
        'The health history',
      );
      await this.db.healthHistories.put(history);
      return history;
    });
  }

  /**
   * "Record physician clearance" from a note's safety check: appends one clearance per item of
   * the finding (same physician, dates and note) to the client's file, with who recorded it and
   * when, and an audit entry on the note, in one transaction. Entries already on file are never
   * changed, and the day the history was reviewed stays as it is: a clearance is not a review.
   */
  async recordClearance(
    clientId: Id,
    input: {
      ruleId: string;
      itemIds: readonly (Id | null)[];
      givenBy: string;
      date: string;
      validUntil: string | null;
      notes: string;
      recordedBy: string;
    },
    noteId: Id,
  ): Promise<Clearance[]> {
    const now = this.clock.now();
    const schema = makeClearanceInputSchema(localToday(now));
    const itemIds = input.itemIds.length > 0 ? input.itemIds : [null];
    const added = itemIds.map((itemId) =>
      parseWith(
        schema,
        {
          id: newId(),
          ruleId: input.ruleId,
          itemId,
          givenBy: input.givenBy,
          date: input.date,
          validUntil: input.validUntil === '' ? null : input.validUntil,
          notes: input.notes,
          recordedBy: input.recordedBy,
          recordedAt: now.toISOString(),
        },
        'The clearance',
      ),
    );
    return this.db.transaction(
      'rw',
      [this.db.clients, this.db.healthHistories, this.db.auditLog],
      async () => {
        if (!(await this.db.clients.get(clientId))) throw new Error('This client no longer exists.');
        const current = await this.get(clientId);
        const history = parseWith(
          HealthHistorySchema,
          { ...current, clearances: [...current.clearances, ...added], updatedAt: now.toISOString() },
          'The health history',
        );
        await this.db.healthHistories.put(history);
        const first = added[0]!;
        const until = first.validUntil ? `, until ${first.validUntil}` : '';
        const by = input.recordedBy.trim() ? `; recorded by ${input.recordedBy.trim()}` : '';
        await this.audit.append({
          noteId,
          clientId,
          action: 'clearance-recorded',
          detail: `${builtInRule(input.ruleId)?.title ?? input.ruleId}: cleared by ${first.givenBy} on ${first.date}${until}${by}`,
        });
        return added;
      },
    );
  }
}
