// The same work on another accelerator: compute-bound, so time scales with peak dense bf16 FLOP/s
// (same device count); energy follows from the alternative's rated power.
import type { Workload } from './schemas.ts';
import type { Accelerator, Tables } from './tables.ts';
import { resolveGpu, resolveInstance } from './resolve-hardware.ts';

export interface WorkloadGpu {
  readonly gpu: Accelerator;
  /** Devices; undefined when the estimate derives it (inference from model memory). */
  readonly count: number | undefined;
}

export interface HardwareSwap {
  readonly workload: Workload;
  readonly gpu: Accelerator;
  /** Speed-up: peak of the alternative / peak of the original (bf16, dense). */
  readonly throughputRatio: number;
  readonly assumption: string;
}

/** The workload's accelerator: its `gpu`, else its instance type's; null when it has none. */
export function workloadGpu(w: Workload, tables: Tables): WorkloadGpu | null {
  if (w.gpu) return { gpu: resolveGpu(w.gpu.model, tables, ['gpu', 'model']), count: w.gpu.count };
  if (!w.instance) return null;
  const instance = resolveInstance(w.instance.type, tables, ['instance', 'type']);
  if (instance.gpu === null || instance.gpuCount === 0) return null;
  return {
    gpu: resolveGpu(instance.gpu, tables, ['instance', 'type']),
    count: instance.gpuCount * w.instance.count,
  };
}

/** Accelerators with a published peak dense bf16 rate and rated power: the ones a swap can price. */
export function isSwappable(gpu: Accelerator): boolean {
  return gpu.peakDenseTflops.bf16 !== null && gpu.maxPowerW !== null;
}

const round = (x: number, digits: number) => Number(x.toPrecision(digits));

/**
 * `w` with `current` replaced by `alt`: device count and utilisation kept, power from `alt`'s
 * rating. Plain workloads get `durationHours × peak_old / peak_new`; AI shapes re-derive their own
 * hours (training from FLOPs at `alt`'s peak, inference from `alt`'s per-token energy).
 */
export function swapGpu(w: Workload, current: WorkloadGpu, alt: Accelerator): HardwareSwap {
  const oldPeak = current.gpu.peakDenseTflops.bf16!;
  const newPeak = alt.peakDenseTflops.bf16!;
  const ratio = newPeak / oldPeak;
  const gpu = {
    model: alt.id,
    ...(current.count === undefined ? {} : { count: current.count }),
    ...(w.gpu?.utilization === undefined ? {} : { utilization: w.gpu.utilization }),
  };
  const peaks = `${alt.name} ${newPeak} vs ${current.gpu.name} ${oldPeak} TFLOP/s`;
  const measured =
    w.gpu?.powerW !== undefined || w.gpu?.maxPowerW !== undefined
      ? '; the given GPU power applies to the original only, the alternative is at its rated power'
      : '';
  if (w.ai?.task === 'inference') {
    return {
      workload: { ...w, gpu },
      gpu: alt,
      throughputRatio: ratio,
      assumption: `Inference on ${alt.name}: energy per token from its own reference measurements or the fitted formula (peak ratio ${round(ratio, 3)}, ${peaks})${measured}.`,
    };
  }
  const keepsHours = w.ai?.task === 'training' && w.durationHours === undefined;
  const hours = w.durationHours === undefined ? undefined : w.durationHours / ratio;
  const timing = keepsHours
    ? 'hours re-derived from FLOPs at its peak'
    : `${w.durationHours} h → ${round(hours!, 4)} h`;
  return {
    workload: { ...w, gpu, ...(hours === undefined || keepsHours ? {} : { durationHours: hours }) },
    gpu: alt,
    throughputRatio: ratio,
    assumption: `Assumes the job is compute-bound: time scales with peak dense bf16 FLOP/s, ratio ${round(ratio, 3)} (${peaks}; ${timing}); same device count${measured}.`,
  };
}
