// Hourly grid intensity: the table schemas, the packed-series codec, UTC hour-of-year indexing and the
// mean intensity over a run. Pure: no I/O, no clock (dates are parsed from the caller's strings).
//
// A series is one zone-year of Electricity Maps lifecycle intensity in gCO2e/kWh, one value per UTC
// hour (hour-beginning), index 0 = Jan 1 00:00Z. Runs that go past the last hour wrap to index 0 of the
// SAME series: a run crossing New Year uses the same data year (the next year's data is not assumed).
//
// Packed series (`packed`): base64 (standard alphabet, no padding) of
//   byte 0       format version (1)
//   byte 1       grid divisor D (0-255)
//   LEB128       number of values
//   rest         LZMA-style binary range coder output (its always-zero first byte dropped)
// Values are indices into an integer gram grid g0 = 0, g(k+1) = g(k) + max(1, floor(g(k) / D)), or step 1
// when D = 0: exact grams below D·2, then steps of about 1/D of the value (D = 50: 1 g up to 99 g, 2 g
// from 100 g, 10 g at 500 g). Each index is predicted from the previous hour plus half of the change
// at the same hour the day before; the residual is coded with adaptive binary contexts (zero flag,
// sign, Elias-gamma exponent and mantissa, context = recent residual size).
import { z } from 'zod';
import { SourceId } from './tables.ts';

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
    /** The series, encoded as described at the top of src/core/hourly.ts. */
    packed: z.string().regex(/^[A-Za-z0-9+/]+$/),
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
  .refine((r) => r.hours === hoursInYear(r.year), { message: 'hours must be 8760, or 8784 in a leap year', path: ['hours'] })
  .refine((r) => r.minG <= r.meanG && r.meanG <= r.maxG, { message: 'need minG <= meanG <= maxG', path: ['meanG'] })
  .refine((r) => (r.estimatedHours === null) === (r.estimated === null), { message: 'estimated and estimatedHours are both known or both null', path: ['estimated'] });
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

/** A typical profile as committed: the 288 integers packed (lossless: grid divisor 0). */
export const TypicalProfileRow = z.object({
  zone: z.string().min(2),
  year: z.number().int().min(2000).max(2100),
  packed: z.string().regex(/^[A-Za-z0-9+/]+$/),
});
export type TypicalProfileRow = z.infer<typeof TypicalProfileRow>;

// ---------------------------------------------------------------------------------------------------
// Base64 (standard alphabet, no padding)

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function bytesToBase64(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += B64[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += B64[n & 63]!;
  }
  return out;
}

