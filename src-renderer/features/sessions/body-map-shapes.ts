import type { MapView } from '../../../src-shared/domain/body-regions';

/**
 * The body map's drawing: skull, spine and pelvis in a lateral (facing right) and a posterior
 * view, on a 260 x 720 canvas. One entry per region that `regionsOnMapView` puts on the view
 * (a unit test keeps the two in step). A paired structure seen from behind has a left and a right
 * part; the client's left is on the viewer's left, as the therapist stands behind the table.
 */

export interface ShapePart {
  d: string;
  side?: 'left' | 'right';
}

export interface MapShape {
  regionId: string;
  parts: ShapePart[];
  /** A short label drawn on the shape (vertebrae). */
  text?: { x: number; y: number; value: string };
}

export interface Decoration {
  d: string;
  /**
   * outline: the body's silhouette, behind everything; bone: a structure that is not a region
   * (the pelvis), behind; detail: lines drawn over a region (ribs); hole: the orbit, the ear.
   */
  kind: 'outline' | 'bone' | 'detail' | 'hole';
}

/** Decorations drawn behind the clickable shapes; the others are drawn over them, click-through. */
export function isBehind(decoration: Decoration): boolean {
  return decoration.kind === 'outline' || decoration.kind === 'bone';
}

export const MAP_VIEWBOX = { width: 260, height: 720 } as const;

const r = (n: number) => Math.round(n * 10) / 10;

function roundedRect(x: number, y: number, w: number, h: number, radius: number): string {
  const k = Math.min(radius, w / 2, h / 2);
  return [
    `M${r(x + k)} ${r(y)}`,
    `H${r(x + w - k)}`,
    `Q${r(x + w)} ${r(y)} ${r(x + w)} ${r(y + k)}`,
    `V${r(y + h - k)}`,
    `Q${r(x + w)} ${r(y + h)} ${r(x + w - k)} ${r(y + h)}`,
    `H${r(x + k)}`,
    `Q${r(x)} ${r(y + h)} ${r(x)} ${r(y + h - k)}`,
    `V${r(y + k)}`,
    `Q${r(x)} ${r(y)} ${r(x + k)} ${r(y)}`,
    'Z',
  ].join(' ');
}

/** Rotates point (px, py) by `degrees` around (cx, cy). */
function rotate(px: number, py: number, cx: number, cy: number, degrees: number): [number, number] {
  const a = (degrees * Math.PI) / 180;
  const dx = px - cx;
  const dy = py - cy;
  return [cx + dx * Math.cos(a) - dy * Math.sin(a), cy + dx * Math.sin(a) + dy * Math.cos(a)];
}

