// Draws a bill's summary as the library returns it: the headline numbers, a chart and a table per
// group (service, region, month), and the tables of moves, unmapped rows, methods and sub-accounts.
import type { FocusGroup, FocusSummary } from '../../src/service/focus/index.ts';
import { COLORS, drawBars } from './charts.ts';
import { byId, el } from './dom.ts';
import {
  formatMassValue,
  formatNumber,
  formatPercent,
  massUnitFor,
  type MassUnit,
} from './format.ts';
import { renderTable, type TableModel } from './tables.ts';
import { renderMoves, renderUnmapped } from './bills-tables.ts';

/** Bars a chart shows; the rest add up in one "other" bar (the table lists them all). */
const CHART_BARS = 12;
/** Rows a group's table lists; the summary JSON has every group. */
const TABLE_ROWS = 100;

export function renderSummary(summary: FocusSummary): void {
  // One mass unit for the whole view, that of the bill's total (t from 1,000 kg), as on the main page.
  const unit = massUnitFor(summary.totals.kgCo2e.total);
  renderHeadline(summary, unit);
  const groups = summary.groups;
  renderGroup('service', 'Service', groups.service ?? [], { top: true, unit });
  renderGroup('region', 'Region', groups.region ?? [], { top: true, unit });
  const months = [...(groups.month ?? [])].sort((a, b) => (a.key < b.key ? -1 : 1));
  renderGroup('month', 'Month', months, { top: false, unit });
  renderGroupTable('sub-account', 'Sub-account', groups.subAccount ?? [], unit);
  const tag = groups.tag;
  byId('bill-tag-panel').hidden = tag === undefined;
  if (tag) renderGroupTable('tag', `Tag ${tag.key}`, tag.groups, unit);
  renderMoves(summary.moves, unit);
  renderUnmapped(summary, unit);
}

function metric(id: string, value: string, unit: string, range: string): void {
  const box = byId(id);
  const valueNode = box.querySelector('.value')!;
  valueNode.replaceChildren(value, ...(unit === '' ? [] : [' ', el('span', unit, 'unit')]));
  box.querySelector('.range')!.textContent = range;
}

function renderHeadline(s: FocusSummary, unit: MassUnit): void {
  const kg = s.totals.kgCo2e;
  const m = (v: number) => formatMassValue(v, unit);
  const u = `${unit.symbol}CO2e`;
  metric('bill-emissions', m(kg.total), u, `range ${m(kg.low)} – ${m(kg.high)} ${u}`);
  metric(
    'bill-energy',
    formatNumber(s.totals.energyKwh),
    'kWh',
    `range ${formatNumber(s.totals.energyKwhLow)} – ${formatNumber(s.totals.energyKwhHigh)} kWh`,
  );
  metric(
    'bill-coverage',
    s.mappedCostShare === null ? '–' : formatPercent(s.mappedCostShare),
    '',
    `${formatNumber(s.mappedRows)} of ${formatNumber(s.rows)} rows mapped (${formatNumber(s.usageRows)} usage rows)`,
  );
  const cost = (n: number) => `${formatNumber(n)}${s.currency ? ` ${s.currency}` : ''}`;
  const facts: [string, string][] = [
    ['Location-based', `${m(kg.location)} ${u}`],
    ['Market-based', `${m(kg.market)} ${u}`],
    ['Embodied', `${m(kg.embodied)} ${u}`],
    ['Billed cost', cost(s.billedCost)],
    ['Billed cost mapped', cost(s.mappedBilledCost)],
    ['FOCUS version', s.focusVersion],
  ];
  byId('bill-totals').replaceChildren(
    ...facts.flatMap(([term, value]) => [el('dt', term), el('dd', value)]),
  );
  byId('bill-assumptions').replaceChildren(...s.assumptions.map((a) => el('li', a)));
}

/** The groups a chart draws: the largest, then everything else as one bar. */
function chartBars(
  groups: readonly FocusGroup[],
  top: boolean,
): { labels: string[]; kg: number[] } {
  if (!top || groups.length <= CHART_BARS)
    return { labels: groups.map((g) => g.key), kg: groups.map((g) => g.kgCo2e) };
  const shown = groups.slice(0, CHART_BARS - 1);
  const rest = groups.slice(CHART_BARS - 1).reduce((a, g) => a + g.kgCo2e, 0);
  return {
    labels: [...shown.map((g) => g.key), `${groups.length - shown.length} others`],
    kg: [...shown.map((g) => g.kgCo2e), rest],
  };
}

function renderGroup(
  id: string,
  label: string,
  groups: readonly FocusGroup[],
  { top, unit }: { top: boolean; unit: MassUnit },
): void {
  const bars = chartBars(groups, top);
  const u = `${unit.symbol}CO2e`;
  drawBars(byId<HTMLCanvasElement>(`chart-${id}`), {
    labels: bars.labels,
    series: [{ label: u, data: bars.kg.map((kg) => kg / unit.kgPer), color: COLORS.operational }],
    unit: u,
    horizontal: top,
    description: `${u} by ${label.toLowerCase()}: ${bars.labels.length} bars; the table below lists the numbers.`,
  });
  renderGroupTable(id, label, groups, unit);
}

function renderGroupTable(
  id: string,
  label: string,
  groups: readonly FocusGroup[],
  unit: MassUnit,
): void {
  const t = (kg: number) => kg / unit.kgPer;
  const shown = groups.slice(0, TABLE_ROWS);
  const more = groups.length - shown.length;
  const model: TableModel = {
    id: `by-${id}`,
    caption: `By ${label.toLowerCase()}${more > 0 ? ` (the ${TABLE_ROWS} largest of ${groups.length}; every one is in the summary JSON)` : ''}`,
    columns: [
      { label },
      { label: 'Rows', numeric: true },
      { label: 'Billed cost', numeric: true },
      { label: 'kWh', numeric: true },
      { label: `${unit.symbol}CO2e`, numeric: true },
      { label: 'Low', numeric: true },
      { label: 'High', numeric: true },
    ],
    rows: shown.map((g) => [
      g.key,
      g.rows,
      g.billedCost,
      g.energyKwh,
      t(g.kgCo2e),
      t(g.kgCo2eLow),
      t(g.kgCo2eHigh),
    ]),
  };
  renderTable(byId(`table-${id}`), model, true);
}
