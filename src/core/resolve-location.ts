// Resolves `location` (region id, country code or grid zone) to its zone and grid intensity.
import type { AnnualIntensity, GridZone, Region, Tables } from './tables.ts';
import { EstimateError } from './errors.ts';
import { closestIds, closestPhrase } from './closest.ts';

export interface ResolvedPlace {
  readonly kind: 'region' | 'zone' | 'country';
  readonly region: Region | null;
  readonly zone: GridZone | null;
}

/** Finds the region or zone named by `location`, or throws `unknown_location` with close ids. */
export function resolvePlace(location: string, tables: Tables): ResolvedPlace {
  const trimmed = location.trim();
  if (trimmed.includes(':')) {
    const region = tables.regions.get(trimmed.toLowerCase());
    if (!region) throw unknownLocation(location, tables);
    const zone = region.gridZone === null ? null : (tables.zones.get(region.gridZone) ?? null);
    return { kind: 'region', region, zone };
  }
  const zone = tables.zones.get(trimmed.toUpperCase()) ?? findZoneIgnoringCase(trimmed, tables);
  if (!zone) throw unknownLocation(location, tables);
  return { kind: zone.isCountry ? 'country' : 'zone', region: null, zone };
}

function findZoneIgnoringCase(id: string, tables: Tables): GridZone | undefined {
  const lower = id.toLowerCase();
  for (const zone of tables.zones.values()) if (zone.id.toLowerCase() === lower) return zone;
  return undefined;
}

function unknownLocation(location: string, tables: Tables): EstimateError {
  const keys: [string, string][] = [];
  for (const r of tables.regions.values())
    keys.push([r.id, r.id], [r.region, r.id], [r.name, r.id]);
  for (const z of tables.zones.values()) keys.push([z.id, z.id], [z.name, z.id]);
  const close = closestIds(location, keys);
  return new EstimateError(
    'unknown_location',
    ['location'],
    `'${location}' is not a known place: give a cloud region (like aws:eu-west-1), a country code (like FR) or a grid zone (like US-CAL-CISO)${closestPhrase(close, (id) => placeName(id, tables))}`,
    close,
  );
}

/** `aws:eu-west-3 (Europe (Paris))`, `FR (France)`: the id to type and the name people know. */
function placeName(id: string, tables: Tables): string {
  const name = tables.regions.get(id)?.name ?? tables.zones.get(id)?.name;
  return name === undefined || name === id ? id : `${id} (${name})`;
}

export interface YearPick {
  readonly entry: AnnualIntensity;
  /** Set when the requested year had no figure and the latest published one stands in. */
  readonly substituted: boolean;
}

/**
 * The zone's primary figure for `year`, or its latest year when none is asked. A year outside the
 * published ones takes the nearest published year, and the answer says so.
 */
export function pickYear(zone: GridZone, year: number | undefined): YearPick {
  const series = zone.primary;
  const latest = series[series.length - 1]!;
  if (year === undefined) return { entry: latest, substituted: false };
  const exact = series.find((e) => e.year === year);
  if (exact) return { entry: exact, substituted: false };
  return { entry: year > latest.year ? latest : series[0]!, substituted: true };
}

/** Every source's figure for the zone and year (primary first), to bound the intensity. */
export function intensitiesForYear(zone: GridZone, year: number): number[] {
  const values: number[] = [];
  for (const e of zone.primary) if (e.year === year) values.push(e.intensityGCo2ePerKwh);
  for (const e of zone.alternates) if (e.year === year) values.push(e.intensityGCo2ePerKwh);
  return values;
}
