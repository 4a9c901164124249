// Region comparison from POST /v1/compare: the cleanest and dirtiest regions plus the chosen one,
// filtered by provider, as a bar chart and the same rows as a table.
import type { CompareResult, CompareRow } from '../../src/core/decision-schemas.ts';
import type { EstimateResult } from '../../src/core/schemas.ts';
import { COLORS, drawBars } from './charts.ts';
import { byId } from './dom.ts';
import { formatMass, formatNumber, type MassUnit } from './format.ts';
import { providerName } from './regions.ts';
import { renderTable, type TableModel } from './tables.ts';

/** Rows shown: the `best` lowest, the `worst` highest, and the baseline region wherever it ranks. */
export const SHOWN = { best: 10, worst: 5 } as const;

export function pickRows(
  table: readonly CompareRow[],
  baseline: string,
  provider: string,
): CompareRow[] {
  const own = table.filter(
    (r) => r.hardware === null && (provider === '' || r.provider === provider),
  );
  if (own.length <= SHOWN.best + SHOWN.worst) return own;
  const keep = new Set([
    ...own.slice(0, SHOWN.best),
    ...own.slice(-SHOWN.worst),
    ...own.filter((r) => r.regionId === baseline),
  ]);
  return own.filter((r) => keep.has(r));
}

/** Draws the comparison for `provider` ('' = all) and returns the table shown. */
export function renderCompare(result: CompareResult, provider: string, unit: MassUnit): TableModel {
  const u = (kg: number) => kg / unit.kgPer;
  const mass = `${unit.symbol}CO2e`;
  const baseline = result.baseline.location;
  const rows = pickRows(result.table, baseline, provider);
  const chosen = rows.map((r, i) => (r.regionId === baseline ? i : -1)).filter((i) => i >= 0);
  const label = (r: CompareRow) => `${r.regionId}${r.regionId === baseline ? ' (chosen)' : ''}`;
  const providerText = provider ? providerName(provider) : 'all providers';
  const total = result.table.filter(
    (r) => r.hardware === null && (provider === '' || r.provider === provider),
  ).length;
  drawBars(byId<HTMLCanvasElement>('chart-compare'), {
    labels: rows.map(label),
    series: [
      {
        label: `${mass} (location-based + embodied)`,
        data: rows.map((r) => u(r.emissionsKgCo2e.total)),
        color: rows.map((r) => (r.regionId === baseline ? COLORS.chosen : COLORS.bar)),
      },
    ],
    unit: mass,
    horizontal: true,
    description: `Emissions of the same workload in ${rows.length} of ${total} regions (${providerText}), lowest first${chosen.length ? `; the chosen region ${baseline} ranks ${rows[chosen[0]!]!.rank}` : ''}.`,
  });
  const model: TableModel = {
    id: 'region-comparison',
    caption: `Region comparison, ${providerText}: ${rows.length} of ${total} regions (lowest ${SHOWN.best}, highest ${SHOWN.worst}, and the chosen one)`,
    columns: [
      { label: 'Rank', numeric: true },
      { label: 'Region' },
      { label: 'Name' },
      { label: 'Country' },
      { label: 'Grid zone' },
      { label: 'gCO2e/kWh', numeric: true },
      { label: mass, numeric: true },
      { label: 'Low', numeric: true },
      { label: 'High', numeric: true },
      { label: `Market-based ${mass}`, numeric: true },
      { label: `Saving ${unit.symbol}`, numeric: true },
      { label: 'Saving %', numeric: true },
    ],
    rows: rows.map((r) => [
      r.rank,
      r.regionId,
      r.name,
      r.country,
      r.zone,
      r.intensityGCo2ePerKwh,
      u(r.emissionsKgCo2e.total),
      u(r.emissionsKgCo2e.low),
      u(r.emissionsKgCo2e.high),
      u(r.emissionsKgCo2e.market + r.emissionsKgCo2e.embodied),
      u(r.savingKg),
      r.savingPct,
    ]),
    highlight: chosen,
  };
  renderTable(byId('table-compare'), model, true);
  return model;
}

/** One line on the chosen region's rank, for the panel note. */
export function compareNote(
  result: CompareResult,
  unit: MassUnit,
  estimate: EstimateResult,
): string {
  const place = estimate.resolved.location;
  const best = result.table[0];
  // A country or grid zone is no cloud region: the API ranks against its first region, so the
  // page states the lowest against the estimate itself.
  if (!place.regionId && best) {
    const kg = estimate.emissionsKgCo2e.total;
    const pct = kg > 0 ? ((kg - best.emissionsKgCo2e.total) / kg) * 100 : 0;
    return `${place.name} is a ${place.kind === 'country' ? 'country' : 'grid zone'}, not a cloud region; the lowest of ${result.count} regions, ${best.regionId} (${best.name}), would emit ${formatMass(best.emissionsKgCo2e.total, unit)}, ${formatNumber(pct)} % less than this estimate (${formatMass(kg, unit)}).`;
  }
  const own = result.table.find(
    (r) => r.regionId === result.baseline.location && r.hardware === null,
  );
  if (!own)
    return `${result.baseline.location} is not one of the ${result.count} cloud regions; savings are measured against it (${formatMass(result.baseline.kgCo2e, unit)}).`;
  if (!best || best.regionId === own.regionId)
    return `${own.regionId} is already the lowest of ${result.count} regions.`;
  return `${own.regionId} ranks ${own.rank} of ${result.count}; the lowest, ${best.regionId} (${best.name}), would emit ${formatMass(best.emissionsKgCo2e.total, unit)}, ${formatNumber(best.savingPct)} % less.`;
}
