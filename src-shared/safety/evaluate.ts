import { addDays, addMonths, dayNumber, daysBetween, type IsoDate } from '../domain/dates';
import {
  type Clearance,
  type Condition,
  type HealthHistory,
  historyNotRecorded,
} from '../domain/health-history';
import type { Id } from '../domain/ids';
import type { Translate } from '../i18n/translator';
import { type CatalogId, catalogItem, catalogMatchesForText, looksLikeAnticoagulant } from './catalog';
import { type CustomRule, DEFAULT_SAFETY_SETTINGS, type SafetySettings } from './custom-rules';
import { textMatchesPhrases } from './phrases';
import {
  BUILT_IN_RULES,
  type BuiltInRule,
  describeWindow,
  type RuleFact,
  type RuleMatch,
  type Window,
  type WindowedRuleId,
  windowEnd,
} from './rules';
import { type Severity, severityRank } from './severity';

/**
 * The contraindication check: pure, no clock (today comes in the context), never throws on a
 * history that passed HealthHistorySchema.
 *
 * Dates and windows:
 * - A window counts from the event: a condition's onset date, a surgery's or injury's date. A
 *   condition later marked past keeps its window from the onset (a fracture that healed in 4
 *   weeks still counts 6 weeks from the fracture); after the window, a rule's "while current"
 *   branch no longer applies to a past condition ("active" rules such as acute infection or
 *   raised intracranial pressure stop as soon as the condition is marked past).
 * - "Until healed" rules (skull fracture, CSF leak: `endsWhenResolved`) use their window only
 *   while healing is not recorded: marked past with a resolved date on or before today, the
 *   condition no longer triggers them, even inside the default window.
 * - Windows are inclusive: the event day + the window is the last day inside (see rules.ts).
 * - An item without a date counts as inside its window, since the check cannot rule that out,
 *   and the finding asks for the date. A past condition with no onset date but a resolved date
 *   is known to have started on or before it, so it is outside once the resolved date is.
 * - Events dated after today (only possible in data that skipped the form's check) count as inside.
 *
 * Clearances: a clearance on file for the finding's rule (and item, when it names one), given on
 * or before today, on or after the event it clears, and not expired, lifts a "Needs medical
 * clearance" finding. A "Do not treat" finding is lifted only by a clearance that names its item
 * (the concussion of 2 weeks ago, not "brain injury" in general): a physician who assessed the
 * client after that event and cleared treatment is what the AVOID rationale asks for (issue 21
 * item 6), while a rule-wide clearance given for a milder case must not silently cover it. Lifted findings are returned with `lifted: true` and the clearance,
 * so the screen can show "cleared by Dr X on date"; `activeFindings` drops them. MODIFY and
 * CAUTION findings are never lifted: they ask how to treat, not whether.
 *
 * A history never taken (nothing recorded, never reviewed with the client) gives one finding of
 * its own, "No health history recorded yet", instead of an empty list. An infant's age finding
 * still comes with it: the date of birth is on the client, not in the history.
 */

export interface EvaluationContext {
  today: IsoDate;
  dateOfBirth?: IsoDate | null;
  settings?: SafetySettings;
  /**
   * How dates are written into `because`. The screens pass the locale's format (issue 21 item 11:
   * one date format per screen); left out, dates stay as stored (YYYY-MM-DD).
   */
  formatDate?: (date: IsoDate) => string;
  /**
   * The words of `because` in a language (keys `safety.because.*`): the screens pass the app's
   * `t`. Left out, `because` is English, as stored and exported. The client's own words (a
   * condition typed as free text, a surgery's description, a medication) stay as written.
   */
  t?: Translate;
  /**
   * How a condition picked from the list is named with `t`: the screens pass
   * `(condition) => conditionName(t, condition)` (src-shared/i18n/safety-names.ts), which shows it
   * in `t`'s language while the stored name is still Stillpoint's. Handed in rather than imported:
   * it reads every catalogue, and the workers that evaluate without `t` (safety marks, the note
   * index) would carry them all (about 1 MB each). Left out, the stored name is shown.
   */
  conditionName?: (condition: Condition) => string;
}

const asStored = (date: IsoDate): string => date;

