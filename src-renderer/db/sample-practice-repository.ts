import { z } from 'zod';
import { generatePracticeAll, PRACTICE_TABLES } from '../../src-shared/demo';
import type { IsoDate } from '../../src-shared/domain/dates';
import { clientRowFor } from './clients-repository';
import type { StillpointDatabase } from './database';

/**
 * The sample practice someone evaluating Stillpoint can load from the Welcome screen: a few
 * made-up clients from the synthetic practice generator (src-shared/demo), with their histories,
 * notes and after-effects. The ids of exactly those clients are kept in one settings row, so
 * "Remove sample clients" deletes those and nothing else: a real client added meanwhile, even
 * one with the same name, is never touched.
 */
export const SAMPLE_PRACTICE_KEY = 'sample-practice';

export const SamplePracticeSchema = z.object({
  clientIds: z.array(z.string().min(1).max(100)).max(100),
  loadedAt: z.string().max(40),
});
export type SamplePractice = z.infer<typeof SamplePracticeSchema>;

/** Small enough to look through in a minute, lived-in enough to show every screen. */
const SAMPLE_OPTIONS = { seed: 20261207, clients: 8, sessionsPerClient: 5, yearsOfHistory: 1 } as const;

export class SamplePracticeRepository {
  constructor(private readonly db: StillpointDatabase) {}

  /** The sample client ids, or null when no sample practice is loaded. */
  async current(): Promise<SamplePractice | null> {
    const row = await this.db.settings.get(SAMPLE_PRACTICE_KEY);
    const parsed = SamplePracticeSchema.safeParse(row?.value);
    return parsed.success && parsed.data.clientIds.length > 0 ? parsed.data : null;
  }

  /** Adds the sample clients, with every record of theirs, in one transaction; once only. */
  async load(today: IsoDate, now: Date = new Date()): Promise<SamplePractice> {
    const { db } = this;
    const practice = generatePracticeAll({ ...SAMPLE_OPTIONS, today });
    const tables = [...PRACTICE_TABLES.map((name) => db.table(name)), db.settings];
    return db.transaction('rw', tables, async () => {
      const existing = await this.current();
      if (existing) return existing;
      const rows: Record<(typeof PRACTICE_TABLES)[number], unknown[]> = {
        ...practice,
        clients: practice.clients.map(clientRowFor),
      };
      for (const name of PRACTICE_TABLES) await db.table(name).bulkAdd(rows[name]);
      const sample: SamplePractice = {
        clientIds: practice.clients.map((client) => client.id),
        loadedAt: now.toISOString(),
      };
      await db.settings.put({ key: SAMPLE_PRACTICE_KEY, value: sample, updatedAt: now.toISOString() });
      return sample;
    });
  }

  /**
   * Deletes the sample clients and every record that belongs to them (notes, histories,
   * after-effects, their audit entries), all or nothing. Unlike deleting a real client, no
   * "client deleted" entry is left: these clients never existed.
   */
  async remove(): Promise<number> {
    const { db } = this;
    const tables = [db.clients, db.healthHistories, db.sessions, db.afterEffects, db.auditLog, db.settings];
    return db.transaction('rw', tables, async () => {
      const sample = await this.current();
      if (!sample) return 0;
      const ids = sample.clientIds;
      await db.sessions.where('clientId').anyOf(ids).delete();
      await db.afterEffects.where('clientId').anyOf(ids).delete();
      await db.auditLog.where('clientId').anyOf(ids).delete();
      await db.healthHistories.bulkDelete(ids);
      await db.clients.bulkDelete(ids);
      await db.settings.delete(SAMPLE_PRACTICE_KEY);
      return ids.length;
    });
  }
}
