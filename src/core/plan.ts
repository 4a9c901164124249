// The estimate in two steps. planEstimate resolves everything that depends on the tables and the
// workload's shape: place, hardware, coefficients, PUE, grid intensity, embodied footprint, and the
// factors, assumptions and sources they rest on. evaluatePlan does the arithmetic for one run's
// hours and utilisations. A plan is immutable, so estimates of the same shape can share it
// (plan-cache.ts) and only the per-run numbers are allocated.
import type { AiResult, EstimateResult, Factor, Workload } from './schemas.ts';
import type { Instance, Tables } from './tables.ts';
import type { AiShape } from './ai-training.ts';
import type { Bounded } from './range.ts';
import type { EmbodiedPlan } from './embodied.ts';
import type { ItEnergy, ItPlan } from './energy.ts';
import type { SourceSummary } from './source-index.ts';
import { shapeTraining } from './ai-training.ts';
import { shapeInference } from './ai-inference.ts';
import { EstimateError } from './errors.ts';
import { Ledger } from './ledger.ts';
import { indexSources, summarizeSources } from './source-index.ts';
import type { LogSpread } from './range.ts';
import { ZERO, logSpread, multiplyBounded, scaleBy, withLogSpread } from './range.ts';
import { resolvePlace } from './resolve-location.ts';
import { resolveInstance } from './resolve-hardware.ts';
import { itEnergyAt, planItEnergy } from './energy.ts';
import { resolvePue, resolveWue } from './pue.ts';
import { resolveCarbonFreeShare, resolveIntensity } from './carbon.ts';
import { embodiedAt, planEmbodied } from './embodied.ts';

/** Version of the estimation method; changes whenever a number for the same input may change. */
export const METHODOLOGY_VERSION = '2026.11-2';

type Resolved = EstimateResult['resolved'];

export interface EstimatePlan {
  /** Hours from an AI shape; null: the workload's durationHours. */
  readonly hours: number | null;
  readonly hoursFactor: Bounded;
  readonly ai: AiShape | null;
  readonly it: ItPlan;
  readonly pue: Bounded;
  readonly intensity: Bounded;
  /** Log-spreads of PUE × hours factor (facility) and of that × intensity (operational). */
  readonly facilitySpread: LogSpread;
  readonly operationalSpread: LogSpread;
  readonly carbonFreeShare: number;
  readonly embodied: EmbodiedPlan;
  readonly wueLPerKwh: number | null;
  readonly location: Resolved['location'];
  readonly resolvedPue: Resolved['pue'];
  readonly instance: Resolved['instance'];
  readonly water: Resolved['water'];
  readonly factors: readonly Factor[];
  readonly assumptions: readonly string[];
  readonly sources: readonly SourceSummary[];
}

const EXACT: Bounded = Object.freeze({ central: 1, low: 1, high: 1 });

/** Resolves everything the estimate of `input` rests on; throws the refusals estimate() makes. */
export function planEstimate(input: Workload, tables: Tables): EstimatePlan {
  const sources = indexSources(tables.sources);
  const ledger = new Ledger(sources);
  const ai = shapeAi(input, tables, ledger);
  const w = ai?.workload ?? input;
  const hours = requireHours(w);
  const place = resolvePlace(w.location, tables);
  const instance = resolveWorkHardware(w, tables);

  const it = planItEnergy(w, instance, tables, ledger);
  const pue = resolvePue(w, place.region, tables, ledger);
  // Hourly intensity depends on the hours; such workloads are planned per run (plan-cache.ts).
  const grid = resolveIntensity(w, place, hours, tables, ledger);
  const cfe = resolveCarbonFreeShare(w, place.region, ledger);
  const embodiedPlan = planEmbodied(w, instance, it, tables, ledger);
  // The hours factor of an AI shape bounds the embodied share as it bounds the energy.
  const embodied = ai ? { ...embodiedPlan, kg: multiplyBounded(embodiedPlan.kg, ai.hoursFactor) } : embodiedPlan;
  const wue = resolveWue(place.region, w.year, tables, ledger);

  // Frozen, so that every estimate of this shape can hand out the same lists (and the HTTP shell
  // can reuse their encoded bytes: api/json-bytes.ts). The run's own hours and utilisations are
  // not factors (they are the activity, shown in durationHours and resolved): nothing here varies per run.
  const factors = ledger.factors;
  for (const f of factors) Object.freeze(f);
  Object.freeze(factors);
  const hoursFactor = ai?.hoursFactor ?? EXACT;
  return {
    hours: ai ? hours : null,
    hoursFactor,
    ai,
    it,
    pue: pue.pue,
    intensity: grid.intensity,
    facilitySpread: logSpread(pue.pue, hoursFactor),
    operationalSpread: logSpread(pue.pue, hoursFactor, grid.intensity),
    carbonFreeShare: cfe,
    embodied,
    wueLPerKwh: wue.wueLPerKwh,
    location: Object.freeze({
      input: w.location,
      kind: place.kind,
      regionId: place.region?.id ?? null,
      name: place.region?.name ?? place.zone?.name ?? w.location,
      zone: place.zone?.id ?? null,
      countryIso2: place.region?.countryIso2 ?? place.zone?.countryIso2 ?? null,
      intensityGCo2ePerKwh: grid.intensity.central,
      year: grid.year,
      basis: grid.basis,
      source: grid.source,
    }),
    resolvedPue: Object.freeze({ value: pue.pue.central, source: pue.source, year: pue.year }),
    instance: instance ? Object.freeze({ id: instance.id, count: w.instance?.count ?? 1, vcpu: instance.vcpu, memoryGb: instance.memoryGb }) : null,
    water: Object.freeze({ ...wue }),
    factors,
    assumptions: Object.freeze(ledger.assumptions),
    sources: Object.freeze(summarizeSources(sources, ledger.sourceIds)),
  };
}

