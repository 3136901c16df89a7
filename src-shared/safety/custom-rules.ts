import { z } from 'zod';
import { IdSchema } from '../domain/ids';
import { CatalogIdSchema } from './catalog';
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
    title: z.string().trim().max(100, { message: 'Keep the title under 100 characters' }).default(''),
    keyword: z.string().trim().max(100, { message: 'Keep the keyword under 100 characters' }),
    catalogId: z.union([z.literal('').transform(() => null), z.null(), CatalogIdSchema], {
      message: 'Pick a condition from the list',
    }),
    severity: SeveritySchema,
    /** What the therapist should do, shown as the finding's rationale. */
    message: z
      .string()
      .trim()
      .min(1, { message: 'Enter what the therapist should know or do' })
      .max(500, { message: 'Keep the message under 500 characters' }),
    includePast: z.boolean().default(false),
  })
  .superRefine((rule, ctx) => {
    if (rule.keyword === '' && rule.catalogId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['keyword'],
        message: 'Enter a word to look for or pick a condition',
      });
    } else if (rule.keyword !== '' && !/[\p{L}\p{N}]/u.test(rule.keyword)) {
      ctx.addIssue({
        code: 'custom',
        path: ['keyword'],
        message: 'The keyword needs at least one letter or digit',
      });
    }
  });
export type CustomRule = z.output<typeof CustomRuleSchema>;

export const SafetySettingsSchema = z
  .object({
    /** A practice's own window for a rule, replacing the default (e.g. skull fracture: 8 weeks). */
    windowOverrides: z.partialRecord(
      z.enum(WINDOWED_RULE_IDS, { message: 'This rule has no time window' }),
      WindowSchema,
    ),
    customRules: z.array(CustomRuleSchema).max(200, { message: 'Keep the practice rules under 200' }),
  })
  .superRefine((settings, ctx) => {
    // Clearances name rules by id, so a practice rule's id must be its own.
    const seen = new Set<string>(BUILT_IN_RULE_IDS);
    settings.customRules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['customRules', index, 'id'],
          message: 'Another rule already uses this id',
        });
      }
      seen.add(rule.id);
    });
  });
export type SafetySettings = z.output<typeof SafetySettingsSchema>;

export const DEFAULT_SAFETY_SETTINGS: SafetySettings = { windowOverrides: {}, customRules: [] };
