// POST /v1/suggest: greener options for one workload (region, start time, hardware) with savings.
import { createRoute } from '@hono/zod-openapi';
import { SuggestRequest, SuggestResult } from '../../core/decision-schemas.ts';
import { jsonAnswer } from '../json-text.ts';
import { defineRoute } from '../route.ts';
import {
  bodyErrorExamples,
  COMMON_RESPONSES,
  JOB,
  problemResponses,
  TOO_LARGE,
  WorkloadRequestInside,
} from '../route-docs.ts';
import { jsonBody } from '../validate.ts';
import { readWorkload } from '../../service/workload-request.ts';

const EXAMPLE = {
  workload: { ...JOB, start: '2025-03-03T08:00:00Z' },
  flexibility: { delayHours: 24 },
  top: 2,
};

export const suggestRoute = defineRoute({
  config: createRoute({
    method: 'post',
    path: '/v1/suggest',
    operationId: 'postV1Suggest',
    summary:
      'Lower-carbon options for one workload: region, start time and hardware, each with its saving',
    description:
      'Lower-carbon options for one workload — another region, a later start (with `workload.start` and a flexibility), other hardware — each with its saving and the assumption it rests on, and the best combination.',
    tags: ['decide'],
    middleware: [jsonBody()],
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: SuggestRequest.extend({ workload: WorkloadRequestInside }),
            example: EXAMPLE,
          },
        },
      },
    },
    responses: {
      200: {
        description: 'The options.',
        content: { 'application/json': { schema: SuggestResult } },
      },
      ...problemResponses(400, 415, 422),
      ...TOO_LARGE,
      ...COMMON_RESPONSES,
    },
  }),
  examples: {
    200: { path: '/v1/suggest', body: EXAMPLE },
    ...bodyErrorExamples('/v1/suggest'),
    422: {
      path: '/v1/suggest',
      body: { workload: JOB, flexibility: { delayHours: 24, deadline: '2025-03-04T00:00:00Z' } },
    },
  },
  handler: (c) => {
    const body = c.req.valid('json');
    const tables = c.get('tables');
    const { workload, preset } = readWorkload(body.workload, tables, 'workload');
    return jsonAnswer(
      c,
      c.get('estimator').suggest(workload, { ...body, assumptions: preset?.assumptions }),
    );
  },
});
