// GET /v1/zones/:id/profile: a grid zone's hourly intensity for the page's profile chart — the
// typical day of each month, and (with `start`) the hours from a run's start. A thin view over
// service/zone-profile.ts.
import { z } from 'zod';
import { zoneProfile } from '../../service/zone-profile.ts';
import { defineRoute } from '../route.ts';
import { jsonAnswer } from '../json-text.ts';

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

export const profileRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/zones/:id/profile',
    summary: "A grid zone's typical day by month, and its hours from a given start (latest year with hourly data)",
    tags: ['catalog'],
    request: { params: ProfileParams, query: ProfileQuery },
    handler: ({ params, query }, c) => jsonAnswer(c, zoneProfile(c.get('tables'), params.id, query.start, query.hours)),
  }),
];
