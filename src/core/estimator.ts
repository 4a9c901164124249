// createEstimator(tables): every core entry point over one set of tables, with the caches they
// share (plans by workload shape, the ledger's recorded steps, the source index) owned here, so
// core keeps no module-level state and two estimators never see each other's entries.
import type { EstimateResult, Workload } from './schemas.ts';
import type { Tables } from './tables.ts';
import type { CompareResult, SuggestResult } from './decision-schemas.ts';
import type { EstimatorContext } from './context.ts';
import type { CompareOptions } from './compare.ts';
import type { SuggestOptions } from './suggest.ts';
import type { BatchOutcome } from './batch.ts';
import { createLedgerStore } from './ledger.ts';
import { indexSources } from './source-index.ts';
import { planEstimate } from './plan.ts';
import { PlanCache } from './plan-cache.ts';
import { estimateFromPlan } from './estimate.ts';
import { compareRegions } from './compare.ts';
import { suggestOptions } from './suggest.ts';
import { estimateBatch } from './batch.ts';

export interface Estimator {
  readonly tables: Tables;
  /** Energy, emissions, range and sources of one workload. */
  estimate(w: Workload): EstimateResult;
  /** The workload over every candidate region (and alternative GPUs), ranked. */
  compare(w: Workload, options: CompareOptions): CompareResult;
  /** Region, start-time and hardware options with their savings. */
  suggest(w: Workload, options: SuggestOptions): SuggestResult;
  /** Each request (plain or preset-based) estimated on its own, in order; a refusal stays in its place. */
  batch(requests: readonly unknown[]): BatchOutcome[];
}

/** The estimator over `tables`; pure apart from the caches it owns (none changes an answer). */
export function createEstimator(tables: Tables): Estimator {
  const store = createLedgerStore(indexSources(tables.sources));
  const plans = new PlanCache((w) => planEstimate(w, tables, store));
  const ctx: EstimatorContext = {
    tables,
    store,
    estimate: (w) => estimateFromPlan(plans.planFor(w), w),
  };
  return {
    tables,
    estimate: ctx.estimate,
    compare: (w, options) => compareRegions(w, ctx, options),
    suggest: (w, options) => suggestOptions(w, ctx, options),
    batch: (requests) => estimateBatch(requests, ctx),
  };
}

export type { CompareOptions, SuggestOptions, BatchOutcome };
