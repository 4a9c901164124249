// Fits the inference model (src/core/inference-model.ts) on ML.ENERGY v3 and checks it on v2: the KV
// cache size on published model configs, then the two roofline efficiencies on measured throughput,
// then the two power shares on measured draw. Grid searches on fixed steps, so the build is deterministic.
import {
  BYTES_PER_PARAMETER,
  decodeStep,
  servingDrawW,
  type ServingDevice,
} from '../../src/core/inference-model.ts';
import {
  type Accelerator,
  type AiCoefficients,
  InferenceCalibration,
  type LlmMeasurement,
  type LlmModel,
  type RatioSpread,
} from '../../src/core/tables.ts';
import { cell, readCsv, reqNum, round, rowError, validateRow } from './csv.ts';
import type { LlmBuild } from './llm.ts';
import { SOURCES } from './sources.ts';

export const ARCHITECTURES_FILE = 'llm-inference/model_architectures_curated.csv';

/** The GPU of the server EcoLogits' host power describes (p5.48xlarge). */
const HOST_REFERENCE_GPU = 'nvidia-h100-sxm';

/** Rows whose prompts dominate (fill-in-the-middle code completion) say little about decode: not fitted on. */
const PROMPT_HEAVY_TASKS = new Set(['sourcegraph-fim']);

/** Least-squares fit of ln(kv bytes/token) on ln(active params, billions) over the published configs. */
function fitKvCache(): { at1B: number; exponent: number; models: number } {
  const points = readCsv(ARCHITECTURES_FILE).map((row) => {
    const layers = reqNum(row, 'num_hidden_layers');
    // Multi-head latent attention caches one latent per layer; GQA caches K and V per KV head.
    const elements =
      cell(row, 'kv_latent_dim') !== ''
        ? layers * reqNum(row, 'kv_latent_dim')
        : 2 * layers * reqNum(row, 'num_key_value_heads') * reqNum(row, 'head_dim');
    return [Math.log(reqNum(row, 'active_params_billions')), Math.log(elements * 2)] as const;
  });
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const b =
    points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) /
    points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return { at1B: Math.round(Math.exp(my - b * mx)), exponent: round(b, 4), models: points.length };
}

interface Row {
  m: LlmMeasurement;
  device: ServingDevice;
  weights: { totalParams: number; activeParams: number; bytesPerParam: number };
  batch: number;
  context: number;
  tps: number;
  powerW: number;
}

/** Peak dense FLOP/s the matrix products run at: 8-bit where weights are ≤ 8-bit and the device has it. */
export function servingPeakTflops(a: Accelerator, bytesPerParam: number): number | null {
  if (bytesPerParam <= 1 && a.peakDenseTflops.fp8 !== null) return a.peakDenseTflops.fp8;
  return a.peakDenseTflops.bf16 ?? a.peakDenseTflops.fp16;
}

function toRows(
  ms: readonly LlmMeasurement[],
  models: ReadonlyMap<string, LlmModel>,
  accelerators: ReadonlyMap<string, Accelerator>,
  inputTokens: number,
  idleFraction: number,
): Row[] {
  return ms.flatMap((m) => {
    const model = models.get(m.model);
    const a = accelerators.get(m.gpu);
    if (
      !model ||
      !a ||
      m.avgBatch === null ||
      m.outputTokensPerS === null ||
      m.avgPowerW === null ||
      m.avgOutputTokens === null
    )
      return [];
    const bytesPerParam = BYTES_PER_PARAMETER[m.precision];
    const peak = servingPeakTflops(a, bytesPerParam);
    if (peak === null || a.maxPowerW === null || a.memoryBandwidthTbs === null)
      throw new Error(
        `data/build/inference-calibration.ts: ${a.id} lacks peak, rated power or bandwidth`,
      );
    const idleW = a.idlePowerW ?? idleFraction * a.maxPowerW;
    return [
      {
        m,
        device: {
          peakFlops: peak * 1e12,
          bandwidthBytesPerS: a.memoryBandwidthTbs * 1e12,
          maxW: a.maxPowerW,
          idleW,
        },
        weights: {
          totalParams: model.totalParamsB * 1e9,
          activeParams: model.activeParamsB * 1e9,
          bytesPerParam,
        },
        batch: m.avgBatch,
        // A sequence holds its prompt and, on average, half its answer.
        context: inputTokens + m.avgOutputTokens / 2,
        tps: m.outputTokensPerS,
        powerW: m.avgPowerW,
      },
    ];
  });
}

