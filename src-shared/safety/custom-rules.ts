import { z } from 'zod';
import { IdSchema } from '../domain/ids';
import { CatalogIdSchema } from './catalog';
import { SAFETY_RULE_MESSAGES as M } from './messages';
import { BUILT_IN_RULE_IDS, WINDOWED_RULE_IDS, WindowSchema } from './rules';
import { SeveritySchema } from './severity';

/**
 * A practice's own rule: "warn me about anyone with lupus". It matches a keyword in the text of
 * the health history (condition names, medication names, surgery and injury descriptions;
 * accents, case and punctuation ignored, each word of the keyword may start a longer word:
 * "migraine" also finds "Migraines"), or a catalog condition, or both.
 * Past conditions count only when `includePast` is set.
 */
export const CustomRuleSchema = z
  .object({
    id: IdSchema,
    /** Short title shown in the finding; '' shows the keyword or condition instead. */
    title: z.string().trim().max(100, { message: M.titleTooLong }).default(''),
    keyword: z.string().trim().max(100, { message: M.keywordTooLong }),
    catalogId: z.union([z.literal('').transform(() => null), z.null(), CatalogIdSchema], {
      message: M.catalogId,
    }),
    severity: SeveritySchema,
    /** What the therapist should do, shown as the finding's rationale. */
    message: z.string().trim().min(1, { message: M.message }).max(500, { message: M.messageTooLong }),
    includePast: z.boolean().default(false),
  })
  .superRefine((rule, ctx) => {
    if (rule.keyword === '' && rule.catalogId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['keyword'],
        message: M.keywordOrCondition,
      });
    } else if (rule.keyword !== '' && !/[\p{L}\p{N}]/u.test(rule.keyword)) {
      ctx.addIssue({
        code: 'custom',
        path: ['keyword'],
        message: M.keywordLetters,
      });
    }
  });
export type CustomRule = z.output<typeof CustomRuleSchema>;

export const SafetySettingsSchema = z
  .object({
    /** A practice's own window for a rule, replacing the default (e.g. skull fracture: 8 weeks). */
    windowOverrides: z.partialRecord(z.enum(WINDOWED_RULE_IDS, { message: M.noWindow }), WindowSchema),
    customRules: z.array(CustomRuleSchema).max(200, { message: M.tooManyRules }),
  })
  .superRefine((settings, ctx) => {
    // Clearances name rules by id, so a practice rule's id must be its own.
    const seen = new Set<string>(BUILT_IN_RULE_IDS);
    settings.customRules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['customRules', index, 'id'],
          message: M.idTaken,
        });
      }
      seen.add(rule.id);
    });
  });
export type SafetySettings = z.output<typeof SafetySettingsSchema>;

export const DEFAULT_SAFETY_SETTINGS: SafetySettings = { windowOverrides: {}, customRules: [] };
