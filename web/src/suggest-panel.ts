// Greener options from POST /v1/suggest: region, start time and hardware, each with its saving and
// the assumption it rests on, the best combination, and the hardware alternatives as a chart.
import type { Suggestion, SuggestResult } from '../../src/core/decision-schemas.ts';
import type { EstimateResult } from '../../src/core/schemas.ts';
import { COLORS, drawBars } from './charts.ts';
import { byId, el } from './dom.ts';
import { formatMass, formatNumber, formatUtc, type MassUnit } from './format.ts';
import type { Names } from './catalog.ts';
import { renderTable, type TableModel } from './tables.ts';

/** Options shown per kind in the list (the hardware chart shows every one returned). */
const PER_KIND = 3;

const KINDS = [
  ['region', 'Run it in another region'],
  ['time', 'Start it later'],
  ['hardware', 'Run it on other hardware'],
] as const;

/** What the options are measured in and named by. */
export interface SuggestView {
  estimate: EstimateResult;
  /** The start sent, if any. */
  start: string | null;
  unit: MassUnit;
  names: Names;
}

function saving(kg: number, pct: number, unit: MassUnit): string {
  return kg > 0
    ? `saves ${formatMass(kg, unit)} (${formatNumber(pct)} %)`
    : `adds ${formatMass(-kg, unit)}`;
}

function card(
  title: string,
  s: Pick<Suggestion, 'kgCo2eSaved' | 'pctSaved' | 'emissionsKgCo2e'>,
  assumption: string,
  rank: number,
  unit: MassUnit,
): HTMLElement {
  const li = el('li', undefined, 'suggestion');
  li.dataset.rank = String(rank);
  const head = el('h3', title);
  const result = el('p');
  result.append(
    el('span', saving(s.kgCo2eSaved, s.pctSaved, unit), 'saving'),
    ` → ${formatMass(s.emissionsKgCo2e.total, unit)} (range ${formatMass(s.emissionsKgCo2e.low, unit)} – ${formatMass(s.emissionsKgCo2e.high, unit)})`,
  );
  li.append(head, result, el('p', assumption, 'hint'));
  return li;
}

/** A time option reads as a time, not an ISO string. */
export function optionTitle(s: Suggestion, names?: Names): string {
  if (s.kind === 'time' && s.change.start) return `start at ${formatUtc(s.change.start)}`;
  if (s.kind === 'hardware' && s.change.gpu && names) return names.gpu(s.change.gpu);
  if (s.kind === 'region' && s.change.location && names) return names.region(s.change.location);
  return s.label;
}

