// Compare: one workload in every candidate region (and on alternative GPUs), ranked by kgCO2e.
import type {
  CompareResult,
  CompareRow,
  EmissionsSummary,
  RankBy,
  RegionFilter,
  Skipped,
} from './decision-schemas.ts';
import type { Workload } from './schemas.ts';
import type { Region, Tables } from './tables.ts';
import type { PlaceFigures, SweepBase } from './compare-sweep.ts';
import type { EstimatorContext } from './context.ts';
import { EstimateError, rePathed } from './errors.ts';
import { Ledger } from './ledger.ts';
import { evaluatePlace, prepareSweep } from './compare-sweep.ts';
import { selectRegions } from './region-filter.ts';
import { resolvePlace } from './resolve-location.ts';
import { resolveGpu } from './resolve-hardware.ts';
import { isSwappable, swapGpu, workloadGpu } from './hardware-swap.ts';

export interface CompareOptions {
  readonly regions?: RegionFilter | undefined;
  readonly hardware?: readonly string[] | undefined;
  readonly baseline?: string | undefined;
  readonly top: number;
  readonly rankBy: RankBy;
  /** Said first in the answer's assumptions (e.g. the preset used). */
  readonly assumptions?: readonly string[] | undefined;
}

interface Variant {
  readonly hardware: string | null;
  readonly base: SweepBase;
}

/** Ranks the workload over the candidate regions; pure, and the per-region work is small. */
export function compareRegions(
  input: Workload,
  ctx: EstimatorContext,
  options: CompareOptions,
): CompareResult {
  const { tables } = ctx;
  const candidates = selectRegions(tables, options.regions);
  if (candidates.length === 0)
    throw new EstimateError(
      'inconsistent_input',
      ['regions'],
      'no region matches the regions filter',
    );
  const asGiven = underWorkload(() => {
    resolvePlace(input.location, tables);
    return prepareSweep(input, ctx);
  });
  const skipped: Skipped[] = [];
  const variants = [
    { hardware: null, base: asGiven },
    ...hardwareVariants(input, ctx, options.hardware ?? [], candidates, skipped),
  ];
  const rows: CompareRow[] = [];
  const ledger = new Ledger(ctx.store);
  for (const variant of variants) {
    for (const region of candidates) {
      const row = evaluateRow(variant, region, ctx, ledger, skipped);
      if (row) rows.push(row);
      // Per-region factors are not reported (the rows carry them), so the ledger is reused.
      ledger.assumptions.length = 0;
      ledger.factors.length = 0;
    }
  }
  const measure = rankMeasure(options.rankBy);
  rows.sort(
    (a, b) =>
      measure(a.emissionsKgCo2e) - measure(b.emissionsKgCo2e) ||
      compareText(a.regionId, b.regionId) ||
      compareText(a.hardware ?? '', b.hardware ?? ''),
  );
  const baseline = findBaseline(input, asGiven, rows, ctx, options);
  const baseKg = measure(baseline.emissionsKgCo2e);
  const table = rows.map((row, i) => withSaving(row, i + 1, baseKg, measure(row.emissionsKgCo2e)));
  return {
    rankBy: options.rankBy,
    baseline: { ...baseline, kgCo2e: baseKg },
    top: table.slice(0, options.top),
    table,
    count: table.length,
    skipped,
    assumptions: [
      ...(options.assumptions ?? []),
      ...compareAssumptions(input, options.rankBy),
      ...asGiven.assumptions,
    ],
  };
}

/** The ranking's measure: operational (location- or market-based) plus embodied. */
export function rankMeasure(rankBy: RankBy): (e: EmissionsSummary) => number {
  return rankBy === 'market' ? (e) => e.market + e.embodied : (e) => e.total;
}

/** Summary of a place's figures in the result's shape. */
export function summarise(f: PlaceFigures): EmissionsSummary {
  return {
    total: f.total.central,
    low: f.total.low,
    high: f.total.high,
    location: f.locationKg,
    market: f.marketKg,
    embodied: f.embodiedKg,
  };
}

/** Runs a step on the request's workload, reporting its refusals under `workload`. */
export function underWorkload<T>(step: () => T): T {
  return rePathed(step, (path) => ['workload', ...path]);
}

