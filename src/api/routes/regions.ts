// GET /v1/regions and /v1/regions/:id: cloud regions and their grid zone.
import { z } from 'zod';
import { Provider } from '../../core/tables.ts';
import { describeRegion, listRegions } from '../../service/catalog.ts';
import { defineRoute } from '../route.ts';
import { jsonAnswer } from '../json-text.ts';

export const RegionsQuery = z
  .object({
    provider: Provider.optional(),
    country: z.string().regex(/^[A-Za-z]{2}$/, 'expected a two-letter ISO 3166-1 country code').optional(),
    q: z.string().min(1).max(100).optional(),
  })
  .strict();

/** Region ids contain a colon (`aws:us-east-1`); `%3A` is decoded before validation. */
export const RegionParams = z.object({ id: z.string().min(1).max(200) });

export const regionRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/regions',
    summary: 'List cloud regions, filtered by provider, country or a search',
    tags: ['catalog'],
    request: { query: RegionsQuery },
    handler: ({ query }, c) => {
      const regions = listRegions(c.get('tables'), query);
      return jsonAnswer(c, { regions, count: regions.length });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/regions/:id',
    summary: "One region with its grid zone's latest annual intensity",
    tags: ['catalog'],
    request: { params: RegionParams },
    handler: ({ params }, c) => jsonAnswer(c, describeRegion(c.get('tables'), params.id)),
  }),
];
