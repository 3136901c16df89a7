import { z } from 'zod';
import { TimestampSchema } from '../domain/dates';
import { IdSchema } from '../domain/ids';

/**
 * The records of client intake and consent (issue 14), as the database stores them:
 *
 * - IntakeDraft: the answers so far, one per client, kept while the client fills the form (and
 *   when they walk away or the app closes). Replaced as they type; removed on submit.
 * - IntakeSubmission: the answers exactly as submitted, with the wording of each question as
 *   shown. Never changed afterwards: the therapist's review copies from it into the health
 *   history and records the review in the audit log.
 * - ConsentVersion: the practice's consent wording, numbered. A version that has been signed
 *   cannot be edited, only replaced by a new version (the repository refuses it).
 * - ConsentRecord: a signed consent (the exact text, its version and SHA-256, the typed name,
 *   who signed, the signature as strokes and as a PNG, when, witnessed by whom), or a
 *   withdrawal of one. Withdrawing is a new record, never a deletion or an edit.
 */

/** Longest answer the form takes: a message beside the field says so, nothing is cut. */
export const MAX_ANSWER_CHARS = 2_000;
export const MAX_ANSWERS = 300;
export const MAX_CONSENT_TEXT_CHARS = 20_000;

/**
 * Every message the intake and consent schemas write. They stay English (main parses with them
 * too); the screens show each in the reader's language (the client's, in client mode) by its name
 * here, the key `validation.intake.<name>` (src-shared/i18n/field-messages.ts).
 */
export const INTAKE_MESSAGES = {
  tooManyAnswers: 'Too many answers',
  consentText: 'Write the consent text (at least a sentence)',
  consentTextTooLong: `Keep the consent text under ${MAX_CONSENT_TEXT_CHARS} characters`,
  signerRole: 'Say who is signing',
  signatureNotPng: 'The signature image is not a PNG',
  emptySignature: 'Please sign in the box',
  notSha256: 'Not a SHA-256 hash',
  typedName: 'Type your full name',
  typedNameTooLong: 'Keep the name under 200 characters',
  withdrawalRecordedBy: 'Say who is recording the withdrawal',
} as const;
const M = INTAKE_MESSAGES;

export const QuestionIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9:._-]+$/);

export const AnswerValueSchema = z.union([z.boolean(), z.null(), z.string().max(MAX_ANSWER_CHARS)]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

export const AnswersSchema = z
  .record(QuestionIdSchema, AnswerValueSchema)
  .refine((answers) => Object.keys(answers).length <= MAX_ANSWERS, { message: M.tooManyAnswers });
export type Answers = z.infer<typeof AnswersSchema>;

export const FormKindSchema = z.enum(['intake', 'update']);

export const IntakeDraftSchema = z.object({
  clientId: IdSchema,
  kind: FormKindSchema,
  answers: AnswersSchema,
  updatedAt: TimestampSchema,
});
export type IntakeDraft = z.infer<typeof IntakeDraftSchema>;

export const SubmittedAnswerSchema = z.object({
  questionId: QuestionIdSchema,
  /** The question's words as the client read them. */
  question: z.string().min(1).max(500),
  value: AnswerValueSchema,
});
export type SubmittedAnswer = z.infer<typeof SubmittedAnswerSchema>;

export const IntakeSubmissionSchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  kind: FormKindSchema,
  answers: z.array(SubmittedAnswerSchema).max(MAX_ANSWERS),
  submittedAt: TimestampSchema,
  /** The consent signed with this form, if one was. */
  consentId: IdSchema.nullable(),
});
export type IntakeSubmission = z.infer<typeof IntakeSubmissionSchema>;

// ---------------------------------------------------------------------------------------------
// Consent

export const ConsentTextSchema = z
  .string()
  .trim()
  .min(20, { message: M.consentText })
  .max(MAX_CONSENT_TEXT_CHARS, { message: M.consentTextTooLong });

