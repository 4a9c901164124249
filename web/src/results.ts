// The estimate's own panels: headline with range and an everyday equivalent, what was resolved,
// the breakdown chart and table, assumptions, factors and sources.
import type { EstimateResult } from '../../src/core/schemas.ts';
import { COLORS, drawBars } from './charts.ts';
import { byId, el } from './dom.ts';
import { amountOf, EQUIVALENTS } from './equivalents.ts';
import {
  formatCount,
  formatMass,
  formatMassValue,
  formatNumber,
  formatScaled,
  massUnitFor,
  type MassUnit,
} from './format.ts';
import { renderTable, type TableModel } from './tables.ts';

export interface SourceInfo {
  id: string;
  title: string;
  licence: string;
  year: number;
  url: string;
  attribution?: string;
}

// [key, chart label (short, for phone widths), table label]
const COMPONENTS = [
  ['cpu', 'CPU', 'CPU'],
  ['gpu', 'GPU', 'GPU'],
  ['memory', 'Memory', 'Memory'],
  ['storage', 'Storage', 'Storage'],
  ['network', 'Network', 'Network'],
  ['overhead', 'Overhead (PUE)', 'Data-centre overhead (PUE − 1)'],
] as const;

/** A headline figure with its range, all three in the same unit (the central value's). */
function metric(
  label: string,
  value: string,
  unit: string,
  low: string,
  high: string,
  id: string,
): HTMLElement {
  const box = el('div', undefined, 'metric');
  box.id = id;
  const line = el('p', undefined, 'value');
  line.append(value + ' ', el('span', unit, 'unit'));
  box.append(el('p', label, 'label'), line, el('p', `range ${low}–${high} ${unit}`, 'range'));
  return box;
}

/** Energy in the unit its central value reads best in (kWh, MWh…), the range in that unit too. */
function energyMetric(total: number, low: number, high: number): HTMLElement {
  const unit = formatScaled(total, 'kWh').unit;
  const per = { Wh: 1e-3, kWh: 1, MWh: 1e3, GWh: 1e6 }[unit] ?? 1;
  const show = (kwh: number) => formatNumber(kwh / per);
  return metric(
    'Energy (at the meter, incl. PUE)',
    show(total),
    unit,
    show(low),
    show(high),
    'metric-energy',
  );
}

export interface SummaryContext {
  /** The form state sent (preset, delay and the workload's fields). */
  inputs: Record<string, string>;
  /** The body sent, in the form's words. */
  sent: readonly string[];
  presetName?: string | undefined;
  sources: ReadonlyMap<string, SourceInfo>;
  /** The one mass unit of this result. */
  unit: MassUnit;
}

/** Headline numbers, equivalent, and what the API resolved the input to. */
export function renderSummary(result: EstimateResult, ctx: SummaryContext): void {
  const e = result.emissionsKgCo2e;
  const { unit } = ctx;
  const m = (kg: number) => formatMassValue(kg, unit);
  const headline = byId('headline');
  const split = el('div', undefined, 'metric');
  split.append(
    el('p', 'Of which', 'label'),
    el('p', `operational (location-based) ${formatMass(e.location, unit)}`, 'range'),
    el('p', `operational (market-based) ${formatMass(e.market, unit)}`, 'range'),
    el('p', `embodied ${formatMass(e.embodied, unit)}`, 'range'),
  );
  if (result.sci)
    split.append(
      el(
        'p',
        `${formatNumber(result.sci.gCo2ePerUnit)} gCO2e and ${formatNumber(result.sci.whPerUnit)} Wh per ${result.sci.functionalUnit}`,
        'range',
      ),
    );
  headline.replaceChildren(
    metric(
      'Emissions (CO2e)',
      m(e.total),
      `${unit.symbol}CO2e`,
      m(e.low),
      m(e.high),
      'metric-emissions',
    ),
    energyMetric(result.energyKwh.total, result.energyKwh.low, result.energyKwh.high),
    split,
    el('p', gridBasis(result), 'grid-basis'),
  );
  renderEquivalents(result);
  renderPerRequest(result, unit);
  renderResolved(result, ctx.sources);
  renderWorkloadSummary(result, ctx.inputs, ctx.sent, ctx.presetName);
}

/** The grid data the headline rests on, in words: one annual year, or an hourly shape scaled to it. */
export function gridBasis(result: EstimateResult): string {
  const l = result.resolved.location;
  const g = `${formatNumber(l.intensityGCo2ePerKwh)} gCO2e/kWh`;
  if (l.basis === 'user') return `Grid: ${g}, the intensity you gave.`;
  if (l.source.startsWith('live:')) return `Grid: ${g}, live data (${l.basis}).`;
  if (l.hourly) {
    const { shape, level } = l.hourly;
    return `Grid: ${g} over the run's hours — the hourly shape of ${shape.year} scaled to the ${level.year} annual average (${formatNumber(level.gCo2ePerKwh)} gCO2e/kWh), so a whole year equals the annual figure.`;
  }
  return `Grid: ${g}, the ${l.year ?? 'latest'} annual average (no hourly shape used).`;
}

