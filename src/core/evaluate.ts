// One run of a plan -> numbers: the one place the estimate's arithmetic lives. Each step works on
// plain numbers; a bounds step takes the summed squared log-deviations (LogSpread) of its factors
// from its caller, which sums the fixed ones once (plan.ts for an estimate, compare-sweep.ts per place).
import type { Workload } from './schemas.ts';
import type { Bounded, LogSpread } from './range.ts';
import type { CpuPlan } from './cpu-energy.ts';
import type { GpuPlan } from './gpu-energy.ts';
import type { ItPlan } from './energy.ts';
import type { EmbodiedPlan } from './embodied.ts';
import type { EstimatePlan } from './plan.ts';
import { ZERO, logSpread, spreadHigh, spreadLow, sumHigh, sumLow } from './range.ts';
import { cpuCurveW } from './cpu-energy.ts';
import { cpuThreadHighW, cpuThreadLinearW, cpuThreadLowW, gpuDrawHighW, gpuDrawLowW, gpuDrawW } from './power.ts';

/** Average draw of a device group in W, with its bounds, and the load it is at (null: a fixed draw). */
export interface Draw {
  readonly w: number;
  readonly lowW: number;
  readonly highW: number;
  readonly utilization: number | null;
}

/** Draw of all the planned CPU threads at `utilization` (the plan's default when not given). */
export function cpuDraw(cpu: CpuPlan, utilization: number | undefined): Draw {
  const measured = cpu.measured;
  if (measured) return { w: measured.central, lowW: measured.low, highW: measured.high, utilization: null };
  const u = utilization ?? cpu.defaultUtilization;
  const curve = cpuCurveW(cpu, u);
  const linear = cpuThreadLinearW(cpu.minW, cpu.maxW, u);
  const n = cpu.threads;
  return { w: curve * n, lowW: cpuThreadLowW(curve, linear) * n, highW: cpuThreadHighW(curve, linear) * n, utilization: u };
}

/** Draw of one planned GPU at `utilization` (given whenever the plan has no fixed draw). */
export function gpuDraw(gpu: GpuPlan, utilization: number | undefined): Draw {
  const fixed = gpu.fixedPowerW;
  if (fixed) return { w: fixed.central, lowW: fixed.low, highW: fixed.high, utilization: null };
  const u = utilization!;
  const w = gpuDrawW(gpu.maxW, gpu.idleW, u);
  // An estimated rating's high watts (highMaxW) set the high bound; for a published one it is maxW.
  const highW = gpu.highMaxW === gpu.maxW ? gpuDrawHighW(gpu.maxW, w) : gpuDrawHighW(gpu.highMaxW, gpuDrawW(gpu.highMaxW, gpu.idleW, u));
  return { w, lowW: gpuDrawLowW(gpu.idleW, w), highW, utilization: u };
}

/** IT energy of one run in kWh by component, their sum, and the sum's squared deviations below and above. */
export interface ItKwh {
  readonly cpu: number;
  readonly gpu: number;
  readonly memory: number;
  readonly storage: number;
  readonly network: number;
  readonly total: number;
  readonly down2: number;
  readonly up2: number;
  readonly cpuDraw: Draw | null;
  readonly gpuDraw: Draw | null;
}

/** Adds terms and their deviations in quadrature (addBounded's law), in the order added. */
class ItSum implements ItKwh {
  cpu = 0;
  gpu = 0;
  memory = 0;
  storage = 0;
  network = 0;
  total = 0;
  down2 = 0;
  up2 = 0;
  constructor(
    readonly cpuDraw: Draw | null,
    readonly gpuDraw: Draw | null,
  ) {}

  add(central: number, low: number, high: number): number {
    this.total += central;
    this.down2 += sq(central - low);
    this.up2 += sq(high - central);
    return central;
  }
}

/** IT energy of `hours` of the planned hardware at the utilisations `w` gives; an absent component is 0. */
export function itEnergy(p: ItPlan, w: Workload, hours: number): ItKwh {
  const cpu = p.cpu ? cpuDraw(p.cpu, w.cpu?.utilization) : null;
  const gpu = p.gpu ? gpuDraw(p.gpu, w.gpu?.utilization) : null;
  const e = new ItSum(cpu, gpu);
  const kwhPerW = hours / 1000;
  if (cpu) e.cpu = e.add(cpu.w * kwhPerW, cpu.lowW * kwhPerW, cpu.highW * kwhPerW);
  if (gpu) {
    const k = p.gpu!.count * kwhPerW;
    e.gpu = e.add(gpu.w * k, gpu.lowW * k, gpu.highW * k);
  }
  const memory = p.memoryWPerGb;
  if (memory) {
    const k = p.memoryGb * kwhPerW;
    e.memory = e.add(memory.central * k, memory.low * k, memory.high * k);
  }
  const storage = storageKwh(p, hours);
  if (storage) e.storage = e.add(storage.central, storage.low, storage.high);
  // Network energy is the plan's: it does not depend on hours.
  if (p.network !== ZERO) e.network = e.add(p.network.central, p.network.low, p.network.high);
  return e;
}

