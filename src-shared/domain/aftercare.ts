import { z } from 'zod';
import { IsoDateSchema } from './dates';
import { logoDimensionsProblem } from './image-dimensions';

/**
 * The aftercare handout: what the renderer fills in and main prints. The same schema checks the
 * sheet in the form, at the IPC boundary and again in the PDF renderer, so a refusal always names
 * the field. Text is plain text (no markup); line breaks inside a field are kept.
 */

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const PERSONAL_NOTE_MAX_CHARS = 20_000;

/**
 * Every message the handout's schemas write (the practice details, the logo, the handout text in
 * Settings, the sheet main prints). They stay English (main parses with them too); the screens
 * show each in the reader's language by its name here, the key `validation.handout.<name>`
 * (src-shared/i18n/field-messages.ts; a unit test fails for a message without a key). A message
 * built from a value is a function of it.
 */
export const AFTERCARE_MESSAGES = {
  logoType: 'The logo must be a PNG or JPEG image',
  logoMissing: 'The logo image is missing',
  logoEmpty: 'The logo file is empty',
  logoTooLarge: 'The logo is larger than 2 MB: save a smaller version and choose it again',
  logoNotImage: 'The logo file is not a PNG or JPEG image',
  logoMislabelled: (actual: string, labelled: string) =>
    `The logo is a ${actual} file but is labelled ${labelled}`,
  practiceName: 'Enter the practice name',
  practiceNameTooLong: 'Practice name is too long (at most 200 characters)',
  addressTooLong: 'Address is too long (at most 500 characters)',
  phoneTooLong: 'Phone number is too long (at most 50 characters)',
  emailTooLong: 'Email address is too long (at most 254 characters)',
  email: 'Enter an email address with an @, or leave it empty',
  websiteTooLong: 'Website is too long (at most 200 characters)',
  whatToExpectLineTooLong: 'What you may notice is too long (at most 1000 characters)',
  whatToExpectTooMany: 'What you may notice: at most 30 lines',
  selfCareLineTooLong: 'Looking after yourself is too long (at most 1000 characters)',
  selfCareTooMany: 'Looking after yourself: at most 30 lines',
  seekHelpLineTooLong: 'Seek medical help is too long (at most 1000 characters)',
  seekHelpTooMany: 'Seek medical help: at most 30 lines',
  seekHelpEmpty: 'Keep at least one "seek medical help" line: the handout must say when to get help',
  clientName: "Enter the client's name",
  clientNameTooLong: "Client's name is too long (at most 200 characters)",
  treatedArea: 'Enter the treated area',
  treatedAreaTooLong: 'Treated area is too long (at most 200 characters)',
  tooManyAreas: 'At most 40 treated areas on one handout',
  introTooLong: 'Opening line is too long (at most 2000 characters)',
  seekHelpAdviceTooLong: 'Emergency advice is too long (at most 1000 characters)',
  contactTooLong: 'Contact line is too long (at most 1000 characters)',
  nextSessionTooLong: 'Next session is too long (at most 200 characters)',
  personalNoteTooLong: `Personal note is too long (at most ${PERSONAL_NOTE_MAX_CHARS} characters)`,
  closingTooLong: 'Closing line is too long (at most 500 characters)',
  therapistNameTooLong: "Therapist's name is too long (at most 200 characters)",
  title: 'Enter the document title',
  titleTooLong: 'Document title is too long (at most 200 characters)',
  locale: 'Choose a language and region, e.g. en-GB',
  unknownPlaceholder: (name: string, list: string) => `Unknown placeholder {{${name}}}. You can use ${list}`,
  unfinishedPlaceholder: 'A placeholder is not finished: write it as {{name}}',
} as const;
const M = AFTERCARE_MESSAGES;

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export const PaperSizeSchema = z.enum(PAPER_SIZES);
export type PaperSize = z.infer<typeof PaperSizeSchema>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/** Which image type the bytes really are, judged by their first bytes (not by the file name). */
export function sniffImageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  return null;
}

