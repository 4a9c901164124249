// The markdown of bench/RESULTS.md, from figures the full run has already measured. Pure (no I/O,
// no clock) so its formatting is unit-tested (bench/lib/results-md.test.ts); bench/run.ts writes it.
import { median } from './stats.ts';

export interface Target {
  /** Met when the figure's median is `op` `value`. */
  op: '≥' | '≤';
  value: number;
  /** How the target reads in the table, e.g. "≥ 3×". */
  label: string;
}

interface FigureBase {
  name: string;
  unit: string;
  /** Decimals shown. */
  digits: number;
  /** How the figure was measured: what one run is, how runs pair up. */
  how: string;
  target?: Target;
}

/** One figure: per-run samples, one measurement, or a reason it was not measured. */
export type Figure = FigureBase &
  ({ samples: readonly number[] } | { single: number } | { missing: string });

export interface RunInfo {
  /** ISO 8601. */
  date: string;
  machine: string;
  os: string;
  node: string;
  commit: string;
  loadStart: string;
  loadEnd: string;
  wallSeconds: number;
}

/** What a figure's median (or single value) is, with its spread; null when not measured. */
export interface Summary {
  value: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(figure: Figure): Summary | null {
  if ('missing' in figure) return null;
  if ('single' in figure)
    return { value: figure.single, min: figure.single, max: figure.single, runs: 1 };
  if (figure.samples.length === 0) return null;
  return {
    value: median(figure.samples),
    min: Math.min(...figure.samples),
    max: Math.max(...figure.samples),
    runs: figure.samples.length,
  };
}

/** "met" or "**missed**" for a figure with a target, judged on its median; "" otherwise. */
export function status(figure: Figure): string {
  const s = summarise(figure);
  if (!figure.target || !s) return '';
  const met =
    figure.target.op === '≥' ? s.value >= figure.target.value : s.value <= figure.target.value;
  return met ? 'met' : '**missed**';
}

/** 1234567.891 with 0 digits -> "1,234,568"; grouping keeps large rates readable. */
export function formatNumber(n: number, digits: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Pipes would end a table cell early. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

function row(figure: Figure): string {
  const s = summarise(figure);
  const n = (x: number) =>
    `${formatNumber(x, figure.digits)}${figure.unit ? ` ${figure.unit}` : ''}`;
  const value = s
    ? n(s.value)
    : `not measured (${'missing' in figure ? figure.missing : 'no samples'})`;
  const spread = !s
    ? ''
    : 'single' in figure
      ? 'single measurement'
      : `${formatNumber(s.min, figure.digits)}–${formatNumber(s.max, figure.digits)}`;
  const runs = s ? String(s.runs) : '0';
  return `| ${[figure.name, value, spread, runs, figure.target?.label ?? '', status(figure), figure.how].map(cell).join(' | ')} |`;
}

export function renderResults(info: RunInfo, figures: readonly Figure[]): string {
  const missed = figures.filter((f) => status(f) === '**missed**').map((f) => f.name);
  return [
    '# gridshift benchmark results',
    '',
    `Written by the full benchmark run (\`npm run bench\`) on ${info.date}. To reproduce: \`npm run bench\``,
    '(about 10 minutes at most on a 2-core machine; `npm run bench -- --quick` prints the same figures in less time but does not write this file).',
    '',
    '| | |',
    '|---|---|',
    `| Date | ${cell(info.date)} |`,
    `| Machine | ${cell(info.machine)} |`,
    `| OS | ${cell(info.os)} |`,
    `| Node | ${cell(info.node)} |`,
    `| Commit | ${cell(info.commit)} |`,
    `| Load average (1, 5, 15 min) | at start ${cell(info.loadStart)}; at end ${cell(info.loadEnd)} |`,
    `| Wall time of the run | ${Math.round(info.wallSeconds)} s |`,
    '',
    'Each figure is the median of its runs, with the lowest and highest run. A "run" is one of the rounds',
    'the benchmark already repeats (engine passes, HTTP rounds, batch rounds, slices of the sweep and',
    'window repetitions, cold starts), not a re-run of the whole suite. Ratios are per run where the two',
    'sides ran back to back in the same round, then the median of those. Met/missed is judged on the median.',
    '',
    '| Figure | Median | Min–max | Runs | Target | | How measured |',
    '|---|---:|---:|---:|---|---|---|',
    ...figures.map(row),
    '',
    missed.length === 0
      ? 'Every figure with a target met it in this run.'
      : `Missed in this run: ${missed.join('; ')}.`,
    '',
    'Figures move with machine load (see the load averages above): other work on the machine lowers the',
    'absolute rates most; ratios are steadier, as both sides of a round share the load, but move too.',
    'Compare absolute figures only on the same machine at similar load.',
    '',
  ].join('\n');
}
