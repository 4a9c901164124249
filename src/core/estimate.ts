// The estimate: workload -> energy, emissions, range, water, SCI, and everything it rests on.
// Planning (plan.ts) resolves what the tables say about the workload's shape, once per shape
// (plan-cache.ts); each estimate then only works out its own hours and utilisations.
import type { EstimateResult, Workload } from './schemas.ts';
import type { Tables } from './tables.ts';
import { evaluatePlan } from './plan.ts';
import { planFor } from './plan-cache.ts';

export { METHODOLOGY_VERSION, shapeAi } from './plan.ts';

/** Energy, emissions, range and sources of one workload. Pure: tables are passed in. */
export function estimate(input: Workload, tables: Tables): EstimateResult {
  return evaluatePlan(planFor(input, tables), input);
}