export function describeChange(change: SuggestResult['best']['change'], names: Names): string {
  const parts = [
    change.gpu ? `GPU ${names.gpu(change.gpu)}` : '',
    change.location ? `in ${names.region(change.location)}` : '',
    change.start ? `starting ${formatUtc(change.start)}` : '',
    change.durationHours !== undefined ? `for ${formatNumber(change.durationHours)} h` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no change';
}

/** The options list; returns its rows for export. */
export function renderSuggestions(
  result: SuggestResult,
  view: SuggestView,
): { options: TableModel; scenarios: TableModel } {
  const { unit, names } = view;
  const u = (kg: number) => kg / unit.kgPer;
  const list = el('ol', undefined, 'suggestion-list');
  const rows: TableModel['rows'] = [];
  for (const [kind, heading] of KINDS) {
    for (const [i, s] of result[kind].slice(0, PER_KIND).entries()) {
      list.append(card(`${heading}: ${optionTitle(s, names)}`, s, s.assumption, i + 1, unit));
      rows.push([
        kind,
        optionTitle(s, names),
        u(s.emissionsKgCo2e.total),
        u(s.kgCo2eSaved),
        s.pctSaved,
        s.assumption,
      ]);
    }
  }
  const best = result.best;
  if (best.kgCo2eSaved > 0) {
    list.append(
      card(
        `All together: ${describeChange(best.change, names)}`,
        best,
        `The best hardware, then the best region, then the best start there, estimated as one workload; ${formatMass(best.leftKgCo2e, unit)} left.`,
        1,
        unit,
      ),
    );
    rows.push([
      'combined',
      describeChange(best.change, names),
      u(best.emissionsKgCo2e.total),
      u(best.kgCo2eSaved),
      best.pctSaved,
      'best hardware, region and start together',
    ]);
  }
  const body = byId('suggestions-body');
  // On screen only: the print report (report*.ts) chooses its own content.
  const scenarios = el('div', undefined, 'table-wrap no-print');
  scenarios.id = 'table-scenarios';
  body.replaceChildren(
    scenarios,
    rows.length ? list : el('p', 'No lower-carbon option was found among the candidates.'),
  );
  const sideBySide = renderScenarios(scenarios, result, view);
  if (result.notes.length)
    body.append(el('p', 'Not suggested:', 'hint'), listOf(result.notes.map((n) => el('li', n))));
  const options: TableModel = {
    id: 'suggestions',
    caption: `Greener options against ${formatMass(result.asGiven.kgCo2e, unit)} as given`,
    columns: [
      { label: 'Kind' },
      { label: 'Option' },
      { label: `${unit.symbol}CO2e`, numeric: true },
      { label: `Saved ${unit.symbol}`, numeric: true },
      { label: 'Saved %', numeric: true },
      { label: 'Assumption' },
    ],
    rows,
  };
  return { options, scenarios: sideBySide };
}

/** Signed difference with its share of the plan: `−120 tCO2e (−41 %)`. */
function difference(planned: number, best: number, show: (n: number) => string): string {
  const d = best - planned;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const share = planned !== 0 ? ` (${sign}${formatNumber(Math.abs((d / planned) * 100))} %)` : '';
  return `${sign}${show(Math.abs(d))}${share}`;
}

/** As planned and the best combined suggestion side by side, with the difference. */
export function renderScenarios(
  container: HTMLElement,
  result: SuggestResult,
  view: SuggestView,
): TableModel {
  const { estimate, unit, names } = view;
  const best = result.best;
  const better = best.kgCo2eSaved > 0;
  const planned = result.asGiven.emissionsKgCo2e;
  const after = better ? best.emissionsKgCo2e : planned;
  const mass = (kg: number) => formatMass(kg, unit);
  const kwh = (v: number) => `${formatNumber(v)} kWh`;
  const r = estimate.resolved;
  const place = r.location.regionId ? names.region(r.location.regionId) : r.location.name;
  const gpu = r.gpu?.name ?? 'none';
  const change = better ? best.change : {};
  const text = (a: string, b: string) => [a, b, a === b ? 'same' : 'changed'];
  const model: TableModel = {
    id: 'scenarios',
    caption: better
      ? 'As planned and with the best suggestion, side by side'
      : 'As planned (no suggestion lowers it)',
    columns: [
      { label: '' },
      { label: 'As planned' },
      { label: 'Best suggestion' },
      { label: 'Difference' },
    ],
    rows: [
      [
        'Emissions',
        mass(planned.total),
        mass(after.total),
        difference(planned.total, after.total, mass),
      ],
      [
        'Range',
        `${mass(planned.low)} – ${mass(planned.high)}`,
        `${mass(after.low)} – ${mass(after.high)}`,
        '',
      ],
      [
        'Energy',
        kwh(result.asGiven.energyKwh),
        kwh(better ? best.energyKwh : result.asGiven.energyKwh),
        difference(
          result.asGiven.energyKwh,
          better ? best.energyKwh : result.asGiven.energyKwh,
          kwh,
        ),
      ],
      ['Where', ...text(place, change.location ? names.region(change.location) : place)],
      [
        'Start',
        ...text(
          view.start ? formatUtc(view.start) : 'not set (annual average)',
          change.start
            ? formatUtc(change.start)
            : view.start
              ? formatUtc(view.start)
              : 'not set (annual average)',
        ),
      ],
      ['GPU', ...text(gpu, change.gpu ? names.gpu(change.gpu) : gpu)],
      [
        'Run time',
        ...text(
          `${formatNumber(estimate.durationHours)} h`,
          `${formatNumber(change.durationHours ?? estimate.durationHours)} h`,
        ),
      ],
    ],
  };
  renderTable(container, model);
  return model;
}

function listOf(items: HTMLElement[]): HTMLElement {
  const ul = el('ul', undefined, 'hint');
  ul.append(...items);
  return ul;
}

/** The workload's own GPU against each alternative: emissions stacked operational + embodied. */
export function renderHardware(result: SuggestResult, view: SuggestView): TableModel | null {
  const { estimate, unit, names } = view;
  const u = (kg: number) => kg / unit.kgPer;
  const mass = `${unit.symbol}CO2e`;
  const options = result.hardware;
  if (options.length === 0) return null;
  const own = estimate.resolved.gpu;
  const asGiven = result.asGiven.emissionsKgCo2e;
  const labels = [
    `${own?.name ?? 'as given'} (as given)`,
    ...options.map((o) => (o.change.gpu ? names.gpu(o.change.gpu) : o.label)),
  ];
  const all = [asGiven, ...options.map((o) => o.emissionsKgCo2e)];
  drawBars(byId<HTMLCanvasElement>('chart-hardware'), {
    labels,
    series: [
      {
        label: 'Operational (location-based)',
        data: all.map((e) => u(e.location)),
        color: COLORS.operational,
      },
      { label: 'Embodied', data: all.map((e) => u(e.embodied)), color: COLORS.embodied },
    ],
    unit: mass,
    horizontal: true,
    stacked: true,
    description: `Emissions with the workload's own GPU and ${options.length} alternatives: ${labels.map((l, i) => `${l} ${formatMass(all[i]!.total, unit)}`).join(', ')}.`,
  });
  const model: TableModel = {
    id: 'hardware-alternatives',
    caption: 'Hardware alternatives (same work, time scaled by throughput)',
    columns: [
      { label: 'GPU' },
      { label: 'Hours', numeric: true },
      { label: 'kWh', numeric: true },
      { label: mass, numeric: true },
      { label: `Embodied ${unit.symbol}`, numeric: true },
      { label: `Saved ${unit.symbol}`, numeric: true },
      { label: 'Saved %', numeric: true },
      { label: 'Assumption' },
    ],
    rows: [
      [
        labels[0]!,
        estimate.durationHours,
        result.asGiven.energyKwh,
        u(asGiven.total),
        u(asGiven.embodied),
        0,
        0,
        'the workload as given',
      ],
      ...options.map((o) => [
        o.change.gpu ? names.gpu(o.change.gpu) : o.label,
        o.change.durationHours ?? estimate.durationHours,
        o.energyKwh,
        u(o.emissionsKgCo2e.total),
        u(o.emissionsKgCo2e.embodied),
        u(o.kgCo2eSaved),
        o.pctSaved,
        o.assumption,
      ]),
    ],
    highlight: [0],
  };
  renderTable(byId('table-hardware'), model, true);
  return model;
}
