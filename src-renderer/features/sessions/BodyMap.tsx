import { type KeyboardEvent, type MouseEvent, type PointerEvent, useMemo, useRef, useState } from 'react';
import { type MapView, regionById, regionOrder, type Side } from '../../../src-shared/domain/body-regions';
import { useT } from '../../app/i18n';
import {
  isBehind,
  MAP_DECORATIONS,
  MAP_SHAPES,
  MAP_VIEWBOX,
  type MapShape,
  type ShapePart,
} from './body-map-shapes';
import { regionName, sideShortName } from './session-labels';

/**
 * How far (screen pixels) beyond its drawn outline a region still takes a click or a hover. Some
 * regions are drawn small (the hyoid is about 21 x 7 px, a cervical vertebra 12 px high); with
 * 12 px all round each gets a target of at least 24 px across where nothing else is nearer
 * (WCAG 2.2, 2.5.8), without changing the drawing. Between close neighbours the nearer wins.
 */
const HIT_MARGIN_PX = 12;

/** The region part (and so region and side) nearest to a point, within HIT_MARGIN_PX. */
function nearestPart(
  svg: SVGSVGElement,
  x: number,
  y: number,
): { regionId: string; side: string | null } | null {
  let best: { regionId: string; side: string | null } | null = null;
  let bestDistance = HIT_MARGIN_PX;
  for (const part of svg.querySelectorAll<SVGPathElement>('.map-region .part')) {
    const box = part.getBoundingClientRect();
    const dx = Math.max(box.left - x, 0, x - box.right);
    const dy = Math.max(box.top - y, 0, y - box.bottom);
    const distance = Math.hypot(dx, dy);
    const regionId = part.closest('[data-region]')?.getAttribute('data-region');
    if (regionId && distance <= bestDistance) {
      bestDistance = distance;
      best = { regionId, side: part.getAttribute('data-side') };
    }
  }
  return best;
}

function partTreated(part: ShapePart, side: Side | null | undefined): boolean {
  if (side === undefined) return false;
  if (!part.side || side === null || side === 'both') return true;
  return part.side === side;
}

/**
 * The interactive body map: skull, spine and pelvis, lateral or posterior. Each region is one
 * button-like shape named after the region; a click adds it to the note (a click on the left or
 * right half of a paired structure seen from behind records that side). The map is one tab stop:
 * arrow keys move between regions cranium to sacrum, Enter or Space adds the one in focus.
 */
