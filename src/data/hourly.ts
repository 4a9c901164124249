// The only importer of data/built/hourly.ts: hourly grid intensity by zone and year. The facts per
// zone-year are in the script; the hours are in data/built/hourly-series.bin.gz, which an adapter loads
// once (loadHourlySeries: from disk on Node, the assets binding on Workers) before the first estimate.
// A zone-year's series is decoded at its first use, then memoised. No zod parsing at run time:
// data/build-hourly.ts validated every row and test/data/hourly.test.ts checks the committed files.
import {
  hourlyDropped,
  hourlyGridDivisor,
  hourlySeriesFile,
  hourlySources,
  hourlyZoneYears,
  typicalProfiles,
} from '../../data/built/hourly.ts';
import {
  decodeSeries,
  decodeTypical,
  gramGrid,
  HOURLY_SERIES_FORMAT,
  seriesBodyOffset,
  TYPICAL_PROFILE_LENGTH,
  TYPICAL_VALUE_BYTES,
  type HourlyZoneYear,
  type TypicalProfile,
} from '../core/hourly.ts';
import type { Source } from '../core/tables.ts';

/** A zone-year's facts. */
export type HourlyMeta = HourlyZoneYear;

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

/** Name of the gzipped series file, as built into data/built/ and served under the Worker's assets. */
export const HOURLY_SERIES_FILE = hourlySeriesFile;

/** Reads a built file's bytes as stored (gzip): a stream, a buffer or bytes. */
export type ReadBuiltFile = (
  name: string,
) => Promise<ReadableStream<Uint8Array> | ArrayBuffer | Uint8Array>;

interface Located {
  row: HourlyZoneYear;
  offset: number;
}

const rowsByZone = new Map<string, Located[]>();
const typicalOffsets = new Map<string, { year: number; offset: number }>();
let bodyBytes = 0;
for (const row of hourlyZoneYears) {
  const rows = rowsByZone.get(row.zone) ?? [];
  rows.push({ row, offset: bodyBytes });
  rowsByZone.set(row.zone, rows);
  bodyBytes += row.hours;
}
for (const t of typicalProfiles) {
  typicalOffsets.set(t.zone, { year: t.year, offset: bodyBytes });
  bodyBytes += TYPICAL_PROFILE_LENGTH * TYPICAL_VALUE_BYTES;
}
for (const rows of rowsByZone.values()) rows.sort((a, b) => a.row.year - b.row.year);

const grid = gramGrid(hourlyGridDivisor);
const decoded = new Map<string, Float64Array>();
const views = new Map<string, ZoneHourly>();
const typicalDecoded = new Map<string, TypicalProfile>();
let body: { file: Uint8Array; start: number } | null = null;
let loading: Promise<void> | null = null;

/** Gunzips with the standard DecompressionStream (Node 18+ and Workers); passes unzipped bytes through. */
async function gunzip(
  data: ReadableStream<Uint8Array> | ArrayBuffer | Uint8Array,
): Promise<Uint8Array> {
  const bytes =
    data instanceof ReadableStream
      ? new Uint8Array(await new Response(data).arrayBuffer())
      : new Uint8Array(data);
  // A server that sent the file with Content-Encoding: gzip has had it unzipped by fetch already.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function install(file: Uint8Array): void {
  const start = seriesBodyOffset(file);
  const format = new TextDecoder().decode(file.subarray(0, file.indexOf(10)));
  if (format !== HOURLY_SERIES_FORMAT)
    throw new Error(
      `${HOURLY_SERIES_FILE}: expected "${HOURLY_SERIES_FORMAT}", found "${format.slice(0, 80)}"`,
    );
  // data/built/hourly.ts and the series file are built together: a length mismatch means they are not.
  if (file.length - start !== bodyBytes)
    throw new Error(
      `${HOURLY_SERIES_FILE}: ${file.length - start} bytes of series where data/built/hourly.ts lists ${bodyBytes}`,
    );
  body = { file, start };
}

/**
 * Loads the hourly series once per process or isolate (later calls share the first); a failed load is
 * forgotten, so the next call tries again.
 */
export function loadHourlySeries(read: ReadBuiltFile): Promise<void> {
  if (body) return Promise.resolve();
  loading ??= read(HOURLY_SERIES_FILE)
    .then(gunzip)
    .then(install)
    .catch((err: unknown) => {
      loading = null;
      throw err;
    });
  return loading;
}

/** True once loadHourlySeries has finished. */
export function hourlySeriesLoaded(): boolean {
  return body !== null;
}

function loadedBody(): { file: Uint8Array; start: number } {
  if (!body)
    throw new Error(
      `hourly series not loaded: the adapter must await loadHourlySeries() before the first estimate`,
    );
  return body;
}

function view(zone: string, rows: readonly Located[]): ZoneHourly {
  const byYear = new Map(rows.map((r) => [r.row.year, r]));
  const years = rows.map((r) => r.row.year);
  return {
    zone,
    years,
    latestYear: years[years.length - 1]!,
    series(year) {
      const key = `${zone}:${year}`;
      let s = decoded.get(key);
      if (!s) {
        const located = byYear.get(year);
        if (!located)
          throw new RangeError(
            `no hourly data for ${zone} in ${year} (years: ${years.join(', ')})`,
          );
        const { file, start } = loadedBody();
        s = decodeSeries(file, start + located.offset, located.row.hours, grid);
        decoded.set(key, s);
      }
      return s;
    },
    meta(year) {
      return byYear.get(year)?.row ?? null;
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
    const at = typicalOffsets.get(zone);
    if (!at) return null;
    const { file, start } = loadedBody();
    t = { zone, year: at.year, values: decodeTypical(file, start + at.offset) };
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
