import { SCORE_MAX, SCORE_MIN } from '../../../src-shared/outcomes/wording';
import { COLOR, TYPE } from './layout';
import type { PageWriter } from './page-writer';

export interface ChartPoint {
  /** Days since 1970, for the horizontal position. */
  day: number;
  /** The date as printed under the axis. */
  label: string;
  value: number | null;
}

const HEIGHT = 150;
const AXIS_LABEL_WIDTH = 22;
const BASELINE_COLOR = '#8a5a00';

/**
 * The outcome chart drawn as vectors (lines and circles, no image), so it prints sharply and
 * its numbers stay text: the 0-6 scale with 0 at the bottom, the profile score at each scoring,
 * and the baseline as a dashed line. Tagged as one Figure with `alt` describing it in words.
 */
export function drawOutcomeChart(
  w: PageWriter,
  points: readonly ChartPoint[],
  baseline: number | null,
  /** The chart in words (the Figure's alternative text), and its key, in the report's language. */
  texts: { alt: string; key: string },
): void {
  const { doc } = w;
  const total = HEIGHT + 28;
  w.ensureSpace(total);
  const top = w.y + 6;
  const left = w.left + AXIS_LABEL_WIDTH;
  const right = w.right - 10;
  const bottom = top + HEIGHT;
  const yOf = (value: number) => bottom - ((value - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)) * HEIGHT;
  const days = points.map((p) => p.day);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const xOf = (day: number) =>
    last === first ? (left + right) / 2 : left + ((day - first) / (last - first)) * (right - left);

  w.tag(
    'Figure',
    () => {
      // Grid and scale
      doc.save().lineWidth(0.4).strokeColor(COLOR.rule);
      for (let v = SCORE_MIN; v <= SCORE_MAX; v++) doc.moveTo(left, yOf(v)).lineTo(right, yOf(v)).stroke();
      doc.restore();
      w.style('regular', TYPE.small, COLOR.muted);
      for (let v = SCORE_MIN; v <= SCORE_MAX; v++)
        doc.text(String(v), w.left, yOf(v) - 4, {
          width: AXIS_LABEL_WIDTH - 6,
          align: 'right',
          lineBreak: false,
        });
      // Baseline
      if (baseline !== null) {
        doc
          .save()
          .lineWidth(1.2)
          .strokeColor(BASELINE_COLOR)
          .dash(5, { space: 3 })
          .moveTo(left, yOf(baseline))
          .lineTo(right, yOf(baseline))
          .stroke()
          .undash()
          .restore();
      }
      // The profile score line and its points
      const drawn = points.filter((p): p is ChartPoint & { value: number } => p.value !== null);
      if (drawn.length > 1) {
        doc.save().lineWidth(2).strokeColor(COLOR.accent);
        drawn.forEach((p, i) => {
          if (i === 0) doc.moveTo(xOf(p.day), yOf(p.value));
          else doc.lineTo(xOf(p.day), yOf(p.value));
        });
        doc.stroke().restore();
      }
      for (const p of drawn)
        doc
          .save()
          .lineWidth(1.5)
          .fillColor('#ffffff')
          .strokeColor(COLOR.accent)
          .circle(xOf(p.day), yOf(p.value), 3)
          .fillAndStroke()
          .restore();
      // Dates under the axis: every one that fits without touching the one before.
      w.style('regular', TYPE.small, COLOR.muted);
      let lastRight = Number.NEGATIVE_INFINITY;
      for (const p of points) {
        const width = doc.widthOfString(p.label);
        const x = Math.min(Math.max(xOf(p.day) - width / 2, left - 6), w.right - width);
        if (x < lastRight + 6) continue;
        doc.text(p.label, x, bottom + 5, { lineBreak: false });
        lastRight = x + width;
      }
    },
    { alt: texts.alt },
  );
  w.y = bottom + 20;
  // The key, as text in the reading order.
  w.tag('P', () => {
    w.style('regular', TYPE.small, COLOR.muted);
    doc.text(texts.key, w.left, w.y, { width: w.width });
  });
  w.y += 4;
}