function hardwareVariants(
  input: Workload,
  ctx: EstimatorContext,
  names: readonly string[],
  candidates: readonly Region[],
  skipped: Skipped[],
): Variant[] {
  if (names.length === 0) return [];
  const { tables } = ctx;
  const current = underWorkload(() => workloadGpu(input, tables));
  if (!current)
    throw new EstimateError(
      'inconsistent_input',
      ['hardware'],
      'the workload has no GPU to replace: give workload.gpu or a GPU instance type',
    );
  if (current.gpu.peakDenseTflops.bf16 === null)
    throw new EstimateError(
      'missing_throughput',
      ['workload', 'gpu', 'model'],
      `${current.gpu.name} has no published peak dense bf16 rate to scale the work by`,
    );
  const variants: Variant[] = [];
  names.forEach((name, i) => {
    const alt = resolveGpu(name, tables, ['hardware', i]);
    if (alt.id === current.gpu.id) return;
    const reason = isSwappable(alt)
      ? null
      : `${alt.name} has no published peak dense bf16 rate or rated power`;
    try {
      if (reason) throw new EstimateError('missing_throughput', ['hardware', i], reason);
      const swap = swapGpu(input, current, alt);
      variants.push({
        hardware: alt.id,
        base: { ...prepareSweep(swap.workload, ctx), assumptions: [swap.assumption] },
      });
    } catch (err) {
      if (!(err instanceof EstimateError)) throw err;
      for (const r of candidates)
        skipped.push({ regionId: r.id, hardware: alt.id, code: err.code, reason: err.message });
    }
  });
  return variants;
}

function evaluateRow(
  variant: Variant,
  region: Region,
  ctx: EstimatorContext,
  ledger: Ledger,
  skipped: Skipped[],
): CompareRow | null {
  const zone = region.gridZone === null ? null : (ctx.tables.zones.get(region.gridZone) ?? null);
  let f: PlaceFigures;
  try {
    f = evaluatePlace(variant.base, { kind: 'region', region, zone }, ctx, ledger);
  } catch (err) {
    if (!(err instanceof EstimateError)) throw err;
    skipped.push({
      regionId: region.id,
      hardware: variant.hardware,
      code: err.code,
      reason: err.message,
    });
    return null;
  }
  return {
    rank: 0,
    regionId: region.id,
    name: region.name,
    provider: region.provider,
    country: region.countryIso2,
    continent: region.continent,
    zone: zone?.id ?? null,
    hardware: variant.hardware,
    durationHours: variant.base.durationHours,
    intensityGCo2ePerKwh: f.intensityGCo2ePerKwh,
    intensityYear: f.intensityYear,
    pue: f.pue,
    carbonFreeEnergyShare: f.carbonFreeShare,
    energyKwh: f.energyKwh,
    emissionsKgCo2e: summarise(f),
    savingKg: 0,
    savingPct: 0,
  };
}

/** The explicit baseline, else the workload's own region, else the first ranked row. */
function findBaseline(
  input: Workload,
  asGiven: SweepBase,
  rows: readonly CompareRow[],
  ctx: EstimatorContext,
  options: CompareOptions,
) {
  const at = (location: string, path: readonly string[]) => {
    const place = resolveAt(location, ctx.tables, path);
    const f = evaluatePlace(asGiven, place, ctx, new Ledger(ctx.store));
    return {
      location: place.region?.id ?? place.zone!.id,
      hardware: null,
      emissionsKgCo2e: summarise(f),
    };
  };
  if (options.baseline !== undefined) return at(options.baseline, ['baseline']);
  if (input.location.includes(':')) return at(input.location, ['workload', 'location']);
  const first = rows[0];
  if (!first)
    throw new EstimateError(
      'no_grid_data',
      ['regions'],
      'no candidate region could be estimated: see the skipped list',
    );
  return {
    location: first.regionId,
    hardware: first.hardware,
    emissionsKgCo2e: first.emissionsKgCo2e,
  };
}

function resolveAt(location: string, tables: Tables, path: readonly string[]) {
  return rePathed(
    () => {
      const place = resolvePlace(location, tables);
      if (!place.zone)
        throw new EstimateError('no_grid_data', path, `${location} has no known grid zone`);
      return place;
    },
    () => path,
  );
}

function withSaving(row: CompareRow, rank: number, baseKg: number, kg: number): CompareRow {
  const savingKg = baseKg - kg;
  return { ...row, rank, savingKg, savingPct: baseKg > 0 ? (savingKg / baseKg) * 100 : 0 };
}

function compareAssumptions(w: Workload, rankBy: RankBy): string[] {
  const notes = [
    rankBy === 'location'
      ? 'Ranked by location-based emissions (grid average) plus embodied; market-based figures are shown beside them.'
      : "Ranked by market-based emissions (after the provider's carbon-free energy share) plus embodied; location-based figures are shown beside them.",
  ];
  if (w.gridIntensity !== undefined)
    notes.push(
      'gridIntensity is given: every region uses it, so only PUE and carbon-free share differ.',
    );
  if (w.pue !== undefined) notes.push('pue is given: every region uses it.');
  if (w.start !== undefined)
    notes.push(
      "start is given: every region uses the annual average of the run's year; where its grid zone has hourly data, scaled by that zone's hourly shape over the run's hours (its mean over a year stays the annual average).",
    );
  return notes;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
