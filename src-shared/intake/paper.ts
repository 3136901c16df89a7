import { z } from 'zod';
import { LogoSchema, PaperSizeSchema } from '../domain/aftercare';
import { LanguageSchema } from '../i18n/languages';
import { ConsentTextSchema, SignedConsentSchema } from './records';
import { CustomQuestionSchema } from './settings';

/**
 * What the two intake PDFs print (rendered in main, validated at the channel): the blank form
 * for practices that start on paper, and a signed consent. The questions themselves are the
 * shared questionnaire (src-shared/intake/questionnaire.ts), so paper and screen ask the same.
 * `language` is the paper's: the client's for a signed consent, the app's for the blank form
 * (English when not given, as before issue 19).
 */
export const PaperPracticeSchema = z.object({
  name: z.string().max(200),
  address: z.string().max(500),
  phone: z.string().max(50),
  email: z.string().max(254),
  website: z.string().max(200),
  logo: LogoSchema.nullable(),
});

export const BlankIntakeFormSchema = z.object({
  practice: PaperPracticeSchema,
  paperSize: PaperSizeSchema,
  language: LanguageSchema.default('en'),
  consentText: ConsentTextSchema,
  consentVersion: z.number().int().min(1),
  practiceQuestions: z.array(CustomQuestionSchema).max(50),
});
export type BlankIntakeForm = z.infer<typeof BlankIntakeFormSchema>;

export const SignedConsentPaperSchema = z.object({
  practice: PaperPracticeSchema,
  paperSize: PaperSizeSchema,
  language: LanguageSchema.default('en'),
  clientName: z.string().trim().min(1).max(200),
  consent: SignedConsentSchema,
});
export type SignedConsentPaper = z.infer<typeof SignedConsentPaperSchema>;
