import { localToday } from '../../src-shared/domain/dates';
import {
  emptyHealthHistory,
  type HealthHistory,
  type HealthHistoryInput,
  HealthHistorySchema,
  makeHealthHistoryInputSchema,
} from '../../src-shared/domain/health-history';
import { parseWith } from '../../src-shared/validation';
import { type Clock, systemClock } from './clients-repository';
import type { StillpointDatabase } from './database';

/** The only code that touches the healthHistories table (one record per client). */
export class HealthHistoryRepository {
  constructor(
    private readonly db: StillpointDatabase,
    private readonly clock: Clock = systemClock,
  ) {}

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
}
