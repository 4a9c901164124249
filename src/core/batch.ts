// Batch: many workload requests (plain or preset-based), each estimated on its own, in order.
import type { z } from 'zod';
import type { EstimateResult } from './schemas.ts';
import type { EstimatorContext } from './context.ts';
import { EstimateError } from './errors.ts';
import { parseWorkloadRequest, withPresetAssumptions } from './presets.ts';

export type BatchOutcome =
  | { readonly ok: true; readonly result: EstimateResult }
  | { readonly ok: false; readonly refusal: EstimateError }
  | {
      readonly ok: false;
      readonly issues: readonly z.core.$ZodIssue[];
      readonly schema: z.ZodType;
    };

/** Estimates each request; a refused one yields its refusal and the others go on. */
export function estimateBatch(requests: readonly unknown[], ctx: EstimatorContext): BatchOutcome[] {
  return requests.map((request) => estimateOne(request, ctx));
}

function estimateOne(request: unknown, ctx: EstimatorContext): BatchOutcome {
  try {
    const parsed = parseWorkloadRequest(request, ctx.tables);
    if (!parsed.ok) return parsed;
    return {
      ok: true,
      result: withPresetAssumptions(ctx.estimate(parsed.workload), parsed.preset),
    };
  } catch (err) {
    if (err instanceof EstimateError) return { ok: false, refusal: err };
    throw err;
  }
}
