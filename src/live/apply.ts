// The shell's side of live grid data: before core runs, put the live value into `gridIntensity`;
// after, restore its provenance (source `live:<provider>`) in the factors, `resolved` and assumptions.
import type { EstimateResult, Workload } from '../core/schemas.ts';
import type { Tables } from '../core/tables.ts';
import { resolvePlace } from '../core/resolve-location.ts';
import type { GridProvider, LiveGrid, LiveIntensity, LiveLookup } from './provider.ts';

export interface LiveApplied {
  workload: Workload;
  annotate(result: EstimateResult): EstimateResult;
}

const unchanged = (workload: Workload): LiveApplied => ({ workload, annotate: (r) => r });

/**
 * Looks up a live intensity when a provider is configured and the workload leaves the grid figure
 * open (no gridIntensity, year or start). An unknown location is left for core to refuse.
 */
export async function applyLiveGrid(
  workload: Workload,
  tables: Tables,
  live: LiveGrid | null | undefined,
): Promise<LiveApplied> {
  if (
    !live ||
    workload.gridIntensity !== undefined ||
    workload.year !== undefined ||
    workload.start !== undefined
  )
    return unchanged(workload);
  let place;
  try {
    place = resolvePlace(workload.location, tables);
  } catch {
    return unchanged(workload);
  }
  if (!place.zone) return unchanged(workload);
  const lookup = await live.lookup({ zone: place.zone, region: place.region });
  if (!lookup) return unchanged(workload);
  const provider = live.providers.find(
    (p) => p.id === (lookup.ok ? lookup.value.provider : lookup.provider),
  )!;
  if (!lookup.ok) return { workload, annotate: (r) => withFallbackNote(r, lookup, provider.title) };
  return {
    workload: { ...workload, gridIntensity: lookup.value.intensityGCo2ePerKwh },
    annotate: (r) => withLiveProvenance(r, lookup.value, provider, place.zone!.name),
  };
}

function withFallbackNote(
  result: EstimateResult,
  lookup: Extract<LiveLookup, { ok: false }>,
  title: string,
): EstimateResult {
  return {
    ...result,
    assumptions: [
      ...result.assumptions,
      `Live grid data from ${title} is unavailable (${lookup.reason}): the embedded annual average is used.`,
    ],
  };
}

function withLiveProvenance(
  result: EstimateResult,
  live: LiveIntensity,
  provider: GridProvider,
  zoneName: string,
): EstimateResult {
  const { title, url } = provider;
  const source = `live:${live.provider}`;
  const year = Number(live.datetime.slice(0, 4)) || null;
  return {
    ...result,
    resolved: {
      ...result.resolved,
      location: { ...result.resolved.location, basis: live.basis, source, year },
    },
    factors: result.factors.map((f) =>
      f.id === 'grid_intensity' && f.source === 'user'
        ? {
            ...f,
            label: `Live grid carbon intensity of ${zoneName} (${live.area}) from ${title}, ${live.basis}`,
            source,
            year,
            note: `value for ${live.datetime}`,
          }
        : f,
    ),
    assumptions: [
      ...result.assumptions,
      `Live grid intensity from ${title} for ${live.area} at ${live.datetime} stands in for the annual average; the range does not widen for it.`,
    ],
    sources: [
      ...result.sources,
      {
        id: source,
        title: `${title} (live)`,
        licence: "the API provider's terms",
        year: year ?? 0,
        url,
      },
    ],
  };
}