/** Everyday equivalents, each with its range, factor, source and year. */
function renderEquivalents(result: EstimateResult): void {
  const e = result.emissionsKgCo2e;
  const k = result.energyKwh;
  const list = el('ul', undefined, 'equivalents');
  for (const eq of EQUIVALENTS) {
    // On paper only the first (the report's own layout is report*.ts's to choose).
    const li = el('li', undefined, list.childElementCount > 0 ? 'no-print' : undefined);
    li.dataset.equivalent = eq.id;
    const link = el('a', eq.source.title);
    link.href = eq.source.url;
    link.rel = 'noopener';
    const small = el('small');
    small.append(`Factor: ${eq.factorText}. Source: `, link, '.');
    const range = `${formatNumber(amountOf(eq, e.low, k.low))}–${formatNumber(amountOf(eq, e.high, k.high))}`;
    li.append(
      el('strong', `≈ ${formatNumber(amountOf(eq, e.total, k.total))} ${eq.unit}`),
      ` ${eq.phrase} (range ${range} ${eq.unit}).`,
      small,
    );
    list.append(li);
  }
  byId('equivalent').replaceChildren(el('p', 'For scale, the same as:', 'label'), list);
}

/**
 * Inference: the API's per-request figure, and the same scaled to N users a day (N editable; one
 * request each), as a linear scaling of this estimate, said to be one.
 */
function renderPerRequest(result: EstimateResult, unit: MassUnit): void {
  const box = byId('per-request');
  const per = result.ai?.task === 'inference' ? result.ai.perRequest : null;
  box.hidden = !per;
  if (!per) return;
  const input = byId<HTMLInputElement>('f-users');
  const scaled = byId('per-request-scaled');
  const show = () => {
    const users = Number(input.value);
    if (!Number.isFinite(users) || users < 0) {
      scaled.textContent = 'Users per day must be a number ≥ 0.';
      return;
    }
    const dayKg = (per.gCo2e * users) / 1000;
    const dayUnit = massUnitFor(dayKg * 365);
    scaled.textContent = `${formatCount(users)} users a day, one request each: ${formatNumber((per.wh * users) / 1000)} kWh and ${formatMass(dayKg, dayUnit)} a day, ${formatMass(dayKg * 365, dayUnit)} a year (this estimate's per-request figure × users; the same hardware, batching and idle share assumed).`;
  };
  byId('per-request-figure').textContent =
    `Per request: ${formatNumber(per.wh)} Wh and ${formatNumber(per.gCo2e)} gCO2e (of this run's ${formatMass(result.emissionsKgCo2e.total, unit)}).`;
  input.oninput = show;
  show();
}

function renderResolved(result: EstimateResult, sources: ReadonlyMap<string, SourceInfo>): void {
  const r = result.resolved;
  const title = (id: string) => sources.get(id)?.title ?? id;
  const rows: [string, string][] = [
    ['Location', `${r.location.name}${r.location.regionId ? ` (${r.location.regionId})` : ''}`],
    [
      'Grid',
      `${r.location.zone ?? r.location.countryIso2 ?? '–'}: ${formatNumber(r.location.intensityGCo2ePerKwh)} gCO2e/kWh (${r.location.year ?? 'no year'}, ${r.location.basis}; ${title(r.location.source)})`,
    ],
    [
      'PUE',
      `${formatNumber(r.pue.value)} (${title(r.pue.source)}${r.pue.year ? `, ${r.pue.year}` : ''})`,
    ],
    ['Duration', `${formatNumber(result.durationHours)} h`],
  ];
  if (r.instance)
    rows.push([
      'Instance',
      `${formatCount(r.instance.count)} × ${r.instance.id} (${formatCount(r.instance.vcpu)} vCPU, ${formatNumber(r.instance.memoryGb)} GB)`,
    ]);
  if (r.gpu)
    rows.push([
      'GPU',
      `${formatCount(r.gpu.count)} × ${r.gpu.name}, ${formatNumber(r.gpu.averagePowerW)} W each on average`,
    ]);
  if (r.cpu)
    rows.push([
      'CPU',
      `${r.cpu.name}, ${formatNumber(r.cpu.averagePowerW)} W for the threads used`,
    ]);
  if (result.ai) rows.push(['AI', aiLine(result.ai)]);
  if (result.waterL !== null) rows.push(['Water (on site)', `${formatNumber(result.waterL)} L`]);
  byId('resolved').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', k), el('dd', v)]));
}

function aiLine(ai: NonNullable<EstimateResult['ai']>): string {
  if (ai.task === 'training')
    return `training: ${formatCount(ai.flops)} FLOPs, ${formatNumber(ai.deviceHours)} GPU-hours on ${formatCount(ai.gpus)} GPUs (MFU ${formatNumber(ai.mfu)})`;
  const per = ai.perRequest ? `; ${formatNumber(ai.perRequest.wh)} Wh per request` : '';
  return `inference on ${formatCount(ai.gpus)} GPUs: ${formatNumber(ai.gpuJPerOutputToken)} J per output token${per}`;
}