/** Storage is one component: SSD plus HDD, bound by bound (null when the workload has none). */
function storageKwh(p: ItPlan, hours: number): Bounded | null {
  const ssd = p.ssdWhPerTbH;
  const hdd = p.hddWhPerTbH;
  if (!ssd && !hdd) return null;
  const s = ssd ? (p.ssdTb * hours) / 1000 : 0;
  const h = hdd ? (p.hddTb * hours) / 1000 : 0;
  if (!hdd) return { central: ssd!.central * s, low: ssd!.low * s, high: ssd!.high * s };
  if (!ssd) return { central: hdd.central * h, low: hdd.low * h, high: hdd.high * h };
  return { central: ssd.central * s + hdd.central * h, low: ssd.low * s + hdd.low * h, high: ssd.high * s + hdd.high * h };
}

/** The IT energy as a bounded value: its sum with addBounded's bounds. */
export function itBounds(e: ItKwh): Bounded {
  return { central: e.total, low: sumLow(e.total, e.down2), high: sumHigh(e.total, e.up2) };
}

/** Facility energy in kWh: IT energy × PUE × hours factor, bounded by their summed log-spread `s`. */
export function facilityKwh(itKwh: number, pue: number, hoursFactor: number, s: LogSpread): Bounded {
  if (itKwh === 0) return ZERO;
  const central = itKwh * pue * hoursFactor;
  return { central, low: spreadLow(central, s.down2), high: spreadHigh(central, s.up2) };
}

/** g -> kg as a product, as scaleBy(…, 1 / 1000) applies it (a division is not always the same double). */
const KG_PER_G = 1 / 1000;

/** Location-based emissions in kg: facility energy × grid intensity, bounded by their summed log-spread `s`. */
export function locationKg(facilityKwh: number, gPerKwh: number, s: LogSpread): Bounded {
  if (facilityKwh === 0 || gPerKwh === 0) return ZERO;
  const grams = facilityKwh * gPerKwh;
  return { central: grams * KG_PER_G, low: spreadLow(grams, s.down2) * KG_PER_G, high: spreadHigh(grams, s.up2) * KG_PER_G };
}

/** Embodied emissions of `hours` of use in kg: the hardware's footprint × hours / lifetime. */
export function embodiedKg(p: EmbodiedPlan, hours: number): Bounded {
  if (p.kg === ZERO) return ZERO;
  const share = hours / p.lifetimeHours;
  return { central: p.kg.central * share, low: p.kg.low * share, high: p.kg.high * share };
}

/** Total emissions in kg: location-based plus embodied, deviations in quadrature (addBounded's law). */
export function totalKg(location: Bounded, embodied: Bounded): Bounded {
  const central = location.central + embodied.central;
  const down2 = sq(location.central - location.low) + sq(embodied.central - embodied.low);
  const up2 = sq(location.high - location.central) + sq(embodied.high - embodied.central);
  return { central, low: sumLow(central, down2), high: sumHigh(central, up2) };
}

/** The figures of one run of a planned workload. */
export interface RunFigures {
  readonly hours: number;
  readonly it: ItKwh;
  readonly facility: Bounded;
  readonly location: Bounded;
  readonly embodied: Bounded;
  readonly total: Bounded;
}

/** One run of the plan `p` at the hours and utilisations `input` gives. */
export function evaluateRun(p: EstimatePlan, input: Workload): RunFigures {
  // An AI shape is planned per run and may derive the devices' draw: its own workload is the run.
  const w = p.ai?.workload ?? input;
  const hours = p.hours ?? w.durationHours!;
  const it = itEnergy(p.it, w, hours);
  // The plan summed its own factors' spreads once; only the IT energy's is the run's.
  const itSpread = logSpread(itBounds(it));
  const facility = facilityKwh(it.total, p.pue.central, p.hoursFactor.central, plusSpread(itSpread, p.facilitySpread));
  const location = locationKg(facility.central, p.intensity.central, plusSpread(itSpread, p.operationalSpread));
  const embodied = embodiedKg(p.embodied, hours);
  return { hours, it, facility, location, embodied, total: totalKg(location, embodied) };
}

/** The log-spread of a product of the factors of `a` and of `b`. */
export function plusSpread(a: LogSpread, b: LogSpread): LogSpread {
  return { down2: a.down2 + b.down2, up2: a.up2 + b.up2 };
}

/** x². */
function sq(x: number): number {
  return x * x;
}
