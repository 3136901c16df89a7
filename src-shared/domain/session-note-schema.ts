import { z } from 'zod';
import { parseStrict } from '../validation';
import { isKnownRegionId, SideSchema } from './body-regions';
import { daysBetween, type IsoDate, IsoDateSchema, isRealCalendarDate, TimestampSchema } from './dates';
import { type Id, IdSchema, newId } from './ids';
import { AmplitudeSchema, SENSATION_IDS, SEVERITIES, SymmetrySchema } from './sensations';

/**
 * A session note, from the safety check to the plan (issue 4, DOMAIN.md): its schemas.
 * Signing lives in session-signing.ts, new drafts in session-note.ts (which re-exports all three,
 * so callers import from one place).
 *
 * Three schemas, one record:
 * - `SessionDraftSchema` is lenient: it accepts a half-filled form (empty fields, a pain of 11,
 *   a rate typed as text) so autosave never loses what the therapist typed. Bad values are kept
 *   where they have the right type and fall back to empty only when they cannot be stored.
 * - `SessionNoteSchema` is strict: every value in range, every safety finding acknowledged.
 *   A note must pass it to be signed, and every signed note in the database satisfies it.
 * - `makeSessionNoteInputSchema(today)` is the strict schema plus checks that need today's date
 *   (no session in the future). Forms and `signSessionNote` use it.
 * Every strict type is assignable to its draft type, so code that shows a note takes a
 * `SessionDraft` and works for both.
 *
 * After-effects are not part of the note: the client reports them later (usually at the next
 * session), and a signed note never changes. They live in their own table
 * (`AfterEffectReportSchema`), pointing at the session they followed.
 */

export const SESSION_NOTE_MESSAGES = {
  pain: 'Pain is scored 0 to 10',
  rate: 'Rate must be between 0 and 40 cycles per minute',
  futureDate: 'A session cannot be dated in the future',
  serviceTime: 'Enter the time as HH:MM (24-hour clock)',
  duration: 'Duration is 1 to 480 minutes',
  sessionNumber: 'Session numbers are whole numbers from 1',
  stillPointCount: 'Enter the number of still points (0 if none)',
  stillPointSeconds: 'Still point time is in seconds, 0 to 28800',
  improvement: 'Enter a percentage from -100 (much worse) to 100',
  chiefComplaint: 'Enter the reason for this session',
  region: 'Choose an area from the list',
  technique: 'A technique needs a name',
  sensation: 'Choose a sensation from the list, or describe it under Other',
  acknowledge: 'Acknowledge every safety finding before signing',
  avoidOverride:
    'Record the physician\'s clearance, or give a reason for treating despite this "Do not treat" finding',
  clearance: 'Record who gave the clearance and when, or give a reason to proceed without it',
  clearanceBy: 'Enter who gave the clearance',
  modification: 'Note how the treatment was modified',
  safetyCheck: 'Run the safety check before signing',
  signedBy: 'Enter who signs the note',
  alreadySigned: 'This note is already signed: add an addendum instead',
  draftSignature: 'A draft has no signature',
  signature: 'A signed note records when it was signed and by whom',
  addendaOnDraft: 'Only a signed note takes addenda: edit the draft instead',
  addendumText: 'Write the addendum',
  addendumReason: 'Give a reason for the addendum',
  addendumAuthor: 'Enter the author of the addendum',
  tooLong: 'This text is too long',
  afterEffectType: 'Choose or describe the after-effect',
  onset: 'Onset is hours after the session, 0 to 720',
  lasted: 'Enter how many hours it lasted, 0 or more',
  severity: 'Choose mild, moderate or severe',
  reportedLater: 'An after-effect is reported after the session it followed',
} as const;

