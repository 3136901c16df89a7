import { type InputHTMLAttributes, useState } from 'react';

function parse(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function format(value: number | null): string {
  return value === null ? '' : String(value);
}

/**
 * A number field over a nullable number. It keeps the text as typed (so "7." or "-" can be on
 * the way to a number) and reports the number; an out-of-range number is still reported, the
 * message beside the field explains it, and the draft keeps it.
 */
export function NumberInput({
  value,
  onValue,
  ...rest
}: { value: number | null; onValue: (value: number | null) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type'
>) {
  const [text, setText] = useState(format(value));
  const [shown, setShown] = useState(value);
  // A new value from outside (Copy from last session): show it, unless the text already means it.
  if (value !== shown) {
    setShown(value);
    if (parse(text) !== value) setText(format(value));
  }
  return (
    <input
      {...rest}
      type="number"
      inputMode="decimal"
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        const parsed = parse(next);
        setShown(parsed);
        onValue(parsed);
      }}
    />
  );
}