/**
 * Uint8Array over any buffer: a Node Buffer from a file read is a Uint8Array<ArrayBufferLike>,
 * which `z.instanceof(Uint8Array)` would type as Uint8Array<ArrayBuffer> and refuse to compile.
 */
const AnyUint8Array = Uint8Array as unknown as new () => Uint8Array;

export const LogoSchema = z
  .object({
    mimeType: z.enum(['image/png', 'image/jpeg'], { message: M.logoType }),
    bytes: z
      .instanceof(AnyUint8Array, { message: M.logoMissing })
      .refine((bytes) => bytes.byteLength > 0, { message: M.logoEmpty })
      .refine((bytes) => bytes.byteLength <= LOGO_MAX_BYTES, { message: M.logoTooLarge }),
  })
  .superRefine((logo, ctx) => {
    const actual = sniffImageType(logo.bytes);
    if (actual === null) {
      ctx.addIssue({ code: 'custom', path: ['bytes'], message: M.logoNotImage });
    } else if (actual !== logo.mimeType) {
      ctx.addIssue({
        code: 'custom',
        path: ['mimeType'],
        message: M.logoMislabelled(actual === 'image/png' ? 'PNG' : 'JPEG', logo.mimeType),
      });
    } else {
      // A small file can declare an enormous image (a decompression bomb): refuse it here, so
      // the form, every IPC request and a restored backup refuse it alike.
      const problem = logoDimensionsProblem(logo.bytes);
      if (problem) ctx.addIssue({ code: 'custom', path: ['bytes'], message: problem });
    }
  });
export type Logo = z.infer<typeof LogoSchema>;

const optionalLine = (max: number, tooLong: string) => z.string().max(max, { message: tooLong });
const requiredLine = (max: number, tooLong: string, missing: string) =>
  optionalLine(max, tooLong).refine((value) => value.trim().length > 0, { message: missing });

export const PracticeSchema = z.object({
  name: requiredLine(200, M.practiceNameTooLong, M.practiceName),
  /** May span several lines; the handout joins them into one header line. */
  address: optionalLine(500, M.addressTooLong),
  phone: optionalLine(50, M.phoneTooLong),
  email: optionalLine(254, M.emailTooLong).refine((value) => value.trim() === '' || value.includes('@'), {
    message: M.email,
  }),
  website: optionalLine(200, M.websiteTooLong),
  logo: LogoSchema.nullable(),
});
export type Practice = z.infer<typeof PracticeSchema>;

const handoutLines = (lineTooLong: string, maxLines: number, tooMany: string) =>
  z.array(optionalLine(1000, lineTooLong)).max(maxLines, { message: tooMany });

export const AftercareSectionsSchema = z.object({
  whatToExpect: handoutLines(M.whatToExpectLineTooLong, 30, M.whatToExpectTooMany),
  selfCare: handoutLines(M.selfCareLineTooLong, 30, M.selfCareTooMany),
  /** Red flags. A handout always says when to get medical help, so this list cannot be empty. */
  seekHelp: handoutLines(M.seekHelpLineTooLong, 30, M.seekHelpTooMany).refine(
    (lines) => lines.some((line) => line.trim() !== ''),
    { message: M.seekHelpEmpty },
  ),
});
export type AftercareSections = z.infer<typeof AftercareSectionsSchema>;

function isValidLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

