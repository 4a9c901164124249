// Workload -> IT energy (kWh) by component, each with its bounds.
import type { Workload } from './schemas.ts';
import type { Instance, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { Bounded } from './range.ts';
import type { CpuDraw } from './cpu-energy.ts';
import type { GpuDraw } from './gpu-energy.ts';
import { ZERO, bounded, scaleBy } from './range.ts';
import { resolveCpuDraw } from './cpu-energy.ts';
import { resolveGpuDraw } from './gpu-energy.ts';

export interface ItEnergy {
  readonly cpu: Bounded;
  readonly gpu: Bounded;
  readonly memory: Bounded;
  readonly storage: Bounded;
  readonly network: Bounded;
  readonly gpuDraw: GpuDraw | null;
  readonly cpuDraw: CpuDraw | null;
  readonly memoryGb: number;
  readonly ssdTb: number;
  readonly hddTb: number;
}

/** Relative bounds from a coefficient's uncertainty u: [1/(1+u), 1+u] (symmetric in log space). */
export function coefficientBounds(central: number, relUncertainty: number): Bounded {
  return bounded(central, 1 / (1 + relUncertainty), 1 + relUncertainty);
}

/** IT energy of `hours` of the workload, in kWh. */
export function estimateItEnergy(w: Workload, hours: number, instance: Instance | null, tables: Tables, ledger: Ledger): ItEnergy {
  const c = tables.datacentre.coefficients;
  const instanceCount = w.instance?.count ?? 1;
  const gpuDraw = resolveGpuDraw(w, instance, instanceCount, tables, ledger);
  const cpuDraw = resolveCpuDraw(w, instance, instanceCount, tables, ledger);
  const kwhPerW = hours / 1000;

  const gpu = gpuDraw ? scaleBy(gpuDraw.powerW, gpuDraw.count * kwhPerW) : ZERO;
  const cpu = cpuDraw ? scaleBy(cpuDraw.powerW, kwhPerW) : ZERO;

  const memoryGb = w.memoryGb ?? (instance ? instance.memoryGb * instanceCount : 0);
  if (w.memoryGb === undefined && instance) ledger.assume(`Memory from the instance type: ${memoryGb} GB.`);
  const memory = memoryGb > 0 ? scaleBy(coefficientBounds(ledger.coefficient('memory_power', 'Memory power per GB', c.memoryWPerGb), c.memoryWPerGb.relUncertainty), memoryGb * kwhPerW) : ZERO;

  const replication = w.storage?.replication ?? 1;
  const ssdTb = (w.storage?.ssdTb ?? (instance ? instance.localSsdTb * instanceCount : 0)) * replication;
  const hddTb = (w.storage?.hddTb ?? 0) * replication;
  if (w.storage && w.storage.replication === undefined) ledger.assume('Storage replication not given: 1 copy.');
  const ssd = ssdTb > 0 ? scaleBy(coefficientBounds(ledger.coefficient('ssd_power', 'SSD energy per TB-hour', c.ssdWhPerTbH), c.ssdWhPerTbH.relUncertainty), (ssdTb * hours) / 1000) : ZERO;
  const hdd = hddTb > 0 ? scaleBy(coefficientBounds(ledger.coefficient('hdd_power', 'HDD energy per TB-hour', c.hddWhPerTbH), c.hddWhPerTbH.relUncertainty), (hddTb * hours) / 1000) : ZERO;
  const storage = { central: ssd.central + hdd.central, low: ssd.low + hdd.low, high: ssd.high + hdd.high };

  const networkGb = w.networkGb ?? 0;
  const network = networkGb > 0 ? scaleBy(coefficientBounds(ledger.coefficient('network_energy', 'Network energy per GB transferred', c.networkKwhPerGb), c.networkKwhPerGb.relUncertainty), networkGb) : ZERO;

  if (!cpuDraw && !instance) ledger.assume('No CPU or instance given: host CPU power is not counted.');
  if (memoryGb === 0) ledger.assume('No memory given: memory power is not counted.');
  return { cpu, gpu, memory, storage, network, gpuDraw, cpuDraw, memoryGb, ssdTb, hddTb };
}
