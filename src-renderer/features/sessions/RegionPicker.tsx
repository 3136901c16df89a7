import { type KeyboardEvent, type Ref, useEffect, useId, useMemo, useState } from 'react';
import { BODY_REGIONS, type BodyRegion } from '../../../src-shared/domain/body-regions';
import type { Translate } from '../../../src-shared/i18n';
import { useT } from '../../app/i18n';
import { ambiguousCandidates, type RegionMatch, searchRegions } from './pick-search';
import { regionGroupName, regionName } from './session-labels';

/**
 * The treated-area pick list, cranium to sacrum, for the keyboard: type a few letters ("occ",
 * "c1", "sac") or a usual abbreviation ("sij", "sbs", "atlas"), Enter adds the highlighted region,
 * the filter clears and keeps the focus, so the next area is a few keys away. Arrow keys move the
 * highlight; Escape clears the filter. When the letters fit several areas equally well, a line
 * above the list names them all, so the therapist sees which one Enter will add.
 */
/** The tied areas by name, the first few and a count of the rest ("C1, C2, … and 3 more"). */
function candidateNames(candidates: readonly RegionMatch[], t: Translate): string {
  const shown = candidates.slice(0, 5).map((match) => regionName(t, match.region.id));
  const rest = candidates.length - shown.length;
  return rest > 0
    ? t('sessions.regionPicker.namesAndMore', { names: shown.join(', '), count: rest })
    : shown.join(', ');
}

export function RegionPicker({
  treated,
  onAdd,
  inputRef,
}: {
  treated: ReadonlySet<string>;
  onAdd: (regionId: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [navigated, setNavigated] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const inputId = useId();
  const listId = useId();
  const found = useMemo(
    () =>
      searchRegions(query, BODY_REGIONS, (region) => ({
        name: regionName(t, region.id),
        group: regionGroupName(t, region.group),
      })),
    [query, t],
  );
  const matches = useMemo(() => found.map((match) => match.region), [found]);
  const candidates = useMemo(() => ambiguousCandidates(found), [found]);
  const activeIndex = Math.max(0, Math.min(active, matches.length - 1));
  const optionId = (index: number) => `${listId}-option-${index}`;
  const grouped = query.trim() === '';

  useEffect(() => {
    if (!navigated && !query) return;
    document.getElementById(`${listId}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, listId, navigated, query]);

  const add = (region: BodyRegion) => {
    if (treated.has(region.id)) {
      setAnnouncement(t('sessions.regionPicker.alreadyInNote', { region: regionName(t, region.id) }));
    } else {
      onAdd(region.id);
      setAnnouncement(t('sessions.regionPicker.addedAnnouncement', { region: regionName(t, region.id) }));
    }
    setQuery('');
    setActive(0);
    setNavigated(false);
  };

  const move = (to: number) => {
    setNavigated(true);
    setActive(Math.max(0, Math.min(matches.length - 1, to)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(activeIndex + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(activeIndex - 1);
        break;
      case 'PageDown':
        event.preventDefault();
        move(activeIndex + 8);
        break;
      case 'PageUp':
        event.preventDefault();
        move(activeIndex - 8);
        break;
      case 'Enter': {
        event.preventDefault();
        const region = matches[activeIndex];
        // An empty filter adds only a region the user moved to, never one by accident.
        if (region && (query.trim() !== '' || navigated)) add(region);
        break;
      }
      case 'Escape':
        if (query) {
          event.preventDefault();
          setQuery('');
          setActive(0);
        }
        break;
    }
  };

  let lastGroup = '';
  return (
    <div className="region-picker">
      <label htmlFor={inputId} className="picker-label">
        {t('sessions.regionPicker.label')}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches.length > 0 ? optionId(activeIndex) : undefined}
        aria-describedby={candidates.length > 0 ? `${listId}-candidates` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('sessions.regionPicker.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {candidates.length > 0 && (
        <p className="option-candidates" id={`${listId}-candidates`}>
          {t('sessions.regionPicker.candidates', {
            query: query.trim(),
            count: candidates.length,
            names: candidateNames(candidates, t),
          })}
        </p>
      )}
      <div
        id={listId}
        role="listbox"
        // A scrolling box is a Tab stop in Chromium; the filter box already drives this list.
        tabIndex={-1}
        aria-label={t('sessions.regionPicker.listLabel')}
        className={`region-options${query.trim() !== '' || navigated ? ' highlighting' : ''}`}
      >
        {matches.length === 0 && (
          <div role="presentation" className="option-empty">
            {t('sessions.regionPicker.noMatch', { query })}
          </div>
        )}
        {matches.flatMap((region, index) => {
          const items = [];
          if (grouped && region.group !== lastGroup) {
            lastGroup = region.group;
            items.push(
              <div key={`group-${region.group}`} role="presentation" className="option-heading">
                {regionGroupName(t, region.group)}
              </div>,
            );
          }
          const added = treated.has(region.id);
          items.push(
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works in the filter box (aria-activedescendant); a click is the mouse path.
            <div
              key={region.id}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === activeIndex}
              className={`region-option${index === activeIndex ? ' active' : ''}${added ? ' added' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setActive(index);
                add(region);
              }}
            >
              <span className="option-label">{regionName(t, region.id)}</span>
              {found[index]?.alias && <span className="option-alias">{found[index]?.alias}</span>}
              {!grouped && <span className="option-group">{regionGroupName(t, region.group)}</span>}
              {added && <span className="option-added">{t('sessions.regionPicker.added')}</span>}
            </div>,
          );
          return items;
        })}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
