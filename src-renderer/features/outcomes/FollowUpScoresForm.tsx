import { useState } from 'react';
import { type IsoDate, IsoDateSchema } from '../../../src-shared/domain/dates';
import { ItemScoresSchema, type OutcomeProfile, scoreProblems } from '../../../src-shared/outcomes/schemas';
import { OUTCOME_MESSAGES } from '../../../src-shared/outcomes/wording';
import { fieldErrors } from '../../../src-shared/validation';
import { repositories } from '../../app/repositories';
import { DateInput } from '../../app/ui/DateInput';
import { Field } from '../../app/ui/Field';
import { EMPTY_SCORES, errorsByField, type ScoreTexts, scoresFromTexts } from './form-errors';
import { itemLabels } from './labels';
import { ScoreInputs } from './ScoreInputs';

/**
 * Scores at a later session or on a call, against the profile's words shown back unchanged.
 * `date` fixed: at a session (its date of service); otherwise the therapist enters the day.
 */
export function FollowUpScoresForm({
  profile,
  sessionId,
  date,
  earliest,
  onDone,
  submitLabel = 'Save scores',
}: {
  profile: OutcomeProfile;
  sessionId: string | null;
  date: IsoDate | null;
  /** The baseline's day: a follow-up dated before it is refused beside the date. */
  earliest: IsoDate | null;
  onDone?: () => void;
  submitLabel?: string;
}) {
  const [scores, setScores] = useState<ScoreTexts>(EMPTY_SCORES);
  const [day, setDay] = useState<string>(date ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setFailure(null);
    const parsed = ItemScoresSchema.safeParse(scoresFromTexts(scores));
    const found: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
    const when = date ?? day;
    if (date === null) {
      if (!IsoDateSchema.safeParse(when).success) found.date = 'Enter the day the client gave these scores';
      else if (earliest && when < earliest) found.date = OUTCOME_MESSAGES.scoreBeforeBaseline;
    }
    if (parsed.success) {
      const problems = scoreProblems(profile, parsed.data);
      if (problems.scores) found[itemLabels(profile)[0]!.item] ??= problems.scores;
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.success) return;
    setSaving(true);
    try {
      await repositories().outcomes.addFollowUpScores(profile.id, {
        scores: parsed.data,
        sessionId,
        date: when,
      });
      setScores(EMPTY_SCORES);
      onDone?.();
    } catch (error) {
      const { fields, form } = errorsByField(error);
      setErrors(fields);
      setFailure(form && `Not saved: ${form}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="outcome-form"
      aria-label="Scores for the outcome profile"
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
      {date === null && (
        <Field label="Day the scores were given" error={errors.date}>
          <DateInput value={day} onValue={setDay} />
        </Field>
      )}
      <ScoreInputs
        items={itemLabels(profile)}
        values={scores}
        errors={errors}
        onChange={(item, value) => setScores((current) => ({ ...current, [item]: value }))}
      />
      <button type="submit" className="primary" disabled={saving}>
        {submitLabel}
      </button>
    </form>
  );
}
