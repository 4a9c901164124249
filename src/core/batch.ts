// Batch: many workload requests (plain or preset-based), each estimated on its own, in order.
import type { z } from 'zod';
import type { EstimateResult } from './schemas.ts';
import type { Tables } from './tables.ts';
import { EstimateError } from './errors.ts';
import { estimate } from './estimate.ts';
import { parseWorkloadRequest, withPresetAssumptions } from './presets.ts';

export type BatchOutcome =
  | { readonly ok: true; readonly result: EstimateResult }
  | { readonly ok: false; readonly refusal: EstimateError }
  | { readonly ok: false; readonly issues: readonly z.core.$ZodIssue[]; readonly schema: z.ZodType };

/** Estimates each request; a refused one yields its refusal and the others go on. */
export function estimateBatch(requests: readonly unknown[], tables: Tables): BatchOutcome[] {
  return requests.map((request) => estimateOne(request, tables));
}

function estimateOne(request: unknown, tables: Tables): BatchOutcome {
  try {
    const parsed = parseWorkloadRequest(request, tables);
    if (!parsed.ok) return parsed;
    return { ok: true, result: withPresetAssumptions(estimate(parsed.workload, tables), parsed.preset) };
  } catch (err) {
    if (err instanceof EstimateError) return { ok: false, refusal: err };
    throw err;
  }
}
