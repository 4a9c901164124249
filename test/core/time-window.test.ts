// Time-shift search (src/core/time-window.ts) and the hourly helpers it relies on (src/core/hourly.ts):
// hand-worked cases on a 48-hour synthetic profile, then a property against a brute-force search.
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { HourlyError, hourOfYear, meanIntensityOverRun } from '../../src/core/hourly.ts';
import { bestStart, windowSeries } from '../../src/core/time-window.ts';

// Two synthetic days (gCO2e/kWh), a solar dip each day; the second day's dip is deeper.
//   index:  0-5   6    7    8    9    10   11  12   13   14   15   16-23
const DAY1 = [
  400, 400, 400, 400, 400, 400, 350, 300, 200, 120, 100, 90, 110, 150, 250, 350, 400, 400, 400, 400,
  400, 400, 400, 400,
];
//   index:  24-29 30   31   32   33  34  35  36   37   38   39-47
const DAY2 = [
  420, 420, 420, 420, 420, 420, 380, 320, 220, 80, 60, 70, 200, 300, 380, 420, 420, 420, 420, 420,
  420, 420, 420, 420,
];
const SERIES = Float64Array.from([...DAY1, ...DAY2]);

describe('the synthetic profile', () => {
  it('is the 48 values the hand-worked expectations below assume', () => {
    expect(SERIES.length).toBe(48);
    expect([
      SERIES[9],
      SERIES[10],
      SERIES[11],
      SERIES[33],
      SERIES[34],
      SERIES[35],
      SERIES[47],
    ]).toEqual([120, 100, 90, 80, 60, 70, 420]);
  });
});

