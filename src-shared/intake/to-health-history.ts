import type { Client } from '../domain/client';
import { isRealCalendarDate } from '../domain/dates';
import type {
  Condition,
  HeadInjury,
  HealthHistory,
  HealthHistoryInput,
  Medication,
  Pregnancy,
  Surgery,
} from '../domain/health-history';
import { newId } from '../domain/ids';
import { foldForSearch } from '../domain/text-search';
import { looksLikeAnticoagulant } from '../safety/catalog';
import { answerText } from './answers';
import { allQuestions, type ClientField, type HealthMapping, type Question } from './questionnaire';
import type { AnswerValue, SubmittedAnswer } from './records';

/**
 * What a submission would change in the health history (and on the client record), one
 * proposal per answer that matters, each marked new, changed or same against what is recorded
 * now. Nothing here writes: the therapist accepts (or edits) each proposal in the review, and
 * the review saves the result through the health-history repository.
 */

export type Change = 'new' | 'changed' | 'same';

export type ProposalValue =
  | { kind: 'condition'; condition: Condition }
  | { kind: 'head-injury'; injury: HeadInjury }
  | { kind: 'surgery'; surgery: Surgery }
  | { kind: 'medication'; medication: Medication }
  | { kind: 'pregnancy'; pregnancy: Pregnancy }
  /** The client said no to something the history holds as current: mark it past / stopped. */
  | { kind: 'no-longer'; target: 'condition' | 'medication' | 'pregnancy'; itemId: string | null }
  | { kind: 'client-field'; field: ClientField; value: string };

export interface Proposal {
  /** Stable within one review: the question id (and a line number for medications). */
  key: string;
  /** The question, as the client read it. */
  question: string;
  /** What the client answered, in words. */
  answer: string;
  /** What the health history (or client record) holds now, in words; null = nothing. */
  current: string | null;
  change: Change;
  value: ProposalValue;
}

type AnswerMap = ReadonlyMap<string, AnswerValue>;

function text(answers: AnswerMap, id: string): string {
  const value = answers.get(id);
  return typeof value === 'string' ? value.trim() : '';
}

function date(answers: AnswerMap, id: string): string | null {
  const value = text(answers, id);
  return isRealCalendarDate(value) ? value : null;
}

function bool(answers: AnswerMap, id: string): boolean | null {
  const value = answers.get(id);
  return typeof value === 'boolean' ? value : null;
}

/** Event-like conditions are recorded as past; the rest as current unless healed. */
const PAST_EVENTS = new Set(['stroke-intracranial-haemorrhage', 'lumbar-puncture']);

function conditionFrom(
  question: Question,
  mapping: Extract<HealthMapping, { to: 'condition' }>,
  answers: AnswerMap,
  existing: Condition | undefined,
): Condition {
  const id = question.id;
  const healed = bool(answers, `${id}.healed`) === true;
  const status = PAST_EVENTS.has(mapping.catalogId) || healed ? 'past' : 'current';
  const severe = bool(answers, `${id}.severe`) === true;
  return {
    id: existing?.id ?? newId(),
    catalogId: mapping.catalogId,
    label: existing?.label ?? mapping.label,
    status,
    onsetDate: date(answers, `${id}.when`) ?? existing?.onsetDate ?? null,
    resolvedDate: status === 'past' ? (existing?.resolvedDate ?? null) : null,
    severity: severe ? 'severe' : (existing?.severity ?? null),
    treated: bool(answers, `${id}.treated`) ?? existing?.treated ?? null,
    notes: text(answers, `${id}.details`) || existing?.notes || '',
  };
}

function describeCondition(c: Condition): string {
  const parts = [c.label, c.status === 'current' ? 'current' : 'past'];
  if (c.onsetDate) parts.push(`since ${c.onsetDate}`);
  if (c.severity) parts.push(c.severity);
  if (c.treated !== null) parts.push(c.treated ? 'treated' : 'not treated');
  return parts.join(', ');
}

function sameCondition(a: Condition, b: Condition): boolean {
  return (
    a.status === b.status &&
    a.onsetDate === b.onsetDate &&
    a.severity === b.severity &&
    a.treated === b.treated
  );
}

const describeInjury = (i: HeadInjury) =>
  `Head injury${i.date ? ` on ${i.date}` : ', date not known'}${i.treated ? ', seen by a doctor' : ''}`;
const describeSurgery = (s: Surgery) =>
  `${s.site === 'cranial' ? 'Head' : s.site === 'spinal' ? 'Spinal' : 'Other'} surgery${s.date ? ` on ${s.date}` : ''}`;
const describeMedication = (m: Medication) =>
  `${m.name}${m.dose ? ` ${m.dose}` : ''}${m.anticoagulant ? ' (blood thinner)' : ''}`;
