// GET /v1/hardware: GPUs/accelerators, CPUs and instance types, searchable and paged.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { HARDWARE_KINDS, searchHardware } from '../../service/hardware-search.ts';
import { jsonAnswer } from '../json-text.ts';
import { HardwareView } from '../openapi-views.ts';
import { defineRoute } from '../route.ts';
import { COMMON_RESPONSES, problemResponses } from '../route-docs.ts';

export const HardwareQuery = z
  .object({
    kind: z.enum(HARDWARE_KINDS).optional(),
    q: z.string().min(1).max(100).optional(),
    provider: z.string().min(1).max(20).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const hardwareRoute = defineRoute({
  config: createRoute({
    method: 'get',
    path: '/v1/hardware',
    operationId: 'getV1Hardware',
    summary: 'Search GPUs, CPUs and instance types by name or alias',
    description:
      'GPUs and accelerators, CPUs and cloud instance types, searched by id, name or alias and paged.',
    tags: ['catalog'],
    request: { query: HardwareQuery },
    responses: {
      200: {
        description: 'One page per kind asked.',
        content: { 'application/json': { schema: HardwareView } },
      },
      ...problemResponses(422),
      ...COMMON_RESPONSES,
    },
  }),
  examples: {
    200: { path: '/v1/hardware?kind=gpus&q=h100&limit=2' },
    422: { path: '/v1/hardware?kind=tpus&limit=0' },
  },
  handler: (c) => jsonAnswer(c, searchHardware(c.get('tables'), c.req.valid('query'))),
});
