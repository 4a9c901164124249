// placeholder: implemented next
import type { Tables } from './tables.ts';
import type { EstimateResult, Workload } from './schemas.ts';
import { EstimateError } from './errors.ts';

/** Energy, emissions, range and sources of one workload. Pure: tables are passed in. */
export function estimate(workload: Workload, tables: Tables): EstimateResult {
  void tables;
  throw new EstimateError('empty_workload', [], `not implemented for ${workload.location}`);
}
