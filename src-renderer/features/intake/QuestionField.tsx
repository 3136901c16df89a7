import { useId } from 'react';
import type { Question } from '../../../src-shared/intake/questionnaire';
import type { AnswerValue } from '../../../src-shared/intake/records';
import { useT } from '../../app/i18n';
import { DateInput } from '../../app/ui/DateInput';

/** One question of the intake form, with its message beside it (in the client's language). */
export function QuestionField({
  question,
  value,
  error,
  onChange,
}: {
  question: Question;
  value: AnswerValue | undefined;
  error: string | undefined;
  onChange: (value: AnswerValue) => void;
}) {
  const t = useT();
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': errorId,
    name: question.id,
  };
  const text = typeof value === 'string' ? value : '';
  let control: React.ReactNode;
  switch (question.kind) {
    case 'text':
      control = <input {...common} type="text" value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'long-text':
      control = <textarea {...common} rows={3} value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'date':
      control = <DateInput {...common} value={text || null} onValue={(v) => onChange(v === '' ? null : v)} />;
      break;
    case 'choice':
      control = (
        <select
          {...common}
          value={text}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('intake.form.choose')}</option>
          {question.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
      break;
    case 'yes-no':
      return (
        <fieldset className="field yes-no" aria-describedby={errorId} aria-invalid={error ? true : undefined}>
          <legend>{question.label}</legend>
          <label>
            <input type="radio" name={`${id}-yn`} checked={value === true} onChange={() => onChange(true)} />{' '}
            {t('intake.form.yes')}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-yn`}
              checked={value === false}
              onChange={() => onChange(false)}
            />{' '}
            {t('intake.form.no')}
          </label>
          {error && (
            <span id={errorId} className="field-error" role="alert">
              {error}
            </span>
          )}
        </fieldset>
      );
  }
  return (
    <div className="field wide">
      <label htmlFor={id}>
        {question.label}
        {question.required && <span aria-hidden="true"> *</span>}
      </label>
      {control}
      {question.hint && <span className="field-hint">{question.hint}</span>}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
