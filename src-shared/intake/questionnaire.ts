import { LANGUAGES } from '../i18n/languages';
import EN from '../i18n/locales/intake/en.json';
import { type Translate, translatorFor } from '../i18n/translator';
import type { CatalogId } from '../safety/catalog';

/**
 * The intake form the client fills in, as data: the same list drives the on-screen form, the
 * blank paper form, the therapist's review and the mapping into the health history
 * (to-health-history.ts). Questions are written for the client, not the therapist (DOMAIN.md
 * "Intake and consent"): plain words, no clinical jargon without an explanation beside it.
 *
 * Every rule of the contraindication table has a question that can trigger it, with "when"
 * where the rule has a time window (tests/unit/intake/questionnaire.test.ts fails otherwise).
 *
 * The words live in the intake catalogue (src-shared/i18n/locales/intake/<lang>.json), keyed by
 * the question's stable id (`headInjury.seen` -> `headInjurySeen`; follow-ups that ask the same
 * thing share `when` and `details`): `translateSections` gives the client's language. The ids
 * are what answers are stored under and never change with the language.
 */

/** The key of a built-in question's words under `intake.questions`. */
export type QuestionTextKey = keyof typeof EN.questions;
type SectionId = keyof typeof EN.sections;

export type QuestionKind = 'text' | 'long-text' | 'date' | 'yes-no' | 'choice';

/** What a "yes" (with its follow-ups) becomes in the health history. */
export type HealthMapping =
  | { to: 'condition'; catalogId: CatalogId; label: string }
  | { to: 'head-injury' }
  | { to: 'surgery' }
  | { to: 'anticoagulant' }
  | { to: 'pregnancy' };

/** Shown only when another answer has this value ("follow-ups only after a yes"). */
export interface ShowIf {
  questionId: string;
  equals: string | boolean;
}

export interface Question {
  id: string;
  kind: QuestionKind;
  /** The words in English (the catalogue's English, so there is one source). */
  label: string;
  /** Built-in questions: the key of their words in the intake catalogue (`intake.questions.…`). */
  textKey?: QuestionTextKey;
  /** A short plain explanation under the question. */
  hint?: string;
  options?: readonly { value: string; label: string }[];
  showIf?: ShowIf;
  /** The client cannot submit without it. */
  required?: boolean;
  /** Health questions: what a yes means for the health history. */
  health?: HealthMapping;
  /** Client contact fields the review can copy onto the client record. */
  clientField?: ClientField;
  /** Pregnancy questions: skipped when the date of birth makes them not apply. */
  pregnancyOnly?: boolean;
}

export type ClientField =
  | 'firstName'
  | 'lastName'
  | 'dateOfBirth'
  | 'phone'
  | 'email'
  | 'address'
  | 'emergencyContact.name'
  | 'emergencyContact.phone'
  | 'referringPhysician';

export interface Section {
  id: SectionId;
  title: string;
  questions: readonly Question[];
}

const yes = (questionId: string): ShowIf => ({ questionId, equals: true });

/** A built-in question's words: the key into the catalogue, and the English for code that wants it. */
function text(key: QuestionTextKey): { textKey: QuestionTextKey; label: string } {
  return { textKey: key, label: EN.questions[key] };
}

/** "When" for a condition whose rule has a window: a date, the client's best guess. */
function when(parent: string, key: QuestionTextKey = 'when'): Question {
  return { id: `${parent}.when`, kind: 'date', ...text(key), showIf: yes(parent) };
}

function details(parent: string, key: QuestionTextKey = 'details'): Question {
  return { id: `${parent}.details`, kind: 'long-text', ...text(key), showIf: yes(parent) };
}

