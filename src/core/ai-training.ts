// Training by model size: FLOPs ≈ 6·N·D, device-hours = FLOPs / (peak dense FLOP/s × steady MFU) × whole-run
// overhead; a given duration shorter than the work at 100 % of peak is refused, a longer one states its MFU.
import type { Workload } from './schemas.ts';
import type { Accelerator, AiTables, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { AiShape } from './ai-shape.ts';
import { type Bounded, multiplyBounded } from './range.ts';
import { EstimateError } from './errors.ts';
import { resolveGpu } from './resolve-hardware.ts';
import { coefficientBounds } from './energy.ts';

type Training = Extract<NonNullable<Workload['ai']>, { task: 'training' }>;
type Precision = NonNullable<Training['precision']>;

export type { AiShape } from './ai-shape.ts';

const FALLBACK: Record<Precision, readonly Precision[]> = {
  bf16: ['bf16', 'fp16'],
  fp16: ['fp16', 'bf16'],
  fp8: ['fp8', 'bf16', 'fp16'],
  tf32: ['tf32', 'fp32'],
  fp32: ['fp32'],
};

/** Peak dense TFLOP/s at `precision`, falling back to the nearest format the device has. */
function peakTflops(
  gpu: Accelerator,
  precision: Precision,
  ledger: Ledger,
): { tflops: number; precision: Precision } {
  for (const p of FALLBACK[precision]) {
    const v = gpu.peakDenseTflops[p];
    if (v !== null) {
      if (p !== precision)
        ledger.assume(
          `${gpu.name} publishes no dense ${precision} rate: ${p} (${v} TFLOP/s) is used.`,
        );
      ledger.factor({
        id: 'peak_flops',
        label: `${gpu.name} peak dense ${p} throughput`,
        value: v,
        unit: 'TFLOP/s',
        source: gpu.source,
        year: gpu.launchYear,
      });
      return { tflops: v, precision: p };
    }
  }
  throw new EstimateError(
    'missing_throughput',
    ['gpu', 'model'],
    `${gpu.name} has no published dense ${precision} throughput: give durationHours instead of model size × tokens`,
  );
}

export function shapeTraining(
  w: Workload,
  ai: Training,
  tables: Tables,
  aiTables: AiTables,
  ledger: Ledger,
): AiShape {
  if (!w.gpu)
    throw new EstimateError(
      'inconsistent_input',
      ['gpu'],
      'training by model size needs the GPUs it runs on: give their model and number (gpu.model, gpu.count)',
    );
  const count = w.gpu.count;
  if (count === undefined)
    throw new EstimateError(
      'inconsistent_input',
      ['gpu', 'count'],
      `training by model size needs the number of GPUs: say how many ${w.gpu.model} train the model (gpu.count)`,
    );
  const gpu = resolveGpu(w.gpu.model, tables, ['gpu', 'model']);
  const n = ai.activeParameters ?? ai.parameters;
  const flops = 6 * n * ai.tokens;
  ledger.user(
    'parameters',
    ai.activeParameters ? 'Active parameters (MoE)' : 'Parameters',
    n,
    'parameters',
  );
  ledger.user('tokens', 'Training tokens', ai.tokens, 'tokens');
  ledger.assume(
    'Training compute: FLOPs ≈ 6 × parameters × tokens (forward + backward pass, Kaplan et al. 2020).',
  );

  const peak = peakTflops(gpu, ai.precision ?? 'bf16', ledger);
  if (!ai.precision) ledger.assume('Training precision not given: bf16 mixed precision.');
  const common = {
    task: 'training',
    gpus: count,
    flops,
    precision: peak.precision,
    peakTflopsPerDevice: peak.tflops,
    batchSize: null,
    gpuJPerOutputToken: null,
    gpuJPerInputToken: null,
    perThousandOutputTokens: null,
    perRequest: null,
    replicas: null,
    outputTokensPerS: null,
    busyHours: null,
  } as const;
  // The least wall time the hardware allows: every device at 100 % of its peak for the whole run.
  const atPeakHours = flops / (count * peak.tflops * 1e12) / 3600;

  if (w.durationHours !== undefined) {
    if (w.durationHours < atPeakHours) {
      throw new EstimateError(
        'inconsistent_input',
        ['durationHours'],
        `a run of ${w.durationHours} h is shorter than the ${sig(atPeakHours)} h this training needs even at 100 % of peak (${sig(flops)} FLOPs on ${count} × ${gpu.name} at ${peak.tflops} TFLOP/s ${peak.precision}): give more hours (durationHours), more GPUs (gpu.count) or fewer tokens (ai.tokens)`,
      );
    }
    const implied = atPeakHours / w.durationHours;
    ledger.assume(
      `durationHours given: ${w.durationHours} h are billed; they imply a whole-run MFU of ${pct(implied)} (6·N·D ÷ (devices × peak × hours), restarts and evaluation included, so no run overhead is added).`,
    );
    if (ai.mfu !== undefined)
      ledger.assume(`The given MFU ${ai.mfu} is not used: the given durationHours set the hours.`);
    return {
      workload: w,
      hoursFactor: EXACT,
      result: {
        ...common,
        deviceHours: w.durationHours * count,
        wallHours: w.durationHours,
        mfu: implied,
        basis:
          'FLOPs = 6·N·D; hours as given; mfu = whole-run MFU they imply = FLOPs ÷ (devices × peak dense FLOP/s × hours)',
      },
    };
  }

  const c = aiTables.coefficients;
  // FP8 runs reach their own share of the FP8 peak (published FP8 runs), not the 16-bit share of a doubled peak.
  const mfuCoef = peak.precision === 'fp8' ? c.trainingMfuFp8 : c.trainingMfu;
  const mfu =
    ai.mfu ??
    ledger.coefficient(
      'mfu',
      `Steady model FLOPs utilisation (published ${peak.precision === 'fp8' ? 'FP8' : '16-bit'} runs)`,
      mfuCoef,
    );
  if (ai.mfu !== undefined)
    ledger.user('mfu', 'Model FLOPs utilisation (steady training)', mfu, 'fraction');
  else
    ledger.assume(
      `MFU not given: ${mfu} of the ${peak.precision} peak while training steadily (median of published ${peak.precision === 'fp8' ? 'FP8' : '16-bit'} runs); the range spans ${sig(mfu / (1 + mfuCoef.relUncertainty), 2)}–${sig(Math.min(1, mfu * (1 + mfuCoef.relUncertainty)), 2)}.`,
    );
  const overheadCoef = c.trainingRunOverhead;
  const overhead = ledger.coefficient(
    'training_overhead',
    'Whole-run overhead on steady-rate hours (restarts, evaluation, checkpointing)',
    overheadCoef,
  );
  ledger.assume(
    `Whole-run overhead ×${overhead} on the steady-rate hours${ai.mfu !== undefined ? ' (the given MFU is read as the steady-training MFU)' : ''}: published runs took ${sig(Math.max(1, overhead / (1 + overheadCoef.relUncertainty)), 2)}–${sig(overhead * (1 + overheadCoef.relUncertainty), 2)}× their steady rate; give durationHours to bill measured hours.`,
  );

  const deviceHours = (flops / (peak.tflops * 1e12 * mfu) / 3600) * overhead;
  const wallHours = deviceHours / count;
  // Hours scale with 1/MFU (so MFU's bounds invert) and with the overhead, which is never below 1.
  const overheadBounds: Bounded = {
    central: 1,
    low: Math.max(1 / overhead, 1 / (1 + overheadCoef.relUncertainty)),
    high: 1 + overheadCoef.relUncertainty,
  };
  const hoursFactor =
    ai.mfu !== undefined
      ? overheadBounds
      : multiplyBounded(invert(coefficientBounds(1, mfuCoef.relUncertainty)), overheadBounds);
  return {
    workload: { ...w, durationHours: wallHours },
    hoursFactor,
    result: {
      ...common,
      deviceHours,
      wallHours,
      mfu,
      basis: `FLOPs = 6·N·D; device-hours = FLOPs ÷ (peak dense FLOP/s × mfu, the steady-training MFU) × whole-run overhead ${overhead}`,
    },
  };
}

const EXACT: Bounded = { central: 1, low: 1, high: 1 };
const pct = (x: number) => `${sig(x * 100, 3)} %`;
/** `digits` significant figures, without float noise. */
function sig(x: number, digits = 5): string {
  return String(Number(x.toPrecision(digits)));
}

function invert(b: Bounded): Bounded {
  return { central: 1 / b.central, low: 1 / b.high, high: 1 / b.low };
}
