import { z } from 'zod';
import { AppLanguageSchema, type Language } from '../i18n/languages';
import { type PaperSize, PaperSizeSchema, PracticeSchema } from './aftercare';
import { logoDimensionsProblem } from './image-dimensions';

/**
 * Practice settings, stored one key per group in the settings table. The keys are fixed here
 * so the backup, the screens and the tests agree on them.
 */
export const SETTINGS_KEYS = {
  practice: 'practice',
  /** The practice's English handout wording; other languages: `handoutTemplateKey(language)`. */
  handoutTemplate: 'handout-template',
  safety: 'safety',
  /** Set when the Welcome screens were finished or skipped: they do not open by themselves again. */
  welcome: 'welcome',
  /** The language the app speaks on this computer (issue 19); absent: the system's. */
  appLanguage: 'app-language',
} as const;

/**
 * The settings key of the practice's handout wording in `language`. Before the wording could be
 * edited per language there was one stored text, and it was English: English keeps that key, so
 * old settings and old backups read as the English wording and nothing needs migrating.
 */
export function handoutTemplateKey(language: Language): string {
  return language === 'en' ? SETTINGS_KEYS.handoutTemplate : `${SETTINGS_KEYS.handoutTemplate}-${language}`;
}

export const AppLanguageSettingSchema = z.object({
  /** null: follow the computer's language. */
  language: AppLanguageSchema.nullable(),
});
export type AppLanguageSetting = z.infer<typeof AppLanguageSettingSchema>;

export const WelcomeStateSchema = z.object({
  /** When the therapist finished or skipped the Welcome screens (ISO timestamp). */
  doneAt: z.string().max(40),
});
export type WelcomeState = z.infer<typeof WelcomeStateSchema>;

/**
 * The messages of the settings' own fields, English like every schema's (main parses settings
 * too); the screens show them in the reader's language, keys `validation.settings.<name>`
 * (src-shared/i18n/field-messages.ts).
 */
export const SETTINGS_MESSAGES = {
  therapistName: 'Enter your name as it should appear on notes and handouts',
  therapistNameTooLong: 'Keep the name under 200 characters',
} as const;

export const PracticeSettingsSchema = z.object({
  practice: PracticeSchema,
  /** Printed on handouts and recorded as who signed a note. */
  therapistName: z
    .string()
    .trim()
    .min(1, { message: SETTINGS_MESSAGES.therapistName })
    .max(200, { message: SETTINGS_MESSAGES.therapistNameTooLong }),
  paperSize: PaperSizeSchema,
});
export type PracticeSettings = z.infer<typeof PracticeSettingsSchema>;

/** Countries that print on US Letter; everyone else uses A4. */
const LETTER_REGIONS = new Set([
  'US',
  'CA',
  'MX',
  'PH',
  'CL',
  'CO',
  'VE',
  'GT',
  'PR',
  'CR',
  'SV',
  'DO',
  'PA',
  'NI',
  'BZ',
]);

/** The paper size a new practice starts with, from the computer's locale (e.g. en-US -> Letter). */
export function defaultPaperSize(locale: string): PaperSize {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return region && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
}

export function emptyPracticeSettings(locale: string): PracticeSettings {
  return {
    practice: { name: '', address: '', phone: '', email: '', website: '', logo: null },
    therapistName: '',
    paperSize: defaultPaperSize(locale),
  };
}

/**
 * A stored practice settings value with its logo left out when the logo declares an image too
 * large to print (over 4096 x 4096 pixels; see image-dimensions.ts). Versions before 2 accepted
 * any logo under 2 MB: such a logo would now fail the settings schema, and with it the practice
 * name, address and therapist's name on every screen and in every backup. Everything else is
 * kept; the therapist chooses a smaller logo in Settings.
 */
export function withoutOversizedLogo(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const practice = (value as { practice?: unknown }).practice;
  if (typeof practice !== 'object' || practice === null) return value;
  const logo = (practice as { logo?: unknown }).logo as { bytes?: unknown } | null | undefined;
  if (!logo || !(logo.bytes instanceof Uint8Array) || !logoDimensionsProblem(logo.bytes)) return value;
  return { ...value, practice: { ...practice, logo: null } };
}