function quantile(sorted: readonly number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo]! + (sorted[Math.ceil(i)]! - sorted[lo]!) * (i - lo);
}

/** Spread of measured ÷ modelled. */
function spread(ratios: readonly number[]): RatioSpread {
  const s = [...ratios].sort((a, b) => a - b);
  const abs = ratios.map((r) => Math.abs(Math.log(r))).sort((a, b) => a - b);
  return {
    p10: round(quantile(s, 0.1), 3),
    median: round(quantile(s, 0.5), 3),
    p90: round(quantile(s, 0.9), 3),
    medianAbsLog: round(quantile(abs, 0.5), 3),
    rows: s.length,
  };
}

const medianAbsLog = (ratios: readonly number[]) => spread(ratios).medianAbsLog;
const steps = (from: number, to: number, by: number) =>
  Array.from({ length: Math.round((to - from) / by) + 1 }, (_, i) => round(from + i * by, 4));

/** `gpuIdleFraction`: idle draw as a share of rated power where a device has no idle figure (as core uses it). */
/** The efficiencies that best give the measured throughput, then the power shares that best give the measured draw. */
function fit(
  rows: readonly Row[],
  kvFit: Pick<InferenceCalibration, 'kvBytesAt1B' | 'kvExponent'>,
): Omit<
  InferenceCalibration,
  | 'kvModels'
  | 'hostPowerShareOfGpuRated'
  | 'throughput'
  | 'power'
  | 'energy'
  | 'heldOutEnergy'
  | 'source'
  | 'year'
  | 'note'
> {
  const step = (r: Row, memoryEfficiency: number, computeEfficiency: number) =>
    decodeStep(r.device, r.weights, r.m.numGpus, r.batch, r.context, {
      ...kvFit,
      memoryEfficiency,
      computeEfficiency,
    });
  let best = { score: Infinity, memoryEfficiency: 0, computeEfficiency: 0 };
  for (const me of steps(0.2, 1, 0.05)) {
    for (const ce of steps(0.05, 1, 0.05)) {
      const score = medianAbsLog(rows.map((r) => r.tps / (r.batch / step(r, me, ce).stepS)));
      if (score < best.score) best = { score, memoryEfficiency: me, computeEfficiency: ce };
    }
  }
  const shares = rows.map(
    (r) => step(r, best.memoryEfficiency, best.computeEfficiency).computeShare,
  );
  let power = { score: Infinity, powerShareMemoryBound: 0, powerShareComputeBound: 0 };
  for (const lo of steps(0, 1, 0.025)) {
    for (const hi of steps(lo, 1, 0.025)) {
      const p = { powerShareMemoryBound: lo, powerShareComputeBound: hi };
      const score = medianAbsLog(
        rows.map((r, i) => r.powerW / servingDrawW(r.device, shares[i]!, p)),
      );
      if (score < power.score) power = { score, ...p };
    }
  }
  return {
    ...kvFit,
    memoryEfficiency: best.memoryEfficiency,
    computeEfficiency: best.computeEfficiency,
    powerShareMemoryBound: power.powerShareMemoryBound,
    powerShareComputeBound: power.powerShareComputeBound,
  };
}

