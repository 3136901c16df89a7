import { ValidationError } from '../../../src-shared/validation';

/**
 * A refusal from a repository as messages beside fields: "date: ..." lines go to the field
 * they name (the last part of the path), anything else to the form as a whole.
 */
export function errorsByField(error: unknown): { fields: Record<string, string>; form: string | null } {
  if (error instanceof ValidationError) {
    const fields: Record<string, string> = {};
    const rest: string[] = [];
    for (const issue of error.issues) {
      const at = issue.indexOf(': ');
      if (at < 0) {
        rest.push(issue);
        continue;
      }
      const field = issue.slice(0, at).replace(/^scores\./, '');
      fields[field] ??= issue.slice(at + 2);
    }
    return { fields, form: rest.length > 0 ? rest.join('; ') : null };
  }
  return { fields: {}, form: error instanceof Error ? error.message : String(error) };
}

/** Form text per item: '' is "not scored". */
export type ScoreTexts = Record<'symptom1' | 'symptom2' | 'activity' | 'wellbeing', string>;
export const EMPTY_SCORES: ScoreTexts = { symptom1: '', symptom2: '', activity: '', wellbeing: '' };

export function scoresFromTexts(texts: ScoreTexts) {
  const read = (text: string) => (text.trim() === '' ? null : Number(text));
  return {
    symptom1: read(texts.symptom1),
    symptom2: read(texts.symptom2),
    activity: read(texts.activity),
    wellbeing: read(texts.wellbeing),
  };
}
