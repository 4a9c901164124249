// Time-shift search: the cleanest start for a job of known length within an allowed delay, over one
// zone-year's hourly series (src/core/hourly.ts). Pure and deterministic.
//
// Candidate starts are whole hours: earliestIndex, earliestIndex + 1, …, earliestIndex + floor(delay).
// Each candidate's window mean comes from prefix sums over the span the candidates can touch, so the
// search is O(delay + min(duration, series length)). Fractional durations are exact,
// not rounded up: a 2.5-hour window weighs its third hour by 0.5 (prefix sum plus a fractional tail).
// Indices past the end of the series wrap to its start (same data year), as in meanIntensityOverRun.
import { HourlyError, seriesTotal } from './hourly.ts';

export interface BestStart {
  /** earliestIndex + offsetHours; may exceed the series length (then it wraps). */
  startIndex: number;
  /** Hours after the earliest start (0 when starting at once is already the cleanest). */
  offsetHours: number;
  /** Mean intensity over the job when started at startIndex, gCO2e/kWh. */
  meanG: number;
  /** Mean intensity over the job when started at earliestIndex. */
  baselineMeanG: number;
  /** (baseline - best) / baseline × 100; 0 when the baseline is 0. */
  savingPct: number;
}

function checkSeries(series: ArrayLike<number>): number {
  if (series.length === 0) throw new HourlyError('invalid_argument', 'empty series');
  return series.length;
}

function checkIndex(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new HourlyError('invalid_argument', `${name} must be an integer >= 0, got ${value}`);
}

/**
 * Slides a window of `durationHours` over the starts [earliestIndex, earliestIndex + delayHours]
 * (whole hours; a fractional delay is floored) and returns the start with the lowest mean intensity.
 * Ties go to the earliest start. Starts more than a series length after the earliest repeat the same
 * data and are not examined.
 */
export function bestStart(
  series: ArrayLike<number>,
  earliestIndex: number,
  durationHours: number,
  delayHours: number,
): BestStart {
  const n = checkSeries(series);
  checkIndex('earliestIndex', earliestIndex);
  if (!Number.isFinite(durationHours) || durationHours <= 0)
    throw new HourlyError(
      'invalid_argument',
      `durationHours must be a finite number > 0, got ${durationHours}`,
    );
  if (!Number.isFinite(delayHours) || delayHours < 0)
    throw new HourlyError(
      'invalid_argument',
      `delayHours must be a finite number >= 0, got ${delayHours}`,
    );

  const candidates = Math.min(Math.floor(delayHours), n - 1) + 1;
  const whole = Math.floor(durationHours);
  const tail = durationHours - whole;
  // A window longer than the series holds whole passes over it, the same total for every start.
  const cycles = Math.floor(whole / n);
  const cyclesSum = cycles > 0 ? cycles * seriesTotal(series) : 0;
  const partial = whole - cycles * n;
  // prefix[j] = sum of the j hours from earliestIndex (wrapping); covers every candidate's window.
  const span = candidates - 1 + partial;
  const prefix = new Float64Array(span + 1);
  const e0 = earliestIndex % n;
  for (let j = 0, i = e0; j < span; j++, i = i + 1 === n ? 0 : i + 1)
    prefix[j + 1] = prefix[j]! + series[i]!;
  const windowSum = (k: number) =>
    cyclesSum +
    prefix[k + partial]! -
    prefix[k]! +
    (tail > 0 ? tail * series[(e0 + k + whole) % n]! : 0);

  const baseline = windowSum(0);
  let best = 0;
  let bestSum = baseline;
  // Relative tolerance so float noise in the prefix sums cannot beat an exact tie at an earlier start.
  const eps = 1e-12 * Math.max(1, Math.abs(cyclesSum + prefix[span]!));
  for (let k = 1; k < candidates; k++) {
    const s = windowSum(k);
    if (s < bestSum - eps) {
      bestSum = s;
      best = k;
    }
  }
  const meanG = bestSum / durationHours;
  const baselineMeanG = baseline / durationHours;
  return {
    startIndex: earliestIndex + best,
    offsetHours: best,
    meanG,
    baselineMeanG,
    savingPct: baselineMeanG > 0 ? ((baselineMeanG - meanG) / baselineMeanG) * 100 : 0,
  };
}

/**
 * `count` consecutive hours of the series from `from` (wrapping both ways; `from` may be negative),
 * e.g. the profile around a chosen window for a chart.
 */
export function windowSeries(series: ArrayLike<number>, from: number, count: number): Float64Array {
  const n = checkSeries(series);
  if (!Number.isInteger(from))
    throw new HourlyError('invalid_argument', `from must be an integer, got ${from}`);
  checkIndex('count', count);
  const out = new Float64Array(count);
  let i = ((from % n) + n) % n;
  for (let j = 0; j < count; j++, i = i + 1 === n ? 0 : i + 1) out[j] = series[i]!;
  return out;
}
