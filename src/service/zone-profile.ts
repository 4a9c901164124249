// A grid zone's hourly intensity for the page's profile chart: the typical day of each month, and
// (with `start`) the hours from a run's start on the same calendar hours of the latest data year,
// on the estimate's basis: the hourly shape scaled to the annual average of the run's year
// (core/carbon-hourly.ts). A zone without hourly data answers so (hourly: false) with its annual figure.
import {
  hourlyShape,
  levelIntensity,
  sameCalendarHour,
  shapeScale,
} from '../core/carbon-hourly.ts';
import { hourOfYear } from '../core/hourly.ts';
import type { Tables } from '../core/tables.ts';
import { describeZone } from './catalog.ts';

/** The annual figure the profile's values are scaled to (or, without hourly data, the figure used). */
export interface ZoneLevel {
  year: number;
  gCo2ePerKwh: number;
  source: string;
}

export interface ZoneHourlyProfile {
  hourly: true;
  zone: string;
  name: string;
  /** The shape's year: the latest with hourly data for the zone. */
  year: number;
  unit: 'gCO2e/kWh';
  /** The shape's source (the level's is in `level`). */
  source: string;
  /** True when Electricity Maps estimated most hours (the daily shape is model-derived). */
  estimated: boolean | null;
  /** The annual average of `level.year` the shape is scaled to, as the estimate with `start` does. */
  level: ZoneLevel;
  /** Mean of the shape year's hours as stored (gCO2e/kWh); every value is × level ÷ this. */
  shapeMeanGCo2ePerKwh: number;
  /** level.gCo2ePerKwh ÷ shapeMeanGCo2ePerKwh. */
  scale: number;
  /** months[m][h]: mean of month m (0 = January), UTC hour h, scaled, whole grams. */
  months: number[][];
  /** From the start's hour on the same calendar hours of `year`, one value per hour, scaled, 0.1 g. */
  slice: { start: string; hours: number; values: number[] } | null;
}

export interface ZoneAnnualOnly {
  hourly: false;
  zone: string;
  name: string;
  unit: 'gCO2e/kWh';
  /** Why there is no profile, in words. */
  reason: string;
  /** The annual average an estimate uses for the zone (and the year asked). */
  level: ZoneLevel;
}

export type ZoneProfile = ZoneHourlyProfile | ZoneAnnualOnly;

/**
 * The profile of zone `id` (any case); a 404 problem for an unknown zone. The level is the annual
 * average of `year`, else of the start's year, else the latest (the nearest published year).
 */
export function zoneProfile(
  tables: Tables,
  id: string,
  start: string | undefined,
  hours: number,
  year?: number,
): ZoneProfile {
  const { id: zoneId, name } = describeZone(tables, id);
  const zone = tables.zones.get(zoneId)!;
  const asked = { ...(year === undefined ? {} : { year }), ...(start ? { start } : {}) };
  const l = levelIntensity(zone, asked);
  const level: ZoneLevel = { year: l.year, gCo2ePerKwh: l.gPerKwh, source: l.source };
  const shape = hourlyShape(zoneId, tables);
  const typical = tables.hourly?.typical?.(zoneId);
  if (!shape || !typical)
    return {
      hourly: false,
      zone: zoneId,
      name,
      unit: 'gCO2e/kWh',
      reason: `No hourly data for grid zone ${zoneId}: estimates use its annual average (${level.gCo2ePerKwh} gCO2e/kWh in ${level.year}), with no daily shape.`,
      level,
    };
  const scale = shapeScale(shape, level.gCo2ePerKwh);
  const months = Array.from({ length: 12 }, (_, m) =>
    typical.values.slice(m * 24, m * 24 + 24).map((v) => Math.round(v * scale)),
  );
  return {
    hourly: true,
    zone: zoneId,
    name,
    year: shape.year,
    unit: 'gCO2e/kWh',
    source: shape.source,
    estimated: shape.estimated,
    level,
    shapeMeanGCo2ePerKwh: shape.meanG,
    scale,
    months,
    slice: start === undefined ? null : sliceFrom(shape.series, start, shape.year, hours, scale),
  };
}

// The series wraps at the end of the year, as the time-shift search does.
function sliceFrom(
  values: ArrayLike<number>,
  start: string,
  year: number,
  hours: number,
  scale: number,
): ZoneHourlyProfile['slice'] {
  const first = Math.floor(sameCalendarHour(hourOfYear(start), year));
  return {
    start,
    hours,
    values: Array.from(
      { length: hours },
      (_, i) => Math.round(values[(first + i) % values.length]! * scale * 10) / 10,
    ),
  };
}
