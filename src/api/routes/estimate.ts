// POST /v1/estimate: one workload (or a preset with overrides) in, its energy, emissions, range and
// sources out — as JSON, CSV or a BoAmps report (src/api/estimate-format.ts).
import { withPresetAssumptions } from '../../core/presets.ts';
import { WorkloadRequest } from '../../core/decision-schemas.ts';
import { applyLiveGrid } from '../../live/apply.ts';
import { defineRoute } from '../route.ts';
import { EstimateQuery, respondEstimate } from '../estimate-format.ts';
import { readWorkload } from '../workload-request.ts';

export const estimateRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/estimate',
    summary: 'Estimate energy and emissions of one workload, or of a preset with overrides',
    tags: ['estimate'],
    request: { body: WorkloadRequest, query: EstimateQuery },
    handler: async ({ body, query }, c) => {
      const tables = c.get('tables');
      const { workload, preset } = readWorkload(body, tables);
      // A configured live grid provider stands in for the annual average (the tables otherwise).
      const live = await applyLiveGrid(workload, tables, c.get('liveGrid'));
      const result = live.annotate(withPresetAssumptions(c.get('estimator').estimate(live.workload), preset));
      return respondEstimate(c, workload, result, query.format);
    },
  }),
];
