// kWh -> kgCO2e: grid intensity of the location (location-based) and after carbon-free energy
// (market-based).
import type { ResolvedHourly, Workload } from './schemas.ts';
import type { GridZone, Region, Tables } from './tables.ts';
import { hourlyShape, levelYearOf, runOnShape } from './carbon-hourly.ts';
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
  /** With `start` and hourly data: the shape and the level the intensity rests on. */
  readonly hourly: ResolvedHourly | null;
}

/** An annual mean misses when in the year the run happens, and hourly data has its own error: ±10 %. */
const ANNUAL_MEAN_LOG_SPREAD = Math.log(1.1);

/**
 * Grid intensity (gCO2e/kWh) for the workload: the user's; else, with `start`, the zone's hourly
 * shape over the run scaled to the annual average (hourlyScaled); else the zone's annual average.
 */
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
      hourly: null,
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
  // With a start, the annual figure is that of the run's year (levelYearOf), hourly data or not.
  const year = levelYearOf(w);
  if (w.start !== undefined && year !== undefined) {
    const whose = w.year === undefined ? 'the year the run starts in' : 'the year given';
    const scaled = hourlyScaled(zone, w.start, year, whose, hours, tables, ledger);
    if (scaled) return scaled;
  }
  // Keyed on the zones table, not the zone: a country's range depends on its other zones too.
  return ledger.memo(tables.zones, `intensity|${zone.id}|${year}`, (l) =>
    annualIntensity(zone, year, tables, l, ANNUAL_FACTOR),
  );
}

/** How annualIntensity records its figure: as the intensity itself, or as the level of a shape. */
interface AnnualFactor {
  readonly id: string;
  readonly label: (zone: GridZone, year: number, basis: string) => string;
}

const ANNUAL_FACTOR: AnnualFactor = {
  id: 'grid_intensity',
  label: (zone, _year, basis) =>
    `Grid carbon intensity of ${zone.name} (${zone.id}), annual average, ${basis}`,
};

const LEVEL_FACTOR: AnnualFactor = {
  id: 'grid_intensity_annual',
  label: (zone, year, basis) =>
    `Grid carbon intensity of ${zone.name} (${zone.id}), ${year} annual average, ${basis}: the level the hourly shape is scaled to`,
};

/**
 * The run's intensity from the zone's hourly shape (latest year with hourly data) on the run's
 * calendar hours, scaled so the shape's yearly mean equals the annual average of `year`: that
 * average × (the shape's mean over the run ÷ its mean over its year). The bounds are the annual
 * figure's, scaled alike. Null (and said) when the zone has no hourly data.
 */
function hourlyScaled(
  zone: GridZone,
  start: string,
  year: number,
  whose: string,
  hours: number,
  tables: Tables,
  ledger: Ledger,
): ResolvedIntensity | null {
  const shape = hourlyShape(zone.id, tables, ledger);
  if (!shape) {
    ledger.assume(
      `No hourly data for ${zone.id}: the annual average is used (no invented daily shape).`,
    );
    return null;
  }
  const level = ledger.memo(tables.zones, `level|${zone.id}|${year}`, (l) =>
    annualIntensity(zone, year, tables, l, LEVEL_FACTOR),
  );
  const run = runOnShape(shape, start, hours);
  const levelYear = level.year!;
  const levelG = level.intensity.central;
  const central = levelG * run.factor;
  ledger.factor({
    id: 'grid_hourly_shape',
    label: `Hourly shape of ${zone.name} (${zone.id}): mean over the run's calendar hours of ${shape.year} ÷ the ${shape.year} mean (${round1(shape.meanG)} gCO2e/kWh)`,
    value: run.factor,
    unit: 'ratio',
    source: shape.source,
    year: shape.year,
  });
  ledger.factor({
    id: 'grid_intensity',
    label: `Grid carbon intensity of ${zone.name} (${zone.id}) over the run's hours: the ${levelYear} annual average × the hourly shape of ${shape.year}, ${level.basis}`,
    value: central,
    unit: 'gCO2e/kWh',
    source: level.source,
    year: levelYear,
    note: `${levelG} × ${round4(run.factor)} (grid_intensity_annual × grid_hourly_shape)`,
  });
  ledger.assume(
    `Start ${start}: the grid intensity follows the hourly shape of ${zone.id} in ${shape.year} (the latest year with hourly data) over the run's ${hours.toFixed(2)} h on the same calendar hours, scaled so its mean over ${shape.year} (${round1(shape.meanG)} gCO2e/kWh) equals the annual average of ${whose} (${levelYear}: ${levelG} gCO2e/kWh): ${round1(central)} gCO2e/kWh, ${round4(run.factor)} × that average. A year-long run equals the annual figure; a later start changes where the run falls in the shape, not its level.`,
  );
  if (shape.estimated)
    ledger.assume(
      `Electricity Maps estimated most hours of ${zone.id} in ${shape.year}: the daily shape is model-derived.`,
    );
  const i = level.intensity;
  return {
    intensity: { central, low: i.low * run.factor, high: i.high * run.factor },
    year: levelYear,
    basis: `${level.basis} (hourly shape)`,
    source: level.source,
    hourly: {
      shape: {
        year: shape.year,
        source: shape.source,
        meanGCo2ePerKwh: shape.meanG,
        estimated: shape.estimated,
      },
      level: { year: levelYear, source: level.source, gCo2ePerKwh: levelG },
      runFactor: run.factor,
    },
  };
}

/** One decimal, for a sentence. */
function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Four significant decimals of a ratio, for a sentence. */
function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** The zone's annual average for `year` (latest when none), bounded by the sources' spread and,
 * for a country made of several grid zones, by how much those zones differ (the site is unknown). */
function annualIntensity(
  zone: GridZone,
  year: number | undefined,
  tables: Tables,
  ledger: Ledger,
  as: AnnualFactor,
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
    id: as.id,
    label: as.label(zone, entry.year, entry.basis),
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
  return { intensity, year: entry.year, basis: entry.basis, source: entry.source, hourly: null };
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
