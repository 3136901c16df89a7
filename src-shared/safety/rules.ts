import { z } from 'zod';
import { addDays, addMonths, type IsoDate } from '../domain/dates';
import type { SurgerySite } from '../domain/health-history';
import type { CatalogId } from './catalog';
import { SAFETY_RULE_MESSAGES as M } from './messages';
import type { Severity } from './severity';

/**
 * The contraindication table of DOMAIN.md as data. `evaluateContraindications` (evaluate.ts)
 * reads it; nothing here runs on its own.
 *
 * Time windows are inclusive and exact to the day: an event on day 0 with a 6-week window is
 * inside the window up to and including day 42 (event + 42 days) and outside from day 43.
 * Month windows use calendar months (31 January + 1 month = 28/29 February).
 *
 * The age rule ("under 2 years") is the one exception: it ends on the birthday itself, so a child
 * is inside the window up to the day before the 2nd birthday (29 February birthdays turn on
 * 1 March, as `ageInYears` does).
 */

export const WINDOW_UNITS = ['days', 'weeks', 'months'] as const;

export const WindowSchema = z.object({
  unit: z.enum(WINDOW_UNITS, { message: M.unit }),
  amount: z
    .number({ message: M.number })
    .int({ message: M.wholeNumber })
    .min(0, { message: M.negativeWindow })
    .max(1200, { message: M.windowTooLong }),
});
export type Window = z.infer<typeof WindowSchema>;

/** The last day inside a window that starts on `start` (the event day itself is day 0). */
export function windowEnd(start: IsoDate, window: Window): IsoDate {
  switch (window.unit) {
    case 'days':
      return addDays(start, window.amount);
    case 'weeks':
      return addDays(start, window.amount * 7);
    case 'months':
      return addMonths(start, window.amount);
  }
}

/** "6 weeks", "1 month". */
export function describeWindow(window: Window): string {
  const unit = window.amount === 1 ? window.unit.slice(0, -1) : window.unit;
  return `${window.amount} ${unit}`;
}

/** What part of a health history a rule looks at. */
export type RuleMatch =
  /** Conditions picked from the catalog, or typed as free text containing a catalog keyword. */
  | { kind: 'condition'; catalogIds: readonly CatalogId[] }
  | { kind: 'surgery'; sites: readonly SurgerySite[] }
  | { kind: 'head-injury' }
  /** Medications marked as anticoagulant, or named like one (catalog ANTICOAGULANT_NAMES). */
  | { kind: 'anticoagulant-medication' }
  | { kind: 'pregnancy' }
  /** The client's age from the date of birth: inside the window while younger than it. */
  | { kind: 'age' };

/**
 * Facts a branch can require about the matched item:
 * - within-window: the item's date is inside the rule's window (an item with no date counts as
 *   inside: the check cannot rule it out, and the finding asks for the date);
 * - current: a condition with status "current"; medications and a pregnancy always count as
 *   current; a head injury counts as current while inside the window (or undated): an older
 *   injury with lasting effects is recorded as a current "Concussion / brain injury" condition;
 * - untreated: "treated" is false or not recorded;
 * - severe: a condition recorded as severe or high-risk;
 * - high-risk: a pregnancy marked high-risk.
 */
export type RuleFact = 'within-window' | 'current' | 'untreated' | 'severe' | 'high-risk';

/**
 * Branches are tried in order and the first whose facts all hold decides the severity; none
 * holding means no finding. `alsoNext` lets one more branch add a second finding (a high-risk
 * pregnancy needs clearance and still a modified approach).
 */
export interface SeverityBranch {
  when: readonly RuleFact[];
  severity: Severity;
  /** Replaces the rule's rationale for this branch. */
  rationale?: string;
  alsoNext?: boolean;
}

export const BUILT_IN_RULE_IDS = [
  'intracranial-bleed',
  'aneurysm',
  'skull-fracture',
  'raised-icp',
  'untreated-brain-injury',
  'csf-leak',
  'recent-surgery',
  'bleeding-disorder',
  'chiari',
  'acute-infection',
  'pregnancy',
  'osteoporosis',
  'tumour-epilepsy',
  'infant',
] as const;
export type BuiltInRuleId = (typeof BUILT_IN_RULE_IDS)[number];

