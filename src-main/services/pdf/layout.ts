import type { PaperSize } from '../../../src-shared/domain/aftercare';

/** Points (1/72 inch). */
export interface PageGeometry {
  size: [width: number, height: number];
  /** Every page's margins; the top one leaves room for the running header on later pages. */
  margins: { top: number; bottom: number; left: number; right: number };
  /** Where page 1's practice header starts (above the top margin: page 1 has no running header). */
  firstPageTop: number;
  /** Baselines of the running header (pages 2+) and the footer, measured from the page's top. */
  runningHeaderY: number;
  footerY: number;
  /** Space above each section. Letter is 50 pt shorter than A4, so it is set a little tighter. */
  sectionGap: number;
}

const MM = 72 / 25.4;

/**
 * A4: 20 mm sides, as a letter from a UK or European practice would have. Letter: 3/4 inch
 * sides. Both keep clear of the unprintable edge of office printers (about 5 mm) with room to spare.
 */
export const PAGE_GEOMETRY: Record<PaperSize, PageGeometry> = {
  A4: {
    size: [595.28, 841.89],
    margins: { top: 25 * MM, bottom: 19 * MM, left: 20 * MM, right: 20 * MM },
    firstPageTop: 14 * MM,
    runningHeaderY: 12 * MM,
    footerY: 841.89 - 12 * MM,
    sectionGap: 11,
  },
  Letter: {
    size: [612, 792],
    margins: { top: 66, bottom: 46, left: 54, right: 54 },
    firstPageTop: 34,
    runningHeaderY: 32,
    footerY: 792 - 31,
    sectionGap: 8,
  },
};

/** Calm, print-safe colours: everything still reads on a black-and-white printer. */
export const COLOR = {
  text: '#1e2a30',
  muted: '#5d6a70',
  accent: '#2b6660',
  rule: '#c3cfd0',
  alertBorder: '#a8322a',
  alertFill: '#fcf1ef',
  alertText: '#8a1f17',
} as const;

export const TYPE = {
  body: 10,
  bodyLineGap: 2,
  small: 8,
  headerDetails: 8.5,
  practiceName: 14,
  title: 19,
  clientLine: 11,
  heading: 11.5,
} as const;

export const SPACE = {
  afterHeading: 3,
  betweenItems: 2.5,
  paragraphGap: 6,
  columnGap: 24,
  bulletIndent: 13,
  boxPadding: 11,
  adviceGap: 4,
  beforeSignOff: 4,
  logoMaxWidth: 140,
  logoMaxHeight: 48,
  contactColumnMaxWidth: 200,
} as const;