export interface Finding {
  /** A built-in rule id (rules.ts) or a practice rule's id. */
  ruleId: string;
  severity: Severity;
  title: string;
  rationale: string;
  source: string;
  /** What in the history triggered it: "Skull fracture on 2026-10-15 (42 days ago)". */
  because: string;
  /** The condition, medication, surgery or head injury that triggered it. */
  itemId?: Id;
  /** The last day this finding's window still applies, when it comes from a dated window. */
  until?: IsoDate;
  /** The clearance that lifted it. */
  clearance?: Clearance;
  lifted: boolean;
  /** True for a practice's own rule. */
  custom: boolean;
}

/** One thing in the history a rule looked at, with the facts its branches can test. */
interface Candidate {
  itemId?: Id;
  /** How the item is named in `because`. */
  what: string;
  /** The date its window counts from, when known. */
  eventDate: IsoDate | null;
  /** For an undated event: the latest day it can have happened (a resolved date), if known. */
  latestEventDate: IsoDate | null;
  /** Undated items whose window is unknown still count as inside. */
  windowKind: 'event' | 'age';
  current: boolean | 'while-in-window';
  untreated: boolean;
  severe: boolean;
  highRisk: boolean;
  /** Extra facts worth naming ("past", "severe", "due 2027-01-10"). */
  notes: string[];
  /** "treated", "not treated": named only by rules that ask whether it was treated. */
  treatmentNote?: string;
}

const SURGERY_SITE_NAMES = {
  cranial: 'Cranial surgery',
  spinal: 'Spinal surgery',
  other: 'Surgery',
} as const;

type ConditionSeverity = NonNullable<Condition['severity']>;

/** The words `because` is made of: English by default, or a language's through `t`. */
interface BecauseWords {
  /** A condition's name: a name picked from the list in the reader's language, a typed one as typed. */
  condition(condition: Condition): string;
  /** The title of a practice rule the practice left untitled, after what it looks for. */
  untitledRule(name: string): string;
  /** Where a practice rule comes from, shown as its source. */
  practiceRuleSource: string;
  relativeDays(date: IsoDate, today: IsoDate): string;
  age(dateOfBirth: IsoDate, today: IsoDate): string;
  born(date: string, age: string): string;
  dated(what: string, date: string, when: string): string;
  undated(what: string, window: Window): string;
  withNotes(reason: string, notes: readonly string[]): string;
  readAs(label: string, catalogId: CatalogId, english: string): string;
  resolvedOn(date: string): string;
  past: string;
  severity(severity: ConditionSeverity): string;
  treatment(treated: boolean | null): string;
  surgery(site: keyof typeof SURGERY_SITE_NAMES, description: string): string;
  headInjury(description: string): string;
  bloodThinner(marked: boolean): string;
  due(date: string): string;
  dueNotRecorded: string;
  highRisk: string;
  pregnant: string;
}

const ENGLISH_WORDS: BecauseWords = {
  condition: (condition) => condition.label,
  untitledRule: (name) => `Practice rule: ${name}`,
  practiceRuleSource: 'Practice rule',
  relativeDays,
  age: describeAge,
  born: (date, age) => `Born ${date}, ${age}`,
  dated: (what, date, when) => `${what} on ${date} (${when})`,
  undated: (what, window) =>
    `${what} (date not recorded: add it to check the ${describeWindow(window)} window)`,
  withNotes: (reason, notes) => (notes.length > 0 ? `${reason}, ${notes.join(', ')}` : reason),
  readAs: (label, _id, english) => `"${label}" (read as ${english})`,
  resolvedOn: (date) => `resolved on ${date}`,
  past: 'past',
  severity: (severity) => severity,
  treatment: treatmentNote,
  surgery: (site, description) => `${SURGERY_SITE_NAMES[site]}${description ? ` (${description})` : ''}`,
  headInjury: (description) => `Head injury${description ? ` (${description})` : ''}`,
  bloodThinner: (marked) => (marked ? 'a blood thinner' : 'a known blood thinner'),
  due: (date) => `due ${date}`,
  dueNotRecorded: 'due date not recorded',
  highRisk: 'high-risk',
  pregnant: 'Pregnant',
};

