// POST /v1/compare: one workload over many regions (and alternative GPUs), ranked.
import { CompareRequest } from '../../core/decision-schemas.ts';
import { defineRoute } from '../route.ts';
import { readWorkload } from '../workload-request.ts';
import { jsonAnswer } from '../json-text.ts';

export const compareRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/compare',
    summary: 'Rank one workload over candidate regions (and alternative GPUs) by kgCO2e',
    tags: ['decide'],
    request: { body: CompareRequest },
    handler: ({ body }, c) => {
      const tables = c.get('tables');
      const { workload, preset } = readWorkload(body.workload, tables, 'workload');
      return jsonAnswer(c, c.get('estimator').compare(workload, { ...body, assumptions: preset?.assumptions }));
    },
  }),
];
