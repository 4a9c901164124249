// GET /v1/sources: every dataset the tables come from, with licence and attribution.
import { createRoute } from '@hono/zod-openapi';
import { listSources } from '../../service/catalog.ts';
import { jsonAnswer } from '../json-text.ts';
import { SourceList } from '../openapi-views.ts';
import { defineRoute } from '../route.ts';
import { COMMON_RESPONSES } from '../route-docs.ts';

export const sourcesRoute = defineRoute({
  config: createRoute({
    method: 'get',
    path: '/v1/sources',
    operationId: 'getV1Sources',
    summary: 'Datasets behind the estimates: title, licence, year, url, attribution',
    description:
      'Every dataset the tables come from: title, publisher, licence, year, url and attribution.',
    tags: ['catalog'],
    responses: {
      200: {
        description: 'Every source.',
        content: { 'application/json': { schema: SourceList } },
      },
      ...COMMON_RESPONSES,
    },
  }),
  examples: { 200: { path: '/v1/sources' } },
  handler: (c) => {
    const sources = listSources(c.get('tables'));
    return jsonAnswer(c, { sources, count: sources.length });
  },
});
