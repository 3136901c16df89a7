import { z } from 'zod';
import { CatalogIdSchema } from '../safety/catalog';
import { OptionalIsoDateSchema } from './client';
import { dayNumber, type IsoDate, IsoDateSchema, localToday, type Timestamp, TimestampSchema } from './dates';
import { type Id, IdSchema } from './ids';

/**
 * A client's health history: one record per client, keyed by `clientId`, read by the
 * contraindication check (src-shared/safety) at intake and before every session.
 *
 * Empty values follow the client record: optional text is '', optional dates and choices are
 * `null` ('' from a form is accepted and becomes null). A `null` for "treated" means not recorded,
 * and the safety check then assumes the riskier answer.
 *
 * `HealthHistorySchema` checks a stored record and needs no clock; forms validate with
 * `makeHealthHistoryInputSchema(today)` (or the per-item `make...InputSchema(today)` for a
 * dialog that edits one item), which also refuses dates in the future.
 */

const MAX_ITEMS = 500;

/**
 * Every message the health-history schemas write. They stay English (main parses with them too);
 * the screens show each in the reader's language by its name here, the key
 * `validation.history.<name>` (src-shared/i18n/field-messages.ts; a unit test fails for a message
 * without a key). A number in a message is the catalogue's placeholder ({max}).
 */
export const HEALTH_HISTORY_MESSAGES = {
  status: 'Pick current or past',
  severity: 'Pick a severity',
  catalogId: 'Pick a condition from the list',
  condition: 'Enter the condition',
  conditionTooLong: 'Keep the condition under 200 characters',
  notesTooLong: 'Keep the notes under 2000 characters',
  resolvedBeforeOnset: 'The resolved date cannot be before the onset date',
  resolvedButCurrent: 'A condition with a resolved date is past: mark it as past or clear the resolved date',
  onsetFuture: 'The onset date cannot be in the future',
  resolvedFuture: 'The resolved date cannot be in the future',
  medication: 'Enter the medication name',
  medicationTooLong: 'Keep the medication name under 200 characters',
  doseTooLong: 'Keep the dose under 100 characters',
  surgerySite: 'Pick where the surgery was',
  descriptionTooLong: 'Keep the description under 500 characters',
  surgeryFuture: 'The surgery date cannot be in the future',
  injuryFuture: 'The injury date cannot be in the future',
  clearanceRule: 'Pick what the clearance is for',
  clearanceBy: 'Enter who gave the clearance',
  nameTooLong: 'Keep the name under 200 characters',
  clearanceDate: 'Enter the date the clearance was given',
  clearanceEndsBeforeGiven: 'The clearance cannot end before the date it was given',
  clearanceFuture: 'The clearance date cannot be in the future',
  tooManyItems: `Keep each list under ${MAX_ITEMS} entries`,
} as const;
const M = HEALTH_HISTORY_MESSAGES;

function optionalText(max: number, message: string) {
  return z.string().trim().max(max, { message });
}

/** A choice from a list, or null for none ('' from an empty select becomes null). */
function optionalChoice<T extends z.ZodType<string>>(schema: T, message: string) {
  return z.union([z.literal('').transform(() => null), z.null(), schema], { message });
}

function requiredDate(message: string) {
  return z.string().min(1, { message }).pipe(IsoDateSchema);
}

function refuseFuture(
  date: IsoDate | null,
  today: number,
  path: string,
  message: string,
  ctx: z.core.$RefinementCtx<unknown>,
): void {
  if (date !== null && dayNumber(date) > today) ctx.addIssue({ code: 'custom', path: [path], message });
}

// ---------------------------------------------------------------------------------------------
// Conditions

export const ConditionStatusSchema = z.enum(['current', 'past'], { message: M.status });
export type ConditionStatus = z.infer<typeof ConditionStatusSchema>;

/** The severities the safety rules distinguish ("severe" bleeding disorder is AVOID). */
export const CONDITION_SEVERITIES = ['mild', 'moderate', 'severe', 'high-risk'] as const;
export const ConditionSeveritySchema = z.enum(CONDITION_SEVERITIES, { message: M.severity });
export type ConditionSeverity = z.infer<typeof ConditionSeveritySchema>;

export const ConditionSchema = z
  .object({
    id: IdSchema,
    /** The catalog item picked, or null for a condition typed as free text. */
    catalogId: optionalChoice(CatalogIdSchema, M.catalogId),
    label: z.string().trim().min(1, { message: M.condition }).max(200, { message: M.conditionTooLong }),
    status: ConditionStatusSchema,
    onsetDate: OptionalIsoDateSchema,
    /** Only for a past condition: when it resolved or healed. */
    resolvedDate: OptionalIsoDateSchema,
    severity: optionalChoice(ConditionSeveritySchema, M.severity),
    /** Treated by a physician (aneurysm clipped or coiled, brain injury seen): null = not recorded. */
    treated: z.boolean().nullable(),
    notes: optionalText(2000, M.notesTooLong),
  })
  .superRefine((condition, ctx) => {
    if (
      condition.onsetDate !== null &&
      condition.resolvedDate !== null &&
      dayNumber(condition.resolvedDate) < dayNumber(condition.onsetDate)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['resolvedDate'],
        message: M.resolvedBeforeOnset,
      });
    }
    if (condition.status === 'current' && condition.resolvedDate !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: M.resolvedButCurrent,
      });
    }
  });
