import type { CatalogId } from '../safety/catalog';

/**
 * The intake form the client fills in, as data: the same list drives the on-screen form, the
 * blank paper form, the therapist's review and the mapping into the health history
 * (to-health-history.ts). Questions are written for the client, not the therapist (DOMAIN.md
 * "Intake and consent"): plain words, no clinical jargon without an explanation beside it.
 *
 * Every rule of the contraindication table has a question that can trigger it, with "when"
 * where the rule has a time window (tests/unit/intake/questionnaire.test.ts fails otherwise).
 */

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
  label: string;
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
  id: string;
  title: string;
  questions: readonly Question[];
}

const yes = (questionId: string): ShowIf => ({ questionId, equals: true });

/** "When" for a condition whose rule has a window: a date, the client's best guess. */
function when(parent: string, label = 'When was that? (your best guess is fine)'): Question {
  return { id: `${parent}.when`, kind: 'date', label, showIf: yes(parent) };
}

function details(parent: string, label = 'Tell us a little more (optional)'): Question {
  return { id: `${parent}.details`, kind: 'long-text', label, showIf: yes(parent) };
}

export const INTAKE_SECTIONS: readonly Section[] = [
  {
    id: 'about-you',
    title: 'About you',
    questions: [
      { id: 'firstName', kind: 'text', label: 'First name', required: true, clientField: 'firstName' },
      { id: 'lastName', kind: 'text', label: 'Last name', required: true, clientField: 'lastName' },
      {
        id: 'dateOfBirth',
        kind: 'date',
        label: 'Date of birth',
        required: true,
        clientField: 'dateOfBirth',
      },
      { id: 'phone', kind: 'text', label: 'Phone number', clientField: 'phone' },
      { id: 'email', kind: 'text', label: 'Email address', clientField: 'email' },
      { id: 'address', kind: 'long-text', label: 'Postal address', clientField: 'address' },
      {
        id: 'emergencyName',
        kind: 'text',
        label: 'Who should we call in an emergency?',
        clientField: 'emergencyContact.name',
      },
      {
        id: 'emergencyPhone',
        kind: 'text',
        label: 'Their phone number',
        clientField: 'emergencyContact.phone',
      },
      {
        id: 'doctor',
        kind: 'text',
        label: 'Your GP or doctor (name and practice)',
        clientField: 'referringPhysician',
      },
    ],
  },
  {
    id: 'why',
    title: 'Why you are coming',
    questions: [
      { id: 'reason', kind: 'long-text', label: 'What brings you here?' },
      { id: 'hopes', kind: 'long-text', label: 'What do you hope will change?' },
      { id: 'symptoms', kind: 'long-text', label: 'What symptoms do you have now?' },
      { id: 'symptomsSince', kind: 'text', label: 'How long have you had them?' },
      {
        id: 'medications',
        kind: 'long-text',
        label: 'Which medicines do you take? One per line, with the dose if you know it',
      },
    ],
  },
  {
    id: 'health',
    title: 'Your health',
    questions: [
      {
        id: 'headInjury',
        kind: 'yes-no',
        label: 'Have you had a head injury or concussion (a knock to the head that left you dazed)?',
        health: { to: 'head-injury' },
      },
      when('headInjury'),
      {
        id: 'headInjury.seen',
        kind: 'yes-no',
        label: 'Did a doctor see you about it?',
        showIf: yes('headInjury'),
      },
      details('headInjury'),
      {
        id: 'skullFracture',
        kind: 'yes-no',
        label: 'Have you ever broken a bone in your skull (a skull fracture)?',
        health: { to: 'condition', catalogId: 'skull-fracture', label: 'Skull fracture' },
      },
      when('skullFracture'),
      {
        id: 'skullFracture.healed',
        kind: 'yes-no',
        label: 'Has a doctor told you it has healed?',
        showIf: yes('skullFracture'),
      },
      {
        id: 'stroke',
        kind: 'yes-no',
        label: 'Have you had a stroke, or bleeding in or around the brain?',
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
        label: 'Have you been told you have (or had) an aneurysm in the head (a weak, bulging blood vessel)?',
        health: { to: 'condition', catalogId: 'cerebral-aneurysm', label: 'Cerebral aneurysm' },
      },
      {
        id: 'aneurysm.treated',
        kind: 'yes-no',
        label: 'Has it been treated, for example clipped or coiled?',
        showIf: yes('aneurysm'),
      },
      {
        id: 'shunt',
        kind: 'yes-no',
        label: 'Do you have a shunt or drain for fluid on the brain (hydrocephalus)?',
        health: { to: 'condition', catalogId: 'hydrocephalus-shunt', label: 'Hydrocephalus / shunt' },
      },
      {
        id: 'pressure',
        kind: 'yes-no',
        label: 'Has a doctor told you that the pressure inside your head is too high?',
        health: {
          to: 'condition',
          catalogId: 'raised-intracranial-pressure',
          label: 'Raised intracranial pressure',
        },
      },
      {
        id: 'lumbarPuncture',
        kind: 'yes-no',
        label: 'Have you had a lumbar puncture (a spinal tap: a needle into the lower back to take fluid)?',
        health: { to: 'condition', catalogId: 'lumbar-puncture', label: 'Recent lumbar puncture' },
      },
      when('lumbarPuncture'),
      {
        id: 'csfLeak',
        kind: 'yes-no',
        label: 'Have you been told you have a leak of the fluid around the brain or spine (a CSF leak)?',
        health: { to: 'condition', catalogId: 'csf-leak', label: 'CSF leak' },
      },
      when('csfLeak', 'When did it start? (your best guess is fine)'),
      {
        id: 'bleeding',
        kind: 'yes-no',
        label:
          'Do you have a bleeding or clotting problem, for example haemophilia, or do you bleed very easily?',
        health: {
          to: 'condition',
          catalogId: 'bleeding-clotting-disorder',
          label: 'Bleeding or clotting disorder',
        },
      },
      {
        id: 'bleeding.severe',
        kind: 'yes-no',
        label: 'Has a doctor called it severe?',
        showIf: yes('bleeding'),
      },
      {
        id: 'dvt',
        kind: 'yes-no',
        label: 'Do you have a blood clot now, in a leg (a DVT) or in the lungs?',
        health: { to: 'condition', catalogId: 'deep-vein-thrombosis', label: 'Deep vein thrombosis (DVT)' },
      },
      {
        id: 'bloodThinner',
        kind: 'yes-no',
        label: 'Do you take a blood thinner, for example warfarin, apixaban or rivaroxaban?',
        health: { to: 'anticoagulant' },
      },
      {
        id: 'bloodThinner.name',
        kind: 'text',
        label: 'Which one?',
        showIf: yes('bloodThinner'),
      },
      {
        id: 'chiari',
        kind: 'yes-no',
        label:
          'Have you been told you have a Chiari malformation (the base of the brain sits low in the skull)?',
        health: { to: 'condition', catalogId: 'chiari-malformation', label: 'Chiari malformation' },
      },
      {
        id: 'fever',
        kind: 'yes-no',
        label: 'Do you have a fever or an infection right now?',
        health: { to: 'condition', catalogId: 'fever-acute-infection', label: 'Fever / acute infection' },
      },
      details('fever', 'What is it?'),
      {
        id: 'osteoporosis',
        kind: 'yes-no',
        label: 'Have you been told you have osteoporosis (thin, fragile bones)?',
        health: { to: 'condition', catalogId: 'osteoporosis', label: 'Osteoporosis' },
      },
      {
        id: 'tumour',
        kind: 'yes-no',
        label: 'Have you ever had a tumour in the brain?',
        health: { to: 'condition', catalogId: 'brain-tumour', label: 'Brain tumour' },
      },
      {
        id: 'epilepsy',
        kind: 'yes-no',
        label: 'Do you have epilepsy or seizures (fits)?',
        health: { to: 'condition', catalogId: 'epilepsy', label: 'Epilepsy' },
      },
      {
        id: 'surgery',
        kind: 'yes-no',
        label: 'Have you had an operation on your head, neck or back?',
        health: { to: 'surgery' },
      },
      when('surgery'),
      {
        id: 'surgery.site',
        kind: 'choice',
        label: 'Where was it?',
        options: [
          { value: 'cranial', label: 'Head' },
          { value: 'spinal', label: 'Neck or back' },
        ],
        showIf: yes('surgery'),
      },
      details('surgery', 'What was it for? (optional)'),
      {
        id: 'pregnant',
        kind: 'yes-no',
        label: 'Are you pregnant?',
        pregnancyOnly: true,
        health: { to: 'pregnancy' },
      },
      {
        id: 'pregnant.due',
        kind: 'date',
        label: 'When is the baby due?',
        showIf: yes('pregnant'),
        pregnancyOnly: true,
      },
      {
        id: 'pregnant.highRisk',
        kind: 'yes-no',
        label: 'Has your midwife or doctor said the pregnancy is high-risk?',
        showIf: yes('pregnant'),
        pregnancyOnly: true,
      },
      { id: 'otherHealth', kind: 'long-text', label: 'Anything else about your health we should know?' },
    ],
  },
];

/** The update a returning client fills in: the health questions only, same wording. */
export const UPDATE_SECTIONS: readonly Section[] = [
  {
    id: 'changes',
    title: 'Since your last visit',
    questions: [{ id: 'changes', kind: 'long-text', label: 'Has anything changed since your last visit?' }],
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
    title: 'A few more questions',
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
