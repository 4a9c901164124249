// The estimate's own panels: headline with range and an everyday equivalent, what was resolved,
// the breakdown chart and table, assumptions, factors and sources.
import type { EstimateResult } from '../../src/core/schemas.ts';
import { COLORS, drawBars } from './charts.ts';
import { byId, el } from './dom.ts';
import { carEquivalent } from './equivalents.ts';
import { formatNumber, formatScaled } from './format.ts';
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

function metric(
  label: string,
  total: number,
  low: number,
  high: number,
  unit: 'kgCO2e' | 'kWh',
  id: string,
): HTMLElement {
  const box = el('div', undefined, 'metric');
  box.id = id;
  const scaled = formatScaled(total, unit);
  const value = el('p', undefined, 'value');
  value.append(scaled.value + ' ', el('span', scaled.unit, 'unit'));
  const lo = formatScaled(low, unit);
  const hi = formatScaled(high, unit);
  box.append(
    el('p', label, 'label'),
    value,
    el('p', `range ${lo.value} ${lo.unit} – ${hi.value} ${hi.unit}`, 'range'),
  );
  return box;
}

/** Headline numbers, equivalent, and what the API resolved the input to. */
export function renderSummary(
  result: EstimateResult,
  inputs: Record<string, string>,
  sent: readonly string[],
  presetName?: string,
): void {
  const e = result.emissionsKgCo2e;
  const headline = byId('headline');
  const split = el('div', undefined, 'metric');
  split.append(
    el('p', 'Of which', 'label'),
    el('p', `operational (location-based) ${formatNumber(e.location)} kg`, 'range'),
    el('p', `operational (market-based) ${formatNumber(e.market)} kg`, 'range'),
    el('p', `embodied ${formatNumber(e.embodied)} kg`, 'range'),
  );
  if (result.sci)
    split.append(
      el(
        'p',
        `${formatNumber(result.sci.gCo2ePerUnit)} g CO2e and ${formatNumber(result.sci.whPerUnit)} Wh per ${result.sci.functionalUnit}`,
        'range',
      ),
    );
  headline.replaceChildren(
    metric('Emissions (CO2e)', e.total, e.low, e.high, 'kgCO2e', 'metric-emissions'),
    metric(
      'Energy (at the meter, incl. PUE)',
      result.energyKwh.total,
      result.energyKwh.low,
      result.energyKwh.high,
      'kWh',
      'metric-energy',
    ),
    split,
  );
  renderEquivalent(e.total, e.low, e.high);
  renderResolved(result);
  renderWorkloadSummary(result, inputs, sent, presetName);
}

function renderEquivalent(total: number, low: number, high: number): void {
  const { amount, equivalent } = carEquivalent(total);
  const p = byId('equivalent');
  const link = el('a', equivalent.source.title);
  link.href = equivalent.source.url;
  link.rel = 'noopener';
  const small = el('small');
  small.append(`Factor: ${equivalent.factorText}. Source: `, link, '.');
  const range = `${formatNumber(carEquivalent(low).amount)}–${formatNumber(carEquivalent(high).amount)}`;
  p.replaceChildren(
    el('strong', `≈ ${formatNumber(amount)} ${equivalent.unit}`),
    ` ${equivalent.phrase} (range ${range} ${equivalent.unit}).`,
    small,
  );
}

function renderResolved(result: EstimateResult): void {
  const r = result.resolved;
  const rows: [string, string][] = [
    ['Location', `${r.location.name}${r.location.regionId ? ` (${r.location.regionId})` : ''}`],
    [
      'Grid',
      `${r.location.zone ?? r.location.countryIso2 ?? '–'}: ${formatNumber(r.location.intensityGCo2ePerKwh)} gCO2e/kWh (${r.location.year ?? 'no year'}, ${r.location.basis}, ${r.location.source})`,
    ],
    ['PUE', `${formatNumber(r.pue.value)} (${r.pue.source}${r.pue.year ? `, ${r.pue.year}` : ''})`],
    ['Duration', `${formatNumber(result.durationHours)} h`],
  ];
  if (r.instance)
    rows.push([
      'Instance',
      `${r.instance.count} × ${r.instance.id} (${r.instance.vcpu} vCPU, ${formatNumber(r.instance.memoryGb)} GB)`,
    ]);
  if (r.gpu)
    rows.push([
      'GPU',
      `${formatNumber(r.gpu.count)} × ${r.gpu.name}, ${formatNumber(r.gpu.averagePowerW)} W each on average`,
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
    return `training: ${formatNumber(ai.flops)} FLOPs, ${formatNumber(ai.deviceHours)} GPU-hours on ${formatNumber(ai.gpus)} GPUs (MFU ${formatNumber(ai.mfu)})`;
  const per = ai.perRequest ? `; ${formatNumber(ai.perRequest.wh)} Wh per request` : '';
  return `inference on ${formatNumber(ai.gpus)} GPUs: ${formatNumber(ai.gpuJPerOutputToken)} J per output token${per}`;
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
export function renderBreakdown(result: EstimateResult): TableModel {
  const e = result.emissionsKgCo2e.byComponent;
  const k = result.energyKwh.byComponent;
  const shown = COMPONENTS.filter(([key]) => e[key] > 0 || k[key] > 0);
  const labels = [...shown.map(([, label]) => label), 'Embodied'];
  drawBars(byId<HTMLCanvasElement>('chart-breakdown'), {
    labels,
    series: [
      {
        label: 'Operational (location-based)',
        data: [...shown.map(([key]) => e[key]), 0],
        color: COLORS.operational,
      },
      {
        label: 'Embodied',
        data: [...shown.map(() => 0), result.emissionsKgCo2e.embodied],
        color: COLORS.embodied,
      },
    ],
    unit: 'kgCO2e',
    horizontal: true,
    stacked: true,
    description: `Emissions by component: ${labels.map((l, i) => `${l} ${formatNumber(i < shown.length ? e[shown[i]![0]] : result.emissionsKgCo2e.embodied)} kg`).join(', ')}.`,
  });
  const model: TableModel = {
    id: 'breakdown',
    caption: 'Energy and emissions by component',
    columns: [
      { label: 'Component' },
      { label: 'Energy (kWh)', numeric: true },
      { label: 'Operational kgCO2e', numeric: true },
      { label: 'Embodied kgCO2e', numeric: true },
    ],
    rows: [
      ...shown.map(([key, , label]) => [label, k[key], e[key], 0]),
      ['Embodied (manufacturing)', 0, 0, result.emissionsKgCo2e.embodied],
      [
        'Total',
        result.energyKwh.total,
        result.emissionsKgCo2e.location,
        result.emissionsKgCo2e.embodied,
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