export type Condition = z.output<typeof ConditionSchema>;

export function makeConditionInputSchema(today: IsoDate) {
  const day = dayNumber(today);
  return ConditionSchema.superRefine((condition, ctx) => {
    refuseFuture(condition.onsetDate, day, 'onsetDate', M.onsetFuture, ctx);
    refuseFuture(condition.resolvedDate, day, 'resolvedDate', M.resolvedFuture, ctx);
  });
}

// ---------------------------------------------------------------------------------------------
// Medications, pregnancy

/** A medication the client takes now (stopped medications are removed from the list). */
export const MedicationSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1, { message: M.medication }).max(200, { message: M.medicationTooLong }),
  dose: optionalText(100, M.doseTooLong),
  /** A blood thinner; names on the known list count as one even when this is false. */
  anticoagulant: z.boolean(),
});
export type Medication = z.infer<typeof MedicationSchema>;

export const PregnancySchema = z.object({
  pregnant: z.boolean(),
  dueDate: OptionalIsoDateSchema,
  highRisk: z.boolean(),
});
export type Pregnancy = z.output<typeof PregnancySchema>;

// ---------------------------------------------------------------------------------------------
// Surgeries, head injuries

export const SURGERY_SITES = ['cranial', 'spinal', 'other'] as const;
export const SurgerySiteSchema = z.enum(SURGERY_SITES, { message: M.surgerySite });
export type SurgerySite = z.infer<typeof SurgerySiteSchema>;

export const SurgerySchema = z.object({
  id: IdSchema,
  /** null when the client does not know; the safety check then treats it as possibly recent. */
  date: OptionalIsoDateSchema,
  site: SurgerySiteSchema,
  description: optionalText(500, M.descriptionTooLong),
});
export type Surgery = z.output<typeof SurgerySchema>;

export function makeSurgeryInputSchema(today: IsoDate) {
  const day = dayNumber(today);
  return SurgerySchema.superRefine((surgery, ctx) => {
    refuseFuture(surgery.date, day, 'date', M.surgeryFuture, ctx);
  });
}

export const HeadInjurySchema = z.object({
  id: IdSchema,
  date: OptionalIsoDateSchema,
  description: optionalText(500, M.descriptionTooLong),
  /** Seen and treated by a physician. */
  treated: z.boolean(),
});
export type HeadInjury = z.output<typeof HeadInjurySchema>;

export function makeHeadInjuryInputSchema(today: IsoDate) {
  const day = dayNumber(today);
  return HeadInjurySchema.superRefine((injury, ctx) => {
    refuseFuture(injury.date, day, 'date', M.injuryFuture, ctx);
  });
}

// ---------------------------------------------------------------------------------------------
// Clearances

/**
 * A physician's clearance on file: the physician assessed the client and cleared treatment. It
 * lifts the "Do not treat" and "Needs medical clearance" findings of its rule (a built-in rule id
 * such as "aneurysm", or a practice rule's id), or of one item of the history when `itemId` is
 * set, until `validUntil` (see src-shared/safety/evaluate.ts).
 *
 * Clearances are history: kept on the client's file (not per session) so every later session
 * shows them, never removed by a merge (src-shared/merge/merge-rules.ts). `recordedBy` and
 * `recordedAt` came later: a clearance stored before them reads as '' and null.
 */
export const ClearanceSchema = z
  .object({
    id: IdSchema,
    ruleId: z.string().trim().min(1, { message: M.clearanceRule }).max(64),
    /** The condition, surgery, injury or medication it names; null = the whole rule. */
    itemId: IdSchema.nullable().default(null),
    givenBy: z.string().trim().min(1, { message: M.clearanceBy }).max(200, { message: M.nameTooLong }),
    date: requiredDate(M.clearanceDate),
    /** Last day the clearance holds, when the physician limited it; null = no end. */
    validUntil: OptionalIsoDateSchema.default(null),
    notes: optionalText(2000, 'notes'),
    /** The therapist who wrote it down ('' for clearances recorded before this was asked). */
    recordedBy: optionalText(200, M.nameTooLong).default(''),
    /** When it was written down (null for clearances recorded before this was kept). */
    recordedAt: TimestampSchema.nullable().default(null),
  })
  .superRefine((clearance, ctx) => {
    if (clearance.validUntil !== null && dayNumber(clearance.validUntil) < dayNumber(clearance.date)) {
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: M.clearanceEndsBeforeGiven,
      });
    }
  });
