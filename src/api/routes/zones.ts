// GET /v1/zones/:id: a grid zone with every annual intensity and its sources.
import { z } from 'zod';
import { describeZone } from '../../service/catalog.ts';
import { defineRoute } from '../route.ts';
import { jsonAnswer } from '../json-text.ts';

export const ZoneParams = z.object({ id: z.string().min(1).max(100) });

export const zoneRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/zones/:id',
    summary: 'One grid zone with its annual intensities (primary and alternates) and sources',
    tags: ['catalog'],
    request: { params: ZoneParams },
    handler: ({ params }, c) => jsonAnswer(c, describeZone(c.get('tables'), params.id)),
  }),
];
