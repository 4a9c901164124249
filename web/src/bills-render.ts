// Draws a bill's summary as the library returns it: the headline numbers, a chart and a table per
// group (service, region, month), and the tables of moves, unmapped rows, methods and sub-accounts.
import type { FocusGroup, FocusSummary } from '../../src/service/focus/index.ts';
import { COLORS, drawBars } from './charts.ts';
import { byId, el } from './dom.ts';
import { formatNumber, formatPercent } from './format.ts';
import { renderTable, type TableModel } from './tables.ts';
import { renderMoves, renderUnmapped } from './bills-tables.ts';

/** Bars a chart shows; the rest add up in one "other" bar (the table lists them all). */
const CHART_BARS = 12;
/** Rows a group's table lists; the summary JSON has every group. */
const TABLE_ROWS = 100;

export function renderSummary(summary: FocusSummary): void {
  renderHeadline(summary);
  const groups = summary.groups;
  renderGroup('service', 'Service', groups.service ?? [], { top: true });
  renderGroup('region', 'Region', groups.region ?? [], { top: true });
  const months = [...(groups.month ?? [])].sort((a, b) => (a.key < b.key ? -1 : 1));
  renderGroup('month', 'Month', months, { top: false });
  renderGroupTable('sub-account', 'Sub-account', groups.subAccount ?? []);
  const tag = groups.tag;
  byId('bill-tag-panel').hidden = tag === undefined;
  if (tag) renderGroupTable('tag', `Tag ${tag.key}`, tag.groups);
  renderMoves(summary.moves);
  renderUnmapped(summary);
}

function metric(id: string, value: string, unit: string, range: string): void {
  const box = byId(id);
  const valueNode = box.querySelector('.value')!;
  valueNode.replaceChildren(value, ...(unit === '' ? [] : [' ', el('span', unit, 'unit')]));
  box.querySelector('.range')!.textContent = range;
}

function renderHeadline(s: FocusSummary): void {
  const kg = s.totals.kgCo2e;
  metric(
    'bill-emissions',
    formatNumber(kg.total),
    'kgCO2e',
    `range ${formatNumber(kg.low)} – ${formatNumber(kg.high)} kgCO2e`,
  );
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
    ['Location-based', `${formatNumber(kg.location)} kgCO2e`],
    ['Market-based', `${formatNumber(kg.market)} kgCO2e`],
    ['Embodied', `${formatNumber(kg.embodied)} kgCO2e`],
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
  { top }: { top: boolean },
): void {
  const bars = chartBars(groups, top);
  drawBars(byId<HTMLCanvasElement>(`chart-${id}`), {
    labels: bars.labels,
    series: [{ label: 'kgCO2e', data: bars.kg, color: COLORS.operational }],
    unit: 'kgCO2e',
    horizontal: top,
    description: `kgCO2e by ${label.toLowerCase()}: ${bars.labels.length} bars; the table below lists the numbers.`,
  });
  renderGroupTable(id, label, groups);
}

function renderGroupTable(id: string, label: string, groups: readonly FocusGroup[]): void {
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
      { label: 'kgCO2e', numeric: true },
      { label: 'Low', numeric: true },
      { label: 'High', numeric: true },
    ],
    rows: shown.map((g) => [
      g.key,
      g.rows,
      g.billedCost,
      g.energyKwh,
      g.kgCo2e,
      g.kgCo2eLow,
      g.kgCo2eHigh,
    ]),
  };
  renderTable(byId(`table-${id}`), model, true);
}
