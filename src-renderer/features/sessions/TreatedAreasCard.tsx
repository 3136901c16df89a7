import { memo, type Ref, useCallback, useMemo } from 'react';
import type { Side } from '../../../src-shared/domain/body-regions';
import { BodyMap } from './BodyMap';
import { useDraftUpdate, useDraftValue } from './draft-context';
import { addTreatedArea } from './draft-edits';
import { RegionPicker } from './RegionPicker';
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
  const update = useDraftUpdate();
  const areas = useDraftValue((d) => d.treatedAreas);
  const treated = useMemo(() => new Map(areas.map((area) => [area.regionId, area.side])), [areas]);
  const treatedIds = useMemo(() => new Set(treated.keys()), [treated]);
  const add = useCallback(
    (regionId: string, side: Side | null = null) => update((d) => addTreatedArea(d, regionId, side)),
    [update],
  );

  return (
    <section className="card treated-areas" aria-labelledby="areas-title">
      <div className="card-header">
        <h2 id="areas-title">Treated areas</h2>
        <div className="button-row">
          {shortcut && <span className="kbd-hint">{shortcut} jumps to the list</span>}
          <span className="tag">
            {areas.length} {areas.length === 1 ? 'area' : 'areas'}
          </span>
        </div>
      </div>
      <div className="areas-layout">
        <div className="map-column">
          <BodyMap treated={treated} onAdd={add} />
        </div>
        <div className="areas-main">
          <RegionPicker treated={treatedIds} onAdd={(regionId) => add(regionId)} inputRef={filterRef} />
          {areas.length === 0 ? (
            <p className="muted empty-areas">
              Nothing added yet. Click a region on the map, or type in the list and press Enter.
            </p>
          ) : (
            <ol className="area-list" aria-label="Treated areas, cranium to sacrum">
              {areas.map((area, index) => (
                <TreatedAreaRow key={area.id} area={area} index={index} />
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
});