export const ConsentVersionSchema = z.object({
  id: IdSchema,
  /** 1, 2, 3 ...: what the client record and the spreadsheet call it. */
  version: z.number().int().min(1).max(100_000),
  text: ConsentTextSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type ConsentVersion = z.infer<typeof ConsentVersionSchema>;

export const SIGNER_ROLES = ['client', 'parent', 'guardian'] as const;
export const SignerRoleSchema = z.enum(SIGNER_ROLES, { message: M.signerRole });
export type SignerRole = z.infer<typeof SignerRoleSchema>;
export const SIGNER_ROLE_LABELS: Record<SignerRole, string> = {
  client: 'The client',
  parent: 'A parent',
  guardian: 'A guardian',
};

export const SignaturePointSchema = z.object({
  x: z.number().finite().min(-10_000).max(10_000),
  y: z.number().finite().min(-10_000).max(10_000),
  /** Milliseconds since 1970 as the pad recorded them. */
  t: z.number().finite().min(0),
});
export const SignatureStrokeSchema = z.object({ points: z.array(SignaturePointSchema).min(1).max(5_000) });
export type SignatureStroke = z.infer<typeof SignatureStrokeSchema>;

/** A PNG as base64, at most ~1.5 MB of image. */
const PngBase64Schema = z
  .string()
  .max(2_000_000)
  .refine((value) => value.startsWith('iVBORw0KGgo'), { message: M.signatureNotPng });

/** Smallest a signature may be: more than a dot or a tap. */
export const MIN_SIGNATURE_POINTS = 8;
export const MIN_SIGNATURE_EXTENT = 24;
export const EMPTY_SIGNATURE_MESSAGE = M.emptySignature;

/** Whether the strokes are a signature rather than nothing, a dot, or a tap. */
export function isRealSignature(strokes: readonly SignatureStroke[]): boolean {
  const points = strokes.flatMap((stroke) => stroke.points);
  if (points.length < MIN_SIGNATURE_POINTS) return false;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  return extent >= MIN_SIGNATURE_EXTENT;
}

export const SignatureSchema = z
  .object({
    strokes: z.array(SignatureStrokeSchema).max(200),
    png: PngBase64Schema,
    /** The pad's size in CSS pixels, so the strokes can be drawn again at the same scale. */
    width: z.number().int().min(1).max(10_000),
    height: z.number().int().min(1).max(10_000),
  })
  .refine((signature) => isRealSignature(signature.strokes), { message: EMPTY_SIGNATURE_MESSAGE });
export type Signature = z.infer<typeof SignatureSchema>;

const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, { message: M.notSha256 });

export const SignedConsentSchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  kind: z.literal('signed'),
  consentVersionId: IdSchema,
  version: z.number().int().min(1),
  /** The exact words the client read and signed. */
  text: ConsentTextSchema,
  textSha256: Sha256HexSchema,
  typedName: z.string().trim().min(1, { message: M.typedName }).max(200, { message: M.typedNameTooLong }),
  signerRole: SignerRoleSchema,
  signature: SignatureSchema,
  /** Who was there: the therapist's name from Settings, or the name typed at the handover. */
  witness: z.string().trim().max(200),
  at: TimestampSchema,
});
export type SignedConsent = z.infer<typeof SignedConsentSchema>;

export const ConsentWithdrawalSchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  kind: z.literal('withdrawn'),
  /** The signed consent this withdraws. */
  consentId: IdSchema,
  /** Who recorded it and how the client said it. */
  recordedBy: z.string().trim().min(1, { message: M.withdrawalRecordedBy }).max(200),
  reason: z.string().trim().max(2_000),
  at: TimestampSchema,
});
export type ConsentWithdrawal = z.infer<typeof ConsentWithdrawalSchema>;

export const ConsentRecordSchema = z.discriminatedUnion('kind', [
  SignedConsentSchema,
  ConsentWithdrawalSchema,
]);
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

/** The SHA-256 of a consent text, as lowercase hex (WebCrypto: renderer, main and tests alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The consent in force for a client: the latest signed one not withdrawn, or null. */
export function consentInForce(records: readonly ConsentRecord[]): SignedConsent | null {
  const withdrawn = new Set(
    records.filter((r): r is ConsentWithdrawal => r.kind === 'withdrawn').map((r) => r.consentId),
  );
  const signed = records
    .filter((r): r is SignedConsent => r.kind === 'signed' && !withdrawn.has(r.id))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return signed[0] ?? null;
}
