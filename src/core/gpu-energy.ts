// GPU part of a workload: which accelerator, how many, and its average draw.
import type { Workload } from './schemas.ts';
import type { Accelerator, Instance, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { Bounded } from './range.ts';
import { EstimateError } from './errors.ts';
import { measuredPowerW } from './power.ts';
import { resolveGpu } from './resolve-hardware.ts';
import { defaultGpuDraw, withTypical } from './gpu-default-draw.ts';
import type { DerivedDraw } from './ai-shape.ts';

/** The GPUs of a workload, resolved once; their draw follows from the utilisation. */
export interface GpuPlan {
  readonly id: string | null;
  readonly name: string;
  readonly count: number;
  readonly powerModel: string;
  readonly embodiedKgPerDevice: number | null;
  /** Average draw of one device when it does not depend on a given utilisation (measured, or the default share). */
  readonly fixedPowerW: Bounded | null;
  readonly maxW: number;
  readonly idleW: number;
  /** Rating the draw's high bound uses: an estimated rating's high watts, else maxW. */
  readonly highMaxW: number;
}

/** What the GPU draw rests on, recorded in `ledger`; a given utilisation is applied by evaluate.ts (gpuDraw). */
export function planGpuDraw(
  w: Workload,
  instance: Instance | null,
  instanceCount: number,
  tables: Tables,
  ledger: Ledger,
  derived?: DerivedDraw,
): GpuPlan | null {
  const fromRequest = w.gpu;
  const model = fromRequest?.model ?? instance?.gpu ?? null;
  if (model === null) return null;
  const path = fromRequest ? ['gpu', 'model'] : ['instance', 'type'];
  const gpu = resolveGpu(model, tables, path);
  const count = fromRequest ? fromRequest.count : instance!.gpuCount * instanceCount;
  if (count === undefined)
    throw new EstimateError(
      'inconsistent_input',
      ['gpu', 'count'],
      `the number of GPUs is missing: say how many ${gpu.name} the workload uses (gpu.count)`,
    );
  if (fromRequest && instance) checkInstanceGpus(count, instance, instanceCount);
  if (!fromRequest && instance)
    ledger.assume(`GPUs from the instance type: ${count} × ${gpu.name}.`);

  const base: GpuBase = {
    id: gpu.id,
    name: gpu.name,
    count,
    embodiedKgPerDevice: gpu.embodiedKgCo2e,
  };
  if (fromRequest?.powerW !== undefined) {
    checkMeasuredPower(fromRequest.powerW, fromRequest.maxPowerW, gpu);
    ledger.user('gpu_power', 'GPU average power per device (measured)', fromRequest.powerW, 'W');
    ledger.assume(
      'GPU power: the given average draw is used as is (no load curve), ±5 % for metering.',
    );
    return gpuPlan(base, measuredPowerW(fromRequest.powerW), 0, 0, 'measured average (user)');
  }

  const override = fromRequest?.maxPowerW;
  if (override !== undefined)
    ledger.user('gpu_max_power', 'GPU rated power (override)', override, 'W');
  // Rated and idle power depend only on the device unless overridden, so they are worked out once.
  const rated =
    override === undefined
      ? ledger.memo(gpu, 'rated', (l) =>
          ratedPower(gpu, undefined, fromRequest !== undefined, tables, l),
        )
      : ratedPower(gpu, override, true, tables, ledger);

  if (derived) {
    // An AI shape worked the draw out (from throughput and load): its factor names what it rests on.
    ledger.factor({
      id: 'gpu_average_power',
      label: derived.label,
      value: derived.watts.central,
      unit: 'W',
      source: derived.source,
      year: null,
    });
    return gpuPlan(base, derived.watts, rated.maxW, rated.idleW, derived.powerModel);
  }
  const given = fromRequest?.utilization;
  if (given === undefined) {
    const fixedPowerW =
      override === undefined
        ? ledger.memo(gpu, 'default-draw', (l) => defaultDraw(rated, tables, l))
        : defaultDraw(rated, tables, ledger);
    return gpuPlan(
      base,
      fixedPowerW,
      rated.maxW,
      rated.idleW,
      'share of rated power (measured runs)',
      rated.highW,
    );
  }
  // The given utilisation is the run's own input, shown in resolved.gpu.utilization, not a factor.
  return gpuPlan(
    base,
    null,
    rated.maxW,
    rated.idleW,
    'idle + (max − idle) × utilisation',
    rated.highW,
  );
}

type GpuBase = Pick<GpuPlan, 'id' | 'name' | 'count' | 'embodiedKgPerDevice'>;

/** Every GPU plan from this one object literal, so all plans have one shape (as cpuPlan in cpu-energy.ts). */
function gpuPlan(
  base: GpuBase,
  fixedPowerW: Bounded | null,
  maxW: number,
  idleW: number,
  powerModel: string,
  highMaxW: number = maxW,
): GpuPlan {
  return {
    id: base.id,
    name: base.name,
    count: base.count,
    powerModel,
    embodiedKgPerDevice: base.embodiedKgPerDevice,
    fixedPowerW,
    maxW,
    idleW,
    highMaxW,
  };
}

interface RatedPower {
  readonly maxW: number;
  readonly idleW: number;
  readonly highW: number;
}

function ratedPower(
  gpu: Accelerator,
  override: number | undefined,
  fromRequest: boolean,
  tables: Tables,
  ledger: Ledger,
): RatedPower {
  const maxW = override ?? gpu.maxPowerW;
  if (maxW === null) {
    throw new EstimateError(
      'missing_power',
      fromRequest ? ['gpu', 'maxPowerW'] : ['gpu'],
      `${gpu.name} has no published board power: give gpu.maxPowerW (rated W) or gpu.powerW (average W)`,
    );
  }
  const estimate = override === undefined ? gpu.maxPowerEstimate : null;
  if (override === undefined)
    ledger.factor({
      id: 'gpu_max_power',
      label: `${gpu.name} rated board power (${estimate ? 'estimated' : 'TDP'})`,
      value: maxW,
      unit: 'W',
      source: gpu.source,
      year: gpu.launchYear,
    });
  if (estimate) {
    ledger.assume(
      `${gpu.name} rated power: no published figure; ${maxW} W is an estimate (range ${estimate.lowW}–${estimate.highW} W; the draw's high bound uses ${estimate.highW} W). Basis: ${estimate.basis}`,
    );
  }
  if (gpu.idlePowerW !== null && override === undefined) {
    ledger.factor({
      id: 'gpu_idle_power',
      label: `${gpu.name} idle power`,
      value: gpu.idlePowerW,
      unit: 'W',
      source: gpu.source,
      year: gpu.launchYear,
    });
    return withTypical(gpu, override, maxW, gpu.idlePowerW);
  }
  return withTypical(
    gpu,
    override,
    maxW,
    maxW *
      ledger.coefficient(
        'gpu_idle_fraction',
        'GPU idle power as a share of rated power',
        tables.datacentre.coefficients.gpuIdleFraction,
      ),
  );
}

/** Average draw when utilisation is unknown: a share of rated power from measured runs. */
function defaultDraw(rated: RatedPower, tables: Tables, ledger: Ledger): Bounded {
  return defaultGpuDraw(rated, tables, ledger);
}

/** Share above the rating a measured average may reach (meter error, brief boosts) before it is refused. */
const MEASURED_POWER_TOLERANCE = 1.1;

/** A measured average draw far above what the device can draw is a wrong input, not a number to bill. */
function checkMeasuredPower(powerW: number, givenMaxW: number | undefined, gpu: Accelerator): void {
  const rating = givenMaxW ?? gpu.maxPowerEstimate?.highW ?? gpu.maxPowerW;
  if (rating === null) return;
  const limitW = rating * MEASURED_POWER_TOLERANCE;
  if (powerW <= limitW) return;
  const what =
    givenMaxW !== undefined
      ? `the given gpu.maxPowerW of ${givenMaxW} W`
      : gpu.maxPowerEstimate
        ? `the high end (${rating} W) of ${gpu.name}'s estimated rated power`
        : `${gpu.name}'s rated power of ${rating} W`;
  throw new EstimateError(
    'inconsistent_input',
    ['gpu', 'powerW'],
    `gpu.powerW ${powerW} W is more than 10 % above ${what}: at most ${+limitW.toFixed(1)} W per device is possible (give gpu.maxPowerW if this device is rated higher)`,
  );
}

/** An instance carries a fixed number of GPUs: a workload cannot use more of them than it has. */
function checkInstanceGpus(count: number, instance: Instance, instanceCount: number): void {
  // Instances without GPUs of their own (GCP N1 with attached GPUs) are left to gpu.count.
  if (instance.gpuCount === 0) return;
  const available = instance.gpuCount * instanceCount;
  if (count <= available) return;
  const needed = Math.ceil(count / instance.gpuCount);
  throw new EstimateError(
    'inconsistent_input',
    ['gpu', 'count'],
    `${count} GPUs do not fit in ${instanceCount} × ${instance.id}, which has ${available} (${instance.gpuCount} per instance): give at most ${available} GPUs (gpu.count), or ${needed} instances (instance.count) for ${count}`,
  );
}