export const AftercareSheetSchema = z.object({
  practice: PracticeSchema,
  paperSize: PaperSizeSchema,
  clientName: requiredLine(200, M.clientNameTooLong, M.clientName),
  sessionDate: IsoDateSchema,
  /** Plain-language phrases ("base of the skull"), head to toe. Empty: the section is left out. */
  treatedAreas: z
    .array(requiredLine(200, M.treatedAreaTooLong, M.treatedArea))
    .max(40, { message: M.tooManyAreas }),
  /** The opening line under the title (filled from the template). */
  intro: optionalLine(2000, M.introTooLong).default(''),
  sections: AftercareSectionsSchema,
  /** What to do if a red flag appears; printed at the foot of the "Seek medical help" box. */
  seekHelpAdvice: optionalLine(1000, M.seekHelpAdviceTooLong).default(''),
  contact: optionalLine(1000, M.contactTooLong),
  /** Free wording, e.g. "In about a week". Empty: the section is left out. */
  nextSession: optionalLine(200, M.nextSessionTooLong),
  personalNote: optionalLine(PERSONAL_NOTE_MAX_CHARS, M.personalNoteTooLong),
  /** The sign-off after the personal note, e.g. "With best wishes,\nAnna". */
  closing: optionalLine(500, M.closingTooLong).default(''),
  therapistName: optionalLine(200, M.therapistNameTooLong),
  /** The PDF's document title (shown in the viewer's title bar and file properties). */
  title: requiredLine(200, M.titleTooLong, M.title),
  /** BCP 47 tag, e.g. "en-GB": formats the session date and sets the PDF's language. */
  locale: z.string().max(35).refine(isValidLocale, { message: M.locale }),
});
/** The sheet as the renderer sends it (intro, seekHelpAdvice and closing may be left out). */
export type AftercareSheetInput = z.input<typeof AftercareSheetSchema>;
export type AftercareSheet = z.output<typeof AftercareSheetSchema>;

// ---------------------------------------------------------------------------------------------
// The editable handout text (the practice's template) and its placeholders.

export const AFTERCARE_PLACEHOLDERS = [
  'clientFirstName',
  'clientName',
  'sessionDate',
  'practiceName',
  'practicePhone',
  'nextSession',
  'therapistName',
] as const;
export type AftercarePlaceholder = (typeof AFTERCARE_PLACEHOLDERS)[number];

export function isAftercarePlaceholder(name: string): name is AftercarePlaceholder {
  return (AFTERCARE_PLACEHOLDERS as readonly string[]).includes(name);
}

/** `{{ name }}`, spaces inside the braces allowed. */
export const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every placeholder name in a text, in order, known or not. */
export function placeholdersIn(text: string): string[] {
  return Array.from(text.matchAll(PLACEHOLDER_PATTERN), (match) => match[1] ?? '');
}

/** Braces left over once every complete `{{...}}` is removed: a half-typed placeholder. */
export function hasUnfinishedPlaceholder(text: string): boolean {
  const rest = text.replace(PLACEHOLDER_PATTERN, '');
  return rest.includes('{{') || rest.includes('}}');
}

const placeholderList = AFTERCARE_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ');

function checkPlaceholders(text: string, ctx: z.RefinementCtx, path: (string | number)[]): void {
  for (const name of placeholdersIn(text)) {
    if (!isAftercarePlaceholder(name)) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: M.unknownPlaceholder(name, placeholderList),
      });
    }
  }
  if (hasUnfinishedPlaceholder(text)) {
    ctx.addIssue({ code: 'custom', path, message: M.unfinishedPlaceholder });
  }
}

export const AftercareTemplateSchema = z
  .object({
    intro: optionalLine(2000, M.introTooLong),
    whatToExpect: handoutLines(M.whatToExpectLineTooLong, 30, M.whatToExpectTooMany),
    selfCare: handoutLines(M.selfCareLineTooLong, 30, M.selfCareTooMany),
    seekHelp: AftercareSectionsSchema.shape.seekHelp,
    seekHelpAdvice: optionalLine(1000, M.seekHelpAdviceTooLong),
    contact: optionalLine(1000, M.contactTooLong),
    closing: optionalLine(500, M.closingTooLong),
  })
  .superRefine((template, ctx) => {
    checkPlaceholders(template.intro, ctx, ['intro']);
    for (const key of ['whatToExpect', 'selfCare', 'seekHelp'] as const) {
      template[key].forEach((line, index) => {
        checkPlaceholders(line, ctx, [key, index]);
      });
    }
    checkPlaceholders(template.seekHelpAdvice, ctx, ['seekHelpAdvice']);
    checkPlaceholders(template.contact, ctx, ['contact']);
    checkPlaceholders(template.closing, ctx, ['closing']);
  });
export type AftercareTemplate = z.infer<typeof AftercareTemplateSchema>;