const describePregnancy = (p: Pregnancy) =>
  p.pregnant
    ? `Pregnant${p.dueDate ? `, due ${p.dueDate}` : ''}${p.highRisk ? ', high-risk' : ''}`
    : 'Not pregnant';

function clientFieldValue(client: Client, field: ClientField): string {
  switch (field) {
    case 'emergencyContact.name':
      return client.emergencyContact.name;
    case 'emergencyContact.phone':
      return client.emergencyContact.phone;
    case 'dateOfBirth':
      return client.dateOfBirth ?? '';
    default:
      return client[field];
  }
}

/** One medicine per line: "Sertraline 50 mg" -> name and (rough) dose. */
function medicationLines(value: string): Medication[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 50)
    .map((line) => {
      const match = /^(.*?)\s+(\d[\d.,]*\s*(?:mg|g|mcg|µg|ml|iu|units?)\b.*)$/i.exec(line);
      const name = (match ? match[1]! : line).slice(0, 200);
      return {
        id: newId(),
        name,
        dose: (match ? match[2]! : '').slice(0, 100),
        anticoagulant: looksLikeAnticoagulant(name),
      };
    });
}

export function proposalsFor(
  submitted: readonly SubmittedAnswer[],
  history: HealthHistory,
  client: Client | null,
): Proposal[] {
  const answers: AnswerMap = new Map(submitted.map((a) => [a.questionId, a.value]));
  const asked = new Map(submitted.map((a) => [a.questionId, a.question]));
  const questions = allQuestions().filter((q) => asked.has(q.id));
  const out: Proposal[] = [];
  const push = (p: Omit<Proposal, 'change'> & { change?: Change }, same: boolean) =>
    out.push({ ...p, change: p.change ?? (p.current === null ? 'new' : same ? 'same' : 'changed') });

  for (const question of questions) {
    const value = answers.get(question.id) ?? null;
    const words = asked.get(question.id) ?? question.label;
    if (question.clientField && client && typeof value === 'string' && value.trim()) {
      const now = clientFieldValue(client, question.clientField);
      push(
        {
          key: question.id,
          question: words,
          answer: value.trim(),
          current: now || null,
          value: { kind: 'client-field', field: question.clientField, value: value.trim() },
        },
        now === value.trim(),
      );
      continue;
    }
    if (question.id === 'medications' && typeof value === 'string') {
      medicationLines(value).forEach((medication, index) => {
        const existing = history.medications.find(
          (m) => foldForSearch(m.name) === foldForSearch(medication.name),
        );
        push(
          {
            key: `medications.${index}`,
            question: words,
            answer: describeMedication(medication),
            current: existing ? describeMedication(existing) : null,
            value: {
              kind: 'medication',
              medication: existing ? { ...medication, id: existing.id } : medication,
            },
          },
          existing !== undefined && existing.dose === medication.dose,
        );
      });
      continue;
    }
    const mapping = question.health;
    if (!mapping || typeof value !== 'boolean') continue;
    const base = { key: question.id, question: words, answer: answerText(value) };
    switch (mapping.to) {
      case 'condition': {
        const existing = history.conditions.find((c) => c.catalogId === mapping.catalogId);
        if (value) {
          const condition = conditionFrom(question, mapping, answers, existing);
          push(
            {
              ...base,
              answer: describeCondition(condition),
              current: existing ? describeCondition(existing) : null,
              value: { kind: 'condition', condition },
            },
            existing !== undefined && sameCondition(existing, condition),
          );
        } else if (existing?.status === 'current') {
          push(
            {
              ...base,
              current: describeCondition(existing),
              change: 'changed',
              value: { kind: 'no-longer', target: 'condition', itemId: existing.id },
            },
            false,
          );
        } else
          push(
            { ...base, current: existing ? describeCondition(existing) : 'Not recorded', value: noop },
            true,
          );
        break;
      }
      case 'head-injury': {
        if (!value) {
          push(
            {
              ...base,
              current: history.headInjuries.length
                ? `${history.headInjuries.length} recorded`
                : 'Not recorded',
              value: noop,
              change: history.headInjuries.length ? 'changed' : 'same',
            },
            true,
          );
          break;
        }
        const when = date(answers, 'headInjury.when');
        const existing = history.headInjuries.find((i) => i.date === when) ?? null;
        const injury: HeadInjury = {
          id: existing?.id ?? newId(),
          date: when,
          treated: bool(answers, 'headInjury.seen') === true,
          description: text(answers, 'headInjury.details').slice(0, 500),
        };
        push(
          {
            ...base,
            answer: describeInjury(injury),
            current: existing ? describeInjury(existing) : null,
            value: { kind: 'head-injury', injury },
          },
          existing !== null && existing.treated === injury.treated,
        );
        break;
      }
      case 'surgery': {
        if (!value) {
          push({ ...base, current: 'Not recorded', value: noop }, true);
          break;
        }
        const when = date(answers, 'surgery.when');
        const site = text(answers, 'surgery.site') === 'spinal' ? 'spinal' : 'cranial';
        const existing = history.surgeries.find((s) => s.site === site && s.date === when) ?? null;
        const surgery: Surgery = {
          id: existing?.id ?? newId(),
          date: when,
          site,
          description: text(answers, 'surgery.details').slice(0, 500),
        };
        push(
          {
            ...base,
            answer: describeSurgery(surgery),
            current: existing ? describeSurgery(existing) : null,
            value: { kind: 'surgery', surgery },
          },
          existing !== null,
        );
        break;
      }
      case 'anticoagulant': {
        const existing = history.medications.find((m) => m.anticoagulant || looksLikeAnticoagulant(m.name));
        if (!value) {
          if (existing)
            push(
              {
                ...base,
                current: describeMedication(existing),
                change: 'changed',
                value: { kind: 'no-longer', target: 'medication', itemId: existing.id },
              },
              false,
            );
          else push({ ...base, current: 'Not recorded', value: noop }, true);
          break;
        }
        const name = text(answers, 'bloodThinner.name') || 'Blood thinner (name not given)';
        const medication: Medication = {
          id: existing?.id ?? newId(),
          name: name.slice(0, 200),
          dose: existing?.dose ?? '',
          anticoagulant: true,
        };
        push(
          {
            ...base,
            answer: describeMedication(medication),
            current: existing ? describeMedication(existing) : null,
            value: { kind: 'medication', medication },
          },
          existing !== undefined && foldForSearch(existing.name) === foldForSearch(medication.name),
        );
        break;
      }
      case 'pregnancy': {
        const pregnancy: Pregnancy = {
          pregnant: value,
          dueDate: value ? date(answers, 'pregnant.due') : null,
          highRisk: value && bool(answers, 'pregnant.highRisk') === true,
        };
        const existing = history.pregnancy;
        push(
          {
            ...base,
            answer: describePregnancy(pregnancy),
            current: existing ? describePregnancy(existing) : value ? null : 'Not recorded',
            value: { kind: 'pregnancy', pregnancy },
          },
          existing === null ? !value : JSON.stringify(existing) === JSON.stringify(pregnancy),
        );
        break;
      }
    }
  }
  return out;
}

