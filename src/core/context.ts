// What the steps behind one estimator share (createEstimator builds it): its tables, the ledger
// store it owns, and its estimate through its own plan cache.
import type { EstimateResult, Workload } from './schemas.ts';
import type { Tables } from './tables.ts';
import type { LedgerStore } from './ledger.ts';

export interface EstimatorContext {
  readonly tables: Tables;
  readonly store: LedgerStore;
  estimate(w: Workload): EstimateResult;
}
