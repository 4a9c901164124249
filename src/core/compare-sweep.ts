// One workload over many places, fast: the place-independent part of the estimate (AI shape, IT
// energy, embodied) once, then per place only PUE, grid intensity and carbon-free share, through
// the same steps as `estimate()` (evaluate.ts).
import type { Workload } from './schemas.ts';
import type { Bounded, LogSpread } from './range.ts';
import type { ResolvedPlace } from './resolve-location.ts';
import type { EstimatorContext } from './context.ts';
import { Ledger } from './ledger.ts';
import { logSpread, multiplyBounded } from './range.ts';
import { planItEnergy } from './energy.ts';
import { planEmbodied } from './embodied.ts';
import { embodiedKg, facilityKwh, itBounds, itEnergy, locationKg, totalKg } from './evaluate.ts';
import { resolvePue } from './pue.ts';
import { resolveCarbonFreeShare, resolveIntensity } from './carbon.ts';
import { requireHours, resolveWorkHardware, shapeAi } from './plan.ts';

/** What does not depend on where the workload runs. */
export interface SweepBase {
  /** The workload after its AI shape (durationHours filled in). */
  readonly workload: Workload;
  readonly durationHours: number;
  readonly hoursFactor: Bounded;
  readonly itKwh: Bounded;
  readonly embodiedKg: Bounded;
  readonly assumptions: readonly string[];
}

/** Emissions of one workload in one place. */
export interface PlaceFigures {
  readonly energyKwh: number;
  readonly pue: number;
  readonly intensityGCo2ePerKwh: number;
  readonly intensityYear: number | null;
  readonly carbonFreeShare: number;
  readonly total: Bounded;
  readonly locationKg: number;
  readonly marketKg: number;
  readonly embodiedKg: number;
}

const EXACT: Bounded = { central: 1, low: 1, high: 1 };

/** The place-independent part of `estimate()`; throws the same refusals it would. */
export function prepareSweep(input: Workload, ctx: EstimatorContext): SweepBase {
  const { tables } = ctx;
  const ledger = new Ledger(ctx.store);
  const shape = shapeAi(input, tables, ledger);
  const w = shape?.workload ?? input;
  const hours = requireHours(w);
  const instance = resolveWorkHardware(w, tables);
  const itPlan = planItEnergy(w, instance, tables, ledger);
  const hoursFactor = shape?.hoursFactor ?? EXACT;
  // The hours factor applies after the share here (before it in plan.ts): the recorded compare answers hold these doubles.
  const embodied = multiplyBounded(embodiedKg(planEmbodied(w, instance, itPlan, tables, ledger), hours), hoursFactor);
  const itKwh = itBounds(itEnergy(itPlan, w, hours));
  return { workload: w, durationHours: hours, hoursFactor, itKwh, embodiedKg: embodied, assumptions: ledger.assumptions };
}

/** The place-dependent part of `estimate()`: `no_grid_data` when the place has no grid zone. */
export function evaluatePlace(base: SweepBase, place: ResolvedPlace, ctx: EstimatorContext, ledger: Ledger): PlaceFigures {
  const w = base.workload;
  const pue = resolvePue(w, place.region, ctx.tables, ledger).pue;
  const facility = facilityKwh(base.itKwh.central, pue.central, base.hoursFactor.central, logSpread(base.itKwh, pue, base.hoursFactor));
  const grid = resolveIntensity(w, place, base.durationHours, ctx.tables, ledger);
  const location = locationKg(facility.central, grid.intensity.central, gridSpread(facility, grid.intensity));
  const cfe = resolveCarbonFreeShare(w, place.region, ledger);
  return {
    energyKwh: facility.central,
    pue: pue.central,
    intensityGCo2ePerKwh: grid.intensity.central,
    intensityYear: grid.year,
    carbonFreeShare: cfe,
    total: totalKg(location, base.embodiedKg),
    locationKg: location.central,
    marketKg: location.central * (1 - cfe),
    embodiedKg: base.embodiedKg.central,
  };
}

/** The facility's spread read back from its bounds (plan.ts sums the factors'): the recorded compare answers hold these doubles. */
function gridSpread(facility: Bounded, intensity: Bounded): LogSpread {
  return logSpread(facility, intensity);
}
