// Workload -> IT energy (kWh) by component, each with its bounds: planned once per hardware shape
// (planItEnergy), then worked out for the hours and utilisations of each run (itEnergyAt).
import type { Workload } from './schemas.ts';
import type { Instance, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { Bounded } from './range.ts';
import type { CpuPlan } from './cpu-energy.ts';
import type { GpuPlan } from './gpu-energy.ts';
import { ZERO, bounded, scaleBy } from './range.ts';
import { cpuPowerAt, planCpuDraw } from './cpu-energy.ts';
import { gpuPowerAt, planGpuDraw } from './gpu-energy.ts';
import type { DerivedDraw } from './ai-shape.ts';

/** The IT hardware of a workload, resolved once; its energy follows from hours and utilisations. */
export interface ItPlan {
  readonly gpu: GpuPlan | null;
  readonly cpu: CpuPlan | null;
  readonly memoryGb: number;
  readonly ssdTb: number;
  readonly hddTb: number;
  /** Coefficient bounds: W per GB of memory, Wh per TB-hour of SSD and HDD (null when not used). */
  readonly memoryWPerGb: Bounded | null;
  readonly ssdWhPerTbH: Bounded | null;
  readonly hddWhPerTbH: Bounded | null;
  /** Network energy of the whole run (it does not depend on hours), kWh. */
  readonly network: Bounded;
}

/** IT energy (kWh) by component, each with its bounds, and the average draws it came from. */
export interface ItEnergy {
  readonly cpu: Bounded;
  readonly gpu: Bounded;
  readonly memory: Bounded;
  readonly storage: Bounded;
  readonly network: Bounded;
  /** Average draw of one GPU and of all CPU threads, W (null when the workload has none). */
  readonly gpuPowerW: Bounded | null;
  readonly cpuPowerW: Bounded | null;
}

/** Relative bounds from a coefficient's uncertainty u: [1/(1+u), 1+u] (symmetric in log space). */
export function coefficientBounds(central: number, relUncertainty: number): Bounded {
  return bounded(central, 1 / (1 + relUncertainty), 1 + relUncertainty);
}

/** What the IT energy rests on (hardware, amounts, coefficients), recorded in `ledger`. */
export function planItEnergy(w: Workload, instance: Instance | null, tables: Tables, ledger: Ledger, derived?: { readonly gpuDraw?: DerivedDraw; readonly hostDraw?: DerivedDraw }): ItPlan {
  const c = tables.datacentre.coefficients;
  const instanceCount = w.instance?.count ?? 1;
  const gpu = planGpuDraw(w, instance, instanceCount, tables, ledger, derived?.gpuDraw);
  const cpu = planCpuDraw(w, instance, instanceCount, tables, ledger, derived?.hostDraw);

  const memoryGb = w.memoryGb ?? (instance ? instance.memoryGb * instanceCount : 0);
  if (w.memoryGb === undefined && instance) ledger.assume(`Memory from the instance type: ${memoryGb} GB.`);
  const memoryWPerGb = memoryGb > 0 ? coefficientBounds(ledger.coefficient('memory_power', 'Memory power per GB', c.memoryWPerGb), c.memoryWPerGb.relUncertainty) : null;

  const replication = w.storage?.replication ?? 1;
  const ssdTb = (w.storage?.ssdTb ?? (instance ? instance.localSsdTb * instanceCount : 0)) * replication;
  const hddTb = (w.storage?.hddTb ?? 0) * replication;
  if (w.storage && w.storage.replication === undefined) ledger.assume('Storage replication not given: 1 copy.');
  const ssdWhPerTbH = ssdTb > 0 ? coefficientBounds(ledger.coefficient('ssd_power', 'SSD energy per TB-hour', c.ssdWhPerTbH), c.ssdWhPerTbH.relUncertainty) : null;
  const hddWhPerTbH = hddTb > 0 ? coefficientBounds(ledger.coefficient('hdd_power', 'HDD energy per TB-hour', c.hddWhPerTbH), c.hddWhPerTbH.relUncertainty) : null;

  const networkGb = w.networkGb ?? 0;
  const network = networkGb > 0 ? scaleBy(coefficientBounds(ledger.coefficient('network_energy', 'Network energy per GB transferred', c.networkKwhPerGb), c.networkKwhPerGb.relUncertainty), networkGb) : ZERO;

  if (!cpu && !instance) ledger.assume('No CPU or instance given: host CPU power is not counted.');
  if (memoryGb === 0) ledger.assume('No memory given: memory power is not counted.');
  return { gpu, cpu, memoryGb, ssdTb, hddTb, memoryWPerGb, ssdWhPerTbH, hddWhPerTbH, network };
}

/** IT energy of `hours` of the planned workload at the utilisations `w` gives, in kWh. */
export function itEnergyAt(p: ItPlan, w: Workload, hours: number): ItEnergy {
  const kwhPerW = hours / 1000;
  const gpuPowerW = p.gpu ? gpuPowerAt(p.gpu, w.gpu?.utilization) : null;
  const cpuPowerW = p.cpu ? cpuPowerAt(p.cpu, w.cpu?.utilization) : null;
  const gpu = gpuPowerW ? scaleBy(gpuPowerW, p.gpu!.count * kwhPerW) : ZERO;
  const cpu = cpuPowerW ? scaleBy(cpuPowerW, kwhPerW) : ZERO;
  const memory = p.memoryWPerGb ? scaleBy(p.memoryWPerGb, p.memoryGb * kwhPerW) : ZERO;
  const ssd = p.ssdWhPerTbH ? scaleBy(p.ssdWhPerTbH, (p.ssdTb * hours) / 1000) : ZERO;
  const hdd = p.hddWhPerTbH ? scaleBy(p.hddWhPerTbH, (p.hddTb * hours) / 1000) : ZERO;
  const storage = { central: ssd.central + hdd.central, low: ssd.low + hdd.low, high: ssd.high + hdd.high };
  return { cpu, gpu, memory, storage, network: p.network, gpuPowerW, cpuPowerW };
}
