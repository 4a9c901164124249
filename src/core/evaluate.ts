// One run of a plan -> numbers: the one place the estimate's arithmetic lives. Each step works on
// plain numbers; a product's bounds step takes the squared log-deviations (LogSpread) of its
// factors in two parts, the run's own and the fixed ones its caller summed (plan.ts, compare-sweep.ts).
import type { Workload } from './schemas.ts';
import type { Bounded, LogSpread } from './range.ts';
import type { CpuPlan } from './cpu-energy.ts';
import type { GpuPlan } from './gpu-energy.ts';
import type { ItPlan } from './energy.ts';
import type { EmbodiedPlan } from './embodied.ts';
import type { EstimatePlan } from './plan.ts';
import { ZERO, spreadHigh, spreadLow, sumHigh, sumLow } from './range.ts';
import { cpuCurveW } from './cpu-energy.ts';
import {
  cpuThreadHighW,
  cpuThreadLinearW,
  cpuThreadLowW,
  gpuDrawHighW,
  gpuDrawLowW,
  gpuDrawW,
} from './power.ts';

/** IT energy of one run in kWh by component, their sum with its squared deviations, and the device draws. */
export interface ItKwh {
  cpu: number;
  gpu: number;
  memory: number;
  storage: number;
  network: number;
  total: number;
  /** Squared deviations of the sum below and above (addBounded's law). */
  down2: number;
  up2: number;
  /** Average draw of all the CPU threads and of one GPU in W, and the load each is at (null: a fixed draw). */
  cpuW: number;
  cpuUtilization: number | null;
  gpuW: number;
  gpuUtilization: number | null;
}

/** IT energy of `hours` of the planned hardware at the utilisations `w` gives; an absent component is 0. */
export function itEnergy(p: ItPlan, w: Workload, hours: number): ItKwh {
  const e: ItKwh = {
    cpu: 0,
    gpu: 0,
    memory: 0,
    storage: 0,
    network: 0,
    total: 0,
    down2: 0,
    up2: 0,
    cpuW: 0,
    cpuUtilization: null,
    gpuW: 0,
    gpuUtilization: null,
  };
  const kwhPerW = hours / 1000;
  if (p.cpu) drawCpu(e, p.cpu, w.cpu?.utilization, kwhPerW);
  if (p.gpu) drawGpu(e, p.gpu, w.gpu?.utilization, p.gpu.count * kwhPerW);
  const memory = p.memoryWPerGb;
  if (memory) {
    const k = p.memoryGb * kwhPerW;
    e.memory = addTerm(e, memory.central * k, memory.low * k, memory.high * k);
  }
  const storage = storageKwh(p, hours);
  if (storage) e.storage = addTerm(e, storage.central, storage.low, storage.high);
  // Network energy is the plan's: it does not depend on hours.
  if (p.network !== ZERO) e.network = addTerm(e, p.network.central, p.network.low, p.network.high);
  return e;
}

/** Draw of all the planned CPU threads at `utilization` (the plan's default when not given), and its energy at `kwhPerW`. */
function drawCpu(e: ItKwh, cpu: CpuPlan, utilization: number | undefined, kwhPerW: number): void {
  const measured = cpu.measured;
  if (measured) {
    e.cpuW = measured.central;
    e.cpu = addTerm(e, measured.central * kwhPerW, measured.low * kwhPerW, measured.high * kwhPerW);
    return;
  }
  const u = (e.cpuUtilization = utilization ?? cpu.defaultUtilization);
  const curve = cpuCurveW(cpu, u);
  const linear = cpuThreadLinearW(cpu.minW, cpu.maxW, u);
  const n = cpu.threads;
  e.cpuW = curve * n;
  e.cpu = addTerm(
    e,
    e.cpuW * kwhPerW,
    cpuThreadLowW(curve, linear) * n * kwhPerW,
    cpuThreadHighW(curve, linear) * n * kwhPerW,
  );
}

/** Draw of one planned GPU at `utilization` (given whenever the plan has no fixed draw), and the energy of all at `kwhPerW` (count × hours / 1000). */
function drawGpu(e: ItKwh, gpu: GpuPlan, utilization: number | undefined, kwhPerW: number): void {
  const fixed = gpu.fixedPowerW;
  if (fixed) {
    e.gpuW = fixed.central;
    e.gpu = addTerm(e, fixed.central * kwhPerW, fixed.low * kwhPerW, fixed.high * kwhPerW);
    return;
  }
  const u = (e.gpuUtilization = utilization!);
  const w = (e.gpuW = gpuDrawW(gpu.maxW, gpu.idleW, u));
  // An estimated rating's high watts (highMaxW) set the high bound; for a published one it is maxW.
  const highW =
    gpu.highMaxW === gpu.maxW
      ? gpuDrawHighW(gpu.maxW, w)
      : gpuDrawHighW(gpu.highMaxW, gpuDrawW(gpu.highMaxW, gpu.idleW, u));
  e.gpu = addTerm(e, w * kwhPerW, gpuDrawLowW(gpu.idleW, w) * kwhPerW, highW * kwhPerW);
}

/** Adds a term to the sum and its deviations to theirs, in quadrature (addBounded's law); returns the term. */
function addTerm(sum: ItKwh, central: number, low: number, high: number): number {
  sum.total += central;
  sum.down2 += sq(central - low);
  sum.up2 += sq(high - central);
  return central;
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
  return {
    central: ssd.central * s + hdd.central * h,
    low: ssd.low * s + hdd.low * h,
    high: ssd.high * s + hdd.high * h,
  };
}

