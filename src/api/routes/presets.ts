// GET /v1/presets and /v1/presets/:id: hand-written workloads, usable as `{ "preset": id }`.
import { z } from 'zod';
import { describePreset, listPresets } from '../../service/catalog-presets.ts';
import { defineRoute } from '../route.ts';
import { jsonAnswer } from '../json-text.ts';

export const PresetParams = z.object({ id: z.string().min(1).max(100) });

export const presetRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/presets',
    summary: 'Workload presets: id, name, category, description, workload, assumptions, references',
    tags: ['catalog'],
    request: {},
    handler: (_input, c) => {
      const presets = listPresets(c.get('tables'));
      return jsonAnswer(c, { presets, count: presets.length });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/presets/:id',
    summary: 'One preset',
    tags: ['catalog'],
    request: { params: PresetParams },
    handler: ({ params }, c) => jsonAnswer(c, describePreset(c.get('tables'), params.id)),
  }),
];
