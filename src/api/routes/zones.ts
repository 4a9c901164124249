// GET /v1/zones/{id}: a grid zone with every annual intensity and its sources.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { describeZone } from '../../service/catalog.ts';
import { jsonAnswer } from '../json-text.ts';
import { ZoneView } from '../openapi-views.ts';
import { defineRoute } from '../route.ts';
import { COMMON_RESPONSES, problemResponses } from '../route-docs.ts';

export const ZoneParams = z.object({ id: z.string().min(1).max(100) });

export const zoneRoute = defineRoute({
  config: createRoute({
    method: 'get',
    path: '/v1/zones/{id}',
    operationId: 'getV1ZonesId',
    summary: 'One grid zone with its annual intensities (primary and alternates) and sources',
    description:
      'A grid zone or country (`DE`, `US-CAL-CISO`) with every annual intensity, primary and alternate, and their sources.',
    tags: ['catalog'],
    request: { params: ZoneParams },
    responses: {
      200: { description: 'The zone.', content: { 'application/json': { schema: ZoneView } } },
      ...problemResponses(404),
      ...COMMON_RESPONSES,
    },
  }),
  examples: { 200: { path: '/v1/zones/IS' }, 404: { path: '/v1/zones/ATLANTIS' } },
  handler: (c) => jsonAnswer(c, describeZone(c.get('tables'), c.req.valid('param').id)),
});
