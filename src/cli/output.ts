// Human output: an estimate as an aligned table, and problems as the API words them.
import type { EstimateResult } from '../core/schemas.ts';
import { problemTypeUri, type GridshiftError } from '../service/problem.ts';

/** `1234.5678` -> `1,235`; small values keep 3 significant digits. */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

const COMPONENTS = ['cpu', 'gpu', 'memory', 'storage', 'network', 'overhead'] as const;

/** The estimate as the table `gridshift estimate` prints. */
export function renderEstimate(r: EstimateResult): string {
  const loc = r.resolved.location;
  const where = loc.regionId
    ? `${loc.regionId} (${loc.name})`
    : `${loc.name}${loc.zone && loc.zone !== loc.name ? ` (${loc.zone})` : ''}`;
  const e = r.emissionsKgCo2e;
  const lines = [
    `Estimate for ${where}, ${formatNumber(r.durationHours)} h`,
    '',
    `  Energy      ${formatNumber(r.energyKwh.total)} kWh   (range ${formatNumber(r.energyKwh.low)} – ${formatNumber(r.energyKwh.high)})`,
    `  Emissions   ${formatNumber(e.total)} kgCO2e   (range ${formatNumber(e.low)} – ${formatNumber(e.high)})`,
    `    location-based  ${formatNumber(e.location)}`,
    `    market-based    ${formatNumber(e.market)}`,
    `    embodied        ${formatNumber(e.embodied)}`,
    ...(r.sci
      ? [`  SCI         ${formatNumber(r.sci.gCo2ePerUnit)} gCO2e per ${r.sci.functionalUnit}`]
      : []),
    ...(r.waterL === null ? [] : [`  Water       ${formatNumber(r.waterL)} L`]),
    '',
    `  ${'component'.padEnd(10)} ${'kWh'.padStart(12)} ${'kgCO2e'.padStart(12)}`,
    ...COMPONENTS.filter((c) => r.energyKwh.byComponent[c] > 0).map(
      (c) =>
        `  ${c.padEnd(10)} ${formatNumber(r.energyKwh.byComponent[c]).padStart(12)} ${formatNumber(r.emissionsKgCo2e.byComponent[c]).padStart(12)}`,
    ),
    '',
    `  Grid ${formatNumber(loc.intensityGCo2ePerKwh)} gCO2e/kWh (${loc.zone ?? loc.input}, ${loc.year ?? 'no year'}, ${loc.source}) · PUE ${r.resolved.pue.value} (${r.resolved.pue.source})`,
    '',
    'Assumptions:',
    ...r.assumptions.map((a) => `  - ${a}`),
    '',
    `Sources: ${r.sources.map((s) => `${s.id} (${s.licence})`).join(', ')}`,
    `Methodology ${r.methodologyVersion}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The problem+json body the API would answer (without `instance`). */
export function problemBody(err: GridshiftError): Record<string, unknown> {
  return {
    type: problemTypeUri(err.code),
    title: err.title,
    status: err.status,
    detail: err.message,
    errors: err.errors,
    ...(err.candidates.length > 0 ? { candidates: err.candidates } : {}),
  };
}

/** The problem as lines for a terminal: the detail, then one line per field. */
export function renderProblem(err: GridshiftError): string {
  const items = err.errors.map((e) => `  ${e.path === '' ? '(input)' : e.path}: ${e.message}`);
  return `gridshift: ${err.message}\n${items.join('\n')}${items.length > 0 ? '\n' : ''}`;
}
