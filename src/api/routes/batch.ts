// POST /v1/batch: up to 10,000 workloads as JSON or CSV; results in order, as JSON or CSV.
import { defineRoute } from '../route.ts';
import { runBatch, shareProvenance } from '../../service/batch.ts';
import { formatBatchCsv } from '../../service/batch-csv.ts';
import { batchJsonStream } from '../../service/batch-json.ts';
import { readBatch, wantsCsv } from '../batch-body.ts';

export const batchRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/batch',
    summary: 'Estimate up to 10,000 workloads (JSON or text/csv); one result or error per item, in order',
    tags: ['decide'],
    request: {},
    handler: async (_input, c) => {
      const results = runBatch(await readBatch(c), c.get('tables'));
      if (wantsCsv(c)) return c.body(formatBatchCsv(results), 200, { 'content-type': 'text/csv; charset=utf-8' });
      return c.body(batchJsonStream(shareProvenance(results)), 200, { 'content-type': 'application/json' });
    },
  }),
];
