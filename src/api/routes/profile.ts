// GET /v1/zones/{id}/profile: a grid zone's hourly intensity for the page's profile chart — the
// typical day of each month, and (with `start`) the hours from a run's start on the same calendar
// hours of the latest data year, as the time-shift search uses them. A thin view over src/data/hourly.ts.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { sameCalendarHour } from '../../core/carbon-hourly.ts';
import { hourOfYear } from '../../core/hourly.ts';
import { hourlyFor, typicalProfile } from '../../data/hourly.ts';
import { describeZone } from '../../service/catalog.ts';
import { jsonAnswer } from '../json-text.ts';
import { ZoneProfileView } from '../openapi-views.ts';
import { GridshiftError } from '../../service/problem.ts';
import { defineRoute } from '../route.ts';
import { COMMON_RESPONSES, problemResponses } from '../route-docs.ts';

/** Longest slice served: one month of hours. */
export const MAX_PROFILE_HOURS = 744;

export const ProfileParams = z.object({ id: z.string().min(1).max(100) });

export const ProfileQuery = z
  .object({
    /** Start of the run (ISO 8601 with offset); the slice begins at its hour. */
    start: z.iso.datetime({ offset: true }).optional(),
    hours: z.coerce.number().int().min(1).max(MAX_PROFILE_HOURS).default(48),
  })
  .strict();

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

export const profileRoute = defineRoute({
  config: createRoute({
    method: 'get',
    path: '/v1/zones/{id}/profile',
    operationId: 'getV1ZonesIdProfile',
    summary:
      "A grid zone's typical day by month, and its hours from a given start (latest year with hourly data)",
    description:
      "A grid zone's typical day for each month (hourly data), and with `start` its hours from that start, as the time-shift search sees them.",
    tags: ['catalog'],
    request: { params: ProfileParams, query: ProfileQuery },
    responses: {
      200: {
        description: 'The profile.',
        content: { 'application/json': { schema: ZoneProfileView } },
      },
      ...problemResponses(404, 422),
      ...COMMON_RESPONSES,
    },
  }),
  examples: {
    200: { path: '/v1/zones/DE/profile?start=2025-03-03T08:00:00Z&hours=6' },
    404: { path: '/v1/zones/ATLANTIS/profile' },
    422: { path: '/v1/zones/DE/profile?hours=0' },
  },
  handler: (c) => {
    const query = c.req.valid('query');
    return jsonAnswer(
      c,
      zoneProfile(describeZone(c.get('tables'), c.req.valid('param').id), query.start, query.hours),
    );
  },
});

function zoneProfile(
  { id: zone, name }: { id: string; name: string },
  start: string | undefined,
  hours: number,
): ZoneProfile {
  const series = hourlyFor(zone);
  const typical = typicalProfile(zone);
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
