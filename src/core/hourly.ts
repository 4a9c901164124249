// Hourly grid intensity: the table schemas, the series file's decoding, UTC hour-of-year indexing and the
// mean intensity over a run. Pure: no I/O, no clock (dates are parsed from the caller's strings).
//
// A series is one zone-year of Electricity Maps lifecycle intensity in gCO2e/kWh, one value per UTC
// hour (hour-beginning), index 0 = Jan 1 00:00Z. Runs that go past the last hour wrap to index 0 of the
// SAME series: a run crossing New Year uses the same data year (the next year's data is not assumed).
//
// Series file: a text header (format line, licence, layout) ending in a blank line, then per zone-year
// (data/built/hourly.ts order) one byte per hour, the change of its gram-grid index mod 256, then per
// typical profile 288 uint16 LE grams. Grid: g0 = 0, g(k+1) = g(k) + max(1, floor(g(k) / D)): exact
// grams below D·2, then steps of about 1/D of the value (D = 50: 1 g up to 99 g, 2 g from 100 g).
import { z } from 'zod';
import { SourceId } from './table-fields.ts';

// ---------------------------------------------------------------------------------------------------
// Errors

export type HourlyErrorCode = 'invalid_time' | 'invalid_argument' | 'invalid_packed';

/** Typed refusal of this module; `code` lets a caller map it (e.g. invalid_time -> 400). */
export class HourlyError extends Error {
  readonly code: HourlyErrorCode;

