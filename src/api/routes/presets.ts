// GET /v1/presets and /v1/presets/{id}: hand-written workloads, usable as `{ "preset": id }`.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { describePreset, listPresets } from '../../service/catalog-presets.ts';
import { jsonAnswer } from '../json-text.ts';
import { PresetList } from '../openapi-views.ts';
import { defineRoute } from '../route.ts';
import { COMMON_RESPONSES, problemResponses } from '../route-docs.ts';

export const PresetParams = z.object({ id: z.string().min(1).max(100) });

export const presetListRoute = defineRoute({
  config: createRoute({
    method: 'get',
    path: '/v1/presets',
    operationId: 'getV1Presets',
    summary: 'Workload presets: id, name, category, description, workload, assumptions, references',
    description:
      'Hand-written workloads with their assumptions and references, usable as `{ "preset": id }`.',
    tags: ['catalog'],
    responses: {
      200: {
        description: 'Every preset.',
        content: { 'application/json': { schema: PresetList } },
      },
      ...COMMON_RESPONSES,
    },
  }),
  examples: { 200: { path: '/v1/presets' } },
  handler: (c) => {
    const presets = listPresets(c.get('tables'));
    return jsonAnswer(c, { presets, count: presets.length });
  },
});

export const presetRoute = defineRoute({
  config: createRoute({
    method: 'get',
    path: '/v1/presets/{id}',
    operationId: 'getV1PresetsId',
    summary: 'One preset',
    description: 'One preset.',
    tags: ['catalog'],
    request: { params: PresetParams },
    responses: {
      200: {
        description: 'The preset.',
        content: { 'application/json': { schema: PresetList.shape.presets.element } },
      },
      ...problemResponses(404),
      ...COMMON_RESPONSES,
    },
  }),
  examples: {
    200: { path: '/v1/presets/llm-finetune-lora-8xh100' },
    404: { path: '/v1/presets/llm-finetune' },
  },
  handler: (c) => jsonAnswer(c, describePreset(c.get('tables'), c.req.valid('param').id)),
});
