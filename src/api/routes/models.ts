// GET /v1/models: LLMs the inference estimate knows (`ai.model` in a workload).
import { z } from 'zod';
import { listModels } from '../../service/catalog.ts';
import { defineRoute } from '../route.ts';
import { jsonAnswer } from '../json-text.ts';

export const ModelsQuery = z.object({ q: z.string().min(1).max(100).optional() }).strict();

export const modelRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/models',
    summary: 'LLMs with inference energy references, searchable by name or alias',
    tags: ['catalog'],
    request: { query: ModelsQuery },
    handler: ({ query }, c) => {
      const models = listModels(c.get('tables'), query.q);
      return jsonAnswer(c, { models, count: models.length });
    },
  }),
];
