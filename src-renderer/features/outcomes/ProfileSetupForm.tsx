import { useState } from 'react';
import type { IsoDate } from '../../../src-shared/domain/dates';
import { ItemScoresSchema, ProfileWordsSchema, scoreProblems } from '../../../src-shared/outcomes/schemas';
import { DURATIONS } from '../../../src-shared/outcomes/wording';
import {
  durationName,
  itemName,
  itemQuestion,
  itemWithWords,
  outcomeMessage,
  outcomeMessages,
} from '../../../src-shared/outcomes/words';
import { fieldErrors } from '../../../src-shared/validation';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';
import { EMPTY_SCORES, errorsByField, type ScoreTexts, scoresFromTexts } from './form-errors';
import { ScoreInputs } from './ScoreInputs';

interface Words {
  symptom1: string;
  symptom2: string;
  activity: string;
  symptom1Duration: string;
}
const EMPTY_WORDS: Words = { symptom1: '', symptom2: '', activity: '', symptom1Duration: '' };

/**
 * Setting up an outcome profile with the client: their own words for what bothers them most
 * (and, if they like, a second symptom and an activity), how long they have had it, and the
 * first scores (the baseline). Nothing is saved until every message beside a field is resolved.
 */
export function ProfileSetupForm({
  clientId,
  sessionId,
  date,
  onDone,
  onCancel,
}: {
  clientId: string;
  sessionId: string | null;
  date: IsoDate;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const [words, setWords] = useState<Words>(EMPTY_WORDS);
  const [scores, setScores] = useState<ScoreTexts>(EMPTY_SCORES);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Keyed by item like the words' errors ("symptom1"), so kept apart from them.
  const [scoreErrors, setScoreErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // The items the words name so far: a second symptom or an activity appears once named.
  const items = (['symptom1', 'symptom2', 'activity', 'wellbeing'] as const)
    .filter((item) => item === 'symptom1' || item === 'wellbeing' || words[item].trim() !== '')
    .map((item) => ({
      item,
      label:
        item === 'wellbeing' || words[item].trim()
          ? itemWithWords(t, item, item === 'wellbeing' ? null : words[item].trim())
          : t('outcomes.items.score', { label: itemName(t, item) }),
    }));

  const save = async () => {
    setFailure(null);
    const wordsParsed = ProfileWordsSchema.safeParse(words);
    const values = scoresFromTexts(scores);
    // An item whose words were cleared is not scored.
    for (const item of ['symptom2', 'activity'] as const) if (words[item].trim() === '') values[item] = null;
    const scoresParsed = ItemScoresSchema.safeParse(values);
    const found: Record<string, string> = wordsParsed.success
      ? {}
      : outcomeMessages(t, fieldErrors(wordsParsed.error));
    const foundScores: Record<string, string> = scoresParsed.success
      ? {}
      : outcomeMessages(t, fieldErrors(scoresParsed.error));
    if (wordsParsed.success && scoresParsed.success) {
      const problems = scoreProblems(wordsParsed.data, scoresParsed.data);
      if (problems.scores) foundScores.symptom1 ??= outcomeMessage(t, problems.scores);
    }
    setErrors(found);
    setScoreErrors(foundScores);
    if (
      Object.keys(found).length + Object.keys(foundScores).length > 0 ||
      !wordsParsed.success ||
      !scoresParsed.success
    )
      return;
    setSaving(true);
    try {
      await repositories().outcomes.createProfile(clientId, {
        words: wordsParsed.data,
        baseline: scoresParsed.data,
        sessionId,
        date,
      });
      setWords(EMPTY_WORDS);
      setScores(EMPTY_SCORES);
      onDone?.();
    } catch (error) {
      // The form checked what the repository checks; anything it still refuses is named here.
      const { form } = errorsByField(error);
      const reason = form ?? (error instanceof Error ? error.message : String(error));
      setFailure(t('outcomes.notSaved', { reason: outcomeMessage(t, reason) }));
    } finally {
      setSaving(false);
    }
  };

  const set = (field: keyof Words) => (event: { target: { value: string } }) =>
    setWords((current) => ({ ...current, [field]: event.target.value }));

  return (
    <form
      className="outcome-form"
      aria-label={t('outcomes.setup.form')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      <p className="muted card-intro">{t('outcomes.setup.intro')}</p>
      <div className="outcome-words">
        <Field
          label={itemName(t, 'symptom1')}
          hint={itemQuestion(t, 'symptom1')}
          error={errors.symptom1}
          wide
        >
          <input type="text" autoComplete="off" value={words.symptom1} onChange={set('symptom1')} />
        </Field>
        <Field label={t('outcomes.setup.duration')} error={errors.symptom1Duration}>
          <select value={words.symptom1Duration} onChange={set('symptom1Duration')}>
            <option value="">{t('outcomes.setup.choose')}</option>
            {DURATIONS.map((d) => (
              <option key={d.id} value={d.id}>
                {durationName(t, d.id)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={itemName(t, 'symptom2')}
          hint={itemQuestion(t, 'symptom2')}
          error={errors.symptom2}
          wide
        >
          <input type="text" autoComplete="off" value={words.symptom2} onChange={set('symptom2')} />
        </Field>
        <Field
          label={itemName(t, 'activity')}
          hint={itemQuestion(t, 'activity')}
          error={errors.activity}
          wide
        >
          <input type="text" autoComplete="off" value={words.activity} onChange={set('activity')} />
        </Field>
      </div>
      <ScoreInputs
        items={items}
        values={scores}
        errors={scoreErrors}
        onChange={(item, value) => setScores((current) => ({ ...current, [item]: value }))}
      />
      <div className="button-row">
        <button type="submit" className="primary" disabled={saving}>
          {t('outcomes.setup.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('outcomes.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
