import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { techniqueLabel } from '../../../src-shared/domain/techniques';
import { useT } from '../../app/i18n';
import { highlightAfterTyping, matchTechniques, moveHighlight, normalizeQuery } from './pick-search';
import { techniqueGroupName, techniqueName } from './session-labels';

interface Choice {
  value: string;
  label: string;
  hint: string;
}

/**
 * An area's techniques: chips for those chosen and a type-ahead box. On focus it lists the
 * region's usual techniques first, with nothing highlighted: Enter adds only what the therapist
 * chose, an option moved to with the arrow keys (↓ Enter adds the usual one) or the best match
 * for what they typed. Enter in the empty box adds nothing, so a technique that was not used can
 * never be written by a key pressed out of habit. Text that matches nothing is added, on Enter,
 * as the therapist's own technique.
 */
export function TechniquePicker({
  regionId,
  regionName,
  chosen,
  onAdd,
  onRemove,
  invalid,
}: {
  regionId: string;
  regionName: string;
  chosen: readonly string[];
  onAdd: (technique: string) => void;
  onRemove: (technique: string) => void;
  invalid?: boolean;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  // null: nothing highlighted, so Enter adds nothing (the list was opened, not chosen from).
  const [active, setActive] = useState<number | null>(null);
  const listId = useId();
  const chipId = useId();

  const choices = useMemo<Choice[]>(() => {
    const found = matchTechniques(query, regionId, chosen, (technique) => techniqueName(t, technique.id)).map(
      (technique) => ({
        value: technique.id,
        label: techniqueName(t, technique.id),
        hint: technique.protocolStep
          ? t('sessions.techniquePicker.step', { step: technique.protocolStep })
          : techniqueGroupName(t, technique.group),
      }),
    );
    const typed = query.trim();
    // Typed as the list names it, in the app's language or in English: not a technique of their own.
    const exact = found.some((c) =>
      [c.label, techniqueLabel(c.value)].some((name) => normalizeQuery(name) === normalizeQuery(typed)),
    );
    if (typed && !exact && !chosen.includes(typed)) {
      found.push({
        value: typed,
        label: t('sessions.techniquePicker.addCustom', { text: typed }),
        hint: t('sessions.techniquePicker.ownTechnique'),
      });
    }
    return found;
  }, [query, regionId, chosen, t]);
  const activeIndex = active === null ? null : Math.max(0, Math.min(active, choices.length - 1));
  const optionId = (index: number) => `${listId}-option-${index}`;
  const expanded = open && choices.length > 0;

  const choose = (choice: Choice | undefined) => {
    if (!choice) return;
    onAdd(choice.value);
    setQuery('');
    setActive(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive(moveHighlight(activeIndex, 1, choices.length));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive(moveHighlight(activeIndex, -1, choices.length));
        break;
      case 'Enter':
        event.preventDefault();
        if (expanded && activeIndex !== null) choose(choices[activeIndex]);
        else setOpen(true);
        break;
      case 'Escape':
        if (open || query) {
          event.preventDefault();
          setOpen(false);
          setQuery('');
          setActive(null);
        }
        break;
      case 'Backspace':
        if (query === '' && chosen.length > 0) onRemove(chosen[chosen.length - 1]!);
        break;
    }
  };

  return (
    <div className="technique-picker">
      {chosen.length > 0 && (
        <ul className="chips" aria-label={t('sessions.techniquePicker.chipsLabel', { region: regionName })}>
          {chosen.map((technique, index) => (
            <li key={technique} className="chip">
              <span id={`${chipId}-${index}`}>{techniqueName(t, technique)}</span>
              <button
                type="button"
                className="chip-remove"
                // Out of the Tab order so Tab goes area to area; Backspace in the box removes the last.
                tabIndex={-1}
                aria-label={t('sessions.common.remove')}
                aria-describedby={`${chipId}-${index}`}
                onClick={() => onRemove(technique)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="combo">
        <input
          type="text"
          role="combobox"
          aria-label={t('sessions.techniquePicker.addFor', { region: regionName })}
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && activeIndex !== null ? optionId(activeIndex) : undefined}
          aria-invalid={invalid ? true : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={
            chosen.length > 0
              ? t('sessions.techniquePicker.addAnother')
              : t('sessions.techniquePicker.typeOrArrow')
          }
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(highlightAfterTyping(event.target.value));
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(null);
          }}
          onKeyDown={onKeyDown}
        />
        <div
          id={listId}
          role="listbox"
          tabIndex={-1}
          aria-label={t('sessions.techniquePicker.listLabel', { region: regionName })}
          hidden={!expanded}
          className="technique-options"
        >
          {expanded &&
            choices.map((choice, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works in the text box (aria-activedescendant); a click is the mouse path.
              <div
                key={choice.value}
                id={optionId(index)}
                role="option"
                tabIndex={-1}
                aria-selected={index === activeIndex}
                className={index === activeIndex ? 'active' : undefined}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(choice)}
              >
                <span>{choice.label}</span>
                <span className="option-group">{choice.hint}</span>
              </div>
            ))}
        </div>
      </div>
    </div>
  );
}
