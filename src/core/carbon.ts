// kWh -> kgCO2e: grid intensity of the location (location-based) and after carbon-free energy
// (market-based).
import type { Workload } from './schemas.ts';
import type { GridZone, Region, Tables } from './tables.ts';
import { hourlyIntensity } from './carbon-hourly.ts';
import type { Ledger } from './ledger.ts';
import type { Bounded } from './range.ts';
import type { ResolvedPlace } from './resolve-location.ts';
import { EstimateError } from './errors.ts';
import { intensitiesForYear, pickYear } from './resolve-location.ts';

export interface ResolvedIntensity {
  readonly intensity: Bounded;
  readonly year: number | null;
  readonly basis: string;
  readonly source: string;
}

/** An annual mean misses when in the year the run happens, and hourly data has its own error: ±10 %. */
const ANNUAL_MEAN_LOG_SPREAD = Math.log(1.1);

/** Grid intensity (gCO2e/kWh) for the workload: the user's, else the zone's annual average. */
export function resolveIntensity(
  w: Workload,
  place: ResolvedPlace,
  hours: number,
  tables: Tables,
  ledger: Ledger,
): ResolvedIntensity {
  if (w.gridIntensity !== undefined) {
    ledger.user('grid_intensity', 'Grid carbon intensity', w.gridIntensity, 'gCO2e/kWh');
    return {
      intensity: { central: w.gridIntensity, low: w.gridIntensity, high: w.gridIntensity },
      year: w.year ?? null,
      basis: 'user',
      source: 'user',
    };
  }
  const zone = place.zone;
  if (!zone) {
    throw new EstimateError(
      'no_grid_data',
      ['location'],
      `${place.region?.id ?? 'this location'} has no known grid zone: give gridIntensity (gCO2e/kWh)`,
    );
  }
  const hourly =
    w.start === undefined ? null : hourlyIntensity(zone, w.start, hours, tables, ledger);
  if (hourly) {
    ledger.factor({
      id: 'grid_intensity',
      label: `Grid carbon intensity of ${zone.name} (${zone.id}) over the run's hours, hourly, lifecycle`,
      value: hourly.meanG,
      unit: 'gCO2e/kWh',
      source: hourly.source,
      year: hourly.year,
    });
    const spread = Math.exp(ANNUAL_MEAN_LOG_SPREAD);
    return {
      intensity: { central: hourly.meanG, low: hourly.meanG / spread, high: hourly.meanG * spread },
      year: hourly.year,
      basis: 'lifecycle (hourly)',
      source: hourly.source,
    };
  }
  // Keyed on the zones table, not the zone: a country's range depends on its other zones too.
  return ledger.memo(tables.zones, `intensity|${zone.id}|${w.year}`, (l) =>
    annualIntensity(zone, w.year, tables, l),
  );
}

/** The zone's annual average for `year` (latest when none), bounded by the sources' spread and,
 * for a country made of several grid zones, by how much those zones differ (the site is unknown). */
function annualIntensity(
  zone: GridZone,
  year: number | undefined,
  tables: Tables,
  ledger: Ledger,
): ResolvedIntensity {
  const { entry, substituted } = pickYear(zone, year);
  if (substituted)
    ledger.assume(
      `No grid figure for ${zone.id} in ${year}: the nearest published year (${entry.year}) stands in.`,
    );
  else if (year === undefined)
    ledger.assume(
      `Year not given: the latest published annual average (${entry.year}) for ${zone.id} is used.`,
    );
  const central = entry.intensityGCo2ePerKwh;
  ledger.factor({
    id: 'grid_intensity',
    label: `Grid carbon intensity of ${zone.name} (${zone.id}), annual average, ${entry.basis}`,
    value: central,
    unit: 'gCO2e/kWh',
    source: entry.source,
    year: entry.year,
  });

  const all = intensitiesForYear(zone, entry.year);
  const min = Math.min(...all);
  const max = Math.max(...all);
  const down = min > 0 && central > 0 ? Math.log(central / min) : 0;
  const up = central > 0 ? Math.log(max / central) : 0;
  if (all.length > 1)
    ledger.assume(
      `Sources disagree on ${zone.id} ${entry.year} (${min}–${max} gCO2e/kWh): the spread widens the range.`,
    );
  const within = zone.isCountry ? spreadWithin(zone, entry.year, tables) : null;
  let withinDown = 0;
  let withinUp = 0;
  if (within && central > 0) {
    withinDown = within.low > 0 && within.low < central ? Math.log(central / within.low) : 0;
    withinUp = within.high > central ? Math.log(within.high / central) : 0;
    ledger.assume(
      `${zone.name} (${zone.id}) spans ${within.zones} grid zones whose ${entry.year} averages differ (middle half ${within.low}–${within.high} gCO2e/kWh): with the site not known, that spread widens the range (give a grid zone or region to narrow it).`,
    );
  }
  const intensity = {
    central,
    low: central * Math.exp(-Math.hypot(down, ANNUAL_MEAN_LOG_SPREAD, withinDown)),
    high: central * Math.exp(Math.hypot(up, ANNUAL_MEAN_LOG_SPREAD, withinUp)),
  };
  return { intensity, year: entry.year, basis: entry.basis, source: entry.source };
}

/**
 * The middle half (quartiles) of the annual averages of a country's own grid zones (US-CAL-CISO,
 * US-TEX-ERCO… for US), or null when the country is one zone. Quartiles rather than the extremes:
 * small zones at either end say little about where a data centre is.
 */
function spreadWithin(
  country: GridZone,
  year: number,
  tables: Tables,
): { low: number; high: number; zones: number } | null {
  const values: number[] = [];
  for (const z of tables.zones.values()) {
    if (z.isCountry || z.countryIso2 !== country.countryIso2) continue;
    const e = pickYear(z, year).entry;
    values.push(e.intensityGCo2ePerKwh);
  }
  if (values.length < 2) return null;
  values.sort((a, b) => a - b);
  return { low: quantile(values, 0.25), high: quantile(values, 0.75), zones: values.length };
}

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const i = Math.floor(at);
  const next = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return Math.round(sorted[i]! + (next - sorted[i]!) * (at - i));
}

/** Carbon-free share for market-based emissions: the contract's, else the provider's for the region. */
export function resolveCarbonFreeShare(w: Workload, region: Region | null, ledger: Ledger): number {
  if (w.renewableShare !== undefined) {
    ledger.user(
      'renewable_share',
      'Contracted renewable share (market-based)',
      w.renewableShare,
      'fraction',
    );
    ledger.assume(
      'Market-based: the uncovered share is at the grid average (no residual-mix data).',
    );
    return w.renewableShare;
  }
  return ledger.memo(region ?? NO_REGION, 'cfe', (l) => tableCarbonFreeShare(region, l));
}

const NO_REGION = {};

function tableCarbonFreeShare(region: Region | null, ledger: Ledger): number {
  const cfe = region?.carbonFreeEnergyShare;
  if (cfe) {
    ledger.factor({
      id: 'carbon_free_energy',
      label: `Provider's hourly carbon-free energy share in ${region.id}`,
      value: cfe.value,
      unit: 'fraction',
      source: cfe.source,
      year: cfe.year,
    });
    ledger.assume(
      "Market-based: the provider's carbon-free share is taken as zero-carbon; the rest at the grid average.",
    );
    return cfe.value;
  }
  ledger.assume(
    'Market-based equals location-based: no carbon-free energy share is published for this location or given.',
  );
  return 0;
}
