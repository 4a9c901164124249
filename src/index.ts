// The library: `import { estimate, catalog } from 'gridshift'`. Validates input with the same
// schemas as the API and runs core over the embedded tables. No Node-only APIs on this path.
import { estimate as estimateCore, METHODOLOGY_VERSION } from './core/estimate.ts';
import { Workload, type EstimateResult, type WorkloadInput } from './core/schemas.ts';
import { tables } from './data/index.ts';
import { describeRegion, describeZone, listModels, listRegions, listSources, type RegionFilter } from './api/catalog.ts';
import { searchHardware, type HardwareQuery } from './api/hardware-search.ts';
import { GridshiftError, parseOrThrow, withGridshiftErrors } from './lib/gridshift-error.ts';
import { estimatesToCsv } from './core/report-csv.ts';
import { estimateToBoamps, type BoampsMeta } from './core/report-boamps.ts';
import { boampsMetaNow } from './lib/report-meta.ts';

export { GridshiftError, METHODOLOGY_VERSION };
export type { EstimateResult, Factor, Components, AiResult, Workload, WorkloadInput } from './core/schemas.ts';
export type { Tables, Region, GridZone, Accelerator, Cpu, Instance, Source, LlmModel } from './core/tables.ts';
export type { ProblemItem, ProblemCode } from './api/problem.ts';
export type { BoampsMeta } from './core/report-boamps.ts';
export type { RegionFilter } from './api/catalog.ts';
export type { HardwareQuery, HardwareResult, Page } from './api/hardware-search.ts';

/**
 * Energy, emissions, range and sources of one workload. Throws a GridshiftError (with `errors[]`,
 * as the API's problem+json) when the input is invalid or names an unknown region or device.
 */
export function estimate(input: WorkloadInput | unknown): EstimateResult {
  const workload = parseOrThrow(Workload, input);
  return withGridshiftErrors(() => estimateCore(workload, tables));
}

/** Query helpers over the embedded tables: what `/v1/regions`, `/v1/hardware`, … answer. */
export const catalog = {
  regions: (filter: RegionFilter = {}) => listRegions(tables, filter),
  /** One region with its zone's latest intensity; throws `unknown_region` with the closest ids. */
  region: (id: string) => withGridshiftErrors(() => describeRegion(tables, id)),
  zones: () => [...tables.zones.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  /** One grid zone with every annual figure; throws `unknown_zone` with the closest ids. */
  zone: (id: string) => withGridshiftErrors(() => describeZone(tables, id)),
  hardware: (query: Partial<HardwareQuery> = {}) => searchHardware(tables, { limit: 50, offset: 0, ...query }),
  sources: () => listSources(tables),
  models: (q?: string) => listModels(tables, q),
};

/** Estimates as CSV: a header row, then one row per estimate (RFC 4180, CRLF). */
export function toCsv(results: readonly EstimateResult[]): string {
  return estimatesToCsv(results);
}

/** The estimate of `input` as a BoAmps AI energy report (Boavizta's JSON format 1.1.0). */
export function toBoamps(input: WorkloadInput | unknown, result: EstimateResult, meta: BoampsMeta = boampsMetaNow()): Record<string, unknown> {
  return estimateToBoamps(parseOrThrow(Workload, input), result, meta);
}
