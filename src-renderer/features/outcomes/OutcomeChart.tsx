import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { SCORE_MAX, SCORE_MIN } from '../../../src-shared/outcomes/wording';
import { formatEpochSecondsDate } from '../../app/format';
import { useT } from '../../app/i18n';
import type { OutcomeColumns } from './chart-data';

const HEIGHT = 200;
const DATE_TICK_SPACE = 96;

function useDarkScheme(): boolean {
  const query = '(prefers-color-scheme: dark)';
  const [dark, setDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setDark(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return dark;
}

function themeColors(element: Element) {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    profile: read('--accent', '#2f6f73'),
    items: read('--text-muted', '#5d686c'),
    baseline: read('--warning', '#8a5a00'),
    axis: read('--text-muted', '#5d686c'),
    grid: read('--border', '#e2ddd5'),
    surface: read('--surface', '#ffffff'),
    font: read('--font', 'system-ui, sans-serif'),
  };
}

/**
 * The profile score (the mean of the items scored) at each scoring, on the 0-6 scale with 0 at
 * the bottom, drawn with uPlot like the sessions chart; the baseline is a dashed line across the
 * chart, so each later score reads against it. The same values are in the table below it.
 */
export function OutcomeChart({ columns }: { columns: OutcomeColumns }) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const dark = useDarkScheme();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `dark` redraws with the new colours.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const colors = themeColors(element);
    const font = `12px ${colors.font}`;
    const axis = {
      stroke: colors.axis,
      font,
      grid: { stroke: colors.grid, width: 1 },
      ticks: { stroke: colors.grid },
    };
    const options: uPlot.Options = {
      width: Math.max(320, element.clientWidth),
      height: HEIGHT,
      // Room on the right for the last date under the axis (this chart has no right-hand axis).
      padding: [12, 48, 0, 0],
      scales: { x: { time: true }, score: { range: [SCORE_MIN, SCORE_MAX] } },
      series: [
        {},
        {
          label: t('outcomes.table.profileScore'),
          scale: 'score',
          stroke: colors.profile,
          width: 2.5,
          spanGaps: true,
          points: { size: 8, stroke: colors.profile, fill: colors.surface, width: 2 },
        },
      ],
      axes: [
        {
          ...axis,
          space: DATE_TICK_SPACE,
          ...(columns.x.length <= 12 && columns.x.length * DATE_TICK_SPACE <= element.clientWidth - 100
            ? { splits: () => columns.x }
            : {}),
          values: (_u, splits) => splits.map(formatEpochSecondsDate),
        },
        {
          ...axis,
          scale: 'score',
          label: t('outcomes.chart.axis'),
          labelFont: font,
          labelSize: 18,
          size: 40,
        },
      ],
      legend: { show: false },
      cursor: { y: false, points: { size: 9 } },
      hooks: {
        draw: [
          (u) => {
            if (columns.baseline === null) return;
            const y = u.valToPos(columns.baseline, 'score', true);
            u.ctx.save();
            u.ctx.strokeStyle = colors.baseline;
            u.ctx.lineWidth = 1.5 * devicePixelRatio;
            u.ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
            u.ctx.beginPath();
            u.ctx.moveTo(u.bbox.left, y);
            u.ctx.lineTo(u.bbox.left + u.bbox.width, y);
            u.ctx.stroke();
            u.ctx.restore();
          },
        ],
      },
    };
    const chart = new uPlot(options, [columns.x, columns.profile], element);
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(320, element.clientWidth), height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [columns, dark, t]);

  return (
    <figure className="session-chart outcome-chart">
      <ul className="chart-legend" aria-label={t('outcomes.chart.key')}>
        <li className="key-profile">{t('outcomes.chart.profileKey')}</li>
        <li className="key-baseline">{t('outcomes.chart.baselineKey')}</li>
      </ul>
      <div
        ref={container}
        className="session-chart-canvas outcome-chart-canvas"
        data-testid="outcome-chart"
      />
      <figcaption className="visually-hidden">{t('outcomes.chart.caption')}</figcaption>
    </figure>
  );
}