export const INTAKE_SECTIONS: readonly Section[] = [
  {
    id: 'about-you',
    title: EN.sections['about-you'],
    questions: [
      { id: 'firstName', kind: 'text', ...text('firstName'), required: true, clientField: 'firstName' },
      { id: 'lastName', kind: 'text', ...text('lastName'), required: true, clientField: 'lastName' },
      {
        id: 'dateOfBirth',
        kind: 'date',
        ...text('dateOfBirth'),
        required: true,
        clientField: 'dateOfBirth',
      },
      { id: 'phone', kind: 'text', ...text('phone'), clientField: 'phone' },
      { id: 'email', kind: 'text', ...text('email'), clientField: 'email' },
      { id: 'address', kind: 'long-text', ...text('address'), clientField: 'address' },
      {
        id: 'emergencyName',
        kind: 'text',
        ...text('emergencyName'),
        clientField: 'emergencyContact.name',
      },
      {
        id: 'emergencyPhone',
        kind: 'text',
        ...text('emergencyPhone'),
        clientField: 'emergencyContact.phone',
      },
      {
        id: 'doctor',
        kind: 'text',
        ...text('doctor'),
        clientField: 'referringPhysician',
      },
    ],
  },
  {
    id: 'why',
    title: EN.sections.why,
    questions: [
      { id: 'reason', kind: 'long-text', ...text('reason') },
      { id: 'hopes', kind: 'long-text', ...text('hopes') },
      { id: 'symptoms', kind: 'long-text', ...text('symptoms') },
      { id: 'symptomsSince', kind: 'text', ...text('symptomsSince') },
      {
        id: 'medications',
        kind: 'long-text',
        ...text('medications'),
      },
    ],
  },
  {
    id: 'health',
    title: EN.sections.health,
    questions: [
      {
        id: 'headInjury',
        kind: 'yes-no',
        ...text('headInjury'),
        health: { to: 'head-injury' },
      },
      when('headInjury'),
      {
        id: 'headInjury.seen',
        kind: 'yes-no',
        ...text('headInjurySeen'),
        showIf: yes('headInjury'),
      },
      details('headInjury'),
      {
        id: 'skullFracture',
        kind: 'yes-no',
        ...text('skullFracture'),
        health: { to: 'condition', catalogId: 'skull-fracture', label: 'Skull fracture' },
      },
      when('skullFracture'),
      {
        id: 'skullFracture.healed',
        kind: 'yes-no',
        ...text('skullFractureHealed'),
        showIf: yes('skullFracture'),
      },
      {
        id: 'stroke',
        kind: 'yes-no',
        ...text('stroke'),
        health: {
          to: 'condition',
          catalogId: 'stroke-intracranial-haemorrhage',
          label: 'Stroke / intracranial haemorrhage',
        },
      },
      when('stroke'),
      {
        id: 'aneurysm',
        kind: 'yes-no',
        ...text('aneurysm'),
        health: { to: 'condition', catalogId: 'cerebral-aneurysm', label: 'Cerebral aneurysm' },
      },
      {
        id: 'aneurysm.treated',
        kind: 'yes-no',
        ...text('aneurysmTreated'),
        showIf: yes('aneurysm'),
      },
      {
        id: 'shunt',
        kind: 'yes-no',
        ...text('shunt'),
        health: { to: 'condition', catalogId: 'hydrocephalus-shunt', label: 'Hydrocephalus / shunt' },
      },
      {
        id: 'pressure',
        kind: 'yes-no',
        ...text('pressure'),
        health: {
          to: 'condition',
          catalogId: 'raised-intracranial-pressure',
          label: 'Raised intracranial pressure',
        },
      },
      {
        id: 'lumbarPuncture',
        kind: 'yes-no',
        ...text('lumbarPuncture'),
        health: { to: 'condition', catalogId: 'lumbar-puncture', label: 'Recent lumbar puncture' },
      },
      when('lumbarPuncture'),
      {
        id: 'csfLeak',
        kind: 'yes-no',
        ...text('csfLeak'),
        health: { to: 'condition', catalogId: 'csf-leak', label: 'CSF leak' },
      },
      when('csfLeak', 'csfLeakWhen'),
      {
        id: 'bleeding',
        kind: 'yes-no',
        ...text('bleeding'),
        health: {
          to: 'condition',
          catalogId: 'bleeding-clotting-disorder',
          label: 'Bleeding or clotting disorder',
        },
      },
      {
        id: 'bleeding.severe',
        kind: 'yes-no',
        ...text('bleedingSevere'),
        showIf: yes('bleeding'),
      },
      {
        id: 'dvt',
        kind: 'yes-no',
        ...text('dvt'),
        health: { to: 'condition', catalogId: 'deep-vein-thrombosis', label: 'Deep vein thrombosis (DVT)' },
      },
      {
        id: 'bloodThinner',
        kind: 'yes-no',
        ...text('bloodThinner'),
        health: { to: 'anticoagulant' },
      },
      {
        id: 'bloodThinner.name',
        kind: 'text',
        ...text('bloodThinnerName'),
        showIf: yes('bloodThinner'),
      },
      {
        id: 'chiari',
        kind: 'yes-no',
        ...text('chiari'),
        health: { to: 'condition', catalogId: 'chiari-malformation', label: 'Chiari malformation' },
      },
      {
        id: 'fever',
        kind: 'yes-no',
        ...text('fever'),
        health: { to: 'condition', catalogId: 'fever-acute-infection', label: 'Fever / acute infection' },
      },
      details('fever', 'feverDetails'),
      {
        id: 'osteoporosis',
        kind: 'yes-no',
        ...text('osteoporosis'),
        health: { to: 'condition', catalogId: 'osteoporosis', label: 'Osteoporosis' },
      },
      {
        id: 'tumour',
        kind: 'yes-no',
        ...text('tumour'),
        health: { to: 'condition', catalogId: 'brain-tumour', label: 'Brain tumour' },
      },
      {
        id: 'epilepsy',
        kind: 'yes-no',
        ...text('epilepsy'),
        health: { to: 'condition', catalogId: 'epilepsy', label: 'Epilepsy' },
      },
      {
        id: 'surgery',
        kind: 'yes-no',
        ...text('surgery'),
        health: { to: 'surgery' },
      },
      when('surgery'),
      {
        id: 'surgery.site',
        kind: 'choice',
        ...text('surgerySite'),
        options: [
          { value: 'cranial', label: EN.options.cranial },
          { value: 'spinal', label: EN.options.spinal },
        ],
        showIf: yes('surgery'),
      },
      details('surgery', 'surgeryDetails'),
      {
        id: 'pregnant',
        kind: 'yes-no',
        ...text('pregnant'),
        pregnancyOnly: true,
        health: { to: 'pregnancy' },
      },
      {
        id: 'pregnant.due',
        kind: 'date',
        ...text('pregnantDue'),
        showIf: yes('pregnant'),
        pregnancyOnly: true,
      },
      {
        id: 'pregnant.highRisk',
        kind: 'yes-no',
        ...text('pregnantHighRisk'),
        showIf: yes('pregnant'),
        pregnancyOnly: true,
      },
      { id: 'otherHealth', kind: 'long-text', ...text('otherHealth') },
    ],
  },
];

