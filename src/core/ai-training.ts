// Training by model size: FLOPs ≈ 6·N·D, device-hours = FLOPs / (peak dense FLOP/s × MFU).
import type { AiResult, Workload } from './schemas.ts';
import type { Accelerator, AiTables, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { Bounded } from './range.ts';
import { EstimateError } from './errors.ts';
import { resolveGpu } from './resolve-hardware.ts';
import { coefficientBounds } from './energy.ts';

type Training = Extract<NonNullable<Workload['ai']>, { task: 'training' }>;
type Precision = NonNullable<Training['precision']>;

/** What an AI shape turns into: a plain workload, how uncertain its hours are, and what it found. */
export interface AiShape {
  readonly workload: Workload;
  /** Relative bounds on the derived hours (central 1); exact hours are {1, 1, 1}. */
  readonly hoursFactor: Bounded;
  readonly result: AiResult;
  /** For per-unit figures, filled in once the estimate is known. */
  readonly outputTokens?: number;
  readonly requests?: number | null;
}

const FALLBACK: Record<Precision, readonly Precision[]> = {
  bf16: ['bf16', 'fp16'],
  fp16: ['fp16', 'bf16'],
  fp8: ['fp8', 'bf16', 'fp16'],
  tf32: ['tf32', 'fp32'],
  fp32: ['fp32'],
};

/** Peak dense TFLOP/s at `precision`, falling back to the nearest format the device has. */
function peakTflops(gpu: Accelerator, precision: Precision, ledger: Ledger): { tflops: number; precision: Precision } {
  for (const p of FALLBACK[precision]) {
    const v = gpu.peakDenseTflops[p];
    if (v !== null) {
      if (p !== precision) ledger.assume(`${gpu.name} publishes no dense ${precision} rate: ${p} (${v} TFLOP/s) is used.`);
      ledger.factor({ id: 'peak_flops', label: `${gpu.name} peak dense ${p} throughput`, value: v, unit: 'TFLOP/s', source: gpu.source, year: gpu.launchYear });
      return { tflops: v, precision: p };
    }
  }
  throw new EstimateError('missing_throughput', ['gpu', 'model'], `${gpu.name} has no published dense ${precision} throughput: give durationHours instead of model size × tokens`);
}

export function shapeTraining(w: Workload, ai: Training, tables: Tables, aiTables: AiTables, ledger: Ledger): AiShape {
  if (!w.gpu) throw new EstimateError('inconsistent_input', ['gpu'], 'training by model size needs gpu {model, count}');
  const count = w.gpu.count;
  if (count === undefined) throw new EstimateError('inconsistent_input', ['gpu', 'count'], 'training by model size needs gpu.count (number of devices)');
  const gpu = resolveGpu(w.gpu.model, tables, ['gpu', 'model']);
  const n = ai.activeParameters ?? ai.parameters;
  const flops = 6 * n * ai.tokens;
  ledger.user('parameters', ai.activeParameters ? 'Active parameters (MoE)' : 'Parameters', n, 'parameters');
  ledger.user('tokens', 'Training tokens', ai.tokens, 'tokens');
  ledger.assume('Training compute: FLOPs ≈ 6 × parameters × tokens (forward + backward pass, Kaplan et al. 2020).');

  const peak = peakTflops(gpu, ai.precision ?? 'bf16', ledger);
  if (!ai.precision) ledger.assume('Training precision not given: bf16 mixed precision.');
  const mfuCoef = aiTables.coefficients.trainingMfu;
  const mfu = ai.mfu ?? ledger.coefficient('mfu', 'Model FLOPs utilisation (published large runs)', mfuCoef);
  if (ai.mfu !== undefined) ledger.user('mfu', 'Model FLOPs utilisation', mfu, 'fraction');
  else ledger.assume(`MFU not given: ${mfu} (typical of published large runs); the range spans ${(mfu / (1 + mfuCoef.relUncertainty)).toFixed(2)}–${Math.min(1, mfu * (1 + mfuCoef.relUncertainty)).toFixed(2)}.`);

  const deviceHours = flops / (peak.tflops * 1e12 * mfu) / 3600;
  const wallHours = deviceHours / count;
  // Hours scale with 1/MFU, so MFU's bounds invert onto the hours.
  const hoursFactor: Bounded = ai.mfu !== undefined ? { central: 1, low: 1, high: 1 } : invert(coefficientBounds(1, mfuCoef.relUncertainty));
  let durationHours = wallHours;
  if (w.durationHours !== undefined) {
    durationHours = w.durationHours;
    const ratio = w.durationHours / wallHours;
    if (ratio > 2 || ratio < 0.5) ledger.assume(`The given durationHours (${w.durationHours}) and the hours derived from model size (${wallHours.toFixed(1)}) differ by more than 2×: the given duration is used.`);
  }
  return {
    workload: { ...w, durationHours },
    hoursFactor: w.durationHours !== undefined ? { central: 1, low: 1, high: 1 } : hoursFactor,
    result: {
      task: 'training', gpus: count, flops, deviceHours, wallHours, mfu, precision: peak.precision, peakTflopsPerDevice: peak.tflops,
      batchSize: null, gpuJPerOutputToken: null, gpuJPerInputToken: null,
      basis: 'FLOPs = 6·N·D; device-hours = FLOPs / (peak dense FLOP/s × MFU)',
      perThousandOutputTokens: null, perRequest: null,
    },
  };
}

function invert(b: Bounded): Bounded {
  return { central: 1 / b.central, low: 1 / b.high, high: 1 / b.low };
}
