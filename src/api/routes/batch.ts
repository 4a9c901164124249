// POST /v1/batch: up to 10,000 workloads as JSON or CSV; results in order, as JSON or CSV.
import { createRoute } from '@hono/zod-openapi';
import { BatchResult } from '../../core/decision-schemas.ts';
import { readBatch, wantsCsv } from '../batch-body.ts';
import { runBatch, shareProvenance } from '../../service/batch.ts';
import { formatBatchCsv } from '../../service/batch-csv.ts';
import { batchJsonStream } from '../../service/batch-json.ts';
import { defineRoute } from '../route.ts';
import {
  bodyErrorExamples,
  COMMON_RESPONSES,
  JOB,
  problemResponses,
  TOO_LARGE,
} from '../route-docs.ts';

const EXAMPLE = {
  workloads: [
    JOB,
    { location: 'FR', durationHours: 10, cpu: { threads: 8 } },
    { location: 'nowhere', durationHours: 1, cpu: { threads: 1 } },
  ],
};
const CSV_EXAMPLE =
  'location,durationHours,gpu,gpuCount\r\naws:us-east-1,36,H100 SXM,8\r\nFR,10,,\r\n';

export const batchRoute = defineRoute({
  config: createRoute({
    method: 'post',
    path: '/v1/batch',
    operationId: 'postV1Batch',
    summary:
      'Estimate up to 10,000 workloads (JSON or text/csv); one result or error per item, in order',
    description:
      'Up to 10,000 workloads as JSON (`{ "workloads": [...] }`) or CSV (`content-type: text/csv`, one workload per row); one result or problem per item, in order. `Accept: text/csv` answers CSV.',
    tags: ['decide'],
    // Not validated by the framework: the handler reads JSON or CSV, then each item on its own
    // (the BatchRequest component is registered by createApp).
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/BatchRequest' },
            example: EXAMPLE,
          },
          'text/csv': {
            schema: {
              type: 'string',
              description:
                'One workload per row; the header names the columns (location, durationHours, instance, instanceCount, gpu, gpuCount, gpuUtilization, cpu, cpuThreads, memoryGb, ...).',
            },
            example: CSV_EXAMPLE,
          },
        },
      },
    },
    responses: {
      200: {
        description:
          'One item per workload, in order: `{ ok: true, result, provenance }` or `{ ok: false, error }`. The assumptions, factors and sources a result rests on are listed once in `provenance` (items of the same workload shape share an entry); `{ ...result, ...provenance[item.provenance] }` is the whole estimate, as `/v1/estimate` answers it.',
        content: {
          'application/json': { schema: BatchResult },
          'text/csv': {
            schema: {
              type: 'string',
              description: 'One row per workload: row, ok, error, then the figures.',
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
    200: { path: '/v1/batch', body: EXAMPLE },
    '200 text/csv': {
      path: '/v1/batch',
      raw: {
        contentType: 'text/csv',
        text: 'location,durationHours,gpu,gpuCount\r\naws:us-east-1,36,H100 SXM,8\r\nnowhere,1,H100 SXM,1\r\n',
      },
      headers: { accept: 'text/csv' },
    },
    ...bodyErrorExamples('/v1/batch'),
    422: { path: '/v1/batch', body: { jobs: [] } },
  },
  handler: async (c) => {
    const results = runBatch(await readBatch(c), c.get('estimator'));
    if (wantsCsv(c))
      return c.body(formatBatchCsv(results), 200, { 'content-type': 'text/csv; charset=utf-8' });
    return c.body(batchJsonStream(shareProvenance(results)), 200, {
      'content-type': 'application/json',
    });
  },
});
