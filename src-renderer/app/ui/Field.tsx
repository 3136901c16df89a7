import { cloneElement, type ReactElement, useId } from 'react';
import { fieldMessage } from '../../../src-shared/i18n/field-messages';
import { useT } from '../i18n';

interface FieldProps {
  label: string;
  /** The message shown beside the field when its value is not valid. */
  error?: string | undefined;
  hint?: string | undefined;
  /** Something to check that does not stop the save (a date long ago). */
  warning?: string | undefined;
  wide?: boolean;
  /** One input, select or textarea; it receives id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
}

/**
 * A labelled form control with its hint and its error message, wired for screen readers. A
 * message the schemas or date rules wrote in English is shown in the app's language
 * (`fieldMessage`); any other is shown as given.
 */
export function Field({ label, error: given, hint, warning: givenWarning, wide, children }: FieldProps) {
  const t = useT();
  const error = given && fieldMessage(t, given);
  const warning = givenWarning && fieldMessage(t, givenWarning);
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const warningId = warning && !error ? `${id}-warning` : undefined;
  const describedBy = [hintId, errorId, warningId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
      {warningId && (
        <span id={warningId} className="field-warning" role="status">
          {warning}
        </span>
      )}
    </div>
  );
}