/** `gpuIdleFraction`: idle draw as a share of rated power where a device has no idle figure (as core uses it). */
export function buildInferenceCalibration(
  accelerators: readonly Accelerator[],
  llm: Pick<LlmBuild, 'models' | 'measurements'>,
  ai: AiCoefficients,
  gpuIdleFraction: number,
): InferenceCalibration {
  const kv = fitKvCache();
  const models = new Map(llm.models.map((m) => [m.id, m]));
  const devices = new Map(accelerators.map((a) => [a.id, a]));
  const input = ai.defaultInputTokensPerRequest.value;
  const usable = llm.measurements.filter((m) => !PROMPT_HEAVY_TASKS.has(m.task));
  // v3 (2025 serving engines) sets the central figures; v2 (2024 engines, A100 and H100) is the check.
  const rows = toRows(
    usable.filter((m) => m.source === 'ml-energy-v3'),
    models,
    devices,
    input,
    gpuIdleFraction,
  );
  const heldOut = toRows(
    usable.filter((m) => m.source === 'ml-energy-v2'),
    models,
    devices,
    input,
    gpuIdleFraction,
  );
  if (rows.length < 100)
    throw rowError(
      { file: 'data/build/inference-calibration.ts', line: 0 },
      `only ${rows.length} ML.ENERGY v3 rows to fit on`,
    );
  const cal = fit(rows, { kvBytesAt1B: kv.at1B, kvExponent: kv.exponent });
  // EcoLogits' host figure is for an AWS p5.48xlarge, 8 × H100 SXM: as a share, it scales to smaller GPUs' servers.
  const h100 = devices.get(HOST_REFERENCE_GPU)?.maxPowerW;
  if (!h100)
    throw new Error(
      `data/build/inference-calibration.ts: ${HOST_REFERENCE_GPU} has no rated power`,
    );
  const modelled = (r: Row, c: typeof cal) => {
    const s = decodeStep(r.device, r.weights, r.m.numGpus, r.batch, r.context, c);
    const drawW = servingDrawW(r.device, s.computeShare, c);
    return { tps: r.batch / s.stepS, drawW, jPerToken: (drawW * r.m.numGpus * s.stepS) / r.batch };
  };
  const source = SOURCES.find((s) => s.id === 'ml-energy-v3');
  if (!source) throw new Error('source "ml-energy-v3" missing from data/build/sources.ts');
  return validateRow(
    InferenceCalibration,
    {
      ...cal,
      kvModels: kv.models,
      hostPowerShareOfGpuRated: round(ai.hostPowerPerGpuW.value / h100, 4),
      throughput: spread(rows.map((r) => r.tps / modelled(r, cal).tps)),
      power: spread(rows.map((r) => r.powerW / modelled(r, cal).drawW)),
      energy: spread(rows.map((r) => r.m.jPerOutputToken / modelled(r, cal).jPerToken)),
      heldOutEnergy: spread(heldOut.map((r) => r.m.jPerOutputToken / modelled(r, cal).jPerToken)),
      source: 'ml-energy-v3',
      year: source.year,
      note:
        `Fitted on ${rows.length} ML.ENERGY v3 configurations (H100, B200; gpqa, lm-arena-chat; sourcegraph-fim left out: its prompts dominate). ` +
        `Step = (weights touched + batch × context × KV bytes) ÷ (GPUs × HBM bandwidth × memoryEfficiency) + 2·N_active·batch ÷ (GPUs × peak × computeEfficiency); ` +
        `context = ${input} prompt tokens (the default) + half the measured answer. KV bytes per token fitted on ${kv.models} published model configs (${ARCHITECTURES_FILE}). ` +
        `Draw = idle + (rated − idle) × (powerShareMemoryBound + (powerShareComputeBound − powerShareMemoryBound) × compute share). ` +
        `Host per GPU = ${ai.hostPowerPerGpuW.value} W (EcoLogits, 8 × H100 server) ÷ ${h100} W rated = the share of a GPU's rated power. ` +
        `Efficiencies minimise the median |ln| error of throughput, then the power shares that of draw; heldOutEnergy: the ${heldOut.length} ML.ENERGY v2 rows (2024 serving engines; A100, H100), not fitted on — older engines cost more per token, so the range reaches their 90th percentile.`,
    },
    { file: 'data/build/inference-calibration.ts', line: 0 },
  );
}
