// Embodied emissions: the manufacturing footprint of the hardware used, shared over its lifetime.
import type { Workload } from './schemas.ts';
import type { Coefficient, Instance, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { Bounded } from './range.ts';
import type { ItEnergy } from './energy.ts';
import { ZERO, addBounded, scaleBy } from './range.ts';
import { coefficientBounds } from './energy.ts';

const HOURS_PER_YEAR = 8760;

/** `kg` of manufacturing attributed to a share of the lifetime, bounded by the coefficient's uncertainty. */
function lifetimeShare(kg: number, coef: Coefficient, share: number): Bounded {
  return scaleBy(coefficientBounds(kg, coef.relUncertainty), share);
}

/** kgCO2e of manufacturing attributed to `hours` of use (share of lifetime × share of device). */
export function estimateEmbodied(w: Workload, hours: number, instance: Instance | null, it: ItEnergy, tables: Tables, ledger: Ledger): Bounded {
  if (w.embodied === false) {
    ledger.assume('Embodied emissions excluded (embodied: false).');
    return ZERO;
  }
  const c = tables.datacentre.coefficients;
  const lifetimeH = ledger.coefficient('lifetime', 'Hardware lifetime', c.lifetimeYears) * HOURS_PER_YEAR;
  const share = hours / lifetimeH;
  const count = w.instance?.count ?? 1;
  const parts: Bounded[] = [];

  if (instance?.embodiedKgCo2e != null && !w.gpu) {
    ledger.factor({ id: 'embodied_instance', label: `Embodied emissions of ${instance.id} (its share of the platform)`, value: instance.embodiedKgCo2e, unit: 'kgCO2e', source: instance.source, year: null });
    parts.push(lifetimeShare(instance.embodiedKgCo2e * count, c.embodiedServerBaseKg, share));
    ledger.assume(`Embodied: the instance's share of its platform over a ${c.lifetimeYears.value}-year life.`);
    return addBounded(...parts);
  }
  const gpu = it.gpuDraw;
  if (gpu && gpu.count > 0) {
    const perDevice = gpu.embodiedKgPerDevice ?? ledger.coefficient('embodied_per_gpu', 'Embodied emissions per GPU (default)', c.embodiedPerGpuKg);
    if (gpu.embodiedKgPerDevice !== null) ledger.factor({ id: 'embodied_per_gpu', label: `Embodied emissions of one ${gpu.name}`, value: perDevice, unit: 'kgCO2e', source: tables.accelerators.get(gpu.id ?? '')?.source ?? 'user', year: null });
    parts.push(lifetimeShare(perDevice * gpu.count, c.embodiedPerGpuKg, share));
  }
  if (it.cpuDraw) {
    const threadsShare = it.cpuDraw.threads / c.referenceServerThreads.value;
    ledger.factor({ id: 'embodied_server_threads', label: 'Threads of the reference server', value: c.referenceServerThreads.value, unit: c.referenceServerThreads.unit, source: c.referenceServerThreads.source, year: c.referenceServerThreads.year });
    parts.push(lifetimeShare(ledger.coefficient('embodied_server_base', 'Embodied emissions of a base server', c.embodiedServerBaseKg) * threadsShare, c.embodiedServerBaseKg, share));
  }
  if (it.memoryGb > 0) parts.push(lifetimeShare(ledger.coefficient('embodied_per_gb_memory', 'Embodied emissions per GB of memory', c.embodiedPerGbMemoryKg) * it.memoryGb, c.embodiedPerGbMemoryKg, share));
  if (it.ssdTb > 0) parts.push(lifetimeShare(ledger.coefficient('embodied_per_tb_ssd', 'Embodied emissions per TB of SSD', c.embodiedPerTbSsdKg) * it.ssdTb, c.embodiedPerTbSsdKg, share));
  if (it.hddTb > 0) parts.push(lifetimeShare(ledger.coefficient('embodied_per_tb_hdd', 'Embodied emissions per TB of HDD', c.embodiedPerTbHddKg) * it.hddTb, c.embodiedPerTbHddKg, share));
  ledger.assume(`Embodied: each device's manufacturing footprint × hours used / ${c.lifetimeYears.value}-year life; CPU hosts as a share of a reference server by threads.`);
  return parts.length ? addBounded(...parts) : ZERO;
}
