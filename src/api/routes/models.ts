// GET /v1/models: LLMs the inference estimate knows (`ai.model` in a workload).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { listModels } from '../../service/catalog.ts';
import { jsonAnswer } from '../json-text.ts';
import { ModelList } from '../openapi-views.ts';
import { defineRoute } from '../route.ts';
import { COMMON_RESPONSES, problemResponses } from '../route-docs.ts';

export const ModelsQuery = z.object({ q: z.string().min(1).max(100).optional() }).strict();

export const modelsRoute = defineRoute({
  config: createRoute({
    method: 'get',
    path: '/v1/models',
    operationId: 'getV1Models',
    summary: 'LLMs with inference energy references, searchable by name or alias',
    description:
      'LLMs with inference energy references (`ai.model` in a workload), searched by name or alias.',
    tags: ['catalog'],
    request: { query: ModelsQuery },
    responses: {
      200: {
        description: 'Matching models.',
        content: { 'application/json': { schema: ModelList } },
      },
      ...problemResponses(422),
      ...COMMON_RESPONSES,
    },
  }),
  examples: { 200: { path: '/v1/models?q=llama-3.1-8b' }, 422: { path: '/v1/models?q=' } },
  handler: (c) => {
    const models = listModels(c.get('tables'), c.req.valid('query').q);
    return jsonAnswer(c, { models, count: models.length });
  },
});
