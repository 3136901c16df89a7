import {
  AFTERCARE_PLACEHOLDERS,
  type AftercarePlaceholder,
  type AftercareSheet,
  type AftercareTemplate,
  hasUnfinishedPlaceholder,
  isAftercarePlaceholder,
  PLACEHOLDER_PATTERN,
  placeholdersIn,
} from '../domain/aftercare';
import type { IsoDate } from '../domain/dates';
import { UserFacingError } from '../result';

/** The text each placeholder stands for, already formatted for the handout. */
export type PlaceholderValues = Record<AftercarePlaceholder, string>;

export interface PlaceholderSource {
  clientName: string;
  /** Leave out to use the first word of the client's name. */
  clientFirstName?: string;
  sessionDate: IsoDate;
  /** BCP 47 tag used to write the date, e.g. "en-GB" -> "12 March 2026". */
  locale: string;
  practiceName: string;
  practicePhone: string;
  nextSession: string;
  therapistName: string;
}

/** Date formats by locale (null: one Intl refuses). Making one costs far more than using it. */
const dateFormats = new Map<string, Intl.DateTimeFormat | null>();
const MAX_DATE_FORMATS = 64;

function dateFormat(locale: string): Intl.DateTimeFormat | null {
  let format = dateFormats.get(locale);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
    } catch {
      format = null;
    }
    if (dateFormats.size >= MAX_DATE_FORMATS) dateFormats.clear();
    dateFormats.set(locale, format);
  }
  return format;
}

/** "12 March 2026" in the handout's language; the plain ISO date if the locale is unusable. */
export function formatSessionDate(date: IsoDate, locale: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const format = dateFormat(locale);
  if (!format) return date;
  try {
    return format.format(new Date(Date.UTC(y, m - 1, d)));
  } catch {
    return date;
  }
}

/** The first word of a name. Good enough for a greeting; the form lets the therapist override it. */
export function firstNameOf(clientName: string): string {
  return clientName.trim().split(/\s+/u)[0] ?? '';
}

export function placeholderValues(source: PlaceholderSource): PlaceholderValues {
  const firstName = source.clientFirstName?.trim() || firstNameOf(source.clientName);
  return {
    clientFirstName: firstName,
    clientName: source.clientName.trim(),
    sessionDate: formatSessionDate(source.sessionDate, source.locale),
    practiceName: source.practiceName.trim(),
    practicePhone: source.practicePhone.trim(),
    nextSession: source.nextSession.trim(),
    therapistName: source.therapistName.trim(),
  };
}

/** A template text with a placeholder the app does not know (usually a typo). */
export class TemplatePlaceholderError extends UserFacingError {
  constructor(
    readonly placeholder: string,
    readonly where: string,
  ) {
    super(
      'INVALID_REQUEST',
      placeholder === ''
        ? `The handout text has an unfinished placeholder in '${where}': write it as {{name}}`
        : `The handout text has an unknown placeholder {{${placeholder}}} in '${where}'`,
    );
    this.name = 'TemplatePlaceholderError';
  }
}

const LIST_LABELS = {
  whatToExpect: 'What you may notice',
  selfCare: 'Self-care',
  seekHelp: 'Seek medical help',
} as const;

const SINGLE_LABELS = {
  intro: 'Opening line',
  seekHelpAdvice: 'Emergency advice',
  contact: 'Contact line',
  closing: 'Closing line',
} as const;

/** Each text of a template with the words a therapist would use to find it in Settings. */
function templateTexts(template: AftercareTemplate): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  out.push({ where: SINGLE_LABELS.intro, text: template.intro });
  for (const key of ['whatToExpect', 'selfCare', 'seekHelp'] as const) {
    template[key].forEach((text, i) => {
      out.push({ where: `${LIST_LABELS[key]}, line ${i + 1}`, text });
    });
  }
  out.push({ where: SINGLE_LABELS.seekHelpAdvice, text: template.seekHelpAdvice });
  out.push({ where: SINGLE_LABELS.contact, text: template.contact });
  out.push({ where: SINGLE_LABELS.closing, text: template.closing });
  return out;
}

/** A sentence ends at . ! ? or … followed by a space; a line with none of them is one sentence. */
const SENTENCE_BREAK = /(?<=[.!?\u2026])[ \t]+/u;

