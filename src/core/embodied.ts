// Embodied emissions: the manufacturing footprint of the hardware used, shared over its lifetime.
import type { Workload } from './schemas.ts';
import type { Instance, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { Bounded } from './range.ts';
import type { ItPlan } from './energy.ts';
import { ZERO, addBounded } from './range.ts';
import { coefficientBounds } from './energy.ts';

const HOURS_PER_YEAR = 8760;

/** Manufacturing footprint of the hardware, shared out over its lifetime by hours of use (evaluate.ts embodiedKg). */
export interface EmbodiedPlan {
  /** kgCO2e of all the hardware used, with its bounds. */
  readonly kg: Bounded;
  readonly lifetimeHours: number;
}

/** What the embodied emissions rest on (devices, amounts, lifetime), recorded in `ledger`. */
export function planEmbodied(
  w: Workload,
  instance: Instance | null,
  it: ItPlan,
  tables: Tables,
  ledger: Ledger,
): EmbodiedPlan {
  if (w.embodied === false) {
    ledger.assume('Embodied emissions excluded (embodied: false).');
    return { kg: ZERO, lifetimeHours: 1 };
  }
  const c = tables.datacentre.coefficients;
  const lifetimeHours =
    ledger.coefficient('lifetime', 'Hardware lifetime', c.lifetimeYears) * HOURS_PER_YEAR;
  const count = w.instance?.count ?? 1;
  const kg = (parts: Bounded[]): EmbodiedPlan => ({
    kg: parts.length ? addBounded(...parts) : ZERO,
    lifetimeHours,
  });
  const parts: Bounded[] = [];

  if (instance?.embodiedKgCo2e != null && !w.gpu) {
    ledger.factor({
      id: 'embodied_instance',
      label: `Embodied emissions of ${instance.id} (its share of the platform)`,
      value: instance.embodiedKgCo2e,
      unit: 'kgCO2e',
      source: instance.source,
      year: null,
    });
    parts.push(
      coefficientBounds(instance.embodiedKgCo2e * count, c.embodiedServerBaseKg.relUncertainty),
    );
    ledger.assume(
      `Embodied: the instance's share of its platform over a ${c.lifetimeYears.value}-year life.`,
    );
    return kg(parts);
  }
  const gpu = it.gpu;
  if (gpu && gpu.count > 0) {
    const perDevice =
      gpu.embodiedKgPerDevice ??
      ledger.coefficient(
        'embodied_per_gpu',
        'Embodied emissions per GPU (default)',
        c.embodiedPerGpuKg,
      );
    if (gpu.embodiedKgPerDevice !== null)
      ledger.factor({
        id: 'embodied_per_gpu',
        label: `Embodied emissions of one ${gpu.name}`,
        value: perDevice,
        unit: 'kgCO2e',
        source: tables.accelerators.get(gpu.id ?? '')?.source ?? 'user',
        year: null,
      });
    parts.push(coefficientBounds(perDevice * gpu.count, c.embodiedPerGpuKg.relUncertainty));
  }
  if (it.cpu) {
    const threadsShare = it.cpu.threads / c.referenceServerThreads.value;
    ledger.factor({
      id: 'embodied_server_threads',
      label: 'Threads of the reference server',
      value: c.referenceServerThreads.value,
      unit: c.referenceServerThreads.unit,
      source: c.referenceServerThreads.source,
      year: c.referenceServerThreads.year,
    });
    parts.push(
      coefficientBounds(
        ledger.coefficient(
          'embodied_server_base',
          'Embodied emissions of a base server',
          c.embodiedServerBaseKg,
        ) * threadsShare,
        c.embodiedServerBaseKg.relUncertainty,
      ),
    );
  }
  if (it.memoryGb > 0)
    parts.push(
      coefficientBounds(
        ledger.coefficient(
          'embodied_per_gb_memory',
          'Embodied emissions per GB of memory',
          c.embodiedPerGbMemoryKg,
        ) * it.memoryGb,
        c.embodiedPerGbMemoryKg.relUncertainty,
      ),
    );
  if (it.ssdTb > 0)
    parts.push(
      coefficientBounds(
        ledger.coefficient(
          'embodied_per_tb_ssd',
          'Embodied emissions per TB of SSD',
          c.embodiedPerTbSsdKg,
        ) * it.ssdTb,
        c.embodiedPerTbSsdKg.relUncertainty,
      ),
    );
  if (it.hddTb > 0)
    parts.push(
      coefficientBounds(
        ledger.coefficient(
          'embodied_per_tb_hdd',
          'Embodied emissions per TB of HDD',
          c.embodiedPerTbHddKg,
        ) * it.hddTb,
        c.embodiedPerTbHddKg.relUncertainty,
      ),
    );
  ledger.assume(
    `Embodied: each device's manufacturing footprint × hours used / ${c.lifetimeYears.value}-year life; CPU hosts as a share of a reference server by threads.`,
  );
  return kg(parts);
}
