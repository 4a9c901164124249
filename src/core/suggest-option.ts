// One suggestion: a changed workload's estimate, with its saving against the workload as given.
import type { EmissionsSummary, RankBy, Suggestion } from './decision-schemas.ts';
import type { EstimateResult } from './schemas.ts';
import { rankMeasure } from './compare.ts';

/** The result's emissions in the decision routes' shape. */
export function summariseResult(r: EstimateResult): EmissionsSummary {
  const e = r.emissionsKgCo2e;
  return {
    total: e.total,
    low: e.low,
    high: e.high,
    location: e.location,
    market: e.market,
    embodied: e.embodied,
  };
}

export interface Saving {
  readonly kgCo2eSaved: number;
  readonly pctSaved: number;
}

/** Saving of `e` against `baseKg`, in the ranking's measure; percent of the baseline. */
export function savingAgainst(baseKg: number, e: EmissionsSummary, rankBy: RankBy): Saving {
  const saved = baseKg - rankMeasure(rankBy)(e);
  return { kgCo2eSaved: saved, pctSaved: baseKg > 0 ? (saved / baseKg) * 100 : 0 };
}

export function makeSuggestion(
  kind: Suggestion['kind'],
  label: string,
  change: Suggestion['change'],
  result: EstimateResult,
  baseKg: number,
  rankBy: RankBy,
  assumption: string,
): Suggestion {
  const emissionsKgCo2e = summariseResult(result);
  return {
    kind,
    label,
    change,
    energyKwh: result.energyKwh.total,
    emissionsKgCo2e,
    ...savingAgainst(baseKg, emissionsKgCo2e, rankBy),
    assumption,
  };
}

/** `n` to `digits` significant digits, for sentences. */
export function roundTo(n: number, digits = 3): number {
  return Number(n.toPrecision(digits));
}
