import { useState } from 'react';
import { type IsoDate, IsoDateSchema } from '../../../src-shared/domain/dates';
import { ItemScoresSchema, type OutcomeProfile, scoreProblems } from '../../../src-shared/outcomes/schemas';
import { OUTCOME_MESSAGES } from '../../../src-shared/outcomes/wording';
import { outcomeMessage, outcomeMessages } from '../../../src-shared/outcomes/words';
import { fieldErrors } from '../../../src-shared/validation';
import { useT } from '../../app/i18n';
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
  submitLabel,
}: {
  profile: OutcomeProfile;
  sessionId: string | null;
  date: IsoDate | null;
  /** The baseline's day: a follow-up dated before it is refused beside the date. */
  earliest: IsoDate | null;
  onDone?: () => void;
  submitLabel?: string;
}) {
  const t = useT();
  const [scores, setScores] = useState<ScoreTexts>(EMPTY_SCORES);
  const [day, setDay] = useState<string>(date ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setFailure(null);
    const parsed = ItemScoresSchema.safeParse(scoresFromTexts(scores));
    const found: Record<string, string> = parsed.success ? {} : outcomeMessages(t, fieldErrors(parsed.error));
    const when = date ?? day;
    if (date === null) {
      if (!IsoDateSchema.safeParse(when).success) found.date = t('outcomes.scores.dayMissing');
      else if (earliest && when < earliest)
        found.date = outcomeMessage(t, OUTCOME_MESSAGES.scoreBeforeBaseline);
    }
    if (parsed.success) {
      const problems = scoreProblems(profile, parsed.data);
      if (problems.scores) found[itemLabels(t, profile)[0]!.item] ??= outcomeMessage(t, problems.scores);
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
      setErrors(outcomeMessages(t, fields));
      setFailure(form && t('outcomes.notSaved', { reason: outcomeMessage(t, form) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="outcome-form"
      aria-label={t('outcomes.scores.form')}
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
        <Field label={t('outcomes.scores.day')} error={errors.date}>
          <DateInput value={day} onValue={setDay} />
        </Field>
      )}
      <ScoreInputs
        items={itemLabels(t, profile)}
        values={scores}
        errors={errors}
        onChange={(item, value) => setScores((current) => ({ ...current, [item]: value }))}
      />
      <button type="submit" className="primary" disabled={saving}>
        {submitLabel ?? t('outcomes.scores.save')}
      </button>
    </form>
  );
}
