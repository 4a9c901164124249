// POST /v1/compare: one workload over many regions (and alternative GPUs), ranked.
import { createRoute } from '@hono/zod-openapi';
import { CompareRequest, CompareResult } from '../../core/decision-schemas.ts';
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

const EXAMPLE = { workload: JOB, regions: { provider: 'aws', continent: 'Europe' }, top: 3 };

export const compareRoute = defineRoute({
  config: createRoute({
    method: 'post',
    path: '/v1/compare',
    operationId: 'postV1Compare',
    summary: 'Rank one workload over candidate regions (and alternative GPUs) by kgCO2e',
    description:
      'The same workload over candidate regions (filters: provider, country, continent, ids) and optionally alternative GPUs, ranked by location- or market-based emissions, with the saving against a baseline.',
    tags: ['decide'],
    middleware: [jsonBody()],
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: CompareRequest.extend({ workload: WorkloadRequestInside }),
            example: EXAMPLE,
          },
        },
      },
    },
    responses: {
      200: {
        description: 'The ranking.',
        content: { 'application/json': { schema: CompareResult } },
      },
      ...problemResponses(400, 415, 422),
      ...TOO_LARGE,
      ...COMMON_RESPONSES,
    },
  }),
  examples: {
    200: { path: '/v1/compare', body: EXAMPLE },
    ...bodyErrorExamples('/v1/compare'),
    422: { path: '/v1/compare', body: { workload: { ...JOB, location: 'aws:us-east-9' } } },
  },
  handler: (c) => {
    const body = c.req.valid('json');
    const tables = c.get('tables');
    const { workload, preset } = readWorkload(body.workload, tables, 'workload');
    return jsonAnswer(
      c,
      c.get('estimator').compare(workload, { ...body, assumptions: preset?.assumptions }),
    );
  },
});
