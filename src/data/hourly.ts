// The only importer of data/built/hourly.ts: hourly grid intensity by zone and year, decoded lazily
// (a zone-year's series is decoded at its first use, then memoised). No zod parsing at run time:
// data/build-hourly.ts validated every row and test/data/hourly.test.ts checks the committed file.
import { hourlyDropped, hourlySources, hourlyZoneYears, typicalProfiles } from '../../data/built/hourly.ts';
import { decodeHours, type HourlyZoneYear, type TypicalProfile, type TypicalProfileRow } from '../core/hourly.ts';
import type { Source } from '../core/tables.ts';

/** A zone-year's facts without its packed series. */
export type HourlyMeta = Omit<HourlyZoneYear, 'packed'>;

export interface ZoneHourly {
  zone: string;
  /** Years with hourly data, ascending. */
  years: readonly number[];
  latestYear: number;
  /** The year's hourly series (gCO2e/kWh, UTC hour-beginning); decoded once. Throws for a year not in `years`. */
  series(year: number): Float64Array;
  /** Null for a year not in `years`. */
  meta(year: number): HourlyMeta | null;
}

const rowsByZone = new Map<string, HourlyZoneYear[]>();
for (const r of hourlyZoneYears) {
  const rows = rowsByZone.get(r.zone) ?? [];
  rows.push(r);
  rowsByZone.set(r.zone, rows);
}
for (const rows of rowsByZone.values()) rows.sort((a, b) => a.year - b.year);

const typicalRows = new Map<string, TypicalProfileRow>(typicalProfiles.map((t) => [t.zone, t]));
const decoded = new Map<string, Float64Array>();
const views = new Map<string, ZoneHourly>();
const typicalDecoded = new Map<string, TypicalProfile>();

function view(zone: string, rows: readonly HourlyZoneYear[]): ZoneHourly {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const years = rows.map((r) => r.year);
  return {
    zone,
    years,
    latestYear: years[years.length - 1]!,
    series(year) {
      const key = `${zone}:${year}`;
      let s = decoded.get(key);
      if (!s) {
        const row = byYear.get(year);
        if (!row) throw new RangeError(`no hourly data for ${zone} in ${year} (years: ${years.join(', ')})`);
        s = decodeHours(row.packed);
        decoded.set(key, s);
      }
      return s;
    },
    meta(year) {
      const row = byYear.get(year);
      if (!row) return null;
      const { packed: _packed, ...meta } = row;
      return meta;
    },
  };
}

/** Hourly data of a grid zone (Electricity Maps id, e.g. `US-CAL-CISO`), or null when there is none. */
export function hourlyFor(zone: string): ZoneHourly | null {
  let v = views.get(zone);
  if (!v) {
    const rows = rowsByZone.get(zone);
    if (!rows) return null;
    v = view(zone, rows);
    views.set(zone, v);
  }
  return v;
}

/** Month × UTC hour-of-day means of the zone's latest year (values[month0 * 24 + hour]), or null. */
export function typicalProfile(zone: string): TypicalProfile | null {
  let t = typicalDecoded.get(zone);
  if (!t) {
    const row = typicalRows.get(zone);
    if (!row) return null;
    t = { zone: row.zone, year: row.year, values: Array.from(decodeHours(row.packed)) };
    typicalDecoded.set(zone, t);
  }
  return t;
}

/** Zones with hourly data, sorted. */
export function hourlyZones(): readonly string[] {
  return [...rowsByZone.keys()].sort();
}

/** The datasets the hourly rows cite (their `source` ids), with licence and attribution. */
export const hourlySourceList: readonly Source[] = hourlySources;

/** Zone-years left out of the tables for lack of coverage. */
export const hourlyDroppedZoneYears = hourlyDropped;