export interface BuiltInRule {
  id: BuiltInRuleId;
  title: string;
  matches: readonly RuleMatch[];
  /** The severity as the DOMAIN.md table lists it, for showing the rules; `branches` decide each case. */
  severity: Severity;
  branches: readonly SeverityBranch[];
  /** Default window; a practice can override it in its safety settings. */
  window: Window | null;
  /**
   * "Until healed" rules: the window is the default length only while healing is not recorded.
   * A condition marked past with a resolved date on or before today is outside the window.
   */
  endsWhenResolved?: boolean;
  rationale: string;
  source: string;
}

const SIX_WEEKS: Window = { unit: 'weeks', amount: 6 };

export const BUILT_IN_RULES: readonly BuiltInRule[] = [
  {
    id: 'intracranial-bleed',
    title: 'Stroke or intracranial haemorrhage',
    matches: [{ kind: 'condition', catalogIds: ['stroke-intracranial-haemorrhage'] }],
    severity: 'AVOID',
    branches: [
      { when: ['within-window'], severity: 'AVOID' },
      {
        when: [],
        severity: 'CLEARANCE',
        rationale:
          "After the first months, treat a history of stroke or bleeding only with the physician's clearance.",
      },
    ],
    window: { unit: 'months', amount: 6 },
    rationale: 'Pressure changes in the head may be unsafe while a bleed or stroke is recent.',
    source: 'craniosacraltherapy-gentlehealing.co.uk; drnikookar.com',
  },
  {
    id: 'aneurysm',
    title: 'Cerebral aneurysm',
    matches: [{ kind: 'condition', catalogIds: ['cerebral-aneurysm'] }],
    severity: 'AVOID',
    branches: [
      { when: ['current', 'untreated'], severity: 'AVOID' },
      {
        when: [],
        severity: 'CLEARANCE',
        rationale: "A treated or past aneurysm still needs the physician's clearance before cranial work.",
      },
    ],
    window: null,
    rationale: 'Work on the head could stress an untreated aneurysm.',
    source: 'craniolongevity.com',
  },
  {
    id: 'skull-fracture',
    title: 'Recent skull fracture',
    matches: [{ kind: 'condition', catalogIds: ['skull-fracture'] }],
    severity: 'AVOID',
    branches: [
      { when: ['within-window'], severity: 'AVOID' },
      {
        when: ['current'],
        severity: 'CLEARANCE',
        rationale: "The fracture is still recorded as not healed: ask for the physician's clearance.",
      },
    ],
    window: SIX_WEEKS,
    endsWhenResolved: true,
    rationale: 'Pressure on the skull must wait until a fracture has healed.',
    source: 'drnikookar.com',
  },
  {
    id: 'raised-icp',
    title: 'Raised intracranial pressure or shunt',
    matches: [{ kind: 'condition', catalogIds: ['raised-intracranial-pressure', 'hydrocephalus-shunt'] }],
    severity: 'AVOID',
    branches: [{ when: ['current'], severity: 'AVOID' }],
    window: null,
    rationale: 'Craniosacral work changes pressure around the brain and spinal cord.',
    source: 'craniolongevity.com',
  },
  {
    id: 'untreated-brain-injury',
    title: 'Brain injury or concussion',
    matches: [{ kind: 'condition', catalogIds: ['concussion-brain-injury'] }, { kind: 'head-injury' }],
    severity: 'AVOID',
    branches: [
      {
        when: ['current', 'untreated'],
        severity: 'AVOID',
        rationale: 'A brain injury that has not been seen by a physician must be assessed before treatment.',
      },
      { when: ['within-window'], severity: 'CLEARANCE' },
    ],
    window: SIX_WEEKS,
    rationale: "A recent brain injury or concussion needs the physician's clearance before cranial work.",
    source: 'clinicalgate.com',
  },
  {
    id: 'csf-leak',
    title: 'CSF leak or recent lumbar puncture',
    matches: [{ kind: 'condition', catalogIds: ['csf-leak', 'lumbar-puncture'] }],
    severity: 'AVOID',
    branches: [
      { when: ['within-window'], severity: 'AVOID' },
      {
        when: ['current'],
        severity: 'CLEARANCE',
        rationale: "Until the leak is stable, treat only with the physician's clearance.",
      },
    ],
    window: SIX_WEEKS,
    endsWhenResolved: true,
    rationale: 'Work on the membranes could disturb a leak or a puncture that has not sealed.',
    source: 'craniolongevity.com',
  },
  {
    id: 'recent-surgery',
    title: 'Recent cranial or spinal surgery',
    matches: [{ kind: 'surgery', sites: ['cranial', 'spinal'] }],
    severity: 'AVOID',
    branches: [{ when: ['within-window'], severity: 'AVOID' }],
    window: SIX_WEEKS,
    rationale: 'The head and spine need several weeks to heal after surgery.',
    source: 'marklevine.ca; craniolongevity.com',
  },
  {
    id: 'bleeding-disorder',
    title: 'Bleeding or clotting disorder, blood thinners',
    matches: [
      { kind: 'condition', catalogIds: ['bleeding-clotting-disorder', 'deep-vein-thrombosis'] },
      { kind: 'anticoagulant-medication' },
    ],
    severity: 'AVOID',
    branches: [
      {
        when: ['current', 'severe'],
        severity: 'AVOID',
        rationale: 'A severe bleeding or clotting disorder makes even light pressure a risk.',
      },
      { when: ['current'], severity: 'CLEARANCE' },
    ],
    window: null,
    rationale: "Bleeding and clotting risks need the physician's clearance before treatment.",
    source: 'massageproguide.com',
  },
  {
    id: 'chiari',
    title: 'Chiari malformation',
    matches: [{ kind: 'condition', catalogIds: ['chiari-malformation'] }],
    severity: 'CLEARANCE',
    branches: [{ when: [], severity: 'CLEARANCE' }],
    window: null,
    rationale: "Work at the base of the skull needs the physician's clearance (weak evidence: one source).",
    source: 'weak evidence: one practitioner source',
  },
  {
    id: 'acute-infection',
    title: 'Fever or acute infection',
    matches: [{ kind: 'condition', catalogIds: ['fever-acute-infection'] }],
    severity: 'AVOID',
    branches: [{ when: ['current'], severity: 'AVOID' }],
    window: null,
    rationale: 'Wait until a fever or acute infection has resolved.',
    source: 'craniolongevity.com',
  },
  {
    id: 'pregnancy',
    title: 'Pregnancy',
    matches: [{ kind: 'pregnancy' }],
    severity: 'MODIFY',
    branches: [
      {
        when: ['high-risk'],
        severity: 'CLEARANCE',
        rationale: "A high-risk pregnancy needs the physician's or midwife's clearance.",
        alsoNext: true,
      },
      { when: [], severity: 'MODIFY' },
    ],
    window: null,
    rationale: 'Adapt positioning and pressure during pregnancy, and note how.',
    source: 'craniolongevity.com',
  },
  {
    id: 'osteoporosis',
    title: 'Osteoporosis',
    matches: [{ kind: 'condition', catalogIds: ['osteoporosis'] }],
    severity: 'MODIFY',
    branches: [{ when: ['current'], severity: 'MODIFY' }],
    window: null,
    rationale: 'Use lighter pressure and careful positioning on fragile bones.',
    source: "Werner, A Massage Therapist's Guide to Pathology (osteoporosis precautions)",
  },
  {
    id: 'tumour-epilepsy',
    title: 'Brain tumour or epilepsy',
    matches: [{ kind: 'condition', catalogIds: ['brain-tumour', 'epilepsy'] }],
    severity: 'CAUTION',
    branches: [{ when: [], severity: 'CAUTION' }],
    window: null,
    rationale: 'Know the history and watch for changes during and after the session.',
    source: 'med.cirdy.com',
  },
  {
    id: 'infant',
    title: 'Child under 2 years',
    matches: [{ kind: 'age' }],
    severity: 'CAUTION',
    branches: [{ when: ['within-window'], severity: 'CAUTION' }],
    window: { unit: 'months', amount: 24 },
    rationale: "An infant's skull is still forming: use the lightest touch.",
    source: 'American Cancer Society, via everything.explained.today',
  },
];

const rulesById = new Map<string, BuiltInRule>(BUILT_IN_RULES.map((rule) => [rule.id, rule]));

export function builtInRule(id: string): BuiltInRule | undefined {
  return rulesById.get(id);
}

/** Rules with a time window: the ones a practice can change in its safety settings. */
export const WINDOWED_RULE_IDS = [
  'intracranial-bleed',
  'skull-fracture',
  'untreated-brain-injury',
  'csf-leak',
  'recent-surgery',
  'infant',
] as const satisfies readonly BuiltInRuleId[];
export type WindowedRuleId = (typeof WINDOWED_RULE_IDS)[number];
