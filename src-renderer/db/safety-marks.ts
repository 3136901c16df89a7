import type { IsoDate } from '../../src-shared/domain/dates';
import { HealthHistorySchema } from '../../src-shared/domain/health-history';
import {
  evaluateContraindications,
  HISTORY_NOT_RECORDED_RULE_ID,
  highestSeverity,
  type SafetySettings,
  type Severity,
} from '../../src-shared/safety';
import type { StillpointDatabase } from './database';

/** Each client's worst current finding, for the client list's marks; clients without one are absent. */
export type WorstSeverities = Map<string, Severity>;

export interface SafetyMarksContext {
  today: IsoDate;
  settings: SafetySettings;
  /** Dates of birth by client id (the "child under 2" rule needs them); a client not here has none. */
  dateOfBirthOf: ReadonlyMap<string, IsoDate | null>;
  /** Stops early (returns undefined) when it answers true between pages, e.g. the list was left. */
  cancelled?: () => boolean;
}

/**
 * The safety check run over every stored health history, in one pass a page at a time (the same
 * evaluator, settings and date as the client page, so the list's mark and the page's banner agree).
 * About 50-90 µs a history: 10,000 clients take most of a second, which is why the app runs this
 * in a worker (safety-marks.worker.ts) rather than on the screen's thread. A stored history that
 * no longer passes its schema is skipped rather than guessed at: the client page shows the error.
 */
export async function computeWorstSeverities(
  db: StillpointDatabase,
  context: SafetyMarksContext,
  pageSize = 500,
): Promise<WorstSeverities | undefined> {
  const marks: WorstSeverities = new Map();
  let after: string | undefined;
  for (;;) {
    if (context.cancelled?.()) return undefined;
    const page =
      after === undefined ? db.healthHistories.orderBy(':id') : db.healthHistories.where(':id').above(after);
    const rows = await page.limit(pageSize).toArray();
    for (const row of rows) {
      const parsed = HealthHistorySchema.safeParse(row);
      if (!parsed.success) continue;
      const history = parsed.data;
      // highestSeverity leaves out findings lifted by a clearance on file. "No health history
      // recorded yet" is not a contraindication: the list marks what the history says, and a
      // new client's session asks for the history itself.
      const findings = evaluateContraindications(history, {
        today: context.today,
        dateOfBirth: context.dateOfBirthOf.get(history.clientId) ?? null,
        settings: context.settings,
      }).filter((finding) => finding.ruleId !== HISTORY_NOT_RECORDED_RULE_ID);
      const worst = highestSeverity(findings);
      if (worst !== null) marks.set(history.clientId, worst);
    }
    if (rows.length < pageSize) return marks;
    after = rows[rows.length - 1]!.clientId as string;
  }
}

/** The client list's front door to the histories for its safety marks (read-only). */
export class SafetyMarksReader {
  constructor(private readonly db: StillpointDatabase) {}

  compute(context: SafetyMarksContext, pageSize?: number): Promise<WorstSeverities | undefined> {
    return computeWorstSeverities(this.db, context, pageSize);
  }
}