function polygon(points: Array<[number, number]>): string {
  return `${points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${r(x)} ${r(y)}`).join(' ')} Z`;
}

function mirror(points: Array<[number, number]>, axis: number): Array<[number, number]> {
  return points.map(([x, y]) => [2 * axis - x, y]);
}

interface SpineSegment {
  prefix: 'C' | 'T' | 'L';
  count: number;
  top: number;
  height: number;
  gap: number;
  width: number;
  /** Centre line: x at the segment's top and how far it bows (+ forward, - backward). */
  x: number;
  bow: number;
}

/** Vertebrae along the curves of the spine (lordosis, kyphosis, lordosis) seen from the side. */
function lateralVertebrae(segment: SpineSegment): MapShape[] {
  const span = segment.count * (segment.height + segment.gap);
  return Array.from({ length: segment.count }, (_, i) => {
    const y = segment.top + i * (segment.height + segment.gap);
    const t = (i + 0.5) / segment.count;
    const cx = segment.x + segment.bow * Math.sin(Math.PI * t);
    const cy = y + segment.height / 2;
    const slope = (segment.bow * Math.PI * Math.cos(Math.PI * t)) / span;
    const angle = (-Math.atan(slope) * 180) / Math.PI;
    const w = segment.width;
    const h = segment.height;
    // The body in front, the arch and spinous process behind (to the left).
    const body: Array<[number, number]> = [
      [cx - w / 2, cy - h / 2],
      [cx + w / 2, cy - h / 2 + 1],
      [cx + w / 2, cy + h / 2 - 1],
      [cx - w / 2, cy + h / 2],
    ];
    const process: Array<[number, number]> = [
      [cx - w / 2, cy - h * 0.25],
      [cx - w / 2 - w * 0.42, cy + h * 0.05],
      [cx - w / 2 - w * 0.42, cy + h * 0.45],
      [cx - w / 2, cy + h * 0.3],
    ];
    const turn = (points: Array<[number, number]>) => points.map(([px, py]) => rotate(px, py, cx, cy, angle));
    const id = `${segment.prefix.toLowerCase()}${i + 1}`;
    return {
      regionId: id,
      parts: [{ d: `${polygon(turn(body))} ${polygon(turn(process))}` }],
      text: { x: r(cx + 1), y: r(cy + 2.6), value: `${segment.prefix}${i + 1}` },
    };
  });
}

/** Vertebrae seen from behind: a column with transverse processes. */
function posteriorVertebrae(segment: SpineSegment): MapShape[] {
  return Array.from({ length: segment.count }, (_, i) => {
    const y = segment.top + i * (segment.height + segment.gap);
    const cx = segment.x;
    const w = segment.width;
    const h = segment.height;
    const core = roundedRect(cx - w * 0.27, y, w * 0.54, h, 3);
    const wings = roundedRect(cx - w / 2, y + h * 0.22, w, h * 0.5, 2.5);
    const id = `${segment.prefix.toLowerCase()}${i + 1}`;
    return {
      regionId: id,
      parts: [{ d: `${core} ${wings}` }],
      text: { x: cx, y: r(y + h / 2 + 2.6), value: `${segment.prefix}${i + 1}` },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Lateral view: the face is on the right.

const LATERAL_SHAPES: MapShape[] = [
  {
    regionId: 'frontal',
    parts: [{ d: 'M130 29 A82 72 0 0 1 199.5 108 L190 114 Q176 109 166 118 L158 120 Q150 70 130 29 Z' }],
  },
  {
    regionId: 'parietal',
    parts: [{ d: 'M47 64 A82 72 0 0 1 130 29 Q150 70 158 120 L150 121 Q122 98 88 116 Q66 92 47 64 Z' }],
  },
  {
    regionId: 'occipital',
    parts: [{ d: 'M47 64 Q66 92 88 116 L96 150 Q88 162 74 161 A82 72 0 0 1 47 64 Z' }],
  },
  {
    regionId: 'temporal',
    parts: [{ d: 'M88 116 Q122 98 150 121 L148 146 L134 150 L116 158 L104 163 Q97 158 96 150 Z' }],
  },
  { regionId: 'sphenoid', parts: [{ d: 'M150 121 L158 120 L166 118 Q171 131 168 146 L148 146 Z' }] },
  { regionId: 'nasal', parts: [{ d: 'M190 114 L199.5 108 L213 135 L204 140 L194 126 Z' }] },
  {
    regionId: 'zygoma',
    parts: [{ d: 'M148 146 L168 146 L176 139 L191 140 L194 149 L170 154 L150 152 Z' }],
  },
  {
    regionId: 'maxilla',
    parts: [{ d: 'M170 156 L195 151 L204 142 L212 150 L210 172 L177 174 L167 165 Z' }],
  },
  {
    regionId: 'mandible-tmj',
    parts: [
      { d: 'M134 153 L148 149 L156 177 L210 175 L212 194 Q206 205 192 205 L151 203 Q138 199 138 187 Z' },
    ],
  },
  { regionId: 'atlanto-occipital', parts: [{ d: 'M99 176 Q112 168 126 176 Q112 184 99 176 Z' }] },
  { regionId: 'hyoid', parts: [{ d: roundedRect(146, 232, 22, 7, 3.5) }] },
  ...lateralVertebrae({ prefix: 'C', count: 7, top: 186, height: 11, gap: 3, width: 25, x: 112, bow: 10 }),
  {
    regionId: 'thoracic-inlet',
    parts: [
      {
        d: polygon([
          [132, 284],
          [198, 295],
          [197, 304],
          [131, 293],
        ]),
      },
    ],
  },
  ...lateralVertebrae({ prefix: 'T', count: 12, top: 286, height: 14, gap: 3, width: 28, x: 112, bow: -16 }),
  {
    regionId: 'ribs',
    parts: [
      {
        d: 'M131 300 Q182 302 200 320 Q212 352 209 396 Q206 424 196 436 L178 447 L128 456 Q119 424 118 380 Q118 332 131 300 Z',
      },
    ],
  },
  {
    regionId: 'respiratory-diaphragm',
    parts: [{ d: 'M128 461 L180 451 L199 440 L207 448 L187 462 L132 475 Z' }],
  },
  ...lateralVertebrae({ prefix: 'L', count: 5, top: 492, height: 19, gap: 3, width: 33, x: 114, bow: 12 }),
  { regionId: 'l5-s1', parts: [{ d: roundedRect(99, 601, 33, 7, 3) }] },
  {
    regionId: 'sacrum',
    parts: [{ d: 'M101 613 L135 613 Q136 640 124 662 Q116 676 106 681 L99 676 Q103 650 101 613 Z' }],
  },
  {
    regionId: 'pelvic-diaphragm',
    parts: [{ d: 'M128 697 Q168 714 199 671 L206 677 Q171 727 124 705 Z' }],
  },
  { regionId: 'coccyx', parts: [{ d: 'M99 681 L106 684 Q112 694 110 704 L104 706 Q100 694 97 686 Z' }] },
];

const LATERAL_DECORATIONS: Decoration[] = [
  // Soft silhouette: back of the neck and trunk, throat, chest and belly.
  {
    kind: 'outline',
    d: 'M60 166 Q78 190 86 240 Q92 290 70 360 Q60 420 74 480 Q88 540 74 600 Q70 640 84 700',
  },
  {
    kind: 'outline',
    d: 'M176 208 Q170 244 184 280 Q222 300 228 360 Q232 430 220 500 Q232 560 214 620 Q206 660 196 700',
  },
  // Pelvis (ilium and pubis), drawn faintly behind the clickable shapes.
  {
    kind: 'bone',
    d: 'M128 566 Q150 548 190 560 Q214 578 204 612 Q196 640 206 664 Q198 676 184 668 Q170 640 142 636 Z',
  },
  // Rib lines inside the rib cage.
  { kind: 'detail', d: 'M124 322 Q170 318 204 340' },
  { kind: 'detail', d: 'M122 350 Q172 346 208 370' },
  { kind: 'detail', d: 'M121 378 Q172 374 208 398' },
  { kind: 'detail', d: 'M122 406 Q170 402 204 424' },
  { kind: 'detail', d: 'M124 432 Q160 430 190 440' },
  // Orbit and ear opening.
  { kind: 'hole', d: 'M172 127 A9.5 9.5 0 1 0 191 127 A9.5 9.5 0 1 0 172 127 Z' },
  { kind: 'hole', d: 'M122 134 A6 8 0 1 0 134 134 A6 8 0 1 0 122 134 Z' },
];

// ---------------------------------------------------------------------------------------------
// Posterior view: the client's back, their left on the viewer's left.

const AXIS = 130;
const TEMPORAL_LEFT: Array<[number, number]> = [
  [57, 112],
  [71, 135],
  [82, 158],
  [72, 167],
  [62, 151],
  [57, 130],
];
const RIBS_LEFT: Array<[number, number]> = [
  [108, 300],
  [78, 305],
  [56, 326],
  [45, 370],
  [47, 420],
  [60, 456],
  [86, 476],
  [108, 470],
];
const SACROILIAC_LEFT: Array<[number, number]> = [
  [96, 619],
  [105, 620],
  [113, 661],
  [104, 664],
  [98, 640],
];

const POSTERIOR_SHAPES: MapShape[] = [
  {
    regionId: 'parietal',
    parts: [
      { side: 'left', d: 'M130 22 A74 74 0 0 0 57 110 L72 134 L130 70 Z' },
      { side: 'right', d: 'M130 22 A74 74 0 0 1 203 110 L188 134 L130 70 Z' },
    ],
  },
  {
    regionId: 'temporal',
    parts: [
      { side: 'left', d: polygon(TEMPORAL_LEFT) },
      { side: 'right', d: polygon(mirror(TEMPORAL_LEFT, AXIS)) },
    ],
  },
  {
    regionId: 'occipital',
    parts: [{ d: 'M130 71 L73 135 L83 158 Q104 172 130 172 Q156 172 177 158 L187 135 Z' }],
  },
  { regionId: 'occiput-condyles', parts: [{ d: 'M110 181 Q130 171 150 181 Q130 191 110 181 Z' }] },
  ...posteriorVertebrae({ prefix: 'C', count: 7, top: 192, height: 11, gap: 3, width: 38, x: AXIS, bow: 0 }),
  ...posteriorVertebrae({ prefix: 'T', count: 12, top: 292, height: 14, gap: 3, width: 42, x: AXIS, bow: 0 }),
  {
    regionId: 'ribs',
    parts: [
      { side: 'left', d: polygon(RIBS_LEFT) },
      { side: 'right', d: polygon(mirror(RIBS_LEFT, AXIS)) },
    ],
  },
  ...posteriorVertebrae({ prefix: 'L', count: 5, top: 498, height: 19, gap: 3, width: 50, x: AXIS, bow: 0 }),
  { regionId: 'l5-s1', parts: [{ d: roundedRect(110, 609, 40, 6, 3) }] },
  { regionId: 'sacrum', parts: [{ d: 'M108 619 L152 619 L145 660 L130 690 L115 660 Z' }] },
  {
    regionId: 'sacroiliac',
    parts: [
      { side: 'left', d: polygon(SACROILIAC_LEFT) },
      { side: 'right', d: polygon(mirror(SACROILIAC_LEFT, AXIS)) },
    ],
  },
  { regionId: 'coccyx', parts: [{ d: 'M123 694 L137 694 L133 713 L127 713 Z' }] },
];

const ILIUM_LEFT = 'M104 598 Q72 572 44 590 Q34 626 58 652 Q80 672 102 668';
const POSTERIOR_DECORATIONS: Decoration[] = [
  { kind: 'outline', d: 'M94 186 Q70 214 40 236 Q14 300 22 420 Q28 520 40 620 Q44 680 56 712' },
  { kind: 'outline', d: 'M166 186 Q190 214 220 236 Q246 300 238 420 Q232 520 220 620 Q216 680 204 712' },
  { kind: 'bone', d: ILIUM_LEFT },
  { kind: 'bone', d: 'M156 598 Q188 572 216 590 Q226 626 202 652 Q180 672 158 668' },
  // Rib lines.
  ...[330, 360, 390, 420, 448].flatMap((y) => [
    { kind: 'detail' as const, d: `M106 ${y - 14} Q70 ${y - 14} 52 ${y + 8}` },
    { kind: 'detail' as const, d: `M154 ${y - 14} Q190 ${y - 14} 208 ${y + 8}` },
  ]),
];

export const MAP_SHAPES: Record<MapView, MapShape[]> = {
  lateral: LATERAL_SHAPES,
  posterior: POSTERIOR_SHAPES,
};

export const MAP_DECORATIONS: Record<MapView, Decoration[]> = {
  lateral: LATERAL_DECORATIONS,
  posterior: POSTERIOR_DECORATIONS,
};
