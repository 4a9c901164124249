// POST /v1/batch: up to 10,000 workloads as JSON or CSV; results in order, as JSON or CSV.
import { defineRoute } from '../route.ts';
import { readBatch, runBatch, shareProvenance, wantsCsv } from '../batch-request.ts';
import { formatBatchCsv } from '../batch-csv.ts';
import { batchJsonStream } from '../batch-json.ts';

/** The batch route's own body limit: 10,000 workloads do not fit in the default 1 MiB. */
export const MAX_BATCH_BODY_BYTES = 16 * 1024 * 1024;

export const batchRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/batch',
    summary: 'Estimate up to 10,000 workloads (JSON or text/csv); one result or error per item, in order',
    tags: ['decide'],
    request: {},
    handler: async (_input, c) => {
      const results = runBatch(await readBatch(c), c.get('estimator'));
      if (wantsCsv(c)) return c.body(formatBatchCsv(results), 200, { 'content-type': 'text/csv; charset=utf-8' });
      return c.body(batchJsonStream(shareProvenance(results)), 200, { 'content-type': 'application/json' });
    },
  }),
];
