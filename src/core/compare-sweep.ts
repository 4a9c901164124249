// One workload over many places, fast: the place-independent part of the estimate (AI shape, IT
// energy, embodied) once, then per place only PUE, grid intensity and carbon-free share, through
// the same steps as `estimate()` (evaluate.ts).
import type { Workload } from './schemas.ts';
import type { Bounded } from './range.ts';
import type { ResolvedPlace } from './resolve-location.ts';
import type { EstimatorContext } from './context.ts';
import { Ledger } from './ledger.ts';
import { logSpread, multiplyBounded } from './range.ts';
import { planItEnergy } from './energy.ts';
import { planEmbodied } from './embodied.ts';
import type { ItKwh } from './evaluate.ts';
import {
  boundFacility,
  boundLocation,
  itBounds,
  itEnergy,
  shareEmbodied,
  startRun,
  sumTotal,
} from './evaluate.ts';
import { resolvePue } from './pue.ts';
import { resolveCarbonFreeShare, resolveIntensity } from './carbon.ts';
import { requireHours, resolveWorkHardware, shapeAi } from './plan.ts';

/** What does not depend on where the workload runs. */
export interface SweepBase {
  /** The workload after its AI shape (durationHours filled in). */
  readonly workload: Workload;
  readonly durationHours: number;
  readonly hoursFactor: Bounded;
  readonly it: ItKwh;
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
  const it = itEnergy(itPlan, w, hours);
  const run = startRun(hours, it);
  shareEmbodied(run, planEmbodied(w, instance, itPlan, tables, ledger));
  // The hours factor applies after the share here (before it in plan.ts): the recorded compare answers hold these doubles.
  const embodied = multiplyBounded(
    { central: run.embodiedKg, low: run.embodiedLowKg, high: run.embodiedHighKg },
    hoursFactor,
  );
  return {
    workload: w,
    durationHours: hours,
    hoursFactor,
    it,
    itKwh: itBounds(it),
    embodiedKg: embodied,
    assumptions: ledger.assumptions,
  };
}

/** The place-dependent part of `estimate()`: `no_grid_data` when the place has no grid zone. */
export function evaluatePlace(
  base: SweepBase,
  place: ResolvedPlace,
  ctx: EstimatorContext,
  ledger: Ledger,
): PlaceFigures {
  const w = base.workload;
  const pue = resolvePue(w, place.region, ctx.tables, ledger).pue;
  const r = startRun(base.durationHours, base.it);
  boundFacility(
    r,
    pue.central,
    base.hoursFactor.central,
    logSpread(base.itKwh, pue),
    logSpread(base.hoursFactor),
  );
  const grid = resolveIntensity(w, place, base.durationHours, ctx.tables, ledger);
  // The facility's spread is read back from its bounds (plan.ts sums its factors'): the recorded compare answers hold these doubles.
  const facility = { central: r.facilityKwh, low: r.facilityLowKwh, high: r.facilityHighKwh };
  boundLocation(r, grid.intensity.central, logSpread(facility), logSpread(grid.intensity));
  const e = base.embodiedKg;
  [r.embodiedKg, r.embodiedLowKg, r.embodiedHighKg] = [e.central, e.low, e.high];
  sumTotal(r);
  const cfe = resolveCarbonFreeShare(w, place.region, ledger);
  return {
    energyKwh: r.facilityKwh,
    pue: pue.central,
    intensityGCo2ePerKwh: grid.intensity.central,
    intensityYear: grid.year,
    carbonFreeShare: cfe,
    total: { central: r.totalKg, low: r.totalLowKg, high: r.totalHighKg },
    locationKg: r.locationKg,
    marketKg: r.locationKg * (1 - cfe),
    embodiedKg: e.central,
  };
}