export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new HourlyError('invalid_packed', 'base64 text has an impossible length');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? B64_INDEX[code]! : -1;
    if (v < 0) throw new HourlyError('invalid_packed', `not a base64 character at ${i}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Gram grid

const GRID_TOP = 20_000;

/** The integer gram grid of divisor D (see top of file), up to 20,000 g; built once per encode or decode. */
export function gramGrid(divisor: number): Int32Array {
  if (!Number.isInteger(divisor) || divisor < 0 || divisor > 255) throw new HourlyError('invalid_argument', `grid divisor must be an integer 0-255, got ${divisor}`);
  const values = [0];
  for (let g = 0; g < GRID_TOP; ) {
    g += divisor === 0 ? 1 : Math.max(1, Math.floor(g / divisor));
    values.push(g);
  }
  return Int32Array.from(values);
}

/** Index of the grid value nearest to x (ties to the lower value). */
function nearestIndex(grid: Int32Array, x: number): number {
  let lo = 0;
  let hi = grid.length - 1;
  if (x >= grid[hi]!) return hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (grid[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return x - grid[lo]! <= grid[hi]! - x ? lo : hi;
}

// ---------------------------------------------------------------------------------------------------
// Binary range coder (LZMA style: 11-bit probabilities, shift-5 adaptation)

const PROB_BITS = 11;
const PROB_INIT = 1 << (PROB_BITS - 1);
const MOVE_BITS = 5;
const TOP = 0x1000000;

interface BitCoder {
  /** Codes one bit with the adaptive probability probs[i]; `bit` is given when encoding. */
  bit(probs: Uint16Array, i: number, bit?: number): number;
  /** Codes one equiprobable bit. */
  direct(bit?: number): number;
}

class RangeEncoder implements BitCoder {
  private low = 0;
  private range = 0xffffffff;
  private cache = 0;
  private cacheSize = 1;
  readonly out: number[] = [];

  bit(probs: Uint16Array, i: number, bit?: number): number {
    if (bit === undefined) throw new Error('RangeEncoder needs the bit');
    const p = probs[i]!;
    const bound = (this.range >>> PROB_BITS) * p;
    if (bit === 0) {
      this.range = bound;
      probs[i] = p + (((1 << PROB_BITS) - p) >> MOVE_BITS);
    } else {
      this.low += bound;
      this.range -= bound;
      probs[i] = p - (p >> MOVE_BITS);
    }
    this.normalize();
    return bit;
  }

  direct(bit?: number): number {
    if (bit === undefined) throw new Error('RangeEncoder needs the bit');
    const half = Math.floor(this.range / 2);
    if (bit === 0) this.range = half;
    else {
      this.low += half;
      this.range -= half;
    }
    this.normalize();
    return bit;
  }

  private normalize(): void {
    while (this.range < TOP) {
      this.range *= 256;
      this.shiftLow();
    }
  }

  private shiftLow(): void {
    if (this.low < 0xff000000 || this.low >= 0x100000000) {
      const carry = this.low >= 0x100000000 ? 1 : 0;
      let temp = this.cache;
      do {
        this.out.push((temp + carry) & 0xff);
        temp = 0xff;
      } while (--this.cacheSize !== 0);
      this.cache = Math.floor(this.low / TOP) & 0xff;
    }
    this.cacheSize++;
    this.low = (this.low % TOP) * 256;
  }

  finish(): number[] {
    for (let i = 0; i < 5; i++) this.shiftLow();
    if (this.out[0] !== 0) throw new Error('range coder: first byte is not zero');
    return this.out.slice(1);
  }
}

class RangeDecoder implements BitCoder {
  private range = 0xffffffff;
  private code = 0;
  private pos: number;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
  ) {
    this.pos = start;
    for (let i = 0; i < 4; i++) this.code = this.code * 256 + this.next();
  }

  private next(): number {
    return this.pos < this.bytes.length ? this.bytes[this.pos++]! : (this.pos++, 0);
  }

  /** True when the decoder did not read past the end by more than the encoder's flush. */
  get overran(): boolean {
    return this.pos > this.bytes.length + 4;
  }

  bit(probs: Uint16Array, i: number): number {
    const p = probs[i]!;
    const bound = (this.range >>> PROB_BITS) * p;
    let bit: number;
    if (this.code < bound) {
      this.range = bound;
      probs[i] = p + (((1 << PROB_BITS) - p) >> MOVE_BITS);
      bit = 0;
    } else {
      this.code -= bound;
      this.range -= bound;
      probs[i] = p - (p >> MOVE_BITS);
      bit = 1;
    }
    this.normalize();
    return bit;
  }

  direct(): number {
    const half = Math.floor(this.range / 2);
    let bit: number;
    if (this.code < half) {
      this.range = half;
      bit = 0;
    } else {
      this.code -= half;
      this.range -= half;
      bit = 1;
    }
    this.normalize();
    return bit;
  }

  private normalize(): void {
    while (this.range < TOP) {
      this.range *= 256;
      this.code = this.code * 256 + this.next();
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Residual model, shared by encoder and decoder so they cannot diverge

const CONTEXTS = 6;
const MAX_EXP = 19; // |residual| < 2^20
const TREE_BITS = 3;

class ResidualModel {
  private readonly zero = new Uint16Array(CONTEXTS).fill(PROB_INIT);
  private readonly sign = new Uint16Array(CONTEXTS * 3).fill(PROB_INIT);
  private readonly exp = new Uint16Array(CONTEXTS * (MAX_EXP + 1)).fill(PROB_INIT);
  private readonly mant = new Uint16Array((MAX_EXP + 1) << (TREE_BITS + 1)).fill(PROB_INIT);
  /** Recent |residual| × 16 (exponential average). */
  private avg = 32;
  /** 0: last residual zero, 1: positive, 2: negative. */
  private lastSign = 0;

  /** Codes one residual: encodes `value` when given, else decodes and returns it. */
  code(bc: BitCoder, value?: number): number {
    const enc = value !== undefined;
    const ctx = Math.min(CONTEXTS - 1, 32 - Math.clz32(this.avg >> 4));
    const mag = enc ? Math.abs(value) : 0;
    let result = 0;
    if (bc.bit(this.zero, ctx, enc ? (mag !== 0 ? 1 : 0) : undefined) === 1) {
      const negative = bc.bit(this.sign, ctx * 3 + this.lastSign, enc ? (value < 0 ? 1 : 0) : undefined) === 1;
      const targetExp = enc ? 31 - Math.clz32(mag) : 0;
      if (enc && targetExp > MAX_EXP) throw new Error(`residual ${value} is too large to pack`);
      let e = 0;
      while (e < MAX_EXP && bc.bit(this.exp, ctx * (MAX_EXP + 1) + e, enc ? (e < targetExp ? 1 : 0) : undefined) === 1) e++;
      let v = 1;
      let node = 1;
      for (let i = e - 1; i >= 0; i--) {
        const given = enc ? (mag >> i) & 1 : undefined;
        const b = e - 1 - i < TREE_BITS ? bc.bit(this.mant, (e << (TREE_BITS + 1)) + node, given) : bc.direct(given);
        if (e - 1 - i < TREE_BITS) node = node * 2 + b;
        v = v * 2 + b;
      }
      result = negative ? -v : v;
    }
    this.avg += ((Math.abs(result) << 4) - this.avg) >> 2;
    this.lastSign = result === 0 ? 0 : result > 0 ? 1 : 2;
    return result;
  }
}

/** Prediction of index t from the indices before it. */
function predict(k: ArrayLike<number>, t: number): number {
  if (t === 0) return 0;
  return k[t - 1]! + (t >= 25 ? (k[t - 24]! - k[t - 25]!) >> 1 : 0);
}

const FORMAT_VERSION = 1;
/** Upper bound on a packed series' length (guards against allocating for corrupt input). */
const MAX_PACKED_VALUES = 1_000_000;

/**
 * Packs a series (gCO2e/kWh, >= 0) onto the gram grid of `divisor` with error diffusion: each value's
 * rounding error is carried into the next, so the sum over any run of hours is kept to within one grid
 * step and the year's mean is kept to a few hundredths of a gram. Divisor 0 with integer input is
 * lossless.
 */
export function encodeHours(values: ArrayLike<number>, divisor: number): string {
  const grid = gramGrid(divisor);
  const k = new Int32Array(values.length);
  let carry = 0;
  for (let t = 0; t < values.length; t++) {
    const x = values[t]!;
    if (!Number.isFinite(x) || x < 0) throw new HourlyError('invalid_argument', `value ${t} is not a finite non-negative number: ${x}`);
    if (x > GRID_TOP) throw new HourlyError('invalid_argument', `value ${t} is above ${GRID_TOP} g: ${x}`);
    const target = x + carry; // may dip below 0 near zero: grid 0 is then nearest and the carry stays
    k[t] = nearestIndex(grid, target);
    carry = target - grid[k[t]!]!;
  }
  const header = [FORMAT_VERSION, divisor];
  for (let n = values.length; ; ) {
    if (n < 128) {
      header.push(n);
      break;
    }
    header.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  const enc = new RangeEncoder();
  const model = new ResidualModel();
  for (let t = 0; t < k.length; t++) model.code(enc, k[t]! - predict(k, t));
  return bytesToBase64([...header, ...enc.finish()]);
}

/** Decodes a packed series into whole gCO2e/kWh per hour. Throws HourlyError('invalid_packed'). */
export function decodeHours(packed: string): Float64Array {
  const bytes = base64ToBytes(packed);
  if (bytes.length < 3 || bytes[0] !== FORMAT_VERSION) throw new HourlyError('invalid_packed', 'unknown packed format');
  const grid = gramGrid(bytes[1]!);
  let pos = 2;
  let n = 0;
  for (let shift = 1; ; shift *= 128) {
    if (pos >= bytes.length || shift > 2 ** 28) throw new HourlyError('invalid_packed', 'bad length');
    const b = bytes[pos++]!;
    n += (b & 127) * shift;
    if (b < 128) break;
  }
  if (n > MAX_PACKED_VALUES) throw new HourlyError('invalid_packed', `implausible length ${n}`);
  const dec = new RangeDecoder(bytes, pos);
  const model = new ResidualModel();
  const k = new Int32Array(n);
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const idx = predict(k, t) + model.code(dec);
    if (idx < 0 || idx >= grid.length) throw new HourlyError('invalid_packed', `grid index out of range at ${t}`);
    k[t] = idx;
    out[t] = grid[idx]!;
  }
  if (dec.overran) throw new HourlyError('invalid_packed', 'packed data is truncated');
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Time

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

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
  const bad = (why: string) => new HourlyError('invalid_time', `"${iso.length > 60 ? `${iso.slice(0, 60)}…` : iso}" is not an ISO 8601 date-time with offset (${why})`);
  const m = ISO_8601.exec(iso);
  if (!m) throw bad('expected YYYY-MM-DDTHH:MM[:SS[.fff]] followed by Z or ±HH:MM');
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
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
export function meanIntensityOverRun(series: ArrayLike<number>, startIndex: number, hours: number): number {
  const n = series.length;
  if (n === 0) throw new HourlyError('invalid_argument', 'empty series');
  if (!Number.isFinite(startIndex) || startIndex < 0) throw new HourlyError('invalid_argument', `startIndex must be a finite number >= 0, got ${startIndex}`);
  if (!Number.isFinite(hours) || hours <= 0) throw new HourlyError('invalid_argument', `hours must be a finite number > 0, got ${hours}`);
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