describe('bestStart', () => {
  it('finds the cleanest 3-hour start within a 24-hour delay', () => {
    // Starts 0..24. Day-1 3-hour sums: from 8: 200+120+100 = 420; 9: 120+100+90 = 310; 10: 100+90+110 = 300;
    // 11: 90+110+150 = 350. Start 24 is 3 × 420. Best = 10, mean 100. Baseline (start 0) = 3 × 400 / 3 = 400.
    // Saving = (400 − 100) / 400 = 75 %.
    expect(bestStart(SERIES, 0, 3, 24)).toEqual({
      startIndex: 10,
      offsetHours: 10,
      meanG: 100,
      baselineMeanG: 400,
      savingPct: 75,
    });
  });

  it('reaches the deeper dip of day 2 when the delay allows it', () => {
    // Starts 0..40: day 2 from 33: 80+60+70 = 210 -> mean 70 beats day 1's 100. Saving (400 − 70) / 400 = 82.5 %.
    expect(bestStart(SERIES, 0, 3, 40)).toEqual({
      startIndex: 33,
      offsetHours: 33,
      meanG: 70,
      baselineMeanG: 400,
      savingPct: 82.5,
    });
  });

  it('returns the earliest start when the delay is 0 (or under one hour)', () => {
    for (const delay of [0, 0.9]) {
      expect(bestStart(SERIES, 9, 3, delay)).toEqual({
        startIndex: 9,
        offsetHours: 0,
        meanG: 310 / 3,
        baselineMeanG: 310 / 3,
        savingPct: 0,
      });
    }
  });

  it('breaks ties towards the earliest start', () => {
    // 2-hour sums of [9, 1, 2, 9, 2, 1, 9] from starts 0..5: 10, 3, 11, 11, 3, 10 -> starts 1 and 4 tie; 1 wins.
    expect(bestStart([9, 1, 2, 9, 2, 1, 9], 0, 2, 5).startIndex).toBe(1);
    // A flat profile: every start ties, so the job starts at once with no saving.
    expect(bestStart(new Float64Array(30).fill(250), 4, 5, 20)).toMatchObject({
      startIndex: 4,
      offsetHours: 0,
      savingPct: 0,
    });
  });

  it('wraps past the end of the series to its start (same data year)', () => {
    // 4-hour job, starts 40..48. 44: 420 × 4 = 1680; 45: 420×3 + 400 = 1660; 46: 1640; 47: 420 + 3 × 400 = 1620;
    // 48 (= index 0 of the same series): 4 × 400 = 1600 -> best, mean 400. Baseline (40): 1680 / 4 = 420.
    // Saving = 20 / 420 = 4.7619 %.
    const r = bestStart(SERIES, 40, 4, 8);
    expect(r).toMatchObject({ startIndex: 48, offsetHours: 8, meanG: 400, baselineMeanG: 420 });
    expect(r.savingPct).toBeCloseTo((20 / 420) * 100, 10);
  });

  it('weights the last partial hour of a fractional duration (no rounding up)', () => {
    // 2.5-hour job, starts 8..12: 8: 200 + 120 + 0.5×100 = 370 (mean 148); 9: 120 + 100 + 0.5×90 = 265 (106);
    // 10: 100 + 90 + 0.5×110 = 245 (98); 11: 90 + 110 + 0.5×150 = 275 (110); 12: 110 + 150 + 0.5×250 = 385 (154).
    // Best = 10 at 98 (a 3-hour rounding would give 100). Saving = (148 − 98) / 148 = 33.78 %.
    const r = bestStart(SERIES, 8, 2.5, 4);
    expect(r).toMatchObject({ startIndex: 10, offsetHours: 2, meanG: 98, baselineMeanG: 148 });
    expect(r.savingPct).toBeCloseTo((50 / 148) * 100, 10);
    // A half-hour job picks the single cleanest hour: 34 (60 g).
    expect(bestStart(SERIES, 0, 0.5, 47)).toMatchObject({ startIndex: 34, meanG: 60 });
  });

  it('does not look further than one series length ahead', () => {
    // Delay 500 on a 48-hour series: starts 0..47 only; the best 3 hours are still 33-35.
    expect(bestStart(SERIES, 0, 3, 500).startIndex).toBe(33);
  });

  it('refuses invalid arguments with a typed error', () => {
    for (const args of [
      [[], 0, 1, 1],
      [SERIES, -1, 1, 1],
      [SERIES, 1.5, 1, 1],
      [SERIES, 0, 0, 1],
      [SERIES, 0, Number.NaN, 1],
      [SERIES, 0, 1, -1],
      [SERIES, 0, 1, Number.POSITIVE_INFINITY],
    ] as const) {
      expect(() => bestStart(args[0], args[1], args[2], args[3])).toThrow(HourlyError);
    }
  });

  /** O(candidates × duration) reference: explicit hour-by-hour sums, strict < so ties keep the earliest. */
  function bruteForce(
    series: readonly number[],
    earliest: number,
    duration: number,
    delay: number,
  ) {
    const n = series.length;
    const windowMean = (start: number) => {
      let sum = 0;
      let left = duration;
      for (let i = start; left > 0; i++) {
        const w = Math.min(1, left);
        sum += w * series[i % n]!;
        left -= w;
      }
      return sum / duration;
    };
    let best = 0;
    let bestMean = windowMean(earliest);
    for (let k = 1; k <= Math.min(Math.floor(delay), n - 1); k++) {
      const m = windowMean(earliest + k);
      if (m < bestMean) {
        best = k;
        bestMean = m;
      }
    }
    return { startIndex: earliest + best, meanG: bestMean, baselineMeanG: windowMean(earliest) };
  }

  // Integer intensities and quarter-hour durations keep every sum exact, so the starts must agree exactly.
  fcTest.prop([
    fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 72 }),
    fc.nat(200),
    fc.integer({ min: 1, max: 400 }).map((q) => q / 4),
    fc.float({ min: 0, max: 150, noNaN: true }),
  ])('equals a brute-force search (exact sums)', (series, earliestRaw, duration, delay) => {
    const earliest = earliestRaw % (series.length * 2);
    const got = bestStart(series, earliest, duration, delay);
    const want = bruteForce(series, earliest, duration, delay);
    expect(got.startIndex).toBe(want.startIndex);
    expect(got.offsetHours).toBe(want.startIndex - earliest);
    expect(got.meanG).toBeCloseTo(want.meanG, 9);
    expect(got.baselineMeanG).toBeCloseTo(want.baselineMeanG, 9);
  });

  // Real-valued intensities and durations: float noise can reorder exact ties, so compare the means.
  fcTest.prop([
    fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 72 }),
    fc.nat(100),
    fc.double({ min: 0.01, max: 120, noNaN: true }),
    fc.nat(120),
  ])('finds the brute-force minimum mean (real values)', (series, earliestRaw, duration, delay) => {
    const earliest = earliestRaw % series.length;
    const got = bestStart(series, earliest, duration, delay);
    const want = bruteForce(series, earliest, duration, delay);
    // bestStart treats window sums within 1e-12 × the sum over the hours it spans as a tie (float
    // noise must not beat an earlier start), so means may differ by that over the duration (seen: 0
    // vs 1e-9 over 0.01 h). The span is at most the delay plus the duration, in whole passes of the series.
    const passes = 2 + (delay + duration) / series.length;
    const spanned = passes * series.reduce((a, b) => a + b, 0);
    expect(Math.abs(got.meanG - want.meanG)).toBeLessThanOrEqual(
      1e-9 * Math.max(1, want.meanG) + (1e-12 * Math.max(1, spanned)) / duration,
    );
    expect(meanIntensityOverRun(series, got.startIndex, duration)).toBeCloseTo(got.meanG, 6);
  });
});

