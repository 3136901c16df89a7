import type { MessageKey, Translate } from '../i18n';
import { fieldMessage } from '../i18n/field-messages';
import type { FOLLOW_UP_CONTACTS, OutcomeProfile } from './schemas';
import { formatScore } from './score';
import { DURATIONS, type DurationId, OUTCOME_MESSAGES, type OutcomeItem } from './wording';

/**
 * The outcome measure's words in the reader's language (issue 19), for the screens, the
 * progress report and the client record alike. wording.ts stays the English source and the
 * stored values (item and duration ids, contact ids) never change: each has its own key in the
 * "outcomes" area. The client's own words are never translated.
 */

/** "Main symptom", "Hauptbeschwerde" ... */
export function itemName(t: Translate, item: OutcomeItem): string {
  return t(`outcomes.items.${item}`);
}

/** What the therapist asks for an item. */
export function itemQuestion(t: Translate, item: OutcomeItem): string {
  return t(`outcomes.questions.${item}`);
}

/** An item with the client's words: "Main symptom: headache" (wellbeing has none). */
export function itemWithWords(t: Translate, item: OutcomeItem, words: string | null): string {
  const label = itemName(t, item);
  return words ? t('outcomes.items.withWords', { label, words }) : label;
}

/** Each item the profile has, labelled with the client's words. */
export function profileItemLabels(
  t: Translate,
  profile: Pick<OutcomeProfile, 'symptom1' | 'symptom2' | 'activity'>,
  items: readonly OutcomeItem[],
): { item: OutcomeItem; label: string }[] {
  return items.map((item) => ({
    item,
    label: itemWithWords(t, item, item === 'wellbeing' ? null : profile[item]),
  }));
}

const isDuration = (id: string): id is DurationId => DURATIONS.some((d) => d.id === id);

/** "1 to 5 years" (a choice in a list); an unknown id as it is. */
export function durationName(t: Translate, id: string): string {
  return isDuration(id) ? t(`outcomes.durations.${id}`) : id;
}

/** "for 1 to 5 years", inside a sentence. */
export function durationFor(t: Translate, id: string): string {
  return isDuration(id) ? t(`outcomes.durationsFor.${id}`) : id;
}

/** "Phone call", "Telefonat" ... */
export function contactName(t: Translate, contact: (typeof FOLLOW_UP_CONTACTS)[number]): string {
  return t(`outcomes.contacts.${contact}`);
}

/** A score as the reader writes numbers: "3.5" in English, "3,5" in German; formatScore's rounding. */
export function scoreNumber(t: Translate, value: number): string {
  return t('outcomes.number', { value: Number(formatScore(value)) });
}

/**
 * A change with its sign, as the reader writes numbers ("−1.5", "+0,25", "0"). `minus`: the PDF
 * fonts have no U+2212, so the PDF passes the hyphen-minus (as formatChange).
 */
export function changeNumber(t: Translate, change: number, minus = '−'): string {
  const size = formatScore(Math.abs(change));
  if (size === '0') return scoreNumber(t, 0);
  return `${change < 0 ? minus : '+'}${scoreNumber(t, Math.abs(change))}`;
}

/**
 * A change from the baseline in words: factual, never a verdict. `inline`: inside a sentence
 * ("the same as at the start").
 */
export function changeWords(t: Translate, change: number, inline = false): string {
  if (formatScore(Math.abs(change)) === '0')
    return t(inline ? 'outcomes.change.sameInline' : 'outcomes.change.same');
  const size = scoreNumber(t, Math.abs(change));
  return t(change < 0 ? 'outcomes.change.lower' : 'outcomes.change.higher', { size });
}

const MESSAGE_KEYS: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ...Object.entries(OUTCOME_MESSAGES).map(
    ([name, message]) => [message, `outcomes.messages.${name as keyof typeof OUTCOME_MESSAGES}`] as const,
  ),
]);

/**
 * A refusal of the outcome schemas in the reader's language; any other message as it is. The
 * follow-up's and the progress report's own messages are in their schemas' tables
 * (`FOLLOW_UP_MESSAGES`, `PROGRESS_REPORT_MESSAGES`), which fieldMessage knows.
 */
export function outcomeMessage(t: Translate, message: string): string {
  const key = MESSAGE_KEYS.get(message);
  return key ? t(key) : fieldMessage(t, message);
}

/** Every message of a field-errors record, translated. */
export function outcomeMessages(t: Translate, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, outcomeMessage(t, message)]),
  );
}
