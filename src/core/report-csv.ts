// An estimate as CSV (RFC 4180): one header row and one row per estimate, for planners' spreadsheets.
import type { EstimateResult } from './schemas.ts';

type Column = readonly [header: string, value: (r: EstimateResult) => string | number | null];

/**
 * Columns in output order; units are in the names. The first 17 are the columns of `/v1/batch`'s CSV
 * results (after its row, ok and error), so one estimate and a batch read alike in a spreadsheet.
 */
export const ESTIMATE_CSV_COLUMNS: readonly Column[] = [
  ['location', (r) => r.resolved.location.input],
  ['regionId', (r) => r.resolved.location.regionId],
  ['zone', (r) => r.resolved.location.zone],
  ['intensity', (r) => r.resolved.location.intensityGCo2ePerKwh],
  ['pue', (r) => r.resolved.pue.value],
  ['durationHours', (r) => r.durationHours],
  ['energyKwh', (r) => r.energyKwh.total],
  ['energyLowKwh', (r) => r.energyKwh.low],
  ['energyHighKwh', (r) => r.energyKwh.high],
  ['kgCo2e', (r) => r.emissionsKgCo2e.total],
  ['kgCo2eLow', (r) => r.emissionsKgCo2e.low],
  ['kgCo2eHigh', (r) => r.emissionsKgCo2e.high],
  ['locationKg', (r) => r.emissionsKgCo2e.location],
  ['marketKg', (r) => r.emissionsKgCo2e.market],
  ['embodiedKg', (r) => r.emissionsKgCo2e.embodied],
  ['sciGCo2ePerUnit', (r) => r.sci?.gCo2ePerUnit ?? null],
  ['waterL', (r) => r.waterL],
  ['intensitySource', (r) => r.resolved.location.source],
  ['intensityYear', (r) => r.resolved.location.year],
  ['cpuKwh', (r) => r.energyKwh.byComponent.cpu],
  ['gpuKwh', (r) => r.energyKwh.byComponent.gpu],
  ['memoryKwh', (r) => r.energyKwh.byComponent.memory],
  ['storageKwh', (r) => r.energyKwh.byComponent.storage],
  ['networkKwh', (r) => r.energyKwh.byComponent.network],
  ['overheadKwh', (r) => r.energyKwh.byComponent.overhead],
  ['sciFunctionalUnit', (r) => r.sci?.functionalUnit ?? null],
  ['gpu', (r) => r.resolved.gpu?.id ?? null],
  ['gpuCount', (r) => r.resolved.gpu?.count ?? null],
  ['cpu', (r) => r.resolved.cpu?.id ?? null],
  ['instance', (r) => r.resolved.instance?.id ?? null],
  ['methodologyVersion', (r) => r.methodologyVersion],
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
  return [estimateCsvHeader(), ...results.map(estimateCsvRow)]
    .map((line) => `${line}\r\n`)
    .join('');
}
