// POST /v1/estimate: one workload in, its energy, emissions, range and sources out.
import { estimate } from '../../core/estimate.ts';
import { Workload } from '../../core/schemas.ts';
import { defineRoute } from '../route.ts';

export const estimateRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/estimate',
    summary: 'Estimate energy and emissions of one workload',
    tags: ['estimate'],
    request: { body: Workload },
    handler: ({ body }, c) => c.json(estimate(body, c.get('tables'))),
  }),
];
