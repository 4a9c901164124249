// GET /v1/zones/{id}/profile: a grid zone's hourly intensity for the page's profile chart
// (src/service/zone-profile.ts over the tables the app is given).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { zoneProfile } from '../../service/zone-profile.ts';
import { jsonAnswer } from '../json-text.ts';
import { ZoneProfileView } from '../openapi-views.ts';
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
    /** Year of the annual level (as the workload's `year`); default the start's, else the latest. */
    year: z.coerce.number().int().min(2000).max(2100).optional(),
  })
  .strict();

export const profileRoute = defineRoute({
  config: createRoute({
    method: 'get',
    path: '/v1/zones/{id}/profile',
    operationId: 'getV1ZonesIdProfile',
    summary:
      "A grid zone's typical day by month, and its hours from a given start, on the estimate's basis",
    description:
      "A grid zone's typical day for each month, and with `start` its hours from that start, as estimates with `start` and the time-shift search see them: the hourly shape of the latest year with hourly data, scaled so its yearly mean equals the annual average of `year` (default: the start's year, else the latest published; the nearest published year stands in). A zone without hourly data answers 200 with `hourly: false`, the reason and its annual figure.",
    tags: ['catalog'],
    request: { params: ProfileParams, query: ProfileQuery },
    responses: {
      200: {
        description: 'The profile, or (hourly: false) why there is none.',
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
      zoneProfile(c.get('tables'), c.req.valid('param').id, query.start, query.hours, query.year),
    );
  },
});
