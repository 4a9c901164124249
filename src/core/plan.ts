// The estimate in two steps. planEstimate resolves everything that depends on the tables and the
// workload's shape: place, hardware, coefficients, PUE, grid intensity, embodied footprint, and the
// factors, assumptions and sources they rest on. evaluatePlan does the arithmetic for one run's
// hours and utilisations. A plan is immutable, so estimates of the same shape can share it
// (plan-cache.ts) and only the per-run numbers are allocated.
import type { AiResult, EstimateResult, Factor, Workload } from './schemas.ts';
import type { Instance, Tables } from './tables.ts';
import type { AiShape } from './ai-shape.ts';
import type { Bounded } from './range.ts';
import type { EmbodiedPlan } from './embodied.ts';
import type { ItPlan } from './energy.ts';
import type { SourceSummary } from './source-index.ts';
import { shapeTraining } from './ai-training.ts';
import { shapeInference } from './ai-inference.ts';
import { EstimateError } from './errors.ts';
import { Ledger } from './ledger.ts';
import { indexSources, summarizeSources } from './source-index.ts';
import type { LogSpread } from './range.ts';
import { ZERO, logSpread, multiplyBounded, spreadHigh, spreadLow, sumHigh, sumLow } from './range.ts';
import { resolvePlace } from './resolve-location.ts';
import { resolveInstance } from './resolve-hardware.ts';
import { planItEnergy } from './energy.ts';
import { cpuCurveW } from './cpu-energy.ts';
import { cpuThreadHighW, cpuThreadLinearW, cpuThreadLowW, gpuDrawHighW, gpuDrawLowW, gpuDrawW } from './power.ts';
import { resolvePue, resolveWue } from './pue.ts';
import { resolveCarbonFreeShare, resolveIntensity } from './carbon.ts';
import { planEmbodied } from './embodied.ts';

/** Version of the estimation method; changes whenever a number for the same input may change. */
export const METHODOLOGY_VERSION = '2026.12-1';

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
  /** The workload's functional unit (its name and count are part of the shape), or null. */
  readonly functionalUnit: Workload['functionalUnit'] | null;
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

  const it = planItEnergy(w, instance, tables, ledger, ai ?? undefined);
  const pue = resolvePue(w, place.region, tables, ledger);
  // Hourly intensity depends on the hours; such workloads are planned per run (plan-cache.ts).
  const grid = resolveIntensity(w, place, hours, tables, ledger);
  const cfe = resolveCarbonFreeShare(w, place.region, ledger);
  const embodiedPlan = planEmbodied(w, instance, it, tables, ledger);
  // The hours factor of an AI shape bounds the embodied share as it bounds the energy.
  const embodied = ai ? { ...embodiedPlan, kg: multiplyBounded(embodiedPlan.kg, ai.hoursFactor) } : embodiedPlan;
  const wue = resolveWue(place.region, w.year, tables, ledger);

  // Frozen, so that every estimate of this shape can hand out the same lists (and the HTTP shell
  // can reuse their encoded bytes: api/json-text.ts). The run's own hours and utilisations are
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
    functionalUnit: w.functionalUnit ?? null,
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

/**
 * Energy, emissions, range and sources of one run of the planned workload `w`.
 *
 * This is itEnergyAt, addBounded, multiplyBounded and embodiedAt written out on plain numbers: an
 * intermediate Bounded per step cost more than the arithmetic, so the result's own objects are the
 * only ones an estimate allocates. The operations and their order are theirs, so the figures are
 * the same doubles, and the central ones those of the region sweep (compare-sweep.ts).
 */