/** Energy, emissions, range and sources of one run of the planned workload `w`. */
export function evaluatePlan(p: EstimatePlan, input: Workload): EstimateResult {
  // An AI shape is planned per run and may derive the devices' draw: its own workload is the run.
  const w = p.ai?.workload ?? input;
  const hours = p.hours ?? w.durationHours!;
  const it = itEnergyAt(p.it, w, hours);
  const itTotal = sumOfParts(it);
  const pueValue = p.pue.central;
  const gPerKwh = p.intensity.central;
  // multiplyBounded(itTotal, pue, hoursFactor) and × intensity / 1000, with the plan's part of the
  // log-spreads summed once: only the IT energy's own spread is worked out per run.
  let facility = ZERO;
  let operational = ZERO;
  if (itTotal.central !== 0) {
    const down = Math.log(itTotal.central / itTotal.low);
    const up = Math.log(itTotal.high / itTotal.central);
    const down2 = down * down;
    const up2 = up * up;
    // In multiplyBounded's order, so the central figure is the same double compare-sweep computes.
    facility = withLogSpread(itTotal.central * pueValue * p.hoursFactor.central, down2 + p.facilitySpread.down2, up2 + p.facilitySpread.up2);
    if (gPerKwh !== 0) operational = scaleBy(withLogSpread(facility.central * gPerKwh, down2 + p.operationalSpread.down2, up2 + p.operationalSpread.up2), 1 / 1000);
  }
  const embodied = embodiedAt(p.embodied, hours);
  const total = sumOfTwo(operational, embodied);

  const kgPerKwh = gPerKwh / 1000;
  const overhead = itTotal.central * (pueValue - 1);
  const fu = w.functionalUnit;
  const location = operational.central;
  const gpu = p.it.gpu;
  const cpu = p.it.cpu;
  return {
    methodologyVersion: METHODOLOGY_VERSION,
    durationHours: hours,
    energyKwh: {
      total: facility.central,
      low: facility.low,
      high: facility.high,
      byComponent: { cpu: it.cpu.central, gpu: it.gpu.central, memory: it.memory.central, storage: it.storage.central, network: it.network.central, overhead },
    },
    emissionsKgCo2e: {
      total: total.central,
      low: total.low,
      high: total.high,
      location,
      market: location * (1 - p.carbonFreeShare),
      embodied: embodied.central,
      // Overhead is its own component, so per-component emissions sum to the location-based figure.
      byComponent: {
        cpu: it.cpu.central * kgPerKwh,
        gpu: it.gpu.central * kgPerKwh,
        memory: it.memory.central * kgPerKwh,
        storage: it.storage.central * kgPerKwh,
        network: it.network.central * kgPerKwh,
        overhead: overhead * kgPerKwh,
      },
    },
    sci: fu ? { functionalUnit: fu.name, units: fu.count, gCo2ePerUnit: (total.central * 1000) / fu.count, whPerUnit: (facility.central * 1000) / fu.count } : null,
    waterL: p.wueLPerKwh === null ? null : itTotal.central * p.wueLPerKwh,
    ai: p.ai ? withPerUnit(p.ai, facility.central, total.central) : null,
    resolved: {
      location: p.location,
      pue: p.resolvedPue,
      instance: p.instance,
      gpu: gpu ? { id: gpu.id, name: gpu.name, count: gpu.count, utilization: gpu.fixedPowerW ? null : w.gpu!.utilization!, averagePowerW: it.gpuPowerW!.central, powerModel: gpu.powerModel } : null,
      cpu: cpu ? { id: cpu.id, name: cpu.name, count: cpu.threads, utilization: cpu.measured ? null : (w.cpu?.utilization ?? cpu.defaultUtilization), averagePowerW: it.cpuPowerW!.central, powerModel: cpu.powerModel } : null,
      memoryGb: p.it.memoryGb,
      water: p.water,
    },
    // The plan's own frozen lists: shared by every estimate of this shape, never copied.
    assumptions: p.assumptions,
    factors: p.factors,
    sources: p.sources,
  };
}