/** A "no" that matches the history: nothing to apply. */
const noop: ProposalValue = { kind: 'no-longer', target: 'condition', itemId: null };

type HistoryLists = Omit<HealthHistoryInput, never>;

function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((x) => x.id === item.id)
    ? list.map((x) => (x.id === item.id ? item : x))
    : [...list, item];
}

/** The history with the accepted proposals applied (the caller saves it through the repository). */
export function applyProposals(history: HealthHistory, accepted: readonly Proposal[]): HistoryLists {
  let next: HistoryLists = {
    conditions: history.conditions,
    medications: history.medications,
    pregnancy: history.pregnancy,
    surgeries: history.surgeries,
    headInjuries: history.headInjuries,
    clearances: history.clearances,
  };
  for (const { value } of accepted) {
    switch (value.kind) {
      case 'condition':
        next = { ...next, conditions: upsert(next.conditions, value.condition) };
        break;
      case 'head-injury':
        next = { ...next, headInjuries: upsert(next.headInjuries, value.injury) };
        break;
      case 'surgery':
        next = { ...next, surgeries: upsert(next.surgeries, value.surgery) };
        break;
      case 'medication':
        next = { ...next, medications: upsert(next.medications, value.medication) };
        break;
      case 'pregnancy':
        next = { ...next, pregnancy: value.pregnancy };
        break;
      case 'no-longer':
        if (value.itemId === null) break;
        if (value.target === 'condition')
          next = {
            ...next,
            conditions: next.conditions.map((c) => (c.id === value.itemId ? { ...c, status: 'past' } : c)),
          };
        if (value.target === 'medication')
          next = { ...next, medications: next.medications.filter((m) => m.id !== value.itemId) };
        break;
      case 'client-field':
        break;
    }
  }
  return next;
}

/** The client's fields as accepted proposals set them (the caller saves the client). */
export function clientFieldsFrom(accepted: readonly Proposal[]): Partial<Record<ClientField, string>> {
  const out: Partial<Record<ClientField, string>> = {};
  for (const { value } of accepted) if (value.kind === 'client-field') out[value.field] = value.value;
  return out;
}