export const SESSION_STATUSES = ['draft', 'signed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** DOMAIN.md contraindication severities, strongest first. */
export const SAFETY_SEVERITIES = ['AVOID', 'CLEARANCE', 'MODIFY', 'CAUTION'] as const;
export const SafetySeveritySchema = z.enum(SAFETY_SEVERITIES);
export type SafetySeverity = z.infer<typeof SafetySeveritySchema>;

export const AREA_FINDINGS = ['restriction', 'release', 'no-change'] as const;
export const AreaFindingSchema = z.enum(AREA_FINDINGS);
export type AreaFinding = z.infer<typeof AreaFindingSchema>;
export const AREA_FINDING_LABELS: Record<AreaFinding, string> = {
  restriction: 'Restriction',
  release: 'Release',
  'no-change': 'No change',
};

// ---------------------------------------------------------------------------------------------
// Strict parts

const shortText = z.string().max(500, SESSION_NOTE_MESSAGES.tooLong);
const longText = z.string().max(20_000, SESSION_NOTE_MESSAGES.tooLong);
const required = (message: string, max = 2_000) =>
  z.string({ error: message }).trim().min(1, message).max(max, SESSION_NOTE_MESSAGES.tooLong);
const boundedNumber = (min: number, max: number, message: string) =>
  z.number({ error: message }).min(min, message).max(max, message);
const boundedInt = (min: number, max: number, message: string) =>
  boundedNumber(min, max, message).int(message);

const PainSchema = z.object({
  score: boundedInt(0, 10, SESSION_NOTE_MESSAGES.pain).nullable(),
  location: shortText,
});

/**
 * The clearance a safety acknowledgement relied on. Since issue 21 item 6 it is copied from the
 * client's file (`clearanceId` names the entry there, with its end date and who recorded it);
 * notes written before then hold only who and when, typed into the note.
 */
export const ClearanceSchema = z.object({
  givenBy: required(SESSION_NOTE_MESSAGES.clearanceBy, 500),
  date: IsoDateSchema,
  clearanceId: IdSchema.optional(),
  validUntil: IsoDateSchema.nullish(),
  recordedBy: z.string().max(200, SESSION_NOTE_MESSAGES.tooLong).optional(),
});
export type Clearance = z.infer<typeof ClearanceSchema>;

/**
 * A clearance letter attached from this finding (issue 15): the document's id, its title and
 * the SHA-256 of the file, so the signed note says exactly which letter it relied on.
 */
export const ClearanceLetterSchema = z.object({
  attachmentId: IdSchema,
  title: z.string().min(1).max(200),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ClearanceLetter = z.infer<typeof ClearanceLetterSchema>;

const hasText = (value: string | undefined | null) => typeof value === 'string' && value.trim().length > 0;

export const SafetyFindingSchema = z
  .object({
    ruleId: z.string().min(1),
    severity: SafetySeveritySchema,
    title: z.string().min(1).max(500),
    acknowledged: z.boolean(),
    /**
     * AVOID without a clearance on file: why the therapist treated anyway. CLEARANCE without a
     * clearance: why proceed.
     */
    overrideReason: longText.default(''),
    /** MODIFY: how the treatment was modified. */
    modification: longText.default(''),
    /** AVOID or CLEARANCE: the physician's clearance on file that lifted it (who, when, until). */
    clearance: ClearanceSchema.nullish(),
    /** Clearance letters attached from this finding (absent on notes written before issue 15). */
    letters: z.array(ClearanceLetterSchema).max(20).optional(),
  })
  .superRefine((finding, ctx) => {
    if (!finding.acknowledged)
      ctx.addIssue({ code: 'custom', message: SESSION_NOTE_MESSAGES.acknowledge, path: ['acknowledged'] });
    if (finding.severity === 'AVOID' && !finding.clearance?.clearanceId && !hasText(finding.overrideReason)) {
      ctx.addIssue({
        code: 'custom',
        message: SESSION_NOTE_MESSAGES.avoidOverride,
        path: ['overrideReason'],
      });
    }
    if (finding.severity === 'CLEARANCE' && !finding.clearance && !hasText(finding.overrideReason)) {
      ctx.addIssue({ code: 'custom', message: SESSION_NOTE_MESSAGES.clearance, path: ['clearance'] });
    }
    if (finding.severity === 'MODIFY' && !hasText(finding.modification)) {
      ctx.addIssue({ code: 'custom', message: SESSION_NOTE_MESSAGES.modification, path: ['modification'] });
    }
  });
export type SafetyFinding = z.infer<typeof SafetyFindingSchema>;

export const TreatedAreaSchema = z.object({
  id: IdSchema,
  regionId: z.string().refine(isKnownRegionId, SESSION_NOTE_MESSAGES.region),
  side: SideSchema.nullable(),
  /** Technique ids from TECHNIQUES, or the therapist's own words for a custom technique. */
  techniques: z.array(required(SESSION_NOTE_MESSAGES.technique, 200)).max(50),
  finding: AreaFindingSchema.nullable(),
  note: longText,
});
export type TreatedArea = z.infer<typeof TreatedAreaSchema>;

const RhythmSchema = z.object({
  rateCpm: boundedNumber(0, 40, SESSION_NOTE_MESSAGES.rate).nullable(),
  amplitude: AmplitudeSchema.nullable(),
  symmetry: SymmetrySchema.nullable(),
  quality: shortText,
  /** A PALPATION_SITES id or the therapist's own words. */
  site: shortText,
  stillPoints: z.object({
    count: boundedInt(0, 100, SESSION_NOTE_MESSAGES.stillPointCount),
    totalSeconds: boundedNumber(0, 28_800, SESSION_NOTE_MESSAGES.stillPointSeconds).nullable(),
  }),
});

export const AddendumInputSchema = z.object({
  text: required(SESSION_NOTE_MESSAGES.addendumText, 20_000),
  reason: required(SESSION_NOTE_MESSAGES.addendumReason),
});
export type AddendumInput = z.input<typeof AddendumInputSchema>;

export const AddendumSchema = AddendumInputSchema.extend({
  id: IdSchema,
  author: required(SESSION_NOTE_MESSAGES.addendumAuthor, 500),
  createdAt: TimestampSchema,
  /** The computer it was written on (issue 18); absent on addenda written before. */
  computer: z.string().max(100).optional(),
});
export type Addendum = z.infer<typeof AddendumSchema>;

function strictShape(serviceDate: z.ZodString) {
  return {
    id: IdSchema,
    clientId: IdSchema,
    status: z.enum(SESSION_STATUSES),
    serviceDate,
    serviceTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, SESSION_NOTE_MESSAGES.serviceTime),
    durationMinutes: boundedInt(1, 480, SESSION_NOTE_MESSAGES.duration),
    sessionNumber: boundedInt(1, 100_000, SESSION_NOTE_MESSAGES.sessionNumber),
    /** When the note was first written (date of entry, kept apart from the date of service). */
    entryDate: TimestampSchema,
    chiefComplaint: required(SESSION_NOTE_MESSAGES.chiefComplaint),
    painBefore: PainSchema,
    changesSinceLast: longText,
    safetyCheck: z.object({
      checkedAt: TimestampSchema.nullable().refine((at) => at !== null, SESSION_NOTE_MESSAGES.safetyCheck),
      findings: z.array(SafetyFindingSchema),
      /**
       * The day the health history it ran on was last reviewed with the client (null: never).
       * Absent in notes written before the app recorded it.
       */
      historyReviewedAt: IsoDateSchema.nullable().optional(),
    }),
    rhythm: RhythmSchema,
    treatedAreas: z.array(TreatedAreaSchema).max(200),
    sensations: z.object({
      selected: z.array(
        z.string().refine((id) => SENSATION_IDS.includes(id), SESSION_NOTE_MESSAGES.sensation),
      ),
      other: longText,
    }),
    observations: longText,
    emotionalRelease: longText,
    painAfter: PainSchema,
    /** Mann et al.: a percentage change the client reports, or a short description, or both. */
    globalResponse: z.object({
      improvementPercent: boundedNumber(-100, 100, SESSION_NOTE_MESSAGES.improvement).nullable(),
      description: longText,
    }),
    plan: longText,
    nextSessionRecommendation: shortText,
    homeCare: longText,
    signedAt: TimestampSchema.nullable(),
    signedBy: z.string().max(500).nullable(),
    /** The computer the note was signed on (issue 18); absent on notes signed before. */
    signedOnComputer: z.string().max(100).optional(),
    addenda: z.array(AddendumSchema),
    /** Set by a backup merge when two computers changed the same note: the id it was copied from. */
    conflictCopyOf: IdSchema.optional(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  };
}

type StrictShapeOutput = z.infer<z.ZodObject<ReturnType<typeof strictShape>>>;

function checkSignatureMatchesStatus(note: StrictShapeOutput, ctx: z.RefinementCtx) {
  if (note.status === 'signed') {
    if (note.signedAt === null)
      ctx.addIssue({ code: 'custom', message: SESSION_NOTE_MESSAGES.signature, path: ['signedAt'] });
    if (!hasText(note.signedBy))
      ctx.addIssue({ code: 'custom', message: SESSION_NOTE_MESSAGES.signedBy, path: ['signedBy'] });
  } else {
    if (note.signedAt !== null || note.signedBy !== null) {
      ctx.addIssue({ code: 'custom', message: SESSION_NOTE_MESSAGES.draftSignature, path: ['signedAt'] });
    }
    if (note.addenda.length > 0)
      ctx.addIssue({ code: 'custom', message: SESSION_NOTE_MESSAGES.addendaOnDraft, path: ['addenda'] });
  }
}

/** The strict note: what signing requires, and what every signed note in the database satisfies. */
export const SessionNoteSchema = z
  .object(strictShape(IsoDateSchema))
  .superRefine(checkSignatureMatchesStatus);
export type SessionNote = z.infer<typeof SessionNoteSchema>;

/** A signed note as stored: strict, with status 'signed'. */
export const SignedSessionNoteSchema = z
  .object({ ...strictShape(IsoDateSchema), status: z.literal('signed') })
  .superRefine(checkSignatureMatchesStatus);

/**
 * The strict schema plus the checks that depend on today's date, for forms and signing (built
 * once per day and then reused, see buildSessionNoteInputSchema). Messages
 * carry the field path (`painBefore.score`, `safetyCheck.findings.0.overrideReason`), so
 * `fieldErrors` from ../validation puts each beside its field.
 */
export function makeSessionNoteInputSchema(today: IsoDate) {
  let schema = inputSchemas.get(today);
  if (!schema) {
    schema = buildSessionNoteInputSchema(today);
    // A few days at most (a session open across midnight, tests with fixed dates).
    if (inputSchemas.size >= INPUT_SCHEMAS_KEPT) {
      const oldest = inputSchemas.keys().next().value;
      if (oldest !== undefined) inputSchemas.delete(oldest);
    }
    inputSchemas.set(today, schema);
  }
  return schema;
}

/**
 * Building the schema (and zod's first parse with it, which compiles it) costs far more than a
 * check, and the editor checks the note as the therapist types: one schema per day, reused.
 * Schemas are immutable, so sharing one is safe.
 */
function buildSessionNoteInputSchema(today: IsoDate) {
  const notInFuture = IsoDateSchema.refine(
    (date) => !isRealCalendarDate(date) || daysBetween(today, date) <= 0,
    SESSION_NOTE_MESSAGES.futureDate,
  );
  return z.object(strictShape(notInFuture)).superRefine(checkSignatureMatchesStatus);
}

const INPUT_SCHEMAS_KEPT = 4;
const inputSchemas = new Map<IsoDate, ReturnType<typeof buildSessionNoteInputSchema>>();

// ---------------------------------------------------------------------------------------------
// Lenient draft parts: every field falls back to empty rather than failing.

const draftText = z.string().catch('');
const draftNullableText = z.string().nullable().catch(null);
/** A number as typed: numeric text becomes a number, out-of-range values are kept, junk is empty. */
const draftNumber = z
  .preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value),
    z.number().nullable(),
  )
  .catch(null);
const draftStrings = z.array(z.string()).catch([]);

function lenientObject<T extends z.ZodRawShape>(shape: T) {
  const schema = z.object(shape);
  return schema.catch(() => schema.parse({}));
}

const DraftPainSchema = lenientObject({ score: draftNumber, location: draftText });

const DraftFindingSchema = z.object({
  ruleId: draftText,
  // An unreadable severity is treated as the strongest, never silently weakened.
  severity: SafetySeveritySchema.catch('AVOID'),
  title: draftText,
  acknowledged: z.boolean().catch(false),
  overrideReason: draftText,
  modification: draftText,
  clearance: z
    .object({
      givenBy: draftText,
      date: draftText,
      clearanceId: z.string().min(1).optional().catch(undefined),
      validUntil: z.string().nullish().catch(null),
      recordedBy: z.string().optional().catch(undefined),
    })
    .nullish()
    .catch(null),
  letters: z.array(ClearanceLetterSchema).max(20).optional().catch(undefined),
});

const DraftTreatedAreaSchema = z.object({
  id: z
    .string()
    .min(1)
    .catch(() => newId()),
  regionId: draftText,
  side: SideSchema.nullable().catch(null),
  techniques: draftStrings,
  finding: AreaFindingSchema.nullable().catch(null),
  note: draftText,
});

const DraftAddendumSchema = z.object({
  id: draftText,
  text: draftText,
  reason: draftText,
  author: draftText,
  createdAt: draftText,
  computer: z.string().optional().catch(undefined),
});

function draftShape() {
  return {
    // A draft needs an id and a client to be stored at all; everything else may be missing.
    id: IdSchema,
    clientId: IdSchema,
    status: z.enum(SESSION_STATUSES).catch('draft'),
    serviceDate: draftText,
    serviceTime: draftText,
    durationMinutes: draftNumber,
    sessionNumber: draftNumber,
    entryDate: draftText,
    chiefComplaint: draftText,
    painBefore: DraftPainSchema,
    changesSinceLast: draftText,
    safetyCheck: lenientObject({
      checkedAt: draftNullableText,
      findings: z.array(DraftFindingSchema).catch([]),
      historyReviewedAt: z.string().nullable().optional().catch(undefined),
    }),
    rhythm: lenientObject({
      rateCpm: draftNumber,
      amplitude: AmplitudeSchema.nullable().catch(null),
      symmetry: SymmetrySchema.nullable().catch(null),
      quality: draftText,
      site: draftText,
      stillPoints: lenientObject({ count: draftNumber, totalSeconds: draftNumber }),
    }),
    treatedAreas: z.array(DraftTreatedAreaSchema).catch([]),
    sensations: lenientObject({ selected: draftStrings, other: draftText }),
    observations: draftText,
    emotionalRelease: draftText,
    painAfter: DraftPainSchema,
    globalResponse: lenientObject({ improvementPercent: draftNumber, description: draftText }),
    plan: draftText,
    nextSessionRecommendation: draftText,
    homeCare: draftText,
    signedAt: draftNullableText,
    signedBy: draftNullableText,
    signedOnComputer: z.string().optional().catch(undefined),
    addenda: z.array(DraftAddendumSchema).catch([]),
    conflictCopyOf: z.string().optional().catch(undefined),
    createdAt: draftText,
    updatedAt: draftText,
  };
}

/** What autosave stores: a note in progress, never refused for a half-filled field. */
export const SessionDraftSchema = z.object(draftShape());
export type SessionDraft = z.infer<typeof SessionDraftSchema>;

/**
 * Any record of the session notes table (a backup restore validates with this): a signed note
 * must be strictly valid; a draft only needs an id and a client.
 */
export const StoredSessionNoteSchema = z.discriminatedUnion('status', [
  SignedSessionNoteSchema,
  z.object({ ...draftShape(), status: z.literal('draft') }),
]);
export type StoredSessionNote = z.infer<typeof StoredSessionNoteSchema>;

// ---------------------------------------------------------------------------------------------
// After-effects: their own table, so a signed note never changes when the client reports them.

export const AfterEffectInputSchema = z.object({
  /** An AFTER_EFFECT_TYPES id or the therapist's own words. */
  type: required(SESSION_NOTE_MESSAGES.afterEffectType, 200),
  /** Hours after the session it began; null when the client does not remember. */
  onsetHours: boundedNumber(0, 720, SESSION_NOTE_MESSAGES.onset).nullable(),
  /** Hours it lasted; null when unknown or still going on. */
  durationHours: boundedNumber(0, 8_760, SESSION_NOTE_MESSAGES.lasted).nullable(),
  severity: z.enum(SEVERITIES, { error: SESSION_NOTE_MESSAGES.severity }),
  resolved: z.boolean(),
  notes: longText,
});
export type AfterEffectInput = z.input<typeof AfterEffectInputSchema>;

export const AfterEffectReportSchema = AfterEffectInputSchema.extend({
  id: IdSchema,
  /** The session the after-effect followed. */
  sessionId: IdSchema,
  clientId: IdSchema,
  /** The session at which the client reported it, or null for a phone call or message. */
  reportedInSessionId: IdSchema.nullable(),
  reportedAt: TimestampSchema,
}).refine((report) => report.reportedInSessionId !== report.sessionId, {
  message: SESSION_NOTE_MESSAGES.reportedLater,
  path: ['reportedInSessionId'],
});
export type AfterEffectReport = z.infer<typeof AfterEffectReportSchema>;

export function makeAfterEffectReport(
  input: AfterEffectInput,
  context: { sessionId: Id; clientId: Id; reportedInSessionId: Id | null; now: Date; id?: Id },
): AfterEffectReport {
  return parseStrict(
    AfterEffectReportSchema,
    {
      ...input,
      id: context.id ?? newId(),
      sessionId: context.sessionId,
      clientId: context.clientId,
      reportedInSessionId: context.reportedInSessionId,
      reportedAt: context.now.toISOString(),
    },
    'After-effect',
  );
}