describe('windowSeries', () => {
  it('returns the hours around a window, wrapping both ways', () => {
    expect(Array.from(windowSeries(SERIES, 8, 4))).toEqual([200, 120, 100, 90]);
    // From −2: indices 46, 47, 0, 1.
    expect(Array.from(windowSeries(SERIES, -2, 4))).toEqual([420, 420, 400, 400]);
    expect(Array.from(windowSeries(SERIES, 47 + 48, 2))).toEqual([420, 400]);
    expect(windowSeries(SERIES, 0, 0).length).toBe(0);
  });
});

describe('meanIntensityOverRun', () => {
  it('means whole hours and weighs partial ones', () => {
    // 9..11.5: 120 + 100 + 0.5 × 90 = 265 over 2.5 h = 106.
    expect(meanIntensityOverRun(SERIES, 9, 2.5)).toBe(106);
    // 9.5..11.5: 0.5 × 120 + 100 + 0.5 × 90 = 205 over 2 h = 102.5.
    expect(meanIntensityOverRun(SERIES, 9.5, 2)).toBe(102.5);
    // Inside one hour: 10.25..10.75 -> 100.
    expect(meanIntensityOverRun(SERIES, 10.25, 0.5)).toBe(100);
    // 3 h from 47 wraps: 420 + 400 + 400 = 1220 / 3.
    expect(meanIntensityOverRun(SERIES, 47, 3)).toBeCloseTo(1220 / 3, 12);
    // Longer than the series: 2 × (sum of both days) / 96 = the series mean.
    const mean = SERIES.reduce((a, b) => a + b, 0) / 48;
    expect(meanIntensityOverRun(SERIES, 0, 96)).toBeCloseTo(mean, 12);
  });

  it('refuses an empty series, a negative start and a non-positive duration', () => {
    expect(() => meanIntensityOverRun([], 0, 1)).toThrow(HourlyError);
    expect(() => meanIntensityOverRun(SERIES, -1, 1)).toThrow(HourlyError);
    expect(() => meanIntensityOverRun(SERIES, 0, 0)).toThrow(HourlyError);
  });
});

describe('hourOfYear', () => {
  it.each([
    // 2026: Jan 31 + Feb 28 = 59 days before Mar 1 -> 59 × 24 + 14 = 1430.
    ['2026-03-01T14:00:00Z', { year: 2026, index: 1430, fraction: 0 }],
    ['2026-03-01T14:00Z', { year: 2026, index: 1430, fraction: 0 }],
    // 16:00 at +02:00 is 14:00Z.
    ['2026-03-01T16:00:00+02:00', { year: 2026, index: 1430, fraction: 0 }],
    // Leap year 2024: Jan 31 + Feb 29 = 60 days -> 60 × 24 + 14 = 1454.
    ['2024-03-01T14:00:00Z', { year: 2024, index: 1454, fraction: 0 }],
    // Feb 29 exists in 2024: 59 days -> 1416.
    ['2024-02-29T00:00Z', { year: 2024, index: 1416, fraction: 0 }],
    // Jun 1 2024: 31+29+31+30+31 = 152 days -> 3648.
    ['2024-06-01T00:00Z', { year: 2024, index: 3648, fraction: 0 }],
    // Last hour of a leap year: 365 × 24 + 23 = 8783.
    ['2024-12-31T23:00:00Z', { year: 2024, index: 8783, fraction: 0 }],
    // 01:30 at +02:00 on New Year's Day is 2024-12-31T23:30Z: the previous UTC year, half-way through hour 8783.
    ['2025-01-01T01:30+02:00', { year: 2024, index: 8783, fraction: 0.5 }],
    // 20:00 at −05:00 on Dec 31 is 01:00Z on Jan 1: the next UTC year.
    ['2023-12-31T20:00:00-05:00', { year: 2024, index: 1, fraction: 0 }],
    // Seconds and fractions of seconds: 00:45:00.000 -> fraction 0.75.
    ['2026-01-01T00:45:00.000Z', { year: 2026, index: 0, fraction: 0.75 }],
  ])('%s', (iso, expected) => {
    expect(hourOfYear(iso)).toEqual(expected);
  });

  it.each([
    '2026-03-01', // no time
    '2026-03-01T14:00:00', // no offset
    '2026-03-01 14:00Z', // space instead of T
    '2026-03-01t14:00z', // lower case
    '2026-03-01T14:00+0200', // offset without colon
    '2026-02-29T00:00Z', // 2026 is not a leap year
    '2026-13-01T00:00Z',
    '2026-04-31T00:00Z',
    '2026-03-01T24:00Z',
    '2026-03-01T14:60Z',
    '2026-03-01T14:00:60Z', // leap seconds are not accepted
    '2026-03-01T14:00+24:00',
    '2026-03-01T14:00+02:60',
    '26-03-01T14:00Z',
    'yesterday',
    '',
  ])('rejects %j with an invalid_time HourlyError', (iso) => {
    let error: unknown;
    try {
      hourOfYear(iso);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HourlyError);
    expect((error as HourlyError).code).toBe('invalid_time');
  });
});
