// POST /v1/estimate: one workload (or a preset with overrides) in, its energy, emissions, range and
// sources out.
import { estimate } from '../../core/estimate.ts';
import { withPresetAssumptions } from '../../core/presets.ts';
import { WorkloadRequest } from '../../core/decision-schemas.ts';
import { defineRoute } from '../route.ts';
import { readWorkload } from '../workload-request.ts';

export const estimateRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/estimate',
    summary: 'Estimate energy and emissions of one workload, or of a preset with overrides',
    tags: ['estimate'],
    request: { body: WorkloadRequest },
    handler: ({ body }, c) => {
      const tables = c.get('tables');
      const { workload, preset } = readWorkload(body, tables);
      return c.json(withPresetAssumptions(estimate(workload, tables), preset));
    },
  }),
];
