// GET /v1/regions and /v1/regions/{id}: cloud regions and their grid zone.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Provider } from '../../core/tables.ts';
import { describeRegion, listRegions } from '../../service/catalog.ts';
import { jsonAnswer } from '../json-text.ts';
import { RegionList, RegionView } from '../openapi-views.ts';
import { defineRoute } from '../route.ts';
import { COMMON_RESPONSES, problemResponses } from '../route-docs.ts';

export const RegionsQuery = z
  .object({
    provider: Provider.optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'expected a two-letter ISO 3166-1 country code')
      .optional(),
    q: z.string().min(1).max(100).optional(),
  })
  .strict();

/** Region ids contain a colon (`aws:us-east-1`); `%3A` is decoded before validation. */
export const RegionParams = z.object({ id: z.string().min(1).max(200) });

export const regionListRoute = defineRoute({
  config: createRoute({
    method: 'get',
    path: '/v1/regions',
    operationId: 'getV1Regions',
    summary: 'List cloud regions, filtered by provider, country or a search',
    description:
      'AWS, GCP and Azure regions with their grid zone, PUE, water use and carbon-free energy share, filtered by provider and country, or searched by name.',
    tags: ['catalog'],
    request: { query: RegionsQuery },
    responses: {
      200: {
        description: 'Matching regions.',
        content: { 'application/json': { schema: RegionList } },
      },
      ...problemResponses(422),
      ...COMMON_RESPONSES,
    },
  }),
  examples: {
    200: { path: '/v1/regions?provider=gcp&country=NL' },
    422: { path: '/v1/regions?provider=ibm' },
  },
  handler: (c) => {
    const regions = listRegions(c.get('tables'), c.req.valid('query'));
    return jsonAnswer(c, { regions, count: regions.length });
  },
});

export const regionRoute = defineRoute({
  config: createRoute({
    method: 'get',
    path: '/v1/regions/{id}',
    operationId: 'getV1RegionsId',
    summary: "One region with its grid zone's latest annual intensity",
    description:
      "One region (`aws:eu-west-1`; the colon may be written `%3A`) with its grid zone's latest annual intensity.",
    tags: ['catalog'],
    request: { params: RegionParams },
    responses: {
      200: { description: 'The region.', content: { 'application/json': { schema: RegionView } } },
      ...problemResponses(404),
      ...COMMON_RESPONSES,
    },
  }),
  examples: {
    200: { path: '/v1/regions/aws:eu-west-1' },
    404: { path: '/v1/regions/aws:eu-west-9' },
  },
  handler: (c) => jsonAnswer(c, describeRegion(c.get('tables'), c.req.valid('param').id)),
});
