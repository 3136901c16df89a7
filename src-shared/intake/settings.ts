import { z } from 'zod';

/** Settings > Intake and consent: when a returning client is asked to update, and how long a form waits. */
export const INTAKE_SETTINGS_KEY = 'intake';

/**
 * Every message these settings' schemas write. They stay English (main parses with them too); the
 * screens show each in the reader's language by its name here, the key
 * `validation.intakeSettings.<name>` (src-shared/i18n/field-messages.ts).
 */
export const INTAKE_SETTINGS_MESSAGES = {
  question: 'Write the question',
  questionTooLong: 'Keep the question under 300 characters',
  atLeastOneMonth: 'At least 1 month',
  atMostMonths: 'At most 120 months',
} as const;
const M = INTAKE_SETTINGS_MESSAGES;

export const CUSTOM_QUESTION_KINDS = ['text', 'yes-no', 'date', 'choice'] as const;

export const CustomQuestionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  kind: z.enum(CUSTOM_QUESTION_KINDS),
  label: z.string().trim().min(3, { message: M.question }).max(300, { message: M.questionTooLong }),
  /** For a choice: one option per entry. */
  options: z.array(z.string().trim().min(1).max(100)).max(20),
});
export type CustomQuestion = z.infer<typeof CustomQuestionSchema>;

export const IntakeSettingsSchema = z.object({
  /** After this many months since the client last confirmed their history, New session suggests an update. */
  updateAfterMonths: z
    .number()
    .int()
    .min(1, { message: M.atLeastOneMonth })
    .max(120, { message: M.atMostMonths }),
  /** Minutes without a touch or key before the client's form is put away (kept as a draft). */
  idleMinutes: z.number().int().min(1).max(60),
  customQuestions: z.array(CustomQuestionSchema).max(50),
});
export type IntakeSettings = z.infer<typeof IntakeSettingsSchema>;

export const DEFAULT_INTAKE_SETTINGS: IntakeSettings = {
  updateAfterMonths: 12,
  idleMinutes: 3,
  customQuestions: [],
};
