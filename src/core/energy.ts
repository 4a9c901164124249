// Workload -> what its IT energy rests on, planned once per hardware shape (planItEnergy); the
// energy of each run's hours and utilisations is worked out in evaluate.ts (itEnergy).
import type { Workload } from './schemas.ts';
import type { Instance, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { Bounded } from './range.ts';
import type { CpuPlan } from './cpu-energy.ts';
import type { GpuPlan } from './gpu-energy.ts';
import { ZERO, bounded, scaleBy } from './range.ts';
import { planCpuDraw } from './cpu-energy.ts';
import { planGpuDraw } from './gpu-energy.ts';
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

/** Relative bounds from a coefficient's uncertainty u: [1/(1+u), 1+u] (symmetric in log space). */
export function coefficientBounds(central: number, relUncertainty: number): Bounded {
  return bounded(central, 1 / (1 + relUncertainty), 1 + relUncertainty);
}

/** What the IT energy rests on (hardware, amounts, coefficients), recorded in `ledger`. */
export function planItEnergy(
  w: Workload,
  instance: Instance | null,
  tables: Tables,
  ledger: Ledger,
  derived?: { readonly gpuDraw?: DerivedDraw; readonly hostDraw?: DerivedDraw },
): ItPlan {
  const c = tables.datacentre.coefficients;
  const instanceCount = w.instance?.count ?? 1;
  const gpu = planGpuDraw(w, instance, instanceCount, tables, ledger, derived?.gpuDraw);
  const cpu = planCpuDraw(w, instance, instanceCount, tables, ledger, derived?.hostDraw);

  const memoryGb = w.memoryGb ?? (instance ? instance.memoryGb * instanceCount : 0);
  if (w.memoryGb === undefined && instance)
    ledger.assume(`Memory from the instance type: ${memoryGb} GB.`);
  const memoryWPerGb =
    memoryGb > 0
      ? coefficientBounds(
          ledger.coefficient('memory_power', 'Memory power per GB', c.memoryWPerGb),
          c.memoryWPerGb.relUncertainty,
        )
      : null;

  const replication = w.storage?.replication ?? 1;
  const ssdTb =
    (w.storage?.ssdTb ?? (instance ? instance.localSsdTb * instanceCount : 0)) * replication;
  const hddTb = (w.storage?.hddTb ?? 0) * replication;
  if (w.storage && w.storage.replication === undefined)
    ledger.assume('Storage replication not given: 1 copy.');
  const ssdWhPerTbH =
    ssdTb > 0
      ? coefficientBounds(
          ledger.coefficient('ssd_power', 'SSD energy per TB-hour', c.ssdWhPerTbH),
          c.ssdWhPerTbH.relUncertainty,
        )
      : null;
  const hddWhPerTbH =
    hddTb > 0
      ? coefficientBounds(
          ledger.coefficient('hdd_power', 'HDD energy per TB-hour', c.hddWhPerTbH),
          c.hddWhPerTbH.relUncertainty,
        )
      : null;

  const networkGb = w.networkGb ?? 0;
  const network =
    networkGb > 0
      ? scaleBy(
          coefficientBounds(
            ledger.coefficient(
              'network_energy',
              'Network energy per GB transferred',
              c.networkKwhPerGb,
            ),
            c.networkKwhPerGb.relUncertainty,
          ),
          networkGb,
        )
      : ZERO;

  if (!cpu && !instance) ledger.assume('No CPU or instance given: host CPU power is not counted.');
  if (memoryGb === 0) ledger.assume('No memory given: memory power is not counted.');
  return { gpu, cpu, memoryGb, ssdTb, hddTb, memoryWPerGb, ssdWhPerTbH, hddWhPerTbH, network };
}
