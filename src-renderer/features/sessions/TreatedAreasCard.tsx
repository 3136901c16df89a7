import { memo, type Ref, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Side } from '../../../src-shared/domain/body-regions';
import { useT } from '../../app/i18n';
import { BodyMap } from './BodyMap';
import { useDraftUpdate, useDraftValue } from './draft-context';
import { addTreatedArea, removeTreatedArea, restoreTreatedArea, type TreatedAreaDraft } from './draft-edits';
import { RegionPicker } from './RegionPicker';
import { regionName } from './session-labels';
import { TreatedAreaRow } from './TreatedAreaRow';

/** "Treated areas": the body map and the pick list add areas; each area is detailed below. */
export const TreatedAreasCard = memo(function TreatedAreasCard({
  filterRef,
  shortcut,
}: {
  filterRef?: Ref<HTMLInputElement>;
  /** The key that jumps to the pick list, shown as a hint. */
  shortcut?: string;
}) {
  const t = useT();
  const update = useDraftUpdate();
  const areas = useDraftValue((d) => d.treatedAreas);
  const treated = useMemo(() => new Map(areas.map((area) => [area.regionId, area.side])), [areas]);
  const treatedIds = useMemo(() => new Set(treated.keys()), [treated]);
  const add = useCallback(
    (regionId: string, side: Side | null = null) => update((d) => addTreatedArea(d, regionId, side)),
    [update],
  );

  // "Remove" stays in the Tab path (it is the keyboard's only way to take an area out) but can
  // be undone: the line that replaces the area holds the focus on "Undo", so an Enter pressed
  // once too often brings the area back with its finding, techniques and note, and Tab goes on
  // to the next area as before.
  const [removed, setRemoved] = useState<{ area: TreatedAreaDraft; index: number } | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const focusUndo = useRef(false);
  // Read through a ref so the rows (memo) keep one callback and a keystroke re-renders one row.
  const areasRef = useRef(areas);
  areasRef.current = areas;
  const remove = useCallback(
    (area: TreatedAreaDraft) => {
      const index = areasRef.current.findIndex((a) => a.id === area.id);
      update((d) => removeTreatedArea(d, area.id));
      setRemoved({ area, index });
      focusUndo.current = true;
    },
    [update],
  );
  const undo = () => {
    if (!removed) return;
    const { area } = removed;
    update((d) => restoreTreatedArea(d, area));
    setRemoved(null);
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(
          `.area-row[data-region="${CSS.escape(area.regionId)}"] .area-fieldset *:is(select, input, textarea)`,
        )
        ?.focus(),
    );
  };
  useEffect(() => {
    if (removed && focusUndo.current) {
      focusUndo.current = false;
      undoRef.current?.focus();
    }
  }, [removed]);
  // Added again meanwhile (map or list): nothing left to undo.
  const undoable = removed && !treated.has(removed.area.regionId) ? removed : null;
  const undoLine = undoable && (
    <li key="removed" className="area-removed">
      <span role="status">
        {undoable.area.techniques.length > 0 || undoable.area.finding || undoable.area.note
          ? t('sessions.treatedAreas.removedWithDetails', { region: regionName(t, undoable.area.regionId) })
          : t('sessions.treatedAreas.removed', { region: regionName(t, undoable.area.regionId) })}
      </span>
      <button type="button" ref={undoRef} className="link" onClick={undo}>
        {t('sessions.treatedAreas.undo')}
      </button>
    </li>
  );
  const rows = areas.map((area, index) => (
    <TreatedAreaRow key={area.id} area={area} index={index} onRemove={remove} />
  ));
  if (undoLine) rows.splice(Math.min(undoable.index, rows.length), 0, undoLine);

  return (
    <section className="card treated-areas" aria-labelledby="areas-title">
      <div className="card-header">
        <h2 id="areas-title">{t('sessions.treatedAreas.title')}</h2>
        <div className="button-row">
          {shortcut && <span className="kbd-hint">{t('sessions.treatedAreas.jumpHint', { shortcut })}</span>}
          <span className="tag">{t('sessions.treatedAreas.count', { count: areas.length })}</span>
        </div>
      </div>
      <div className="areas-layout">
        <div className="map-column">
          <BodyMap treated={treated} onAdd={add} />
        </div>
        <div className="areas-main">
          <RegionPicker treated={treatedIds} onAdd={(regionId) => add(regionId)} inputRef={filterRef} />
          {rows.length === 0 ? (
            <p className="muted empty-areas">{t('sessions.treatedAreas.empty')}</p>
          ) : (
            <ol className="area-list" aria-label={t('sessions.treatedAreas.listLabel')}>
              {rows}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
});
