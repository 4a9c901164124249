// Core's entry points over any tables, as the tests call them: one estimator per tables object
// (as src/data builds one over the embedded tables), so its caches serve the whole test file.
import type { Estimator } from '../../src/core/estimator.ts';
import type { EstimateResult, Workload } from '../../src/core/schemas.ts';
import type { Tables } from '../../src/core/tables.ts';
import type { CompareOptions, SuggestOptions, BatchOutcome } from '../../src/core/estimator.ts';
import type { CompareResult, SuggestResult } from '../../src/core/decision-schemas.ts';
import { createEstimator } from '../../src/core/estimator.ts';

const estimators = new WeakMap<Tables, Estimator>();

/** The estimator of `tables` (made at its first use). */
export function estimatorFor(tables: Tables): Estimator {
  let estimator = estimators.get(tables);
  if (!estimator) estimators.set(tables, (estimator = createEstimator(tables)));
  return estimator;
}

export const estimate = (w: Workload, tables: Tables): EstimateResult =>
  estimatorFor(tables).estimate(w);
export const compareRegions = (
  w: Workload,
  tables: Tables,
  options: CompareOptions,
): CompareResult => estimatorFor(tables).compare(w, options);
export const suggestOptions = (
  w: Workload,
  tables: Tables,
  options: SuggestOptions,
): SuggestResult => estimatorFor(tables).suggest(w, options);
export const estimateBatch = (requests: readonly unknown[], tables: Tables): BatchOutcome[] =>
  estimatorFor(tables).batch(requests);
