import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { RHYTHM_NORMAL_RANGE } from '../../../src-shared/domain/sensations';
import { formatEpochSecondsDate } from '../../app/format';
import { useT } from '../../app/i18n';
import type { ChartColumns } from './timeline-data';

const HEIGHT = 220;
/** Room for one date under the axis ("Nov 30, 2026"), the same format as everywhere else. */
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

/** Theme colours for the canvas (which cannot read CSS variables itself). */
function themeColors(element: Element) {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    before: read('--warning', '#8a5a00'),
    after: read('--accent', '#2f6f73'),
    rate: read('--info', '#2d5e8c'),
    // Its own colour, opaque: a faded --info-soft vanished against the dark surface (issue 21).
    band: read('--chart-band', '#dce8f5'),
    axis: read('--text-muted', '#5d686c'),
    grid: read('--border', '#e2ddd5'),
    surface: read('--surface', '#ffffff'),
    font: read('--font', 'system-ui, sans-serif'),
  };
}

/**
 * Pain before and after (0-10, left axis) and the rhythm rate (cycles per minute, right axis)
 * across sessions, drawn with uPlot. The commonly cited rate range is a faint band: a hint,
 * never an alarm. uPlot sizes its elements through the CSSOM, which the page's CSP allows.
 */
export function SessionChart({ columns }: { columns: ChartColumns }) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const dark = useDarkScheme();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `dark` redraws the chart when the colour scheme changes, so themeColors reads the new colours.
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
    const point = (stroke: string) => ({ size: 7, stroke, fill: colors.surface, width: 2 });
    const options: uPlot.Options = {
      width: Math.max(320, element.clientWidth),
      height: HEIGHT,
      scales: {
        x: { time: true },
        pain: { range: [0, 10] },
        cpm: { range: (_u, _min, max) => [0, Math.max(16, Math.ceil((max ?? 0) + 2))] },
      },
      series: [
        {},
        {
          label: t('sessions.chart.painBefore'),
          scale: 'pain',
          stroke: colors.before,
          width: 2,
          spanGaps: true,
          points: point(colors.before),
        },
        {
          label: t('sessions.chart.painAfter'),
          scale: 'pain',
          stroke: colors.after,
          width: 2,
          spanGaps: true,
          points: point(colors.after),
        },
        {
          label: t('sessions.chart.rate'),
          scale: 'cpm',
          stroke: colors.rate,
          width: 1.5,
          dash: [5, 4],
          spanGaps: true,
          points: point(colors.rate),
        },
      ],
      axes: [
        {
          ...axis,
          space: DATE_TICK_SPACE,
          // Few sessions: a tick under each one, if their dates fit. Many: uPlot's own spacing.
          ...(columns.x.length <= 12 && columns.x.length * DATE_TICK_SPACE <= element.clientWidth - 100
            ? { splits: () => columns.x }
            : {}),
          values: (_u, splits) => splits.map(formatEpochSecondsDate),
        },
        {
          ...axis,
          scale: 'pain',
          label: t('sessions.chart.painAxis'),
          labelFont: font,
          labelSize: 18,
          size: 40,
        },
        {
          ...axis,
          scale: 'cpm',
          side: 1,
          label: t('sessions.chart.cpmAxis'),
          labelFont: font,
          labelSize: 18,
          size: 44,
          grid: { show: false },
        },
      ],
      legend: { show: false },
      cursor: { y: false, points: { size: 9 } },
      hooks: {
        drawClear: [
          (u) => {
            const top = u.valToPos(RHYTHM_NORMAL_RANGE.max, 'cpm', true);
            const bottom = u.valToPos(RHYTHM_NORMAL_RANGE.min, 'cpm', true);
            u.ctx.save();
            u.ctx.fillStyle = colors.band;
            u.ctx.fillRect(u.bbox.left, top, u.bbox.width, bottom - top);
            u.ctx.restore();
          },
        ],
      },
    };
    const chart = new uPlot(
      options,
      [columns.x, columns.painBefore, columns.painAfter, columns.rate],
      element,
    );
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
    <figure className="session-chart">
      <ul className="chart-legend" aria-label={t('sessions.chart.key')}>
        <li className="key-before">{t('sessions.chart.keyBefore')}</li>
        <li className="key-after">{t('sessions.chart.keyAfter')}</li>
        <li className="key-rate">{t('sessions.chart.keyRate')}</li>
        <li className="key-band">
          {t('sessions.chart.keyBand', { min: RHYTHM_NORMAL_RANGE.min, max: RHYTHM_NORMAL_RANGE.max })}
        </li>
      </ul>
      <div ref={container} className="session-chart-canvas" />
      <figcaption className="visually-hidden">{t('sessions.chart.caption')}</figcaption>
    </figure>
  );
}
