import { z } from 'zod';
import { describeIssues, ValidationError } from '../validation';
import { isKnownRegionId, SideSchema } from './body-regions';
import { serviceDateError } from './date-rules';
import {
  daysBetween,
  type IsoDate,
  IsoDateSchema,
  isRealCalendarDate,
  localToday,
  TimestampSchema,
} from './dates';
import { type Id, IdSchema, newId } from './ids';
import { AmplitudeSchema, SENSATION_IDS, SEVERITIES, SymmetrySchema } from './sensations';

/**
 * A session note, from the safety check to the plan (issue 4, DOMAIN.md).
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

// ---------------------------------------------------------------------------------------------
// Helpers

function parseStrict<S extends z.ZodType>(schema: S, input: unknown, what: string, extra: string[] = []) {
  const parsed = schema.safeParse(input);
  // A field named in `extra` keeps that one message (the more specific), not the schema's too.
  const extraPaths = new Set(extra.map((line) => line.split(': ')[0]));
  const issues = (parsed.success ? [] : describeIssues(parsed.error)).filter(
    (line) => !extraPaths.has(line.split(': ')[0]),
  );
  const all = [...new Set([...extra, ...issues])];
  if (!parsed.success || all.length > 0) throw new ValidationError(what, all);
  return parsed.data as z.output<S>;
}

export function isSigned(note: Pick<SessionDraft, 'status'>): boolean {
  return note.status === 'signed';
}

function localTimeOfDay(now: Date): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** A new, empty draft dated today (this computer's clock), for "New session". */
export function emptySessionNote(options: {
  clientId: Id;
  sessionNumber: number;
  now: Date;
  id?: Id;
  durationMinutes?: number;
}): SessionDraft {
  const at = options.now.toISOString();
  return {
    id: options.id ?? newId(),
    clientId: options.clientId,
    status: 'draft',
    serviceDate: localToday(options.now),
    serviceTime: localTimeOfDay(options.now),
    durationMinutes: options.durationMinutes ?? 60,
    sessionNumber: options.sessionNumber,
    entryDate: at,
    chiefComplaint: '',
    painBefore: { score: null, location: '' },
    changesSinceLast: '',
    safetyCheck: { checkedAt: null, findings: [] },
    rhythm: {
      rateCpm: null,
      amplitude: null,
      symmetry: null,
      quality: '',
      site: '',
      stillPoints: { count: 0, totalSeconds: null },
    },
    treatedAreas: [],
    sensations: { selected: [], other: '' },
    observations: '',
    emotionalRelease: '',
    painAfter: { score: null, location: '' },
    globalResponse: { improvementPercent: null, description: '' },
    plan: '',
    nextSessionRecommendation: '',
    homeCare: '',
    signedAt: null,
    signedBy: null,
    addenda: [],
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * "Copy from last session": a new draft that starts from what a therapist reuses (the chief
 * complaint, the treated areas with their sides and techniques, the palpation site, the plan and
 * the usual duration). Never copied: today's scores and findings, area notes, the safety check
 * (it must be run again for today), dates, signature and addenda.
 */
export function copyFromLastSession(
  previous: SessionDraft,
  options: { now: Date; sessionNumber?: number; id?: Id },
): SessionDraft {
  const sessionNumber = options.sessionNumber ?? (previous.sessionNumber ?? 0) + 1;
  const fresh = emptySessionNote({
    clientId: previous.clientId,
    sessionNumber,
    now: options.now,
    ...(options.id ? { id: options.id } : {}),
    ...(previous.durationMinutes !== null ? { durationMinutes: previous.durationMinutes } : {}),
  });
  return {
    ...fresh,
    chiefComplaint: previous.chiefComplaint,
    treatedAreas: previous.treatedAreas.map((area) => ({
      id: newId(),
      regionId: area.regionId,
      side: area.side,
      techniques: [...area.techniques],
      finding: null,
      note: '',
    })),
    rhythm: { ...fresh.rhythm, site: previous.rhythm.site },
    plan: previous.plan,
  };
}

/** A safety finding as the check reports it, before the therapist has acknowledged it. */
export function pendingSafetyFinding(rule: {
  ruleId: string;
  severity: SafetySeverity;
  title: string;
}): SafetyFinding {
  return { ...rule, acknowledged: false, overrideReason: '', modification: '', clearance: null };
}

/**
 * Why a note cannot be signed yet, as field path -> message (empty when it can), for showing
 * beside each field before the therapist presses "Sign note".
 */
export function signingProblems(note: SessionDraft, options: SigningOptions): Record<string, string> {
  try {
    signSessionNote(note, options);
    return {};
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const out: Record<string, string> = {};
    for (const line of error.issues) {
      const split = line.indexOf(': ');
      const [path, message] = split === -1 ? ['', line] : [line.slice(0, split), line.slice(split + 2)];
      if (!(path in out)) out[path] = message;
    }
    return out;
  }
}

/**
 * "Sign note": validates the draft strictly and returns the signed copy (status, signedAt,
 * signedBy). Throws a ValidationError naming every field that stops signing: a value out of
 * range, a session in the future, a safety finding not acknowledged, an AVOID finding without an
 * override reason. Pure: saving the result (and refusing later edits) is the repository's job.
 */
export function signSessionNote(note: SessionDraft, options: SigningOptions): SessionNote {
  if (isSigned(note))
    throw new ValidationError('Session note', [`status: ${SESSION_NOTE_MESSAGES.alreadySigned}`]);
  const at = options.now.toISOString();
  const today = localToday(options.now);
  const signedBy = options.by.trim();
  const candidate = { ...note, status: 'signed', signedAt: at, signedBy, updatedAt: at };
  // Checked here as well as in the schema: the schema's cross-field check is skipped when another
  // field has the wrong type, and a missing signer must always be named. The date of service
  // follows the shared date rules (date-rules.ts), which also know the client's date of birth.
  const extra = signedBy ? [] : [`signedBy: ${SESSION_NOTE_MESSAGES.signedBy}`];
  const dateError = serviceDateError(note.serviceDate, { today, dateOfBirth: options.dateOfBirth ?? null });
  if (dateError) extra.unshift(`serviceDate: ${dateError}`);
  return parseStrict(makeSessionNoteInputSchema(today), candidate, 'Session note', extra);
}

export interface SigningOptions {
  by: string;
  now: Date;
  /** The client's date of birth: a session cannot be dated before it. */
  dateOfBirth?: IsoDate | null;
}

/**
 * "Add addendum": a correction or late entry appended to a signed note. The original stays as it
 * was; only `addenda` grows (and `updatedAt`, so a backup merge sees the newer copy).
 */
export function addAddendum(
  note: SessionNote,
  input: AddendumInput,
  options: { author: string; now: Date; id?: Id },
): SessionNote {
  if (!isSigned(note))
    throw new ValidationError('Addendum', [`status: ${SESSION_NOTE_MESSAGES.addendaOnDraft}`]);
  const at = options.now.toISOString();
  const addendum = parseStrict(
    AddendumSchema,
    { ...input, id: options.id ?? newId(), author: options.author, createdAt: at },
    'Addendum',
  );
  return { ...note, addenda: [...note.addenda, addendum], updatedAt: at };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * For the repository's "a signed note is never edited" rule: the fields `after` changed compared
 * with the stored signed note `before`. Appending addenda and moving `updatedAt` are allowed, so
 * an empty list means the write may go ahead.
 */
export function signedNoteChanges(before: SessionDraft, after: SessionDraft): string[] {
  const changed: string[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof SessionDraft>;
  for (const key of keys) {
    if (key === 'updatedAt' || key === 'addenda') continue;
    if (!sameValue(before[key], after[key])) changed.push(key);
  }
  const kept = after.addenda.slice(0, before.addenda.length);
  if (after.addenda.length < before.addenda.length || !sameValue(kept, before.addenda))
    changed.push('addenda');
  return changed;
}