export type Clearance = z.output<typeof ClearanceSchema>;

export function makeClearanceInputSchema(today: IsoDate) {
  const day = dayNumber(today);
  return ClearanceSchema.superRefine((clearance, ctx) => {
    refuseFuture(clearance.date, day, 'date', M.clearanceFuture, ctx);
  });
}

// ---------------------------------------------------------------------------------------------
// The whole history

const tooMany = { message: M.tooManyItems };

function historyShape(today: IsoDate | null) {
  return {
    conditions: z.array(today ? makeConditionInputSchema(today) : ConditionSchema).max(MAX_ITEMS, tooMany),
    medications: z.array(MedicationSchema).max(MAX_ITEMS, tooMany),
    /** null when pregnancy was never asked about or does not apply. */
    pregnancy: PregnancySchema.nullable(),
    surgeries: z.array(today ? makeSurgeryInputSchema(today) : SurgerySchema).max(MAX_ITEMS, tooMany),
    headInjuries: z
      .array(today ? makeHeadInjuryInputSchema(today) : HeadInjurySchema)
      .max(MAX_ITEMS, tooMany),
    clearances: z.array(today ? makeClearanceInputSchema(today) : ClearanceSchema).max(MAX_ITEMS, tooMany),
  };
}

/** The stored record (a Dexie row keyed by clientId, a backup, an IPC payload). */
export const HealthHistorySchema = z.object({
  clientId: IdSchema,
  ...historyShape(null),
  /**
   * The last day the therapist went through the history with the client (schema version 2): set
   * by saving a change and by "Reviewed with the client today: no changes". null = never: with
   * nothing recorded either, the history was never taken, which is not a clean bill of health.
   */
  reviewedAt: IsoDateSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type HealthHistory = z.output<typeof HealthHistorySchema>;

/** What the health-history form edits: the lists, without clientId and updatedAt. */
export const HealthHistoryInputSchema = z.object(historyShape(null));
export type HealthHistoryInput = z.output<typeof HealthHistoryInputSchema>;
export type HealthHistoryFormValues = z.input<typeof HealthHistoryInputSchema>;

/**
 * The schema the form validates with: also refuses onset, resolved, surgery, injury and
 * clearance dates after `today`. Error paths point at the field, e.g.
 * ["conditions", 0, "resolvedDate"].
 */
export function makeHealthHistoryInputSchema(today: IsoDate) {
  return z.object(historyShape(today));
}

/** A new client's history: nothing recorded yet, never reviewed. */
export function emptyHealthHistory(clientId: Id, now: Timestamp | Date): HealthHistory {
  return {
    clientId,
    conditions: [],
    medications: [],
    pregnancy: null,
    surgeries: [],
    headInjuries: [],
    clearances: [],
    reviewedAt: null,
    updatedAt: typeof now === 'string' ? now : now.toISOString(),
  };
}

/** Nothing in any list and pregnancy never asked about. */
export function recordsNothing(
  history: Omit<HealthHistory, 'clientId' | 'updatedAt' | 'reviewedAt'>,
): boolean {
  return (
    history.conditions.length === 0 &&
    history.medications.length === 0 &&
    history.pregnancy === null &&
    history.surgeries.length === 0 &&
    history.headInjuries.length === 0 &&
    history.clearances.length === 0
  );
}

/**
 * "No health history recorded yet": never reviewed with the client and nothing in it. The safety
 * check says so (amber) instead of "no contraindications found".
 */
export function historyNotRecorded(history: HealthHistory): boolean {
  return history.reviewedAt === null && recordsNothing(history);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A schema-version-1 row (no `reviewedAt`) as version 2 stores it. A v1 history that records
 * anything was taken with the client: reviewed on the day it was last saved. An empty one may
 * never have been taken, so it stays "not recorded" (the safe reading: the check asks again
 * instead of reporting a clean bill of health). Rows that already have the field, and anything
 * that is not a record, pass unchanged (the schema then judges them). Used by the database
 * upgrade and by a restore of an older backup, so both read old rows the same way.
 */
export function upgradeHealthHistoryRow(row: unknown): unknown {
  if (!isPlainObject(row) || 'reviewedAt' in row) return row;
  const lists = ['conditions', 'medications', 'surgeries', 'headInjuries', 'clearances'];
  const recordsSomething =
    lists.some((key) => Array.isArray(row[key]) && (row[key] as unknown[]).length > 0) ||
    (row.pregnancy !== null && row.pregnancy !== undefined);
  const saved = typeof row.updatedAt === 'string' ? new Date(row.updatedAt) : null;
  const reviewedAt =
    recordsSomething && saved !== null && !Number.isNaN(saved.getTime()) ? localToday(saved) : null;
  return { ...row, reviewedAt };
}

/** Any stored health history, of this version or an older one (a restore, an import). */
export const StoredHealthHistorySchema = z.preprocess(upgradeHealthHistoryRow, HealthHistorySchema);