export function evaluatePlan(p: EstimatePlan, input: Workload): EstimateResult {
  // An AI shape is planned per run and may derive the devices' draw: its own workload is the run.
  const w = p.ai?.workload ?? input;
  const hours = p.hours ?? w.durationHours!;
  const kwhPerW = hours / 1000;
  const { cpu, gpu, memoryWPerGb: memory, ssdWhPerTbH: ssd, hddWhPerTbH: hdd, network } = p.it;

  // Average draw (W) of all the CPU threads (cpuPowerAt), with its bounds.
  let cpuW = 0;
  let cpuLowW = 0;
  let cpuHighW = 0;
  // The utilisation the draw was worked out at (null: a measured draw, none).
  let cpuU: number | null = null;
  if (cpu) {
    const measured = cpu.measured;
    if (measured) {
      cpuW = measured.central;
      cpuLowW = measured.low;
      cpuHighW = measured.high;
    } else {
      const u = (cpuU = w.cpu?.utilization ?? cpu.defaultUtilization);
      const curve = cpuCurveW(cpu, u);
      const linear = cpuThreadLinearW(cpu.minW, cpu.maxW, u);
      cpuW = curve * cpu.threads;
      cpuLowW = cpuThreadLowW(curve, linear) * cpu.threads;
      cpuHighW = cpuThreadHighW(curve, linear) * cpu.threads;
    }
  }
  // Average draw (W) of one GPU (gpuPowerAt), with its bounds.
  let gpuW = 0;
  let gpuLowW = 0;
  let gpuHighW = 0;
  let gpuU: number | null = null;
  if (gpu) {
    const fixed = gpu.fixedPowerW;
    if (fixed) {
      gpuW = fixed.central;
      gpuLowW = fixed.low;
      gpuHighW = fixed.high;
    } else {
      gpuU = w.gpu!.utilization!;
      gpuW = gpuDrawW(gpu.maxW, gpu.idleW, gpuU);
      gpuLowW = gpuDrawLowW(gpu.idleW, gpuW);
      // An estimated rating's high watts (highMaxW) set the high bound; for a published one it is maxW.
      gpuHighW = gpu.highMaxW === gpu.maxW ? gpuDrawHighW(gpu.maxW, gpuW) : gpuDrawHighW(gpu.highMaxW, gpuDrawW(gpu.highMaxW, gpu.idleW, gpuU));
    }
  }

  // IT energy (kWh) by component, and its total with the sums of the terms' squared deviations
  // below and above (addBounded), term by term in the order cpu, gpu, memory, storage, network.
  // An absent component is 0 and adds nothing.
  let itKwh = 0;
  let down2 = 0;
  let up2 = 0;
  let cpuKwh = 0;
  if (cpu) {
    cpuKwh = cpuW * kwhPerW;
    itKwh += cpuKwh;
    down2 += sq(cpuKwh - cpuLowW * kwhPerW);
    up2 += sq(cpuHighW * kwhPerW - cpuKwh);
  }
  let gpuKwh = 0;
  if (gpu) {
    const k = gpu.count * kwhPerW;
    gpuKwh = gpuW * k;
    itKwh += gpuKwh;
    down2 += sq(gpuKwh - gpuLowW * k);
    up2 += sq(gpuHighW * k - gpuKwh);
  }
  let memoryKwh = 0;
  if (memory) {
    const k = p.it.memoryGb * kwhPerW;
    memoryKwh = memory.central * k;
    itKwh += memoryKwh;
    down2 += sq(memoryKwh - memory.low * k);
    up2 += sq(memory.high * k - memoryKwh);
  }
  // Storage is one component: SSD plus HDD, bound by bound.
  let storageKwh = 0;
  if (ssd || hdd) {
    let low = 0;
    let high = 0;
    if (ssd) {
      const k = (p.it.ssdTb * hours) / 1000;
      storageKwh = ssd.central * k;
      low = ssd.low * k;
      high = ssd.high * k;
    }
    if (hdd) {
      const k = (p.it.hddTb * hours) / 1000;
      storageKwh += hdd.central * k;
      low += hdd.low * k;
      high += hdd.high * k;
    }
    itKwh += storageKwh;
    down2 += sq(storageKwh - low);
    up2 += sq(high - storageKwh);
  }
  // Network energy is the plan's: it does not depend on hours.
  const networkKwh = network.central;
  if (network !== ZERO) {
    itKwh += networkKwh;
    down2 += sq(networkKwh - network.low);
    up2 += sq(network.high - networkKwh);
  }

  // Facility energy = multiplyBounded(IT energy, PUE, hours factor) and location-based emissions =
  // that × intensity / 1000 (scaleBy), with the plan's part of the log-spreads summed once: only
  // the IT energy's own spread is worked out per run. No energy, no emissions (multiplyBounded's ZERO).
  const pue = p.pue.central;
  const gPerKwh = p.intensity.central;
  let facility = 0;
  let facilityLow = 0;
  let facilityHigh = 0;
  let location = 0;
  let locationLow = 0;
  let locationHigh = 0;
  if (itKwh !== 0) {
    const down = Math.log(itKwh / sumLow(itKwh, down2));
    const up = Math.log(sumHigh(itKwh, up2) / itKwh);
    const itDown2 = down * down;
    const itUp2 = up * up;
    facility = itKwh * pue * p.hoursFactor.central;
    facilityLow = spreadLow(facility, itDown2 + p.facilitySpread.down2);
    facilityHigh = spreadHigh(facility, itUp2 + p.facilitySpread.up2);
    if (gPerKwh !== 0) {
      const grams = facility * gPerKwh;
      location = grams * KG_PER_G;
      locationLow = spreadLow(grams, itDown2 + p.operationalSpread.down2) * KG_PER_G;
      locationHigh = spreadHigh(grams, itUp2 + p.operationalSpread.up2) * KG_PER_G;
    }
  }

  // Embodied: the hardware's footprint × hours / lifetime (embodiedAt); the total adds it to the
  // location-based emissions (addBounded).
  const kg = p.embodied.kg;
  const share = hours / p.embodied.lifetimeHours;
  const embodied = kg === ZERO ? 0 : kg.central * share;
  const embodiedLow = kg === ZERO ? 0 : kg.low * share;
  const embodiedHigh = kg === ZERO ? 0 : kg.high * share;
  const total = location + embodied;
  const totalLow = sumLow(total, sq(location - locationLow) + sq(embodied - embodiedLow));
  const totalHigh = sumHigh(total, sq(locationHigh - location) + sq(embodiedHigh - embodied));

  const kgPerKwh = gPerKwh / 1000;
  const overhead = itKwh * (pue - 1);
  const fu = p.functionalUnit;
  return {
    methodologyVersion: METHODOLOGY_VERSION,
    durationHours: hours,
    energyKwh: {
      total: facility,
      low: facilityLow,
      high: facilityHigh,
      byComponent: { cpu: cpuKwh, gpu: gpuKwh, memory: memoryKwh, storage: storageKwh, network: networkKwh, overhead },
    },
    emissionsKgCo2e: {
      total,
      low: totalLow,
      high: totalHigh,
      location,
      market: location * (1 - p.carbonFreeShare),
      embodied,
      // Overhead is its own component, so per-component emissions sum to the location-based figure.
      byComponent: {
        cpu: cpuKwh * kgPerKwh,
        gpu: gpuKwh * kgPerKwh,
        memory: memoryKwh * kgPerKwh,
        storage: storageKwh * kgPerKwh,
        network: networkKwh * kgPerKwh,
        overhead: overhead * kgPerKwh,
      },
    },
    sci: fu ? { functionalUnit: fu.name, units: fu.count, gCo2ePerUnit: (total * 1000) / fu.count, whPerUnit: (facility * 1000) / fu.count } : null,
    waterL: p.wueLPerKwh === null ? null : itKwh * p.wueLPerKwh,
    ai: p.ai ? withPerUnit(p.ai, facility, total) : null,
    resolved: {
      location: p.location,
      pue: p.resolvedPue,
      instance: p.instance,
      gpu: gpu ? { id: gpu.id, name: gpu.name, count: gpu.count, utilization: gpuU, averagePowerW: gpuW, powerModel: gpu.powerModel } : null,
      cpu: cpu ? { id: cpu.id, name: cpu.name, count: cpu.threads, utilization: cpuU, averagePowerW: cpuW, powerModel: cpu.powerModel } : null,
      memoryGb: p.it.memoryGb,
      water: p.water,
    },
    // The plan's own frozen lists: shared by every estimate of this shape, never copied.
    assumptions: p.assumptions,
    factors: p.factors,
    sources: p.sources,
  };
}

/** g -> kg as scaleBy(…, 1 / 1000) applies it: a product, not a division (not always the same double). */
const KG_PER_G = 1 / 1000;

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
