import fs from 'node:fs';
import path from 'node:path';
import type { MachineInfo } from './machine';
import { round, type Summary } from './stats';

/**
 * One line of the results: the measure beside its raw baseline from the same run, the ratio
 * between them, the target and whether it was met.
 *
 * Times are in ms (lower is better). Throughputs are in records/s (higher is better): their
 * `median` is the median run's rate and their `p95` the rate of the slow end (the run at the
 * 95th percentile of duration), so p95 is the worse figure for both kinds.
 */
export interface Measure {
  id: string;
  label: string;
  unit: 'ms' | 'records/s' | 'MB' | 'MB/s';
  median: number;
  p95: number;
  n: number;
  baseline: { label: string; median: number; p95: number; n: number } | null;
  /** measure median / baseline median (for throughput: measure rate / baseline rate). */
  ratio: number | null;
  target: string;
  pass: boolean | null;
  details?: Record<string, unknown>;
}

export interface BenchResults {
  tool: 'stillpoint-bench';
  version: 1;
  command: string;
  machine: MachineInfo;
  practice: {
    seed: number;
    clients: number;
    sessionsPerClient: number;
    counts: Record<string, number>;
    busyClientId: string | null;
    busyClientSessions: number;
    populatedMs: number | null;
    fromCache: boolean;
  };
  options: Record<string, unknown>;
  measures: Measure[];
  durationMs: number;
}

export function timeMeasure(
  fields: Omit<Measure, 'median' | 'p95' | 'n' | 'baseline' | 'ratio' | 'unit'> & {
    unit?: 'ms' | 'MB';
    summary: Summary;
    baseline?: { label: string; summary: Summary } | null;
  },
): Measure {
  const { summary, baseline, ...rest } = fields;
  return {
    unit: 'ms',
    ...rest,
    median: round(summary.median),
    p95: round(summary.p95),
    n: summary.n,
    baseline: baseline
      ? {
          label: baseline.label,
          median: round(baseline.summary.median),
          p95: round(baseline.summary.p95),
          n: baseline.summary.n,
        }
      : null,
    ratio: baseline ? round2(summary.median / baseline.summary.median) : null,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function cell(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  if (unit === 'records/s') return Math.round(value).toLocaleString('en-GB');
  return String(round(value));
}

/** The results as a fixed-width text table (also pasted into the README as Markdown). */
export function formatTable(results: BenchResults, style: 'text' | 'markdown' = 'text'): string {
  const header = ['Measure', 'Unit', 'Median', 'p95', 'Baseline (median / p95)', 'Ratio', 'Target', 'Result'];
  const rows = results.measures.map((m) => [
    m.label,
    m.unit,
    cell(m.median, m.unit),
    cell(m.p95, m.unit),
    m.baseline
      ? `${m.baseline.label}: ${cell(m.baseline.median, m.unit)} / ${cell(m.baseline.p95, m.unit)}`
      : '-',
    m.ratio === null ? '-' : `${m.ratio}x`,
    m.target,
    m.pass === null ? 'info' : m.pass ? 'PASS' : 'FAIL',
  ]);
  if (style === 'markdown') {
    const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatMachine(machine: MachineInfo): string {
  return `${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGB} GB RAM, ${machine.os}; Node ${machine.node}; ${machine.chromium}; ${machine.date}; load average ${machine.loadAverageAtStart.join(' / ')} at start${machine.loadAverageAtEnd ? `, ${machine.loadAverageAtEnd.join(' / ')} at end` : ''}`;
}

export function writeResults(file: string, results: BenchResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