/** The IT energy as a bounded value: its sum with addBounded's bounds. */
export function itBounds(e: ItKwh): Bounded {
  return { central: e.total, low: sumLow(e.total, e.down2), high: sumHigh(e.total, e.up2) };
}

/** The IT energy's log-spread as a factor of a product (logSpread of itBounds; none when it is 0). */
export function itLogSpread(e: ItKwh): LogSpread {
  if (e.total === 0) return NO_SPREAD;
  const down = Math.log(e.total / sumLow(e.total, e.down2));
  const up = Math.log(sumHigh(e.total, e.up2) / e.total);
  return { down2: down * down, up2: up * up };
}

const NO_SPREAD: LogSpread = Object.freeze({ down2: 0, up2: 0 });

/**
 * The figures of one run, filled in by the steps below in order: one record per run, because an
 * intermediate object per step costs more than the arithmetic.
 */
export interface RunFigures {
  readonly hours: number;
  readonly it: ItKwh;
  facilityKwh: number;
  facilityLowKwh: number;
  facilityHighKwh: number;
  locationKg: number;
  locationLowKg: number;
  locationHighKg: number;
  embodiedKg: number;
  embodiedLowKg: number;
  embodiedHighKg: number;
  totalKg: number;
  totalLowKg: number;
  totalHighKg: number;
}

/** A run's record with its hours and IT energy; the other figures are filled in by the steps. */
export function startRun(hours: number, it: ItKwh): RunFigures {
  return {
    hours,
    it,
    facilityKwh: 0,
    facilityLowKwh: 0,
    facilityHighKwh: 0,
    locationKg: 0,
    locationLowKg: 0,
    locationHighKg: 0,
    embodiedKg: 0,
    embodiedLowKg: 0,
    embodiedHighKg: 0,
    totalKg: 0,
    totalLowKg: 0,
    totalHighKg: 0,
  };
}

/** Facility energy in kWh: IT energy × PUE × hours factor, bounded by log-spreads `own` + `fixed` (0 without IT energy). */
export function boundFacility(
  r: RunFigures,
  pue: number,
  hoursFactor: number,
  own: LogSpread,
  fixed: LogSpread,
): void {
  if (r.it.total === 0) return;
  const central = (r.facilityKwh = r.it.total * pue * hoursFactor);
  r.facilityLowKwh = spreadLow(central, own.down2 + fixed.down2);
  r.facilityHighKwh = spreadHigh(central, own.up2 + fixed.up2);
}

/** g -> kg as a product, as scaleBy(…, 1 / 1000) applies it (a division is not always the same double). */
const KG_PER_G = 1 / 1000;

/** Location-based emissions in kg: facility energy × grid intensity, bounded by log-spreads `own` + `fixed`. */
export function boundLocation(
  r: RunFigures,
  gPerKwh: number,
  own: LogSpread,
  fixed: LogSpread,
): void {
  if (r.facilityKwh === 0 || gPerKwh === 0) return;
  const grams = r.facilityKwh * gPerKwh;
  r.locationKg = grams * KG_PER_G;
  r.locationLowKg = spreadLow(grams, own.down2 + fixed.down2) * KG_PER_G;
  r.locationHighKg = spreadHigh(grams, own.up2 + fixed.up2) * KG_PER_G;
}

/** Embodied emissions in kg of the run's hours of use: the hardware's footprint × hours / lifetime. */
export function shareEmbodied(r: RunFigures, p: EmbodiedPlan): void {
  if (p.kg === ZERO) return;
  const share = r.hours / p.lifetimeHours;
  r.embodiedKg = p.kg.central * share;
  r.embodiedLowKg = p.kg.low * share;
  r.embodiedHighKg = p.kg.high * share;
}

/** Total emissions in kg: location-based plus embodied, deviations in quadrature (addBounded's law). */
export function sumTotal(r: RunFigures): void {
  const central = (r.totalKg = r.locationKg + r.embodiedKg);
  r.totalLowKg = sumLow(
    central,
    sq(r.locationKg - r.locationLowKg) + sq(r.embodiedKg - r.embodiedLowKg),
  );
  r.totalHighKg = sumHigh(
    central,
    sq(r.locationHighKg - r.locationKg) + sq(r.embodiedHighKg - r.embodiedKg),
  );
}

/** One run of the plan `p` at the hours and utilisations `input` gives. */
export function evaluateRun(p: EstimatePlan, input: Workload): RunFigures {
  // An AI shape is planned per run and may derive the devices' draw: its own workload is the run.
  const w = p.ai?.workload ?? input;
  const hours = p.hours ?? w.durationHours!;
  const r = startRun(hours, itEnergy(p.it, w, hours));
  // The plan summed its own factors' spreads once; only the IT energy's is the run's.
  const itSpread = itLogSpread(r.it);
  boundFacility(r, p.pue.central, p.hoursFactor.central, itSpread, p.facilitySpread);
  boundLocation(r, p.intensity.central, itSpread, p.operationalSpread);
  shareEmbodied(r, p.embodied);
  sumTotal(r);
  return r;
}

/** x². */
function sq(x: number): number {
  return x * x;
}
