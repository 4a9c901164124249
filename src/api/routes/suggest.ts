// POST /v1/suggest: greener options for one workload (region, start time, hardware) with savings.
import { SuggestRequest } from '../../core/decision-schemas.ts';
import { defineRoute } from '../route.ts';
import { readWorkload } from '../workload-request.ts';
import { jsonAnswer } from '../json-text.ts';

export const suggestRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/suggest',
    summary: 'Lower-carbon options for one workload: region, start time and hardware, each with its saving',
    tags: ['decide'],
    request: { body: SuggestRequest },
    handler: ({ body }, c) => {
      const tables = c.get('tables');
      const { workload, preset } = readWorkload(body.workload, tables, 'workload');
      return jsonAnswer(c, c.get('estimator').suggest(workload, { ...body, assumptions: preset?.assumptions }));
    },
  }),
];
