// chart.js, registered explicitly with only the parts the page draws (tree-shaken), and the four
// chart shapes the page uses. Each canvas also carries its data as `data-chart` (JSON) for tests.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { formatNumber } from './format.ts';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Filler,
  Legend,
  Tooltip,
);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.color = '#1b2430';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

export const COLORS = {
  operational: '#2f6f9f',
  embodied: '#c07a1a',
  bar: '#7b93ad',
  chosen: '#0b6e4f',
  line: '#1a5fb4',
  window: 'rgba(11, 110, 79, 0.28)',
  asGiven: '#8a5a00',
  asGivenFill: 'rgba(192, 122, 26, 0.18)',
} as const;

export interface BarSeries {
  label: string;
  data: number[];
  /** One colour for the series, or one per bar (to highlight the chosen one). */
  color: string | string[];
}

export interface BarSpec {
  labels: string[];
  series: BarSeries[];
  unit: string;
  horizontal?: boolean;
  stacked?: boolean;
  /** Short description for screen readers; the table beside the chart holds the numbers. */
  description: string;
}

/** Draws (or redraws) a bar chart on `canvas`. */
export function drawBars(canvas: HTMLCanvasElement, spec: BarSpec): Chart {
  const axis = spec.horizontal ? 'y' : 'x';
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const config: ChartConfiguration<'bar', number[], string> = {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.data,
        backgroundColor: s.color,
        borderWidth: 0,
        maxBarThickness: 28,
      })),
    },
    options: {
      indexAxis: axis,
      scales: {
        [axis]: {
          stacked: spec.stacked ?? false,
          ticks: {
            autoSkip: false,
            font: (ctx: { chart: Chart }) => ({ size: ctx.chart.width < 420 ? 10 : 12 }),
          },
        },
        [valueAxis]: {
          stacked: spec.stacked ?? false,
          beginAtZero: true,
          title: { display: true, text: spec.unit },
        },
      },
      plugins: {
        legend: { display: spec.series.length > 1 },
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label ?? ''}: ${formatNumber(item.parsed[valueAxis] ?? null)} ${spec.unit}`,
          },
        },
      },
    },
  };
  return mount(canvas, config, spec.description);
}

export interface LineWindow {
  /** Index range [from, to) shaded under the line (may wrap past the end: then from > to). */
  from: number;
  to: number;
  label: string;
  line: string;
  fill: string;
}

export interface LineSpec {
  labels: string[];
  values: number[];
  label: string;
  unit: string;
  /** Shaded spans (as given, suggested start window), each its own filled dataset. */
  windows: LineWindow[];
  description: string;
}

function inWindow(i: number, w: LineWindow): boolean {
  return w.from <= w.to ? i >= w.from && i < w.to : i >= w.from || i < w.to;
}

/** A line over hours with each window drawn as a filled dataset of the values inside it. */
export function drawLine(canvas: HTMLCanvasElement, spec: LineSpec): Chart {
  const datasets: ChartConfiguration<'line', (number | null)[], string>['data']['datasets'] = [
    {
      label: spec.label,
      data: spec.values,
      borderColor: COLORS.line,
      backgroundColor: COLORS.line,
      pointRadius: spec.values.length > 48 ? 0 : 2,
      tension: 0.2,
      fill: false,
    },
  ];
  for (const w of spec.windows) {
    datasets.push({
      label: w.label,
      data: spec.values.map((v, i) => (inWindow(i, w) ? v : null)),
      borderColor: w.line,
      backgroundColor: w.fill,
      pointRadius: 0,
      borderWidth: 2,
      fill: 'origin',
      spanGaps: false,
    });
  }
  const config: ChartConfiguration<'line', (number | null)[], string> = {
    type: 'line',
    data: { labels: spec.labels, datasets },
    options: {
      scales: {
        y: { beginAtZero: true, title: { display: true, text: spec.unit } },
        x: {
          title: { display: true, text: 'UTC' },
          ticks: { maxRotation: 0, autoSkipPadding: 10 },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label ?? ''}: ${formatNumber(item.parsed.y ?? null)} ${spec.unit}`,
          },
        },
      },
    },
  };
  return mount(canvas, config, spec.description);
}

function mount<T extends 'bar' | 'line'>(
  canvas: HTMLCanvasElement,
  config: ChartConfiguration<T, (number | null)[], string>,
  description: string,
): Chart {
  Chart.getChart(canvas)?.destroy();
  const chart = new Chart(canvas, config as ChartConfiguration);
  canvas.setAttribute('aria-label', description);
  canvas.dataset.chart = JSON.stringify({
    type: config.type,
    labels: chart.data.labels,
    datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })),
  });
  return chart;
}

/** Removes a chart (its panel is not available or has no data). */
export function clearChart(canvas: HTMLCanvasElement): void {
  Chart.getChart(canvas)?.destroy();
  delete canvas.dataset.chart;
  canvas.removeAttribute('aria-label');
}
