// Suggest: greener options for one workload — region, start time, hardware — each with its saving
// against the workload as given, and the best of them combined and estimated together.
import type {
  CompareRow,
  Flexibility,
  RankBy,
  RegionFilter,
  Suggestion,
  SuggestResult,
} from './decision-schemas.ts';
import type { Workload } from './schemas.ts';
import type { Tables } from './tables.ts';
import type { EstimatorContext } from './context.ts';
import { EstimateError } from './errors.ts';
import { compareRegions, rankMeasure, underWorkload } from './compare.ts';
import { prepareSweep } from './compare-sweep.ts';
import { suggestHardware } from './suggest-hardware.ts';
import { findBestStart, type StartSearch } from './suggest-time.ts';
import { makeSuggestion, roundTo, savingAgainst, summariseResult } from './suggest-option.ts';

export interface SuggestOptions {
  readonly regions?: RegionFilter | undefined;
  readonly flexibility?: Flexibility | undefined;
  readonly rankBy: RankBy;
  readonly top: number;
  readonly offsetPricePerTonne?: number | undefined;
  /** Said first in the answer's assumptions (e.g. the preset used). */
  readonly assumptions?: readonly string[] | undefined;
}

/** Region, time and hardware options for `input`, and what is left after the best combination. */
export function suggestOptions(
  input: Workload,
  ctx: EstimatorContext,
  options: SuggestOptions,
): SuggestResult {
  const { tables } = ctx;
  if (options.flexibility?.deadline !== undefined && input.start === undefined) {
    throw new EstimateError(
      'inconsistent_input',
      ['workload', 'start'],
      'a deadline needs workload.start, the earliest time the job can start',
    );
  }
  const asGiven = underWorkload(() => ctx.estimate(input));
  const baseE = summariseResult(asGiven);
  const baseKg = rankMeasure(options.rankBy)(baseE);
  const filter = options.regions ?? sameProvider(asGiven.resolved.location.regionId, tables);
  const notes: string[] = [];

  const regionRows = rankRegions(input, ctx, filter, options.rankBy);
  const region = regionRows
    .filter((row) => row.savingKg > 0)
    .slice(0, options.top)
    .map((row) =>
      regionSuggestion(
        row,
        asGiven.resolved.location.intensityGCo2ePerKwh,
        asGiven.resolved.pue.value,
      ),
    );
  if (region.length === 0)
    notes.push('region: no candidate region has lower emissions than the workload as given.');

  const time: Suggestion[] = [];
  const found = findBestStart(input, asGiven.durationHours, options.flexibility, tables);
  if (found.ok) {
    const change = timeChange(found.search);
    const r = ctx.estimate({ ...input, ...change });
    time.push(
      makeSuggestion(
        'time',
        `Start at ${found.search.start}`,
        change,
        r,
        baseKg,
        options.rankBy,
        found.search.assumption,
      ),
    );
  } else notes.push(found.note);

  const hw = underWorkload(() => suggestHardware(input, ctx, baseKg, options.rankBy, options.top));
  if (hw.note) notes.push(hw.note);

  return {
    rankBy: options.rankBy,
    asGiven: {
      location: input.location,
      energyKwh: asGiven.energyKwh.total,
      kgCo2e: baseKg,
      emissionsKgCo2e: baseE,
    },
    region,
    time,
    hardware: hw.options,
    best: combineBest(input, hw.workloads[0] ?? null, filter, ctx, options, baseKg),
    notes,
    assumptions: [...(options.assumptions ?? []), ...asGiven.assumptions],
  };
}

/** The start a time search found, with the year it pins (the run's level) when it has to. */
function timeChange(search: StartSearch): { start: string; year?: number } {
  return search.year === undefined
    ? { start: search.start }
    : { start: search.start, year: search.year };
}

/** Default candidates: the provider of the workload's region; every region for a zone or country. */
function sameProvider(regionId: string | null, tables: Tables): RegionFilter | undefined {
  const provider = regionId === null ? undefined : tables.regions.get(regionId)?.provider;
  return provider ? { provider: [provider] } : undefined;
}

function rankRegions(
  w: Workload,
  ctx: EstimatorContext,
  filter: RegionFilter | undefined,
  rankBy: RankBy,
): CompareRow[] {
  return compareRegions(w, ctx, { regions: filter, baseline: w.location, top: 1, rankBy }).table;
}

function regionSuggestion(row: CompareRow, intensity0: number, pue0: number): Suggestion {
  const cfe =
    row.carbonFreeEnergyShare > 0
      ? `; the provider's carbon-free share there is ${roundTo(row.carbonFreeEnergyShare * 100)} %`
      : '';
  const assumption =
    `Same workload in ${row.regionId}: grid ${row.zone} at ${roundTo(row.intensityGCo2ePerKwh)} vs ${roundTo(intensity0)} gCO2e/kWh ` +
    `as given, PUE ${row.pue} vs ${pue0}${cfe}; data transfer and latency are not counted.`;
  return {
    kind: 'region',
    label: `${row.name} (${row.regionId})`,
    change: { location: row.regionId },
    energyKwh: row.energyKwh,
    emissionsKgCo2e: row.emissionsKgCo2e,
    kgCo2eSaved: row.savingKg,
    pctSaved: row.savingPct,
    assumption,
  };
}

/** Best hardware, then the best region for it, then the best start there; estimated as one workload. */
function combineBest(
  input: Workload,
  hardware: Workload | null,
  filter: RegionFilter | undefined,
  ctx: EstimatorContext,
  options: SuggestOptions,
  baseKg: number,
): SuggestResult['best'] {
  let w = hardware ?? input;
  const change: Suggestion['change'] = {};
  const [bestRegion] = rankRegions(w, ctx, filter, options.rankBy);
  if (bestRegion && bestRegion.savingKg > 0) {
    w = { ...w, location: bestRegion.regionId };
    change.location = bestRegion.regionId;
  }
  const found = findBestStart(
    w,
    prepareSweep(w, ctx).durationHours,
    options.flexibility,
    ctx.tables,
  );
  if (found.ok) {
    w = { ...w, ...timeChange(found.search) };
    Object.assign(change, timeChange(found.search));
  }
  const result = ctx.estimate(w);
  if (hardware)
    Object.assign(change, {
      gpu: result.resolved.gpu?.id ?? undefined,
      durationHours: result.durationHours,
    });
  const e = summariseResult(result);
  const left = rankMeasure(options.rankBy)(e);
  const price = options.offsetPricePerTonne ?? null;
  return {
    change,
    energyKwh: result.energyKwh.total,
    emissionsKgCo2e: e,
    ...savingAgainst(baseKg, e, options.rankBy),
    leftKgCo2e: left,
    offsetPricePerTonne: price,
    offsetCost: price === null ? null : (left / 1000) * price,
  };
}
