// Greener options from POST /v1/suggest: region, start time and hardware, each with its saving and
// the assumption it rests on, the best combination, and the hardware alternatives as a chart.
import type { Suggestion, SuggestResult } from '../../src/core/decision-schemas.ts';
import type { EstimateResult } from '../../src/core/schemas.ts';
import { COLORS, drawBars } from './charts.ts';
import { byId, el } from './dom.ts';
import { formatNumber, formatUtc } from './format.ts';
import { renderTable, type TableModel } from './tables.ts';

/** Options shown per kind in the list (the hardware chart shows every one returned). */
const PER_KIND = 3;

const KINDS = [
  ['region', 'Run it in another region'],
  ['time', 'Start it later'],
  ['hardware', 'Run it on other hardware'],
] as const;

function saving(kg: number, pct: number): string {
  return kg > 0
    ? `saves ${formatNumber(kg)} kgCO2e (${formatNumber(pct)} %)`
    : `adds ${formatNumber(-kg)} kgCO2e`;
}

function card(
  title: string,
  s: Pick<Suggestion, 'kgCo2eSaved' | 'pctSaved' | 'emissionsKgCo2e'>,
  assumption: string,
  rank: number,
): HTMLElement {
  const li = el('li', undefined, 'suggestion');
  li.dataset.rank = String(rank);
  const head = el('h3', title);
  const result = el('p');
  result.append(
    el('span', saving(s.kgCo2eSaved, s.pctSaved), 'saving'),
    ` → ${formatNumber(s.emissionsKgCo2e.total)} kgCO2e (range ${formatNumber(s.emissionsKgCo2e.low)}–${formatNumber(s.emissionsKgCo2e.high)})`,
  );
  li.append(head, result, el('p', assumption, 'hint'));
  return li;
}

/** A time option reads as a time, not an ISO string. */
export function optionTitle(s: Suggestion): string {
  return s.kind === 'time' && s.change.start ? `start at ${formatUtc(s.change.start)}` : s.label;
}

function describeChange(change: SuggestResult['best']['change']): string {
  const parts = [
    change.gpu ? `GPU ${change.gpu}` : '',
    change.location ? `in ${change.location}` : '',
    change.start ? `starting ${formatUtc(change.start)}` : '',
    change.durationHours !== undefined ? `for ${formatNumber(change.durationHours)} h` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no change';
}

/** The options list; returns its rows for export. */
export function renderSuggestions(result: SuggestResult): TableModel {
  const list = el('ol', undefined, 'suggestion-list');
  const rows: TableModel['rows'] = [];
  for (const [kind, heading] of KINDS) {
    for (const [i, s] of result[kind].slice(0, PER_KIND).entries()) {
      list.append(card(`${heading}: ${optionTitle(s)}`, s, s.assumption, i + 1));
      rows.push([kind, s.label, s.emissionsKgCo2e.total, s.kgCo2eSaved, s.pctSaved, s.assumption]);
    }
  }
  const best = result.best;
  if (best.kgCo2eSaved > 0) {
    list.append(
      card(
        `All together: ${describeChange(best.change)}`,
        best,
        `The best hardware, then the best region, then the best start there, estimated as one workload; ${formatNumber(best.leftKgCo2e)} kgCO2e left.`,
        1,
      ),
    );
    rows.push([
      'combined',
      describeChange(best.change),
      best.emissionsKgCo2e.total,
      best.kgCo2eSaved,
      best.pctSaved,
      'best hardware, region and start together',
    ]);
  }
  const body = byId('suggestions-body');
  body.replaceChildren(
    rows.length ? list : el('p', 'No lower-carbon option was found among the candidates.'),
  );
  if (result.notes.length)
    body.append(el('p', 'Not suggested:', 'hint'), listOf(result.notes.map((n) => el('li', n))));
  return {
    id: 'suggestions',
    caption: `Greener options against ${formatNumber(result.asGiven.kgCo2e)} kgCO2e as given`,
    columns: [
      { label: 'Kind' },
      { label: 'Option' },
      { label: 'kgCO2e', numeric: true },
      { label: 'Saved kg', numeric: true },
      { label: 'Saved %', numeric: true },
      { label: 'Assumption' },
    ],
    rows,
  };
}

function listOf(items: HTMLElement[]): HTMLElement {
  const ul = el('ul', undefined, 'hint');
  ul.append(...items);
  return ul;
}

/** The workload's own GPU against each alternative: emissions stacked operational + embodied. */
export function renderHardware(result: SuggestResult, estimate: EstimateResult): TableModel | null {
  const options = result.hardware;
  if (options.length === 0) return null;
  const own = estimate.resolved.gpu;
  const asGiven = result.asGiven.emissionsKgCo2e;
  const labels = [
    `${own?.id ?? 'as given'} (as given)`,
    ...options.map((o) => o.change.gpu ?? o.label),
  ];
  const all = [asGiven, ...options.map((o) => o.emissionsKgCo2e)];
  drawBars(byId<HTMLCanvasElement>('chart-hardware'), {
    labels,
    series: [
      {
        label: 'Operational (location-based)',
        data: all.map((e) => e.location),
        color: COLORS.operational,
      },
      { label: 'Embodied', data: all.map((e) => e.embodied), color: COLORS.embodied },
    ],
    unit: 'kgCO2e',
    horizontal: true,
    stacked: true,
    description: `Emissions with the workload's own GPU and ${options.length} alternatives: ${labels.map((l, i) => `${l} ${formatNumber(all[i]!.total)} kg`).join(', ')}.`,
  });
  const model: TableModel = {
    id: 'hardware-alternatives',
    caption: 'Hardware alternatives (same work, time scaled by throughput)',
    columns: [
      { label: 'GPU' },
      { label: 'Hours', numeric: true },
      { label: 'kWh', numeric: true },
      { label: 'kgCO2e', numeric: true },
      { label: 'Embodied kg', numeric: true },
      { label: 'Saved kg', numeric: true },
      { label: 'Saved %', numeric: true },
      { label: 'Assumption' },
    ],
    rows: [
      [
        labels[0]!,
        estimate.durationHours,
        result.asGiven.energyKwh,
        asGiven.total,
        asGiven.embodied,
        0,
        0,
        'the workload as given',
      ],
      ...options.map((o) => [
        o.change.gpu ?? o.label,
        o.change.durationHours ?? estimate.durationHours,
        o.energyKwh,
        o.emissionsKgCo2e.total,
        o.emissionsKgCo2e.embodied,
        o.kgCo2eSaved,
        o.pctSaved,
        o.assumption,
      ]),
    ],
    highlight: [0],
  };
  renderTable(byId('table-hardware'), model, true);
  return model;
}
