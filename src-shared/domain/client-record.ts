import { z } from 'zod';
import { AttachmentSchema } from '../documents/attachment';
import { ConsentRecordSchema, IntakeDraftSchema, IntakeSubmissionSchema } from '../intake/records';
import { FollowUpSchema, OutcomeProfileSchema, OutcomeScoreSchema } from '../outcomes/schemas';
import { PaperSizeSchema } from './aftercare';
import { AuditEntrySchema } from './audit';
import { CLIENT_MESSAGES, ClientSchema } from './client';
import { TimestampSchema } from './dates';
import { HealthHistorySchema } from './health-history';
import { AfterEffectReportSchema, StoredSessionNoteSchema } from './session-note';

/**
 * One client's complete record as a single, versioned JSON document: what a practice hands over
 * when a client asks for a copy of their records (GDPR Art. 15 and 20, HIPAA 164.524). The same
 * document crosses IPC for the PDF rendering, and main validates it again with this schema.
 *
 * Documented field by field in docs/export-formats.md. Stored records appear exactly as the
 * database holds them (same field names, same empty-value conventions), so a reader that knows
 * the Stillpoint record schemas knows this format. Only additive changes keep `version` 1.
 */

export const CLIENT_RECORD_FORMAT = 'stillpoint-client-record';
export const CLIENT_RECORD_VERSION = 1;

// Derived text is bounded so a hostile payload cannot make main lay out megabytes of it.
const derivedLine = z.string().max(60_000);
const derivedLines = z.array(derivedLine).max(1_000);

/** The note as readable SOAP sentences (src-shared/domain/soap.ts), generated from its fields. */
export const SoapTextSchema = z.object({
  header: derivedLines,
  subjective: derivedLines,
  objective: derivedLines,
  assessment: derivedLines,
  plan: derivedLines,
  addenda: derivedLines,
});
export type SoapText = z.infer<typeof SoapTextSchema>;

export const ClientRecordSessionSchema = z.object({
  /** The note as stored: a signed note (strict) or a draft (lenient). */
  note: StoredSessionNoteSchema,
  /** The same note as SOAP sentences, for a human reading the JSON. */
  soap: SoapTextSchema,
});
export type ClientRecordSession = z.infer<typeof ClientRecordSessionSchema>;

/** Who holds the record: the practice details from Settings (empty strings when never set). */
export const ClientRecordPracticeSchema = z.object({
  name: z.string().max(200),
  address: z.string().max(500),
  phone: z.string().max(50),
  email: z.string().max(254),
  website: z.string().max(200),
  therapistName: z.string().max(200),
  paperSize: PaperSizeSchema,
});
export type ClientRecordPractice = z.infer<typeof ClientRecordPracticeSchema>;

// The stored client without `searchText`, an index field derived from the names (not part of
// the record). ClientSchema carries refinements, so the shape is copied rather than omitted.
const { searchText: _searchText, ...clientShape } = ClientSchema.shape;
export const ClientRecordClientSchema = z.object(clientShape);
export type ClientRecordClient = z.infer<typeof ClientRecordClientSchema>;

const MAX_NOTES = 100_000;

export const ClientRecordSchema = z
  .object({
    format: z.literal(CLIENT_RECORD_FORMAT),
    version: z.literal(CLIENT_RECORD_VERSION),
    exportedAt: TimestampSchema,
    practice: ClientRecordPracticeSchema,
    client: ClientRecordClientSchema,
    healthHistory: HealthHistorySchema,
    /** Every note, oldest first (date of service, then time, then session number). */
    sessions: z.array(ClientRecordSessionSchema).max(MAX_NOTES),
    /** Every after-effect report, in the order reported. */
    afterEffects: z.array(AfterEffectReportSchema).max(MAX_NOTES * 20),
    /** Every audit entry of the client's notes, oldest first (deleted drafts' entries included). */
    auditLog: z.array(AuditEntrySchema).max(MAX_NOTES * 50),
    /** Intake forms the client submitted, exactly as submitted, oldest first (added with schema 3). */
    intakeSubmissions: z.array(IntakeSubmissionSchema).max(10_000).default([]),
    /** The form the client has started and not submitted, if any. */
    intakeDrafts: z.array(IntakeDraftSchema).max(1).default([]),
    /** Signed consents (exact text, hash, signature) and withdrawals, oldest first. */
    consents: z.array(ConsentRecordSchema).max(1_000).default([]),
    /**
     * Documents and photos (schema 4): their details and SHA-256, newest document date first.
     * The files themselves travel beside the JSON in the record's ZIP, named in its manifest.
     */
    attachments: z.array(AttachmentSchema).max(100_000).default([]),
    /** Outcome profiles in the client's own words, oldest first (added with schema 5). */
    outcomeProfiles: z.array(OutcomeProfileSchema).max(1_000).default([]),
    /** Every outcome score, in the order given. */
    outcomeScores: z.array(OutcomeScoreSchema).max(MAX_NOTES).default([]),
    /** Follow-ups after signed sessions, in the order recorded. */
    followUps: z.array(FollowUpSchema).max(MAX_NOTES).default([]),
  })
  .superRefine((record, ctx) => {
    const clientId = record.client.id;
    const wrongOwner = (path: (string | number)[]) =>
      ctx.addIssue({ code: 'custom', path, message: CLIENT_MESSAGES.otherClient });
    if (record.healthHistory.clientId !== clientId) wrongOwner(['healthHistory', 'clientId']);
    record.sessions.forEach((session, index) => {
      if (session.note.clientId !== clientId) wrongOwner(['sessions', index, 'note', 'clientId']);
    });
    record.afterEffects.forEach((report, index) => {
      if (report.clientId !== clientId) wrongOwner(['afterEffects', index, 'clientId']);
    });
    record.auditLog.forEach((entry, index) => {
      if (entry.clientId !== clientId) wrongOwner(['auditLog', index, 'clientId']);
    });
    for (const field of [
      'intakeSubmissions',
      'intakeDrafts',
      'consents',
      'attachments',
      'outcomeProfiles',
      'outcomeScores',
      'followUps',
    ] as const) {
      record[field].forEach((item, index) => {
        if (item.clientId !== clientId) wrongOwner([field, index, 'clientId']);
      });
    }
  });
export type ClientRecord = z.infer<typeof ClientRecordSchema>;
/** What a producer hands in (before defaults are applied). */
export type ClientRecordInput = z.input<typeof ClientRecordSchema>;
