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
    mimeType: z.enum(['image/png', 'image/jpeg'], { message: 'The logo must be a PNG or JPEG image' }),
    bytes: z
      .instanceof(AnyUint8Array, { message: 'The logo image is missing' })
      .refine((bytes) => bytes.byteLength > 0, { message: 'The logo file is empty' })
      .refine((bytes) => bytes.byteLength <= LOGO_MAX_BYTES, {
        message: 'The logo is larger than 2 MB: save a smaller version and choose it again',
      }),
  })
  .superRefine((logo, ctx) => {
    const actual = sniffImageType(logo.bytes);
    if (actual === null) {
      ctx.addIssue({ code: 'custom', path: ['bytes'], message: 'The logo file is not a PNG or JPEG image' });
    } else if (actual !== logo.mimeType) {
      ctx.addIssue({
        code: 'custom',
        path: ['mimeType'],
        message: `The logo is a ${actual === 'image/png' ? 'PNG' : 'JPEG'} file but is labelled ${logo.mimeType}`,
      });
    } else {
      // A small file can declare an enormous image (a decompression bomb): refuse it here, so
      // the form, every IPC request and a restored backup refuse it alike.
      const problem = logoDimensionsProblem(logo.bytes);
      if (problem) ctx.addIssue({ code: 'custom', path: ['bytes'], message: problem });
    }
  });
export type Logo = z.infer<typeof LogoSchema>;

const optionalLine = (max: number, label: string) =>
  z.string().max(max, { message: `${label} is too long (at most ${max} characters)` });
const requiredLine = (max: number, label: string) =>
  optionalLine(max, label).refine((value) => value.trim().length > 0, {
    message: `Enter the ${label.toLowerCase()}`,
  });

export const PracticeSchema = z.object({
  name: requiredLine(200, 'Practice name'),
  /** May span several lines; the handout joins them into one header line. */
  address: optionalLine(500, 'Address'),
  phone: optionalLine(50, 'Phone number'),
  email: optionalLine(254, 'Email address').refine((value) => value.trim() === '' || value.includes('@'), {
    message: 'Enter an email address with an @, or leave it empty',
  }),
  website: optionalLine(200, 'Website'),
  logo: LogoSchema.nullable(),
});
export type Practice = z.infer<typeof PracticeSchema>;

const handoutLine = (label: string) => optionalLine(1000, label);
const handoutLines = (label: string, maxLines: number) =>
  z.array(handoutLine(label)).max(maxLines, { message: `${label}: at most ${maxLines} lines` });

export const AftercareSectionsSchema = z.object({
  whatToExpect: handoutLines('What you may notice', 30),
  selfCare: handoutLines('Looking after yourself', 30),
  /** Red flags. A handout always says when to get medical help, so this list cannot be empty. */
  seekHelp: handoutLines('Seek medical help', 30).refine(
    (lines) => lines.some((line) => line.trim() !== ''),
    {
      message: 'Keep at least one "seek medical help" line: the handout must say when to get help',
    },
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
  clientName: requiredLine(200, "Client's name"),
  sessionDate: IsoDateSchema,
  /** Plain-language phrases ("base of the skull"), head to toe. Empty: the section is left out. */
  treatedAreas: z
    .array(requiredLine(200, 'Treated area'))
    .max(40, { message: 'At most 40 treated areas on one handout' }),
  /** The opening line under the title (filled from the template). */
  intro: optionalLine(2000, 'Opening line').default(''),
  sections: AftercareSectionsSchema,
  /** What to do if a red flag appears; printed at the foot of the "Seek medical help" box. */
  seekHelpAdvice: optionalLine(1000, 'Emergency advice').default(''),
  contact: optionalLine(1000, 'Contact line'),
  /** Free wording, e.g. "In about a week". Empty: the section is left out. */
  nextSession: optionalLine(200, 'Next session'),
  personalNote: optionalLine(PERSONAL_NOTE_MAX_CHARS, 'Personal note'),
  /** The sign-off after the personal note, e.g. "With best wishes,\nAnna". */
  closing: optionalLine(500, 'Closing line').default(''),
  therapistName: optionalLine(200, "Therapist's name"),
  /** The PDF's document title (shown in the viewer's title bar and file properties). */
  title: requiredLine(200, 'Document title'),
  /** BCP 47 tag, e.g. "en-GB": formats the session date and sets the PDF's language. */
  locale: z.string().max(35).refine(isValidLocale, { message: 'Choose a language and region, e.g. en-GB' }),
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
        message: `Unknown placeholder {{${name}}}. You can use ${placeholderList}`,
      });
    }
  }
  if (hasUnfinishedPlaceholder(text)) {
    ctx.addIssue({ code: 'custom', path, message: 'A placeholder is not finished: write it as {{name}}' });
  }
}

export const AftercareTemplateSchema = z
  .object({
    intro: optionalLine(2000, 'Opening line'),
    whatToExpect: handoutLines('What you may notice', 30),
    selfCare: handoutLines('Looking after yourself', 30),
    seekHelp: AftercareSectionsSchema.shape.seekHelp,
    seekHelpAdvice: optionalLine(1000, 'Emergency advice'),
    contact: optionalLine(1000, 'Contact line'),
    closing: optionalLine(500, 'Closing line'),
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