function translatedWords(t: Translate, nameOf: (condition: Condition) => string): BecauseWords {
  const withDescription = (what: string, description: string) =>
    description ? t('safety.because.withDescription', { what, description }) : what;
  return {
    condition: nameOf,
    untitledRule: (name) => t('safety.practiceRule.untitled', { name }),
    practiceRuleSource: t('safety.practiceRule.source'),
    relativeDays: (date, today) => {
      const days = daysBetween(date, today);
      return days >= 0 ? t('safety.because.ago', { days }) : t('safety.because.ahead', { days: -days });
    },
    age: (dateOfBirth, today) => {
      const { years, months, days } = ageParts(dateOfBirth, today);
      if (years === null) return t('safety.because.ageDays', { days });
      if (years === 0) return t('safety.because.ageMonths', { months });
      if (months === 0) return t('safety.because.ageYears', { years });
      return t('safety.because.ageYearsMonths', { years, months });
    },
    born: (date, age) => t('safety.because.born', { date, age }),
    dated: (what, date, when) => t('safety.because.dated', { what, date, when }),
    undated: (what, window) =>
      t('safety.because.undated', {
        what,
        window: t(`safety.because.window.${window.unit}`, { amount: window.amount }),
      }),
    withNotes: (reason, notes) =>
      notes.length > 0
        ? t('safety.because.withNotes', { reason, notes: notes.join(t('safety.because.noteSeparator')) })
        : reason,
    readAs: (label, id) => t('safety.because.readAs', { label, catalog: t(`safety.catalog.${id}`) }),
    resolvedOn: (date) => t('safety.because.resolvedOn', { date }),
    past: t('safety.because.past'),
    severity: (severity) => t(`safety.because.severity.${severity}`),
    treatment: (treated) =>
      t(
        treated === true
          ? 'safety.because.treated'
          : treated === false
            ? 'safety.because.notTreated'
            : 'safety.because.treatmentNotRecorded',
      ),
    surgery: (site, description) => withDescription(t(`safety.because.surgery.${site}`), description),
    headInjury: (description) => withDescription(t('safety.because.headInjury'), description),
    bloodThinner: (marked) => t(marked ? 'safety.because.bloodThinner' : 'safety.because.knownBloodThinner'),
    due: (date) => t('safety.because.due', { date }),
    dueNotRecorded: t('safety.because.dueNotRecorded'),
    highRisk: t('safety.because.highRisk'),
    pregnant: t('safety.because.pregnant'),
  };
}

function wordsFor(context: EvaluationContext): BecauseWords {
  return context.t
    ? translatedWords(context.t, context.conditionName ?? ((condition) => condition.label))
    : ENGLISH_WORDS;
}

function relativeDays(date: IsoDate, today: IsoDate): string {
  const days = daysBetween(date, today);
  if (days === 0) return 'today';
  if (days === 1) return '1 day ago';
  if (days > 1) return `${days} days ago`;
  return days === -1 ? 'in 1 day' : `in ${-days} days`;
}

