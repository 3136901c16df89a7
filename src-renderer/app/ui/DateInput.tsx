import type { ComponentPropsWithRef, FocusEvent } from 'react';
import { INCOMPLETE_DATE, isIncompleteDate } from '../../../src-shared/domain/date-rules';

/**
 * What a date box holds: "YYYY-MM-DD", '' when empty, or INCOMPLETE_DATE when a date was typed
 * only in part. The browser gives '' for a half-typed date (day and month, no year) and fires no
 * change for it, so the box is read again when the cursor leaves it.
 */
export function readDateInput(input: HTMLInputElement): string {
  if (input.value !== '') return input.value;
  return input.validity.badInput ? INCOMPLETE_DATE : '';
}

type DateInputProps = Omit<ComponentPropsWithRef<'input'>, 'type' | 'value' | 'onChange'> & {
  value: string | null;
  onValue: (value: string) => void;
};

/**
 * `<input type="date">` that reports an incomplete date instead of an empty one (issue 21). The
 * marker is never written back into the box: that would wipe what was typed so far.
 */
export function DateInput({ value, onValue, onBlur, ...rest }: DateInputProps) {
  const shown = value === null || isIncompleteDate(value) ? '' : value;
  return (
    <input
      {...rest}
      type="date"
      value={shown}
      onChange={(event) => onValue(readDateInput(event.currentTarget))}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        const read = readDateInput(event.currentTarget);
        if (read !== (value ?? '')) onValue(read);
        onBlur?.(event);
      }}
    />
  );
}
