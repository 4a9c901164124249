// GET /v1/hardware: GPUs/accelerators, CPUs and instance types, searchable and paged.
import { z } from 'zod';
import { HARDWARE_KINDS, searchHardware } from '../../service/hardware-search.ts';
import { defineRoute } from '../route.ts';
import { jsonAnswer } from '../json-text.ts';

export const HardwareQuery = z
  .object({
    kind: z.enum(HARDWARE_KINDS).optional(),
    q: z.string().min(1).max(100).optional(),
    provider: z.string().min(1).max(20).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const hardwareRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/hardware',
    summary: 'Search GPUs, CPUs and instance types by name or alias',
    tags: ['catalog'],
    request: { query: HardwareQuery },
    handler: ({ query }, c) => jsonAnswer(c, searchHardware(c.get('tables'), query)),
  }),
];
