// The hourly series file (layout at the top of src/core/hourly.ts): values snapped to the gram grid
// with error diffusion, stored as index changes; typical profiles as whole grams.
import { HourlyError, TYPICAL_PROFILE_LENGTH, TYPICAL_VALUE_BYTES } from '../../src/core/hourly.ts';

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

/**
 * Grid indices of a series (gCO2e/kWh, >= 0) with error diffusion: each value's rounding error is
 * carried into the next, so the sum over any run of hours stays within one grid step of the source.
 */
export function quantizeHours(values: ArrayLike<number>, grid: Int32Array): Int32Array {
  const k = new Int32Array(values.length);
  let carry = 0;
  for (let t = 0; t < values.length; t++) {
    const x = values[t]!;
    if (!Number.isFinite(x) || x < 0)
      throw new HourlyError(
        'invalid_argument',
        `value ${t} is not a finite non-negative number: ${x}`,
      );
    if (x > grid[grid.length - 1]!)
      throw new HourlyError(
        'invalid_argument',
        `value ${t} is above ${grid[grid.length - 1]} g: ${x}`,
      );
    const target = x + carry; // may dip below 0 near zero: grid 0 is then nearest and the carry stays
    k[t] = nearestIndex(grid, target);
    carry = target - grid[k[t]!]!;
  }
  return k;
}

/** One byte per hour: the change of the grid index mod 256, so indices must stay below 256. */
export function encodeIndexChanges(indices: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(indices.length);
  let previous = 0;
  for (let t = 0; t < indices.length; t++) {
    const k = indices[t]!;
    if (k > 255)
      throw new HourlyError(
        'invalid_argument',
        `grid index ${k} at hour ${t} does not fit a byte: use a coarser grid`,
      );
    out[t] = (k - previous) & 255;
    previous = k;
  }
  return out;
}

/** A typical profile's whole grams as uint16 LE. */
export function encodeTypical(values: readonly number[]): Uint8Array {
  if (values.length !== TYPICAL_PROFILE_LENGTH)
    throw new Error(`a typical profile has ${TYPICAL_PROFILE_LENGTH} values, got ${values.length}`);
  const out = new Uint8Array(values.length * TYPICAL_VALUE_BYTES);
  values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v > 0xffff)
      throw new Error(`typical value ${i} is not a whole gram in 0-65535: ${v}`);
    out[2 * i] = v & 255;
    out[2 * i + 1] = v >> 8;
  });
  return out;
}
