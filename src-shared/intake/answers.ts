import { ageInYears, dayNumber, type IsoDate, isRealCalendarDate } from '../domain/dates';
import { type Translate, translatorFor } from '../i18n/translator';
import { choiceWords, type Question, type Section } from './questionnaire';
import { type Answers, type AnswerValue, MAX_ANSWER_CHARS, type SubmittedAnswer } from './records';

/**
 * Which questions the client sees, and what is wrong with an answer, in the client's words (and
 * language: pass the client's `t`; English when none is given). Pure: the form, the submission
 * and the tests all use these.
 */

const english = (): Translate => translatorFor('en');

/** Pregnancy questions are skipped for a date of birth under 10 or over 60 years ago. */
function pregnancyApplies(answers: Answers, today: IsoDate): boolean {
  const born = answers.dateOfBirth;
  if (typeof born !== 'string' || !isRealCalendarDate(born)) return true;
  const age = ageInYears(born, today);
  return age >= 10 && age <= 60;
}

export function isVisible(question: Question, answers: Answers, today: IsoDate): boolean {
  if (question.pregnancyOnly && !pregnancyApplies(answers, today)) return false;
  if (question.showIf && answers[question.showIf.questionId] !== question.showIf.equals) return false;
  return true;
}

export function visibleQuestions(sections: readonly Section[], answers: Answers, today: IsoDate): Question[] {
  return sections.flatMap((section) => section.questions).filter((q) => isVisible(q, answers, today));
}

/** The message for one answer, or null when it is fine. */
export function answerProblem(
  question: Question,
  value: AnswerValue | undefined,
  today: IsoDate,
  t: Translate = english(),
): string | null {
  const empty = value === undefined || value === null || value === '';
  if (empty) return question.required ? t('intake.problems.required') : null;
  if (typeof value === 'string' && value.length > MAX_ANSWER_CHARS) {
    return t('intake.problems.tooLong', { max: MAX_ANSWER_CHARS, length: value.length });
  }
  if (question.kind === 'date') {
    if (typeof value !== 'string' || !isRealCalendarDate(value)) return t('intake.problems.realDate');
    // A due date is the one date that lies ahead.
    if (question.id !== 'pregnant.due' && dayNumber(value) > dayNumber(today)) {
      return question.id === 'dateOfBirth'
        ? t('intake.problems.birthInFuture')
        : t('intake.problems.inFuture');
    }
    if (question.id === 'dateOfBirth' && ageInYears(value, today) > 120)
      return t('intake.problems.birthYear');
  }
  if (question.kind === 'yes-no' && typeof value !== 'boolean') return t('intake.problems.yesNo');
  if (question.kind === 'choice' && !question.options?.some((option) => option.value === value)) {
    return t('intake.problems.choice');
  }
  return null;
}

/** Question id -> message, for every visible question with a problem. */
export function answerProblems(
  sections: readonly Section[],
  answers: Answers,
  today: IsoDate,
  t: Translate = english(),
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const question of visibleQuestions(sections, answers, today)) {
    const problem = answerProblem(question, answers[question.id], today, t);
    if (problem) problems[question.id] = problem;
  }
  return problems;
}

/** The answers as they are kept: visible questions only, each with its words as shown. */
export function toSubmittedAnswers(
  sections: readonly Section[],
  answers: Answers,
  today: IsoDate,
): SubmittedAnswer[] {
  return visibleQuestions(sections, answers, today).map((question) => {
    const value = answers[question.id];
    return {
      questionId: question.id,
      question: question.label,
      value: value === undefined || value === '' ? null : typeof value === 'string' ? value.trim() : value,
    };
  });
}

/** How an answer reads to a person (in English unless a `t` is given). */
export function answerText(value: AnswerValue, t: Translate = english()): string {
  if (value === true) return t('intake.answers.yes');
  if (value === false) return t('intake.answers.no');
  if (value === null || value === '') return t('intake.answers.notAnswered');
  return value;
}

/**
 * A submitted answer as a reader in `t`'s language reads it: yes, no and a built-in choice in
 * that language, what the client typed exactly as typed.
 */
export function shownAnswer(answer: Pick<SubmittedAnswer, 'questionId' | 'value'>, t: Translate): string {
  const { value } = answer;
  if (typeof value === 'string' && value !== '') return choiceWords(answer.questionId, value, t) ?? value;
  return answerText(value, t);
}