/** addBounded over the IT components, unrolled (the rest-parameter array is most of its cost here). */
function sumOfParts(it: ItEnergy): Bounded {
  const { cpu, gpu, memory, storage, network } = it;
  const central = cpu.central + gpu.central + memory.central + storage.central + network.central;
  const down2 = sq(cpu.central - cpu.low) + sq(gpu.central - gpu.low) + sq(memory.central - memory.low) + sq(storage.central - storage.low) + sq(network.central - network.low);
  const up2 = sq(cpu.high - cpu.central) + sq(gpu.high - gpu.central) + sq(memory.high - memory.central) + sq(storage.high - storage.central) + sq(network.high - network.central);
  return { central, low: Math.max(0, central - Math.sqrt(down2)), high: central + Math.sqrt(up2) };
}

/** addBounded of two terms, unrolled. */
function sumOfTwo(a: Bounded, b: Bounded): Bounded {
  const central = a.central + b.central;
  return { central, low: Math.max(0, central - Math.sqrt(sq(a.central - a.low) + sq(b.central - b.low))), high: central + Math.sqrt(sq(a.high - a.central) + sq(b.high - b.central)) };
}

/** x², as a product (`x ** 2` goes through the generic power function). */
function sq(x: number): number {
  return x * x;
}

/** The workload's hours (given, or derived by its AI shape), or the missing_duration refusal. */
export function requireHours(w: Workload): number {
  if (w.durationHours === undefined) throw new EstimateError('missing_duration', ['durationHours'], 'give durationHours (hours the workload runs), or an ai shape it can be derived from');
  return w.durationHours;
}

/** The workload's instance type (null when none), or the empty_workload refusal when it names no hardware at all. */
export function resolveWorkHardware(w: Workload, tables: Tables): Instance | null {
  const instance = w.instance ? resolveInstance(w.instance.type, tables, ['instance', 'type']) : null;
  if (!instance && !w.gpu && !w.cpu && !w.memoryGb && !w.storage && !w.networkGb) {
    throw new EstimateError('empty_workload', [], 'nothing to estimate: give an instance, gpu, cpu, memoryGb, storage or networkGb');
  }
  return instance;
}

/** The AI shape of the workload (hours from model size or tokens), or null for a plain workload. */
export function shapeAi(w: Workload, tables: Tables, ledger: Ledger): AiShape | null {
  if (!w.ai) return null;
  const aiTables = tables.ai;
  if (!aiTables) throw new EstimateError('missing_throughput', ['ai'], 'this deployment has no AI reference tables');
  return w.ai.task === 'training' ? shapeTraining(w, w.ai, tables, aiTables, ledger) : shapeInference(w, w.ai, tables, aiTables, ledger);
}

/** Per-1k-output-token and per-request figures once the totals are known. */
function withPerUnit(shape: AiShape, kwh: number, kg: number): AiResult {
  const r = shape.result;
  // A vanishing count (1e-300 tokens) would overflow: no figure rather than Infinity.
  const per = (n: number | null | undefined, k: number) => {
    const wh = n ? (kwh * 1000 * k) / n : NaN;
    const gCo2e = n ? (kg * 1000 * k) / n : NaN;
    return Number.isFinite(wh) && Number.isFinite(gCo2e) ? { wh, gCo2e } : null;
  };
  return { ...r, perThousandOutputTokens: per(shape.outputTokens, 1000), perRequest: per(shape.requests, 1) };
}
