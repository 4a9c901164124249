// Time option: the cleanest start within the allowed delay, found by sliding the job's duration over
// the zone's hourly shape (same calendar hours of the latest data year) with bestStart, O(hours). The
// shape is scaled to the annual level of the run as given (carbon-hourly.ts): the scaling is one
// factor, so it moves no start, and the saving is relative to the same level.
import type { Flexibility } from './decision-schemas.ts';
import type { Workload } from './schemas.ts';
import type { Tables } from './tables.ts';
import { hourOfYear } from './hourly.ts';
import { bestStart } from './time-window.ts';
import { hourlyShape, levelIntensity, sameCalendarHour, shapeScale } from './carbon-hourly.ts';
import { resolvePlace } from './resolve-location.ts';
import { roundTo } from './suggest-option.ts';

export interface StartSearch {
  /** The cleanest start, as a UTC ISO 8601 time. */
  readonly start: string;
  readonly offsetHours: number;
  /** The year of the grid figures, pinned when the later start falls in another year (same level). */
  readonly year?: number;
  readonly assumption: string;
}

export type StartOutcome =
  | { readonly ok: true; readonly search: StartSearch }
  | { readonly ok: false; readonly note: string };

const MS_PER_HOUR = 3_600_000;

/** The cleanest start of a `durationHours` job at `w.location`, or a note saying why there is none. */
export function findBestStart(
  w: Workload,
  durationHours: number,
  flexibility: Flexibility | undefined,
  tables: Tables,
): StartOutcome {
  const no = (note: string): StartOutcome => ({ ok: false, note: `time: ${note}` });
  if (w.start === undefined)
    return no('give workload.start (ISO 8601 with offset) to search for a cleaner start; omitted.');
  if (!flexibility)
    return no(
      'give flexibility.delayHours or flexibility.deadline to search a start window; omitted.',
    );
  if (w.gridIntensity !== undefined)
    return no('gridIntensity is given, so the start time does not change the intensity; omitted.');
  if (!(durationHours > 0)) return no('the job has no duration to place; omitted.');
  const startMs = Date.parse(w.start);
  const delayHours =
    flexibility.delayHours ??
    (Date.parse(flexibility.deadline!) - startMs) / MS_PER_HOUR - durationHours;
  if (delayHours < 0)
    return no(
      `the deadline leaves no room: the job needs ${roundTo(durationHours)} h from its start; omitted.`,
    );
  const zone = resolvePlace(w.location, tables).zone;
  if (!zone) return no(`${w.location} has no grid zone; omitted.`);
  const shape = hourlyShape(zone.id, tables);
  if (!shape) return no(`no hourly data for ${zone.id}; annual average only.`);

  const year = shape.year;
  const best = bestStart(
    shape.series,
    sameCalendarHour(hourOfYear(w.start), year),
    durationHours,
    delayHours,
  );
  if (best.offsetHours === 0)
    return no(
      `starting at ${w.start} is already the cleanest start within ${roundTo(delayHours)} h in ${zone.id}.`,
    );
  const start = new Date(startMs + best.offsetHours * MS_PER_HOUR).toISOString();
  const level = levelIntensity(zone, w);
  const scale = shapeScale(shape, level.gPerKwh);
  // A later start in the next year keeps the run's own year, so its level (the annual figure) stays.
  const runYear = hourOfYear(w.start).year;
  const pinned =
    w.year !== undefined || hourOfYear(start).year === runYear ? {} : { year: runYear };
  const assumption =
    `Start ${best.offsetHours} h later, within the allowed ${roundTo(delayHours)} h: mean grid intensity over the run ` +
    `${roundTo(best.meanG * scale)} vs ${roundTo(best.baselineMeanG * scale)} gCO2e/kWh, on the same calendar hours of ${year} ` +
    `(the latest year with hourly data for ${zone.id}), that year's hourly shape scaled to the ${level.year} annual average (${roundTo(level.gPerKwh)} gCO2e/kWh); ` +
    `the hours of a future year will differ.`;
  return { ok: true, search: { start, offsetHours: best.offsetHours, ...pinned, assumption } };
}