export function BodyMap({
  treated,
  onAdd,
}: {
  /** Region id -> recorded side, for the regions already in the note. */
  treated: ReadonlyMap<string, Side | null>;
  onAdd: (regionId: string, side: Side | null) => void;
}) {
  const t = useT();
  const [view, setView] = useState<MapView>('lateral');
  const [focusId, setFocusId] = useState<string | null>(null);
  const [pointed, setPointed] = useState<string | null>(null);
  const [nearby, setNearby] = useState<string | null>(null);
  const shapeRefs = useRef(new Map<string, SVGGElement>());
  const shapes = MAP_SHAPES[view];
  const order = useMemo(
    () => [...shapes].sort((a, b) => regionOrder(a.regionId) - regionOrder(b.regionId)),
    [shapes],
  );
  const tabStop = order.some((s) => s.regionId === focusId) ? focusId : (order[0]?.regionId ?? null);

  const moveFocus = (to: MapShape | undefined) => {
    if (!to) return;
    setFocusId(to.regionId);
    shapeRefs.current.get(to.regionId)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>, shape: MapShape) => {
    const index = order.findIndex((s) => s.regionId === shape.regionId);
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        event.preventDefault();
        moveFocus(order[Math.min(order.length - 1, index + 1)]);
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        event.preventDefault();
        moveFocus(order[Math.max(0, index - 1)]);
        break;
      case 'Home':
        event.preventDefault();
        moveFocus(order[0]);
        break;
      case 'End':
        event.preventDefault();
        moveFocus(order[order.length - 1]);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        onAdd(shape.regionId, null);
        break;
    }
  };

  const onClick = (event: MouseEvent<SVGGElement>, shape: MapShape) => {
    const side = (event.target as Element).closest('[data-side]')?.getAttribute('data-side');
    setFocusId(shape.regionId);
    onAdd(shape.regionId, side === 'left' || side === 'right' ? side : null);
  };

  // A click or hover on the map's background near a region counts for that region.
  const onBackgroundClick = (event: MouseEvent<SVGSVGElement>) => {
    if ((event.target as Element).closest('.map-region')) return;
    const near = nearestPart(event.currentTarget, event.clientX, event.clientY);
    if (!near) return;
    setFocusId(near.regionId);
    onAdd(near.regionId, near.side === 'left' || near.side === 'right' ? near.side : null);
  };
  const onBackgroundPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if ((event.target as Element).closest('.map-region')) return;
    const near = nearestPart(event.currentTarget, event.clientX, event.clientY)?.regionId ?? null;
    if (near !== nearby) setNearby(near);
  };

  const captionId = pointed ?? nearby ?? focusId;
  const captionRegion = captionId ? regionById(captionId) : undefined;
  const captionSide = captionId ? treated.get(captionId) : undefined;
  let caption = t('sessions.bodyMap.captionDefault');
  if (captionRegion) {
    const region = regionName(t, captionRegion.id);
    caption =
      captionSide === undefined
        ? t('sessions.bodyMap.captionAdd', { region })
        : captionSide
          ? t('sessions.bodyMap.captionInNoteSide', { region, side: sideShortName(t, captionSide) })
          : t('sessions.bodyMap.captionInNote', { region });
  }

  return (
    <figure className="body-map">
      <fieldset className="segmented map-views">
        <legend className="visually-hidden">{t('sessions.bodyMap.viewLegend')}</legend>
        {(['lateral', 'posterior'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {v === 'lateral' ? t('sessions.bodyMap.side') : t('sessions.bodyMap.back')}
          </button>
        ))}
      </fieldset>
      <div className="body-map-frame">
        {view === 'posterior' && (
          <div className="map-orientation" aria-hidden="true">
            <span>{sideShortName(t, 'left')}</span>
            <span>{sideShortName(t, 'right')}</span>
          </div>
        )}
        {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; the group role names the map for its region buttons. */}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: a click beside a small region only widens the mouse target; the keyboard moves between the regions themselves. */}
        <svg
          className={`body-map-svg view-${view}`}
          viewBox={`0 0 ${MAP_VIEWBOX.width} ${MAP_VIEWBOX.height}`}
          role="group"
          aria-label={
            view === 'lateral' ? t('sessions.bodyMap.labelLateral') : t('sessions.bodyMap.labelPosterior')
          }
          data-nearby={nearby ?? undefined}
          onClick={onBackgroundClick}
          onPointerMove={onBackgroundPointerMove}
          onPointerLeave={() => setNearby(null)}
        >
          <g className="map-decor">
            {MAP_DECORATIONS[view].filter(isBehind).map((decoration) => (
              <path key={decoration.d} d={decoration.d} className={`decor-${decoration.kind}`} />
            ))}
          </g>
          {shapes.map((shape) => {
            const side = treated.get(shape.regionId);
            const label = regionName(t, shape.regionId);
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it gets the button role, a tab stop and Enter/Space.
              <g
                key={shape.regionId}
                ref={(node) => {
                  if (node) shapeRefs.current.set(shape.regionId, node);
                  else shapeRefs.current.delete(shape.regionId);
                }}
                role="button"
                tabIndex={shape.regionId === tabStop ? 0 : -1}
                aria-label={label}
                data-region={shape.regionId}
                data-treated={side !== undefined ? 'true' : undefined}
                className={`map-region${side !== undefined ? ' treated' : ''}${nearby === shape.regionId ? ' near' : ''}`}
                onClick={(event) => {
                  event.stopPropagation();
                  onClick(event, shape);
                }}
                onKeyDown={(event) => onKeyDown(event, shape)}
                onFocus={() => setFocusId(shape.regionId)}
                onMouseEnter={() => setPointed(shape.regionId)}
                onMouseLeave={() => setPointed(null)}
              >
                {/* A tooltip for shapes without a printed label; a printed one already says it. */}
                {!shape.text && <title>{label}</title>}
                {shape.parts.map((part) => (
                  <path
                    key={part.d}
                    d={part.d}
                    data-side={part.side}
                    className={partTreated(part, side) ? 'part treated' : 'part'}
                  />
                ))}
                {shape.text && (
                  <text x={shape.text.x} y={shape.text.y} className="map-label">
                    {shape.text.value}
                  </text>
                )}
              </g>
            );
          })}
          <g className="map-decor map-overlay">
            {MAP_DECORATIONS[view]
              .filter((decoration) => !isBehind(decoration))
              .map((decoration) => (
                <path key={decoration.d} d={decoration.d} className={`decor-${decoration.kind}`} />
              ))}
          </g>
        </svg>
      </div>
      <figcaption className="map-caption">{caption}</figcaption>
    </figure>
  );
}