  constructor(code: HourlyErrorCode, message: string) {
    super(message);
    this.name = 'HourlyError';
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------------------
// Calendar (proleptic Gregorian, UTC)

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 8,760, or 8,784 in a leap year. */
export function hoursInYear(year: number): number {
  return isLeapYear(year) ? 8784 : 8760;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a civil date (month 1-12); exact integer arithmetic, any year. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// ---------------------------------------------------------------------------------------------------
// Table schemas (data/build-hourly.ts validates every generated row with these)

export const HourlyZoneYear = z
  .object({
    /** Electricity Maps zone id, as in the grid table (`DE`, `US-CAL-CISO`). */
    zone: z.string().min(2),
    year: z.number().int().min(2000).max(2100),
    /** Values in the series: hoursInYear(year). */
    hours: z.number().int().positive(),
    /** Mean, min and max of the source values (after gap filling), gCO2e/kWh, 0.1 g. */
    meanG: z.number().nonnegative(),
    minG: z.number().nonnegative(),
    maxG: z.number().nonnegative(),
    /** Hours that were empty in the source and filled by linear interpolation. */
    filledHours: z.number().int().nonnegative(),
    /**
     * True when Electricity Maps estimated at least half of the hours (the shape is then
     * model-derived, e.g. IN-WE and JP-TK: every hour); null when the source does not say.
     */
    estimated: z.boolean().nullable(),
    /** Hours Electricity Maps flags as estimated, and how ("METHOD:hours;…"); null when unknown. */
    estimatedHours: z.number().int().nonnegative().nullable(),
    estimationMethods: z.string().nullable(),
    source: SourceId,
  })
  .refine((r) => r.hours === hoursInYear(r.year), {
    message: 'hours must be 8760, or 8784 in a leap year',
    path: ['hours'],
  })
  .refine((r) => r.minG <= r.meanG && r.meanG <= r.maxG, {
    message: 'need minG <= meanG <= maxG',
    path: ['meanG'],
  })
  .refine((r) => (r.estimatedHours === null) === (r.estimated === null), {
    message: 'estimated and estimatedHours are both known or both null',
    path: ['estimated'],
  });
export type HourlyZoneYear = z.infer<typeof HourlyZoneYear>;

/** Hours of the day × months in a typical profile. */
export const TYPICAL_PROFILE_LENGTH = 288;

/**
 * Mean intensity by month and UTC hour of day of one year (the latest available for the zone),
 * whole gCO2e/kWh: values[month0 * 24 + hourUtc], month0 = 0 for January.
 */
export const TypicalProfile = z.object({
  zone: z.string().min(2),
  year: z.number().int().min(2000).max(2100),
  values: z.array(z.number().int().nonnegative()).length(TYPICAL_PROFILE_LENGTH),
});
export type TypicalProfile = z.infer<typeof TypicalProfile>;

/** A typical profile as listed in data/built/hourly.ts; its values are in the series file. */
export const TypicalProfileRow = z.object({
  zone: z.string().min(2),
  year: z.number().int().min(2000).max(2100),
});
export type TypicalProfileRow = z.infer<typeof TypicalProfileRow>;

// ---------------------------------------------------------------------------------------------------
// Series file (data/built/hourly-series.bin.gz, gunzipped): the loader in src/data/hourly.ts reads it

/** First line of the series file; a new layout gets a new number. */
export const HOURLY_SERIES_FORMAT = 'gridshift hourly series, format 2';
const GRID_TOP = 20_000;
/** Whole grams of one typical profile value (uint16 LE). */
export const TYPICAL_VALUE_BYTES = 2;

/** The integer gram grid of divisor D (see top of file), up to 20,000 g. */
export function gramGrid(divisor: number): Int32Array {
  if (!Number.isInteger(divisor) || divisor < 0 || divisor > 255)
    throw new HourlyError(
      'invalid_argument',
      `grid divisor must be an integer 0-255, got ${divisor}`,
    );
  const values = [0];
  for (let g = 0; g < GRID_TOP;) {
    g += divisor === 0 ? 1 : Math.max(1, Math.floor(g / divisor));
    values.push(g);
  }
  return Int32Array.from(values);
}

/** Byte offset of the body: just after the header's first blank line ("\n\n"). */
export function seriesBodyOffset(file: Uint8Array): number {
  const limit = Math.min(file.length - 1, 8192);
  for (let i = 0; i < limit; i++) if (file[i] === 10 && file[i + 1] === 10) return i + 2;
  throw new HourlyError('invalid_packed', 'the hourly series file has no header');
}

/** One zone-year from `hours` bytes at `offset`: each byte is the change of the grid index, mod 256. */
export function decodeSeries(
  file: Uint8Array,
  offset: number,
  hours: number,
  grid: Int32Array,
): Float64Array {
  if (offset + hours > file.length)
    throw new HourlyError('invalid_packed', 'the hourly series file is truncated');
  const out = new Float64Array(hours);
  let index = 0;
  for (let t = 0; t < hours; t++) {
    index = (index + file[offset + t]!) & 255;
    out[t] = grid[index]!;
  }
  return out;
}

/** A typical profile: TYPICAL_PROFILE_LENGTH uint16 LE whole grams at `offset`. */
export function decodeTypical(file: Uint8Array, offset: number): number[] {
  if (offset + TYPICAL_PROFILE_LENGTH * TYPICAL_VALUE_BYTES > file.length)
    throw new HourlyError('invalid_packed', 'the hourly series file is truncated');
  return Array.from(
    { length: TYPICAL_PROFILE_LENGTH },
    (_, i) => file[offset + 2 * i]! | (file[offset + 2 * i + 1]! << 8),
  );
}

// ---------------------------------------------------------------------------------------------------
// Time

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface HourOfYear {
  /** UTC calendar year of the instant. */
  year: number;
  /** UTC hour of that year, 0-based: 0 = Jan 1 00:00-01:00Z. */
  index: number;
  /** Position inside that hour, 0 <= fraction < 1 (14:30Z -> 0.5). */
  fraction: number;
}

/**
 * The UTC hour of the year of an ISO 8601 / RFC 3339 date-time with an explicit offset:
 * `2026-03-01T14:00Z`, `2026-03-01T14:00:00Z`, `2026-03-01T16:00:00.000+02:00`. Date-only strings,
 * missing offsets, `+0200`, lower-case `t`/`z`, impossible dates (Feb 30) and leap seconds throw
 * HourlyError('invalid_time').
 */
export function hourOfYear(iso: string): HourOfYear {
  if (typeof iso !== 'string') throw new HourlyError('invalid_time', 'the time is not a string');
  const bad = (why: string) =>
    new HourlyError(
      'invalid_time',
      `"${iso.length > 60 ? `${iso.slice(0, 60)}…` : iso}" is not an ISO 8601 date-time with offset (${why})`,
    );
  const m = ISO_8601.exec(iso);
  if (!m) throw bad('expected YYYY-MM-DDTHH:MM[:SS[.fff]] followed by Z or ±HH:MM');
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const subsecond = m[7] === undefined ? 0 : Number(m[7]);
  if (month < 1 || month > 12) throw bad('month');
  if (day < 1 || day > daysInMonth(year, month)) throw bad('day');
  if (hour > 23 || minute > 59 || second > 59) throw bad('time of day');
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const sign = m[8]!.startsWith('-') ? -1 : 1;
    const oh = Number(m[8]!.slice(1, 3));
    const om = Number(m[8]!.slice(4, 6));
    if (oh > 23 || om > 59) throw bad('offset');
    offsetMinutes = sign * (oh * 60 + om);
  }
  // Seconds since 1970 of the UTC instant; then the UTC year it falls in.
  const localSeconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  const utcSeconds = localSeconds - offsetMinutes * 60;
  let utcYear = year;
  if (utcSeconds < daysFromCivil(utcYear, 1, 1) * 86400) utcYear--;
  else if (utcSeconds >= daysFromCivil(utcYear + 1, 1, 1) * 86400) utcYear++;
  const intoYear = utcSeconds - daysFromCivil(utcYear, 1, 1) * 86400;
  const index = Math.floor(intoYear / 3600);
  return { year: utcYear, index, fraction: (intoYear - index * 3600 + subsecond) / 3600 };
}

// ---------------------------------------------------------------------------------------------------
// Mean over a run

/** Sum of every value of the series. */
export function seriesTotal(series: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < series.length; i++) total += series[i]!;
  return total;
}

/**
 * Mean intensity over a run of `hours` hours (may be fractional) starting at `startIndex` (hour of the
 * year, may be fractional: 14.5 = half past), each hour weighted by the time the run spends in it —
 * a 2.5-hour run from index 3 weighs hours 3 and 4 fully and hour 5 by 0.5. Past the last hour it wraps
 * to the start of the same series (same data year). O(min(hours, series length)).
 */
export function meanIntensityOverRun(
  series: ArrayLike<number>,
  startIndex: number,
  hours: number,
): number {
  const n = series.length;
  if (n === 0) throw new HourlyError('invalid_argument', 'empty series');
  if (!Number.isFinite(startIndex) || startIndex < 0)
    throw new HourlyError(
      'invalid_argument',
      `startIndex must be a finite number >= 0, got ${startIndex}`,
    );
  if (!Number.isFinite(hours) || hours <= 0)
    throw new HourlyError('invalid_argument', `hours must be a finite number > 0, got ${hours}`);
  const first = Math.floor(startIndex);
  const at = (i: number) => series[i % n]!;
  const headWeight = Math.min(hours, first + 1 - startIndex);
  let sum = at(first) * headWeight;
  const rest = hours - headWeight;
  const whole = Math.floor(rest);
  // Whole passes over the series add its total each: O(min(hours, series length)).
  const cycles = Math.floor(whole / n);
  if (cycles > 0) sum += cycles * seriesTotal(series);
  for (let j = 1; j <= whole - cycles * n; j++) sum += at(first + j);
  const tail = rest - whole;
  if (tail > 0) sum += at(first + whole + 1) * tail;
  return sum / hours;
}