function plural(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** Whole years and months of age, or only days (years null) under a month. */
function ageParts(
  dateOfBirth: IsoDate,
  today: IsoDate,
): { years: number | null; months: number; days: number } {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let months = (ty - by) * 12 + (tm - bm);
  if (td < bd) months -= 1;
  if (months < 1) return { years: null, months: 0, days: Math.max(0, daysBetween(dateOfBirth, today)) };
  return { years: Math.floor(months / 12), months: months % 12, days: 0 };
}

function describeAge(dateOfBirth: IsoDate, today: IsoDate): string {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let months = (ty - by) * 12 + (tm - bm);
  if (td < bd) months -= 1;
  if (months < 1) return `${plural(Math.max(0, daysBetween(dateOfBirth, today)), 'day')} old`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [years > 0 ? plural(years, 'year') : '', rest > 0 ? plural(rest, 'month') : ''];
  return `${parts.filter((part) => part !== '').join(' ')} old`;
}

/**
 * The first day a child is no longer "younger than" the window: the birthday itself for month
 * windows, with a 29 February birthday turning on 1 March (as `ageInYears` does).
 */
function firstDayPastAge(dateOfBirth: IsoDate, window: Window): IsoDate {
  if (window.unit !== 'months') return windowEnd(dateOfBirth, window);
  const anniversary = addMonths(dateOfBirth, window.amount);
  const clamped = Number(anniversary.slice(8, 10)) < Number(dateOfBirth.slice(8, 10));
  return clamped ? addDays(anniversary, 1) : anniversary;
}

// ---------------------------------------------------------------------------------------------
// Reading the history

function treatmentNote(treated: boolean | null): string {
  if (treated === true) return 'treated';
  return treated === false ? 'not treated' : 'treatment not recorded';
}

// Reading free text is the costly part of a check and every rule asks again: remember the answer
// per condition object, checked against the label so an edited object is read afresh.
const readAsCache = new WeakMap<Condition, { label: string; ids: CatalogId[] }>();

/** The catalog items a condition stands for: the one picked, or those its free text names. */
function conditionCatalogIds(condition: Condition): CatalogId[] {
  if (condition.catalogId !== null) return [condition.catalogId];
  const cached = readAsCache.get(condition);
  if (cached?.label === condition.label) return cached.ids;
  const ids = catalogMatchesForText(condition.label);
  readAsCache.set(condition, { label: condition.label, ids });
  return ids;
}

function conditionCandidate(
  condition: Condition,
  readAs: CatalogId | null,
  formatDate: (date: IsoDate) => string,
  words: BecauseWords = ENGLISH_WORDS,
): Candidate {
  const readAsLabel = readAs !== null ? catalogItem(readAs)?.label : undefined;
  const what =
    condition.catalogId === null && readAs !== null && readAsLabel !== undefined
      ? words.readAs(condition.label, readAs, readAsLabel)
      : words.condition(condition);
  const notes: string[] = [];
  if (condition.status === 'past') {
    notes.push(
      condition.resolvedDate !== null ? words.resolvedOn(formatDate(condition.resolvedDate)) : words.past,
    );
  }
  if (condition.severity !== null) notes.push(words.severity(condition.severity));
  return {
    itemId: condition.id,
    what,
    eventDate: condition.onsetDate,
    latestEventDate: condition.resolvedDate,
    windowKind: 'event',
    current: condition.status === 'current',
    untreated: condition.treated !== true,
    severe: condition.severity === 'severe' || condition.severity === 'high-risk',
    highRisk: false,
    notes,
    treatmentNote: words.treatment(condition.treated),
  };
}

function candidatesFor(match: RuleMatch, history: HealthHistory, context: EvaluationContext): Candidate[] {
  const words = wordsFor(context);
  switch (match.kind) {
    case 'condition':
      return history.conditions.flatMap((condition) => {
        const readAs = conditionCatalogIds(condition).find((id) => match.catalogIds.includes(id));
        if (readAs === undefined) return [];
        return [conditionCandidate(condition, readAs, context.formatDate ?? asStored, words)];
      });
    case 'surgery':
      return history.surgeries
        .filter((surgery) => match.sites.includes(surgery.site))
        .map((surgery) => ({
          itemId: surgery.id,
          what: words.surgery(surgery.site, surgery.description),
          eventDate: surgery.date,
          latestEventDate: null,
          windowKind: 'event',
          current: true,
          untreated: false,
          severe: false,
          highRisk: false,
          notes: [],
        }));
    case 'head-injury':
      return history.headInjuries.map((injury) => ({
        itemId: injury.id,
        what: words.headInjury(injury.description),
        eventDate: injury.date,
        latestEventDate: null,
        windowKind: 'event',
        current: 'while-in-window',
        untreated: !injury.treated,
        severe: false,
        highRisk: false,
        notes: [],
        treatmentNote: words.treatment(injury.treated),
      }));
    case 'anticoagulant-medication':
      return history.medications
        .filter((medication) => medication.anticoagulant || looksLikeAnticoagulant(medication.name))
        .map((medication) => ({
          itemId: medication.id,
          what: `${medication.name}${medication.dose ? ` ${medication.dose}` : ''}`,
          eventDate: null,
          latestEventDate: null,
          windowKind: 'event',
          current: true,
          untreated: false,
          severe: false,
          highRisk: false,
          notes: [words.bloodThinner(medication.anticoagulant)],
        }));
    case 'pregnancy': {
      const pregnancy = history.pregnancy;
      if (!pregnancy?.pregnant) return [];
      const notes = [
        pregnancy.dueDate !== null
          ? words.due((context.formatDate ?? asStored)(pregnancy.dueDate))
          : words.dueNotRecorded,
      ];
      if (pregnancy.highRisk) notes.push(words.highRisk);
      return [
        {
          what: words.pregnant,
          eventDate: null,
          latestEventDate: null,
          windowKind: 'event',
          current: true,
          untreated: false,
          severe: false,
          highRisk: pregnancy.highRisk,
          notes,
        },
      ];
    }
    case 'age': {
      const dateOfBirth = context.dateOfBirth;
      // Not yet born on that day is a date error (date-rules.ts), never "a child under 2".
      if (!dateOfBirth || daysBetween(dateOfBirth, context.today) < 0) return [];
      return [
        {
          what: words.born(
            (context.formatDate ?? asStored)(dateOfBirth),
            words.age(dateOfBirth, context.today),
          ),
          eventDate: dateOfBirth,
          latestEventDate: null,
          windowKind: 'age',
          current: true,
          untreated: false,
          severe: false,
          highRisk: false,
          notes: [],
        },
      ];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Windows and branches

interface WindowState {
  inside: boolean;
  /** Last day inside, when the item's date is known. */
  until?: IsoDate;
}

/** For an "until healed" rule: the condition is marked past and healed on or before today. */
function healedBefore(rule: BuiltInRule, candidate: Candidate, today: IsoDate): boolean {
  return (
    rule.endsWhenResolved === true &&
    candidate.current === false &&
    candidate.latestEventDate !== null &&
    dayNumber(candidate.latestEventDate) <= dayNumber(today)
  );
}

function windowState(candidate: Candidate, window: Window | null, today: IsoDate): WindowState {
  if (window === null) return { inside: false };
  const todayNumber = dayNumber(today);
  if (candidate.windowKind === 'age') {
    if (candidate.eventDate === null) return { inside: false };
    const firstDayPast = firstDayPastAge(candidate.eventDate, window);
    return { inside: todayNumber < dayNumber(firstDayPast), until: addDays(firstDayPast, -1) };
  }
  if (candidate.eventDate !== null) {
    const until = windowEnd(candidate.eventDate, window);
    return { inside: todayNumber <= dayNumber(until), until };
  }
  if (candidate.latestEventDate !== null) {
    return { inside: todayNumber <= dayNumber(windowEnd(candidate.latestEventDate, window)) };
  }
  return { inside: true };
}

function factHolds(fact: RuleFact, candidate: Candidate, inside: boolean): boolean {
  switch (fact) {
    case 'within-window':
      return inside;
    case 'current':
      return candidate.current === 'while-in-window' ? inside : candidate.current;
    case 'untreated':
      return candidate.untreated;
    case 'severe':
      return candidate.severe;
    case 'high-risk':
      return candidate.highRisk;
  }
}

function ruleUses(rule: BuiltInRule, fact: RuleFact): boolean {
  return rule.branches.some((branch) => branch.when.includes(fact));
}

function becauseText(
  candidate: Candidate,
  rule: BuiltInRule | null,
  window: Window | null,
  today: IsoDate,
  formatDate: (date: IsoDate) => string,
  words: BecauseWords = ENGLISH_WORDS,
): string {
  const notes = [...candidate.notes];
  if (rule && candidate.treatmentNote && ruleUses(rule, 'untreated')) notes.push(candidate.treatmentNote);
  if (candidate.windowKind === 'age') return words.withNotes(candidate.what, notes);
  if (candidate.eventDate !== null) {
    const when = words.relativeDays(candidate.eventDate, today);
    return words.withNotes(words.dated(candidate.what, formatDate(candidate.eventDate), when), notes);
  }
  if (window !== null && rule && ruleUses(rule, 'within-window')) {
    return words.withNotes(words.undated(candidate.what, window), notes);
  }
  return words.withNotes(candidate.what, notes);
}

function evaluateBuiltInRule(
  rule: BuiltInRule,
  history: HealthHistory,
  context: EvaluationContext,
  window: Window | null,
): Array<{ finding: Finding; eventDate: IsoDate | null }> {
  const out: Array<{ finding: Finding; eventDate: IsoDate | null }> = [];
  for (const match of rule.matches) {
    for (const candidate of candidatesFor(match, history, context)) {
      const state = healedBefore(rule, candidate, context.today)
        ? { inside: false }
        : windowState(candidate, window, context.today);
      for (let index = 0; index < rule.branches.length; index += 1) {
        const branch = rule.branches[index]!;
        if (!branch.when.every((fact) => factHolds(fact, candidate, state.inside))) continue;
        const finding: Finding = {
          ruleId: rule.id,
          severity: branch.severity,
          title: rule.title,
          rationale: branch.rationale ?? rule.rationale,
          source: rule.source,
          because: becauseText(
            candidate,
            rule,
            window,
            context.today,
            context.formatDate ?? asStored,
            wordsFor(context),
          ),
          lifted: false,
          custom: false,
        };
        if (candidate.itemId !== undefined) finding.itemId = candidate.itemId;
        if (branch.when.includes('within-window') && state.until !== undefined) finding.until = state.until;
        out.push({ finding, eventDate: candidate.windowKind === 'event' ? candidate.eventDate : null });
        if (!branch.alsoNext) break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Practice rules

function evaluateCustomRule(
  rule: CustomRule,
  history: HealthHistory,
  context: EvaluationContext,
): Array<{ finding: Finding; eventDate: IsoDate | null }> {
  const keyword = rule.keyword.trim();
  const keywordHit = (text: string) =>
    keyword !== '' && textMatchesPhrases(text, { keywords: [keyword] }, true);
  const words = wordsFor(context);
  // What the practice typed (its title, its keyword) stays as typed; a condition picked from the
  // list is named in the reader's language.
  const catalogLabel =
    rule.catalogId === null
      ? undefined
      : context.t
        ? context.t(`safety.catalog.${rule.catalogId}`)
        : catalogItem(rule.catalogId)?.label;
  const title = rule.title || words.untitledRule(keyword || catalogLabel || rule.id);
  const candidates: Candidate[] = [];

  for (const condition of history.conditions) {
    if (condition.status === 'past' && !rule.includePast) continue;
    const byCatalog = rule.catalogId !== null && conditionCatalogIds(condition).includes(rule.catalogId);
    if (byCatalog || keywordHit(condition.label)) {
      candidates.push(
        conditionCandidate(
          condition,
          byCatalog ? rule.catalogId : null,
          context.formatDate ?? asStored,
          words,
        ),
      );
    }
  }
  for (const medication of history.medications) {
    if (keywordHit(medication.name)) {
      const what = `${medication.name}${medication.dose ? ` ${medication.dose}` : ''}`;
      candidates.push({ ...plainCandidate(what, null), itemId: medication.id });
    }
  }
  for (const surgery of history.surgeries) {
    if (keywordHit(surgery.description)) {
      const what = words.surgery(surgery.site, surgery.description);
      candidates.push({ ...plainCandidate(what, surgery.date), itemId: surgery.id });
    }
  }
  for (const injury of history.headInjuries) {
    if (keywordHit(injury.description)) {
      candidates.push({
        ...plainCandidate(words.headInjury(injury.description), injury.date),
        itemId: injury.id,
      });
    }
  }

  return candidates.map((candidate) => {
    const finding: Finding = {
      ruleId: rule.id,
      severity: rule.severity,
      title,
      rationale: rule.message,
      source: words.practiceRuleSource,
      because: becauseText(candidate, null, null, context.today, context.formatDate ?? asStored, words),
      lifted: false,
      custom: true,
    };
    if (candidate.itemId !== undefined) finding.itemId = candidate.itemId;
    return { finding, eventDate: candidate.eventDate };
  });
}

function plainCandidate(what: string, eventDate: IsoDate | null): Candidate {
  return {
    what,
    eventDate,
    latestEventDate: null,
    windowKind: 'event',
    current: true,
    untreated: false,
    severe: false,
    highRisk: false,
    notes: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Clearances, ordering

/** The severities a physician's clearance lifts. */
const CLEARABLE: ReadonlySet<Severity> = new Set<Severity>(['AVOID', 'CLEARANCE']);

/** Whether a physician's clearance on file can lift findings of this severity. */
export function clearanceLifts(severity: Severity): boolean {
  return CLEARABLE.has(severity);
}

function liftingClearance(
  finding: Finding,
  eventDate: IsoDate | null,
  clearances: readonly Clearance[],
  today: IsoDate,
): Clearance | undefined {
  if (!CLEARABLE.has(finding.severity)) return undefined;
  const todayNumber = dayNumber(today);
  const ruleWideLifts = finding.severity === 'CLEARANCE';
  const eligible = clearances.filter(
    (clearance) =>
      clearance.ruleId === finding.ruleId &&
      (clearance.itemId === null ? ruleWideLifts : clearance.itemId === finding.itemId) &&
      dayNumber(clearance.date) <= todayNumber &&
      (eventDate === null || dayNumber(clearance.date) >= dayNumber(eventDate)) &&
      (clearance.validUntil === null || dayNumber(clearance.validUntil) >= todayNumber),
  );
  // The most recent clearance is the one worth showing.
  return eligible.reduce<Clearance | undefined>(
    (latest, clearance) => (latest === undefined || clearance.date > latest.date ? clearance : latest),
    undefined,
  );
}

/**
 * The finding for a history that was never taken (nothing recorded, never reviewed with the
 * client). Without it an empty history would read "no contraindications found": a clean bill of
 * health nobody gave. Amber on screen, acknowledged in the note like any finding.
 */
export const HISTORY_NOT_RECORDED_RULE_ID = 'history-not-recorded';

function historyNotRecordedFinding(): Finding {
  return {
    ruleId: HISTORY_NOT_RECORDED_RULE_ID,
    severity: 'CAUTION',
    title: 'No health history recorded yet',
    because: 'Nothing has been recorded or reviewed with the client, so nothing could be checked.',
    rationale:
      'The check can only find what the health history records. Ask the intake questions (conditions, ' +
      'medications such as blood thinners, pregnancy, surgeries, head injuries) and record the answers, ' +
      'or record that the history was reviewed with the client and there is nothing to note.',
    source: "Stillpoint's safety check: it can only use what the health history records",
    lifted: false,
    custom: false,
  };
}

export function isHistoryNotRecordedFinding(finding: { ruleId: string }): boolean {
  return finding.ruleId === HISTORY_NOT_RECORDED_RULE_ID;
}

/** Most serious first; within a severity, findings still in force before lifted ones. */
export function compareFindings(a: Finding, b: Finding): number {
  return severityRank(a.severity) - severityRank(b.severity) || Number(a.lifted) - Number(b.lifted);
}

/**
 * Checks a client's health history against the built-in rules and the practice's own rules.
 * Returns every finding, sorted AVOID, CLEARANCE, MODIFY, CAUTION (stable within a severity:
 * rule order, then the order of items in the history).
 */
export function evaluateContraindications(history: HealthHistory, context: EvaluationContext): Finding[] {
  const settings = context.settings ?? DEFAULT_SAFETY_SETTINGS;
  const raw: Array<{ finding: Finding; eventDate: IsoDate | null }> = [];
  if (historyNotRecorded(history)) raw.push({ finding: historyNotRecordedFinding(), eventDate: null });
  for (const rule of BUILT_IN_RULES) {
    const window = rule.window && (settings.windowOverrides[rule.id as WindowedRuleId] ?? rule.window);
    raw.push(...evaluateBuiltInRule(rule, history, context, window));
  }
  for (const rule of settings.customRules) raw.push(...evaluateCustomRule(rule, history, context));

  const findings = raw.map(({ finding, eventDate }) => {
    const clearance = liftingClearance(finding, eventDate, history.clearances, context.today);
    return clearance ? { ...finding, clearance, lifted: true } : finding;
  });
  return findings.sort(compareFindings);
}

/** The findings still in force: those not lifted by a clearance. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => !finding.lifted);
}

/** The most serious severity among findings in force, or null when there is nothing to heed. */
export function highestSeverity(findings: readonly Finding[]): Severity | null {
  const active = activeFindings(findings);
  return active.reduce<Severity | null>(
    (highest, finding) =>
      highest === null || severityRank(finding.severity) < severityRank(highest) ? finding.severity : highest,
    null,
  );
}
