// Time-aware grid intensity on one data basis: the zone's hourly *shape* (its latest year with hourly
// data, on the same calendar hours as the run) scaled so that the shape's mean over its year equals the
// annual figure the estimate uses for the run's year. A year-long run then equals the annual figure,
// and moving the start changes only where in the shape the run falls, never the level.
import type { GridZone, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { HourOfYear } from './hourly.ts';
import { hourOfYear, isLeapYear, meanIntensityOverRun, seriesTotal } from './hourly.ts';
import { pickYear } from './resolve-location.ts';

const FEB_END_INDEX = (31 + 28) * 24;

/** Index of the same month, day and hour in `year` (Feb 29 falls back to Feb 28 in a common year). */
export function sameCalendarHour(t: HourOfYear, year: number): number {
  const fromLeap = isLeapYear(t.year);
  const toLeap = isLeapYear(year);
  if (fromLeap === toLeap || t.index < FEB_END_INDEX) return t.index;
  // Leap day and later lose one day in a common year; a common year's March gains one in a leap year.
  return fromLeap ? t.index - 24 : t.index + 24;
}

/**
 * The year whose annual figure sets the level of a run: `year` when the workload gives it, else the
 * UTC year the run starts in (undefined without either: the latest published). A year without a
 * published figure takes the nearest one (pickYear), as `year` does without a start.
 */
export function levelYearOf(w: {
  readonly year?: number;
  readonly start?: string;
}): number | undefined {
  if (w.year !== undefined) return w.year;
  return w.start === undefined ? undefined : hourOfYear(w.start).year;
}

/** A zone's hourly shape: one year of its hourly series and that series' own mean. */
export interface HourlyShape {
  readonly zone: string;
  readonly series: ArrayLike<number>;
  /** The latest year with hourly data for the zone. */
  readonly year: number;
  readonly source: string;
  /** True when Electricity Maps estimated most hours (the shape is model-derived). */
  readonly estimated: boolean | null;
  /** Mean of the series as stored (gCO2e/kWh): the divisor that makes it a shape. */
  readonly meanG: number;
}

/**
 * The zone's hourly shape, or null when it has no hourly data. The series mean is taken once per
 * series object through `ledger`'s store (an 8,760-value sum), or each time without a ledger.
 */
export function hourlyShape(zone: string, tables: Tables, ledger?: Ledger): HourlyShape | null {
  const h = tables.hourly?.forZone(zone) ?? null;
  if (!h) return null;
  const year = h.latestYear;
  const series = h.series(year);
  const meta = h.meta(year);
  const mean = () => (series.length > 0 ? seriesTotal(series) / series.length : 0);
  const meanG = ledger ? ledger.memo(series, 'mean', mean) : mean();
  return {
    zone,
    series,
    year,
    source: meta?.source ?? '',
    estimated: meta?.estimated ?? null,
    meanG,
  };
}

/** Level ÷ shape mean: what turns the shape's values into the level year's (1 for an all-zero shape). */
export function shapeScale(shape: HourlyShape, levelG: number): number {
  return shape.meanG > 0 ? levelG / shape.meanG : 1;
}

/** The zone's annual figure for the level year of `w` (nearest published year), central value. */
export function levelIntensity(
  zone: GridZone,
  w: { readonly year?: number; readonly start?: string },
): { readonly year: number; readonly gPerKwh: number; readonly source: string } {
  const entry = pickYear(zone, levelYearOf(w)).entry;
  return { year: entry.year, gPerKwh: entry.intensityGCo2ePerKwh, source: entry.source };
}

/** Where the run falls in the shape: its start hour there, and its mean there ÷ the shape's mean. */
export interface RunOnShape {
  /** Hour of the shape's year the run starts at (with its fraction). */
  readonly startIndex: number;
  /** Mean of the shape over the run's hours (gCO2e/kWh as stored, before scaling). */
  readonly meanG: number;
  /** meanG ÷ the shape's mean: the run's hours relative to an average hour of the year. */
  readonly factor: number;
}

/** The run of `hours` hours from `start` on the same calendar hours of the shape's year. */
export function runOnShape(shape: HourlyShape, start: string, hours: number): RunOnShape {
  const t = hourOfYear(start);
  const startIndex = sameCalendarHour(t, shape.year) + t.fraction;
  const meanG =
    hours > 0
      ? meanIntensityOverRun(shape.series, startIndex, hours)
      : shape.series[Math.floor(startIndex)]!;
  return { startIndex, meanG, factor: shape.meanG > 0 ? meanG / shape.meanG : 1 };
}
