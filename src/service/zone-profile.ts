// A grid zone's hourly intensity for the page's profile chart: the typical day of each month, and
// (with `start`) the hours from a run's start on the same calendar hours of the latest data year,
// as the time-shift search uses them. A view over the hourly tables it is given.
import { sameCalendarHour } from '../core/carbon-hourly.ts';
import { hourOfYear } from '../core/hourly.ts';
import type { Tables } from '../core/tables.ts';
import { describeZone } from './catalog.ts';
import { GridshiftError } from './problem.ts';

export interface ZoneProfile {
  zone: string;
  name: string;
  /** The data year: the latest with hourly data for the zone. */
  year: number;
  unit: 'gCO2e/kWh';
  source: string;
  /** True when Electricity Maps estimated most hours (the daily shape is model-derived). */
  estimated: boolean | null;
  /** months[m][h]: mean of month m (0 = January), UTC hour h, whole grams. */
  months: number[][];
  /** From the start's hour on the same calendar hours of `year`, one value per hour. */
  slice: { start: string; hours: number; values: number[] } | null;
}

/** The profile of zone `id` (any case); 404 problems for an unknown zone or one without hourly data. */
export function zoneProfile(
  tables: Tables,
  id: string,
  start: string | undefined,
  hours: number,
): ZoneProfile {
  const { id: zone, name } = describeZone(tables, id);
  const series = tables.hourly?.forZone(zone);
  const typical = tables.hourly?.typical?.(zone);
  if (!series || !typical) {
    const message = `no hourly data for grid zone ${zone}; annual averages only`;
    throw new GridshiftError({
      code: 'not_found',
      detail: message,
      errors: [{ path: 'id', code: 'not_found', message }],
    });
  }
  const year = series.latestYear;
  const meta = series.meta(year);
  const months = Array.from({ length: 12 }, (_, m) => typical.values.slice(m * 24, m * 24 + 24));
  return {
    zone,
    name,
    year,
    unit: 'gCO2e/kWh',
    source: meta?.source ?? '',
    estimated: meta?.estimated ?? null,
    months,
    slice: start === undefined ? null : sliceFrom(series.series(year), start, year, hours),
  };
}

// The series wraps at the end of the year, as the time-shift search does.
function sliceFrom(
  values: ArrayLike<number>,
  start: string,
  year: number,
  hours: number,
): ZoneProfile['slice'] {
  const first = Math.floor(sameCalendarHour(hourOfYear(start), year));
  return {
    start,
    hours,
    values: Array.from({ length: hours }, (_, i) => values[(first + i) % values.length]!),
  };
}