/** The update a returning client fills in: the health questions only, same wording. */
export const UPDATE_SECTIONS: readonly Section[] = [
  {
    id: 'changes',
    title: EN.sections.changes,
    questions: [{ id: 'changes', kind: 'long-text', ...text('changes') }],
  },
  ...INTAKE_SECTIONS.filter((section) => section.id === 'health'),
];

export type FormKind = 'intake' | 'update';

/** The practice's own questions (Settings), asked after the built-in ones. */
export interface PracticeQuestion {
  id: string;
  kind: 'text' | 'yes-no' | 'date' | 'choice';
  label: string;
  options: readonly string[];
}

export function practiceSection(questions: readonly PracticeQuestion[]): Section | null {
  if (questions.length === 0) return null;
  return {
    id: 'practice',
    title: EN.sections.practice,
    questions: questions.map((q) => ({
      id: `custom:${q.id}`,
      kind: q.kind,
      label: q.label,
      ...(q.kind === 'choice' ? { options: q.options.map((o) => ({ value: o, label: o })) } : {}),
    })),
  };
}

export function sectionsFor(
  kind: FormKind,
  practiceQuestions: readonly PracticeQuestion[] = [],
): readonly Section[] {
  const extra = practiceSection(practiceQuestions);
  const base = kind === 'intake' ? INTAKE_SECTIONS : UPDATE_SECTIONS;
  return extra ? [...base, extra] : base;
}

export function allQuestions(sections: readonly Section[] = INTAKE_SECTIONS): Question[] {
  return sections.flatMap((section) => section.questions);
}

/**
 * The sections with every built-in question, choice and section title in one language (the
 * client's). The practice's own questions stay as the practice wrote them. Ids are unchanged.
 */
export function translateSections(sections: readonly Section[], t: Translate): Section[] {
  return sections.map((section) => ({
    ...section,
    title: t(`intake.sections.${section.id}`),
    questions: section.questions.map((question) => translateQuestion(question, t)),
  }));
}

function translateQuestion(question: Question, t: Translate): Question {
  if (!question.textKey) return question;
  return {
    ...question,
    label: t(`intake.questions.${question.textKey}`),
    // A built-in question's choices are keyed by their stored value.
    ...(question.options
      ? {
          options: question.options.map((option) => ({
            ...option,
            label: t(`intake.options.${option.value as keyof typeof EN.options}`),
          })),
        }
      : {}),
  };
}

function builtInQuestion(questionId: string): Question | undefined {
  return allQuestions([...INTAKE_SECTIONS, ...UPDATE_SECTIONS]).find((q) => q.id === questionId);
}

/** A built-in question's words in one language, by its stored id (null for the practice's own). */
export function questionWords(questionId: string, t: Translate): string | null {
  const question = builtInQuestion(questionId);
  return question?.textKey ? t(`intake.questions.${question.textKey}`) : null;
}

/**
 * A question as a reader in `t`'s language reads it: a built-in one by its id (the client may
 * have read it in another language), the practice's own as written. `medications.2` (a
 * proposal's key) is the medicines question.
 */
export function shownQuestion(questionId: string, stored: string, t: Translate): string {
  return questionWords(questionId, t) ?? questionWords(questionId.replace(/\.\d+$/, ''), t) ?? stored;
}

/**
 * A submitted answer's question in a record printed in `t`'s language. The submission keeps the
 * words the client read; while those are Stillpoint's wording of that question in any of its
 * languages, the record prints the same question in its own language. Words it does not
 * recognise (an older wording, the practice's own question) are printed exactly as submitted.
 */
export function recordedQuestion(questionId: string, stored: string, t: Translate): string {
  const question = builtInQuestion(questionId);
  if (!question?.textKey) return stored;
  const key = `intake.questions.${question.textKey}` as const;
  const known = LANGUAGES.some((language) => translatorFor(language)(key) === stored.trim());
  return known ? t(key) : stored;
}

/** A built-in choice's name in `t`'s language by its stored value ("cranial" -> "Cabeza"), else null. */
export function choiceWords(questionId: string, value: string, t: Translate): string | null {
  const question = builtInQuestion(questionId);
  if (!question?.textKey || !question.options?.some((option) => option.value === value)) return null;
  return t(`intake.options.${value as keyof typeof EN.options}`);
}