function fillSentence(sentence: string, values: PlaceholderValues, where: string): string {
  return sentence.replace(PLACEHOLDER_PATTERN, (_match, rawName: string) => {
    const name = rawName.trim();
    if (!isAftercarePlaceholder(name)) throw new TemplatePlaceholderError(name, where);
    return values[name];
  });
}

/** True when a sentence uses a placeholder whose value is empty (no phone number in Settings). */
function usesEmptyValue(sentence: string, values: PlaceholderValues): boolean {
  return placeholdersIn(sentence).some((name) => isAftercarePlaceholder(name) && values[name].trim() === '');
}

/**
 * Fills one text. The "missing" rule for every placeholder: a sentence (or a line without a
 * full stop, like the name under "With best wishes,") that needs a value nobody has given is
 * left out whole, so paper given to a client never reads "call ." or "With best wishes," over a
 * blank. The other sentences of the text stay as written.
 */
function fillText(text: string, values: PlaceholderValues, where: string): string {
  if (hasUnfinishedPlaceholder(text)) throw new TemplatePlaceholderError('', where);
  return text
    .split('\n')
    .map((line) => {
      if (!usesEmptyValue(line, values)) return fillSentence(line, values, where);
      const sentences = line.split(SENTENCE_BREAK);
      const kept = sentences.filter((sentence) => !usesEmptyValue(sentence, values));
      if (kept.length === 0 && sentences.some((sentence) => sentence.trim() !== '')) return null;
      return kept.map((sentence) => fillSentence(sentence, values, where)).join(' ');
    })
    .filter((line): line is string => line !== null)
    .join('\n');
}

/**
 * Puts the values into every placeholder. Throws a TemplatePlaceholderError naming the first
 * unknown placeholder and the line it is on (a UserFacingError, so IPC shows it as it is).
 */
export function fillTemplate(template: AftercareTemplate, values: PlaceholderValues): AftercareTemplate {
  // Check everything first so the error names the first problem in reading order.
  for (const { where, text } of templateTexts(template)) {
    if (hasUnfinishedPlaceholder(text)) throw new TemplatePlaceholderError('', where);
    const unknown = placeholdersIn(text).find((name) => !isAftercarePlaceholder(name));
    if (unknown !== undefined) throw new TemplatePlaceholderError(unknown, where);
  }
  const fillList = (key: keyof typeof LIST_LABELS) =>
    template[key].map((line, i) => fillText(line, values, `${LIST_LABELS[key]}, line ${i + 1}`));
  return {
    intro: fillText(template.intro, values, SINGLE_LABELS.intro),
    whatToExpect: fillList('whatToExpect'),
    selfCare: fillList('selfCare'),
    seekHelp: fillList('seekHelp'),
    seekHelpAdvice: fillText(template.seekHelpAdvice, values, SINGLE_LABELS.seekHelpAdvice),
    contact: fillText(template.contact, values, SINGLE_LABELS.contact),
    closing: fillText(template.closing, values, SINGLE_LABELS.closing),
  };
}

/** The parts of a sheet that come from the template; spread them into the sheet. */
export type AftercareSheetText = Pick<
  AftercareSheet,
  'intro' | 'sections' | 'seekHelpAdvice' | 'contact' | 'closing'
>;

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .trim();
}

/**
 * Fills the template and shapes it as sheet fields: surrounding spaces trimmed, empty lines
 * dropped (a therapist may blank a line instead of deleting it).
 */
export function buildSheetSections(
  template: AftercareTemplate,
  values: PlaceholderValues,
): AftercareSheetText {
  const filled = fillTemplate(template, values);
  const lines = (list: string[]) => list.map(tidy).filter((line) => line !== '');
  return {
    intro: tidy(filled.intro),
    sections: {
      whatToExpect: lines(filled.whatToExpect),
      selfCare: lines(filled.selfCare),
      seekHelp: lines(filled.seekHelp),
    },
    seekHelpAdvice: tidy(filled.seekHelpAdvice),
    contact: tidy(filled.contact),
    closing: tidy(filled.closing),
  };
}

/**
 * Placeholders the template uses whose value is empty (no phone number in Settings, say), so the
 * form can warn before a handout reads "call ." The template itself is fine either way.
 */
export function emptyPlaceholdersUsed(
  template: AftercareTemplate,
  values: PlaceholderValues,
): AftercarePlaceholder[] {
  const used = new Set(templateTexts(template).flatMap(({ text }) => placeholdersIn(text)));
  return AFTERCARE_PLACEHOLDERS.filter((name) => used.has(name) && values[name].trim() === '');
}
