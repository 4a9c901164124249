// POST /bench/echo: the floor for the HTTP benchmark (bench/http.ts). It goes through the same app,
// middleware and JSON body reading as every other route, then answers the parsed body unchanged, so
// `/v1/estimate` against it measures what the estimate itself adds. Registered only when
// createApp({ benchMode: true }) (GRIDSHIFT_BENCH=1 in src/node.ts); not part of the API document.
import { z } from 'zod';
import { defineRoute } from '../route.ts';

export const benchRoutes = [
  defineRoute({
    method: 'post',
    path: '/bench/echo',
    summary: 'Benchmark floor: parses the JSON body and answers it unchanged (bench mode only)',
    tags: ['bench'],
    request: { body: z.unknown() },
    handler: ({ body }, c) => c.json(body),
  }),
];
