// Time-aware grid intensity: the mean of the zone's hourly series over the run's hours, taken on the
// same calendar hours of the latest data year (the future has no data; the latest year stands in).
import type { GridZone, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { HourOfYear } from './hourly.ts';
import { hourOfYear, isLeapYear, meanIntensityOverRun } from './hourly.ts';

const FEB_END_INDEX = (31 + 28) * 24;

/** Index of the same month, day and hour in `year` (Feb 29 falls back to Feb 28 in a common year). */
export function sameCalendarHour(t: HourOfYear, year: number): number {
  const fromLeap = isLeapYear(t.year);
  const toLeap = isLeapYear(year);
  if (fromLeap === toLeap || t.index < FEB_END_INDEX) return t.index;
  // Leap day and later lose one day in a common year; a common year's March gains one in a leap year.
  return fromLeap ? t.index - 24 : t.index + 24;
}

export interface HourlyIntensity {
  readonly meanG: number;
  readonly year: number;
  readonly source: string;
  /** Hour of the data year the run starts at (with its fraction). */
  readonly startIndex: number;
}

/** Mean gCO2e/kWh over the run from `start` for `hours` hours, or null when the zone has no hourly data. */
export function hourlyIntensity(
  zone: GridZone,
  start: string,
  hours: number,
  tables: Tables,
  ledger: Ledger,
): HourlyIntensity | null {
  const h = tables.hourly?.forZone(zone.id) ?? null;
  if (!h) {
    ledger.assume(
      `No hourly data for ${zone.id}: the annual average is used (no invented daily shape).`,
    );
    return null;
  }
  const t = hourOfYear(start);
  const year = h.latestYear;
  const series = h.series(year);
  const startIndex = sameCalendarHour(t, year) + t.fraction;
  const meanG =
    hours > 0 ? meanIntensityOverRun(series, startIndex, hours) : series[Math.floor(startIndex)]!;
  const meta = h.meta(year)!;
  ledger.assume(
    `Start ${start}: hourly intensity over the run's ${hours.toFixed(2)} h on the same calendar hours of ${year}, the latest year with hourly data for ${zone.id}.`,
  );
  if (meta.estimated)
    ledger.assume(
      `Electricity Maps estimated most hours of ${zone.id} in ${year}: the daily shape is model-derived.`,
    );
  return { meanG, year, source: meta.source, startIndex };
}
