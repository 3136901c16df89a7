import { ageInYears, dayNumber, type IsoDate, isRealCalendarDate } from '../domain/dates';
import type { Question, Section } from './questionnaire';
import { type Answers, type AnswerValue, MAX_ANSWER_CHARS, type SubmittedAnswer } from './records';

/**
 * Which questions the client sees, and what is wrong with an answer, in the client's words.
 * Pure: the form, the submission and the tests all use these.
 */

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

const FUTURE_MESSAGES: Record<string, string> = {
  dateOfBirth: 'Your date of birth cannot be in the future',
  'pregnant.due': '',
};

/** The message for one answer, or null when it is fine. */
export function answerProblem(
  question: Question,
  value: AnswerValue | undefined,
  today: IsoDate,
): string | null {
  const empty = value === undefined || value === null || value === '';
  if (empty) return question.required ? 'Please fill this in' : null;
  if (typeof value === 'string' && value.length > MAX_ANSWER_CHARS) {
    return `Please keep this under ${MAX_ANSWER_CHARS.toLocaleString('en')} characters (it has ${value.length.toLocaleString('en')})`;
  }
  if (question.kind === 'date') {
    if (typeof value !== 'string' || !isRealCalendarDate(value))
      return 'Please enter a real date (day, month and year)';
    // A due date is the one date that lies ahead.
    if (question.id !== 'pregnant.due' && dayNumber(value) > dayNumber(today)) {
      return FUTURE_MESSAGES[question.id] || 'This date is in the future: please check it';
    }
    if (question.id === 'dateOfBirth' && ageInYears(value, today) > 120)
      return 'Please check the year of birth';
  }
  if (question.kind === 'yes-no' && typeof value !== 'boolean') return 'Please answer yes or no';
  if (question.kind === 'choice' && !question.options?.some((option) => option.value === value)) {
    return 'Please pick one of the choices';
  }
  return null;
}

/** Question id -> message, for every visible question with a problem. */
export function answerProblems(
  sections: readonly Section[],
  answers: Answers,
  today: IsoDate,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const question of visibleQuestions(sections, answers, today)) {
    const problem = answerProblem(question, answers[question.id], today);
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

/** How an answer reads to a person. */
export function answerText(value: AnswerValue): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (value === null || value === '') return 'Not answered';
  return value;
}
