// POST /v1/estimate: one workload (or a preset with overrides) in, its energy, emissions, range and
// sources out — as JSON, CSV or a BoAmps report (src/api/estimate-format.ts).
import { createRoute } from '@hono/zod-openapi';
import { withPresetAssumptions } from '../../core/presets.ts';
import { EstimateResult } from '../../core/schemas.ts';
import { applyLiveGrid } from '../../live/apply.ts';
import { respondEstimate } from '../estimate-response.ts';
import { BOAMPS_MEDIA_TYPE, EstimateQuery } from '../../service/estimate-format.ts';
import { defineRoute } from '../route.ts';
import {
  bodyErrorExamples,
  COMMON_RESPONSES,
  JOB,
  problemResponses,
  TOO_LARGE,
  WorkloadRequestBody,
} from '../route-docs.ts';
import { jsonBody } from '../validate.ts';
import { readWorkloadRequest } from '../../service/workload-request.ts';

export const estimateRoute = defineRoute({
  config: createRoute({
    method: 'post',
    path: '/v1/estimate',
    operationId: 'postV1Estimate',
    summary: 'Estimate energy and emissions of one workload, or of a preset with overrides',
    description:
      'Energy (kWh) and emissions (kgCO2e) of one workload, split by component and kind, with a low–high range, every factor used (value, unit, source, year), the assumptions taken and the sources. Give `{ "preset": id, ...overrides }` to start from a preset. `?format=csv` or `Accept: text/csv` answers CSV; `?format=boamps` or `Accept: application/vnd.boamps+json` a BoAmps AI energy report. With a live grid provider configured on the server, the grid intensity can come from it (`source: live:<provider>`).',
    tags: ['estimate'],
    middleware: [jsonBody()],
    request: {
      query: EstimateQuery,
      body: {
        required: true,
        content: { 'application/json': { schema: WorkloadRequestBody, example: JOB } },
      },
    },
    responses: {
      200: {
        description: 'The estimate.',
        content: {
          'application/json': { schema: EstimateResult },
          'text/csv': {
            schema: {
              type: 'string',
              description:
                'A header row and one result row (the first columns are those of /v1/batch CSV results).',
            },
          },
          [BOAMPS_MEDIA_TYPE]: {
            schema: {
              type: 'object',
              description: 'A BoAmps 1.1.0 report (Boavizta) declaring the estimate as such.',
            },
          },
        },
      },
      ...problemResponses(400, 415, 422),
      ...TOO_LARGE,
      ...COMMON_RESPONSES,
    },
  }),
  examples: {
    200: { path: '/v1/estimate', body: JOB },
    '200 text/csv': { path: '/v1/estimate?format=csv', body: JOB },
    [`200 ${BOAMPS_MEDIA_TYPE}`]: { path: '/v1/estimate?format=boamps', body: JOB },
    ...bodyErrorExamples('/v1/estimate'),
    422: {
      path: '/v1/estimate',
      body: { ...JOB, gpu: { model: 'H100 SXM', count: -8 }, colour: 'green' },
    },
  },
  handler: async (c) => {
    const tables = c.get('tables');
    const { workload, preset } = readWorkloadRequest(c.req.valid('json'), tables);
    // A configured live grid provider stands in for the annual average (the tables otherwise).
    const live = await applyLiveGrid(workload, tables, c.get('liveGrid'));
    const result = live.annotate(
      withPresetAssumptions(c.get('estimator').estimate(live.workload), preset),
    );
    return respondEstimate(c, workload, result, c.req.valid('query').format);
  },
});
