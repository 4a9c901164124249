// An estimate as CSV (RFC 4180): one header row and one row per estimate, for planners' spreadsheets.
import type { EstimateResult } from './schemas.ts';

type Column = readonly [header: string, value: (r: EstimateResult) => string | number | null];

/** Columns in output order; units are in the header names. */
export const ESTIMATE_CSV_COLUMNS: readonly Column[] = [
  ['location', (r) => r.resolved.location.input],
  ['region', (r) => r.resolved.location.regionId],
  ['grid_zone', (r) => r.resolved.location.zone],
  ['grid_intensity_gco2e_per_kwh', (r) => r.resolved.location.intensityGCo2ePerKwh],
  ['grid_intensity_source', (r) => r.resolved.location.source],
  ['grid_year', (r) => r.resolved.location.year],
  ['pue', (r) => r.resolved.pue.value],
  ['duration_h', (r) => r.durationHours],
  ['energy_kwh', (r) => r.energyKwh.total],
  ['energy_kwh_low', (r) => r.energyKwh.low],
  ['energy_kwh_high', (r) => r.energyKwh.high],
  ['energy_cpu_kwh', (r) => r.energyKwh.byComponent.cpu],
  ['energy_gpu_kwh', (r) => r.energyKwh.byComponent.gpu],
  ['energy_memory_kwh', (r) => r.energyKwh.byComponent.memory],
  ['energy_storage_kwh', (r) => r.energyKwh.byComponent.storage],
  ['energy_network_kwh', (r) => r.energyKwh.byComponent.network],
  ['energy_overhead_kwh', (r) => r.energyKwh.byComponent.overhead],
  ['emissions_kgco2e', (r) => r.emissionsKgCo2e.total],
  ['emissions_kgco2e_low', (r) => r.emissionsKgCo2e.low],
  ['emissions_kgco2e_high', (r) => r.emissionsKgCo2e.high],
  ['location_based_kgco2e', (r) => r.emissionsKgCo2e.location],
  ['market_based_kgco2e', (r) => r.emissionsKgCo2e.market],
  ['embodied_kgco2e', (r) => r.emissionsKgCo2e.embodied],
  ['water_l', (r) => r.waterL],
  ['sci_functional_unit', (r) => r.sci?.functionalUnit ?? null],
  ['sci_gco2e_per_unit', (r) => r.sci?.gCo2ePerUnit ?? null],
  ['gpu', (r) => r.resolved.gpu?.id ?? null],
  ['gpu_count', (r) => r.resolved.gpu?.count ?? null],
  ['cpu', (r) => r.resolved.cpu?.id ?? null],
  ['instance', (r) => r.resolved.instance?.id ?? null],
  ['methodology_version', (r) => r.methodologyVersion],
  ['sources', (r) => r.sources.map((s) => s.id).join(' ')],
];

/** `a,b` -> `"a,b"`; quotes doubled; a leading `=+-@` is prefixed with `'` against formula injection. */
export function escapeCsvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV header line (no line break). */
export function estimateCsvHeader(): string {
  return ESTIMATE_CSV_COLUMNS.map(([header]) => header).join(',');
}

/** One estimate as a CSV line (no line break), in the header's column order. */
export function estimateCsvRow(result: EstimateResult): string {
  return ESTIMATE_CSV_COLUMNS.map(([, value]) => escapeCsvCell(value(result))).join(',');
}

/** Estimates as a CSV document: header, then one row each; CRLF line ends as RFC 4180 says. */
export function estimatesToCsv(results: readonly EstimateResult[]): string {
  return [estimateCsvHeader(), ...results.map(estimateCsvRow)].map((line) => `${line}\r\n`).join('');
}
