// The library: `import { estimate, compare, suggest, catalog } from 'gridshift'`. The same schemas
// and wording as the API, core over the embedded tables (the hourly series read from disk: Node).
import { METHODOLOGY_VERSION } from './core/estimate.ts';
import { withPresetAssumptions } from './core/presets.ts';
import {
  CompareRequest,
  SuggestRequest,
  type CompareResult,
  type SuggestResult,
} from './core/decision-schemas.ts';
import type { EstimateResult } from './core/schemas.ts';
import type { z } from 'zod';
import { estimator, tables } from './data/index.ts';
import {
  describeRegion,
  describeZone,
  listModels,
  listRegions,
  listSources,
  type RegionFilter,
} from './service/catalog.ts';
import { describePreset, listPresets } from './service/catalog-presets.ts';
import { searchHardware, type HardwareQuery } from './service/hardware-search.ts';
import { readWorkload } from './service/workload-request.ts';
import { parseOrThrow, withGridshiftErrors } from './service/gridshift-error.ts';
import { GridshiftError } from './service/problem.ts';
import { estimatesToCsv } from './core/report-csv.ts';
import { estimateToBoamps, type BoampsMeta } from './core/report-boamps.ts';
import { boampsMetaNow } from './service/report-meta.ts';
import { loadHourlyFromDisk } from './node/hourly-files.ts';
import {
  createFocusRun,
  readFocusHeader,
  writeFactorTables,
  type FactorTables,
  type FocusOptions,
  type FocusRun,
} from './service/focus/index.ts';

// Estimates are synchronous: the hourly series is read before the first one can run.
await loadHourlyFromDisk();

export { GridshiftError, METHODOLOGY_VERSION };
export {
  FocusHeaderError,
  FOCUS_ROW_CSV_HEADER,
  focusRowCsvLine,
  focusSummarySchema,
  readFocusHeader,
} from './service/focus/index.ts';
export type {
  FactorTables,
  FocusColumns,
  FocusGroup,
  FocusGroupKey,
  FocusMove,
  FocusOptions,
  FocusRowResult,
  FocusRun,
  FocusSummary,
  FocusVersion,
} from './service/focus/index.ts';
export type {
  EstimateResult,
  Factor,
  Components,
  AiResult,
  Workload,
  WorkloadInput,
  Preset,
} from './core/schemas.ts';
export type {
  CompareResult,
  CompareRow,
  SuggestResult,
  Suggestion,
} from './core/decision-schemas.ts';
export type {
  Tables,
  Region,
  GridZone,
  Accelerator,
  Cpu,
  Instance,
  Source,
  LlmModel,
} from './core/tables.ts';
export type { ProblemItem, ProblemCode } from './service/problem.ts';
export type { RegionFilter } from './service/catalog.ts';
export type { HardwareQuery, HardwareResult, Page } from './service/hardware-search.ts';
export type { BoampsMeta } from './core/report-boamps.ts';

/** What `POST /v1/compare` takes: `{ workload, regions?, hardware?, baseline?, top?, rankBy? }`. */
export type CompareInput = z.input<typeof CompareRequest>;
/** What `POST /v1/suggest` takes: `{ workload, regions?, flexibility?, rankBy?, top?, offsetPricePerTonne? }`. */
export type SuggestInput = z.input<typeof SuggestRequest>;
/**
 * Energy, emissions, range and sources of one workload (or `{ preset, ...overrides }`). Throws a
 * GridshiftError (with `errors[]`, as the API's problem+json) on invalid input or unknown ids.
 */
export function estimate(input: unknown): EstimateResult {
  return withGridshiftErrors(() => {
    const { workload, preset } = readWorkload(input, tables);
    return withPresetAssumptions(estimator.estimate(workload), preset);
  });
}

/** One workload over candidate regions (and alternative GPUs), ranked; as `POST /v1/compare`. */
export function compare(input: CompareInput): CompareResult {
  const request = parseOrThrow(CompareRequest, input);
  return withGridshiftErrors(() => {
    const { workload, preset } = readWorkload(request.workload, tables, 'workload');
    return estimator.compare(workload, { ...request, assumptions: preset?.assumptions });
  });
}

/** Lower-carbon options (region, start time, hardware) with their savings; as `POST /v1/suggest`. */
export function suggest(input: SuggestInput): SuggestResult {
  const request = parseOrThrow(SuggestRequest, input);
  return withGridshiftErrors(() => {
    const { workload, preset } = readWorkload(request.workload, tables, 'workload');
    return estimator.suggest(workload, { ...request, assumptions: preset?.assumptions });
  });
}

/** Query helpers over the embedded tables: what `/v1/regions`, `/v1/hardware`, … answer. */
export const catalog = {
  regions: (filter: RegionFilter = {}) => listRegions(tables, filter),
  /** One region with its zone's latest intensity; throws `unknown_region` with the closest ids. */
  region: (id: string) => withGridshiftErrors(() => describeRegion(tables, id)),
  zones: () => [...tables.zones.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  /** One grid zone with every annual figure; throws `unknown_zone` with the closest ids. */
  zone: (id: string) => withGridshiftErrors(() => describeZone(tables, id)),
  hardware: (query: Partial<HardwareQuery> = {}) =>
    searchHardware(tables, { limit: 50, offset: 0, ...query }),
  sources: () => listSources(tables),
  models: (q?: string) => listModels(tables, q),
  presets: () => listPresets(tables),
  /** One preset; throws `not_found` with the closest ids. */
  preset: (id: string) => withGridshiftErrors(() => describePreset(tables, id)),
};

/** Estimates as CSV: a header row, then one row per estimate (RFC 4180, CRLF). */
export function toCsv(results: readonly EstimateResult[]): string {
  return estimatesToCsv(results);
}

/** The estimate of `input` as a BoAmps AI energy report (Boavizta's JSON format 1.1.0). */
export function toBoamps(
  input: unknown,
  result: EstimateResult,
  meta: BoampsMeta = boampsMetaNow(),
): Record<string, unknown> {
  return estimateToBoamps(
    withGridshiftErrors(() => readWorkload(input, tables).workload),
    result,
    meta,
  );
}

/**
 * A FOCUS billing export's footprint over the embedded tables: give the header row (throws a
 * GridshiftError `not_focus` naming the missing columns), then `add` each data row and read `summary()`.
 */
export function focusRun(header: readonly string[], options?: FocusOptions): FocusRun {
  return createFocusRun(estimator, readFocusHeader(header), options);
}

/** The factor tables (CSV) and `footprint.sql` that compute the same per-row footprint in a warehouse. */
export function focusFactorTables(): FactorTables {
  return writeFactorTables(estimator);
}
