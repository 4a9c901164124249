// One workload over many places, fast: the place-independent part of the estimate (AI shape, IT
// energy, embodied) once, then per place only PUE, grid intensity and carbon-free share — the same
// steps, in the same order, as `estimate()`.
import type { Workload } from './schemas.ts';
import type { Tables } from './tables.ts';
import type { Bounded } from './range.ts';
import type { ResolvedPlace } from './resolve-location.ts';
import { Ledger } from './ledger.ts';
import { indexSources } from './source-index.ts';
import { addBounded, multiplyBounded, scaleBy } from './range.ts';
import { itEnergyAt, planItEnergy } from './energy.ts';
import { embodiedAt, planEmbodied } from './embodied.ts';
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
export function prepareSweep(input: Workload, tables: Tables): SweepBase {
  const ledger = new Ledger(indexSources(tables.sources));
  const shape = shapeAi(input, tables, ledger);
  const w = shape?.workload ?? input;
  const hours = requireHours(w);
  const instance = resolveWorkHardware(w, tables);
  const itPlan = planItEnergy(w, instance, tables, ledger);
  const it = itEnergyAt(itPlan, w, hours);
  const itKwh = addBounded(it.cpu, it.gpu, it.memory, it.storage, it.network);
  const hoursFactor = shape?.hoursFactor ?? EXACT;
  const embodiedKg = multiplyBounded(embodiedAt(planEmbodied(w, instance, itPlan, tables, ledger), hours), hoursFactor);
  return { workload: w, durationHours: hours, hoursFactor, itKwh, embodiedKg, assumptions: ledger.assumptions };
}

/** The place-dependent part of `estimate()`: `no_grid_data` when the place has no grid zone. */
export function evaluatePlace(base: SweepBase, place: ResolvedPlace, tables: Tables, ledger: Ledger): PlaceFigures {
  const w = base.workload;
  const pue = resolvePue(w, place.region, tables, ledger);
  const facility = multiplyBounded(base.itKwh, pue.pue, base.hoursFactor);
  const grid = resolveIntensity(w, place, base.durationHours, tables, ledger);
  const operational = scaleBy(multiplyBounded(facility, grid.intensity), 1 / 1000);
  const cfe = resolveCarbonFreeShare(w, place.region, ledger);
  const total = addBounded(operational, base.embodiedKg);
  return {
    energyKwh: facility.central,
    pue: pue.pue.central,
    intensityGCo2ePerKwh: grid.intensity.central,
    intensityYear: grid.year,
    carbonFreeShare: cfe,
    total,
    locationKg: operational.central,
    marketKg: operational.central * (1 - cfe),
    embodiedKg: base.embodiedKg.central,
  };
}
