// GET /health: liveness plus the size of every table loaded.
import { createRoute } from '@hono/zod-openapi';
import { METHODOLOGY_VERSION } from '../../core/estimate.ts';
import { countTables } from '../../service/catalog.ts';
import { jsonAnswer } from '../json-text.ts';
import { Health } from '../openapi-views.ts';
import { defineRoute } from '../route.ts';
import { COMMON_RESPONSES } from '../route-docs.ts';

export const healthRoute = defineRoute({
  config: createRoute({
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Liveness and table sizes',
    description: 'Liveness, methodology version and the size of every table loaded.',
    tags: ['meta'],
    responses: {
      200: { description: 'Alive.', content: { 'application/json': { schema: Health } } },
      ...COMMON_RESPONSES,
    },
  }),
  examples: { 200: { path: '/health' } },
  handler: (c) =>
    jsonAnswer(c, {
      status: 'ok',
      methodologyVersion: METHODOLOGY_VERSION,
      tables: countTables(c.get('tables')),
    }),
});