/** The inputs line: the body actually sent, in the form's words (nothing the request left out). */
function renderWorkloadSummary(
  result: EstimateResult,
  inputs: Record<string, string>,
  sent: readonly string[],
  presetName?: string,
): void {
  const box = byId('workload-summary');
  const preset = inputs.preset ? `Preset “${presetName ?? inputs.preset}”, then as sent. ` : '';
  const wait = inputs.delayHours
    ? ` Can wait up to ${inputs.delayHours} h for a cleaner start.`
    : '';
  box.replaceChildren(
    `${preset}Inputs: `,
    el('span', sent.join(' · '), 'inputs-sent'),
    `.${wait} Methodology ${result.methodologyVersion}.`,
  );
}

/** Breakdown by component, operational and embodied, as a stacked bar chart and a table. */
export function renderBreakdown(result: EstimateResult, unit: MassUnit): TableModel {
  const u = (kg: number) => kg / unit.kgPer;
  const e = result.emissionsKgCo2e.byComponent;
  const k = result.energyKwh.byComponent;
  const shown = COMPONENTS.filter(([key]) => e[key] > 0 || k[key] > 0);
  const labels = [...shown.map(([, label]) => label), 'Embodied'];
  drawBars(byId<HTMLCanvasElement>('chart-breakdown'), {
    labels,
    series: [
      {
        label: 'Operational (location-based)',
        data: [...shown.map(([key]) => u(e[key])), 0],
        color: COLORS.operational,
      },
      {
        label: 'Embodied',
        data: [...shown.map(() => 0), u(result.emissionsKgCo2e.embodied)],
        color: COLORS.embodied,
      },
    ],
    unit: `${unit.symbol}CO2e`,
    horizontal: true,
    stacked: true,
    description: `Emissions by component: ${labels.map((l, i) => formatMass(i < shown.length ? e[shown[i]![0]] : result.emissionsKgCo2e.embodied, unit) + ` ${l}`).join(', ')}.`,
  });
  const model: TableModel = {
    id: 'breakdown',
    caption: 'Energy and emissions by component',
    columns: [
      { label: 'Component' },
      { label: 'Energy (kWh)', numeric: true },
      { label: `Operational ${unit.symbol}CO2e`, numeric: true },
      { label: `Embodied ${unit.symbol}CO2e`, numeric: true },
    ],
    rows: [
      ...shown.map(([key, , label]) => [label, k[key], u(e[key]), 0]),
      ['Embodied (manufacturing)', 0, 0, u(result.emissionsKgCo2e.embodied)],
      [
        'Total',
        result.energyKwh.total,
        u(result.emissionsKgCo2e.location),
        u(result.emissionsKgCo2e.embodied),
      ],
    ],
  };
  renderTable(byId('table-breakdown'), model);
  return model;
}

/** Assumptions as a list; factors as a table; the sources the answer cites with licence and attribution. */
export function renderBasis(
  result: EstimateResult,
  catalogue: ReadonlyMap<string, SourceInfo>,
): TableModel {
  byId('assumptions').replaceChildren(...result.assumptions.map((a) => el('li', a)));
  const model: TableModel = {
    id: 'factors',
    caption: 'Factors used',
    columns: [
      { label: 'Factor' },
      { label: 'Value', numeric: true },
      { label: 'Unit' },
      { label: 'Source' },
      { label: 'Year' },
      { label: 'Note' },
    ],
    rows: [
      ...activityRows(result),
      ...result.factors.map((f) => [
        f.label,
        f.value,
        f.unit,
        f.source,
        f.year === null ? null : String(f.year),
        f.note ?? null,
      ]),
    ],
  };
  renderTable(byId('table-factors'), model);
  byId('sources').replaceChildren(
    ...result.sources.map((s) => {
      const li = el('li');
      const link = el('a', s.title);
      link.href = s.url;
      link.rel = 'noopener';
      const attribution = catalogue.get(s.id)?.attribution;
      li.append(
        link,
        ` — ${s.licence}, ${s.year}.`,
        ...(attribution ? [' ', el('span', attribution, 'hint')] : []),
      );
      return li;
    }),
  );
  return model;
}

/** The run's own hours and utilisations, first among the factors (the answer keeps them out of its list: they are the activity, not factors). */
function activityRows(result: EstimateResult): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ['Duration', result.durationHours, 'h', 'user', null, null],
  ];
  const listed = new Set(result.factors.map((f) => f.id));
  const { gpu, cpu } = result.resolved;
  if (gpu?.utilization != null && !listed.has('gpu_utilization'))
    rows.push(['GPU utilisation', gpu.utilization, 'fraction', 'user', null, null]);
  // A default CPU utilisation is a factor of its own (with its source); a given one is the run's.
  if (cpu?.utilization != null && !listed.has('cpu_utilization'))
    rows.push(['CPU utilisation', cpu.utilization, 'fraction', 'user', null, null]);
  return rows;
}
