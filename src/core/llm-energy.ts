// GPU energy per output token of an LLM: measured (ML.ENERGY) where the model ran on that GPU,
// else a power law fitted on that GPU's measurements, else EcoLogits' formula.
import type { AiTables, LlmMeasurement } from './tables.ts';

export interface TokenEnergy {
  /** Joules per output token for the whole GPU group. */
  readonly jPerToken: number;
  readonly tokensPerS: number | null;
  /** Relative uncertainty of jPerToken. */
  readonly relUncertainty: number;
  readonly basis: string;
  readonly source: string;
}

/** Log-linear interpolation in batch size over one model's rows (sorted by maxBatch); clamps at the ends. */
function atBatch(rows: readonly LlmMeasurement[], batch: number): { j: number; tps: number | null; clamped: boolean } {
  const sorted = [...rows].sort((a, b) => a.maxBatch - b.maxBatch);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (batch <= first.maxBatch) return { j: first.jPerOutputToken, tps: first.outputTokensPerS, clamped: batch < first.maxBatch };
  if (batch >= last.maxBatch) return { j: last.jPerOutputToken, tps: last.outputTokensPerS, clamped: batch > last.maxBatch };
  const i = sorted.findIndex((r) => r.maxBatch >= batch);
  const a = sorted[i - 1]!;
  const b = sorted[i]!;
  const t = Math.log(batch / a.maxBatch) / Math.log(b.maxBatch / a.maxBatch);
  const lerp = (x: number, y: number) => Math.exp(Math.log(x) + t * (Math.log(y) - Math.log(x)));
  const tps = a.outputTokensPerS !== null && b.outputTokensPerS !== null ? lerp(a.outputTokensPerS, b.outputTokensPerS) : null;
  return { j: lerp(a.jPerOutputToken, b.jPerOutputToken), tps, clamped: false };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Least-squares fit of log(y) = a + b·log(x). */
function fitPowerLaw(points: readonly (readonly [number, number])[]): { a: number; b: number } {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
  const my = ys.reduce((s, v) => s + v, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const b = sxx === 0 ? 1 : sxy / sxx;
  return { a: my - b * mx, b };
}

const MEASURED_UNCERTAINTY = 0.15;
const FITTED_UNCERTAINTY = 0.35;
const FORMULA_UNCERTAINTY = 0.5;
const MIN_MODELS_FOR_FIT = 3;

/**
 * Energy per output token of `modelId` (active parameters `activeB` billions) on `gpuId` with
 * `gpus` devices at serving batch `batch`.
 */
export function lookupTokenEnergy(ai: AiTables, modelId: string | null, activeB: number, gpuId: string, gpus: number, batch: number): TokenEnergy {
  const onGpu = ai.llmMeasurements.filter((m) => m.gpu === gpuId);
  const own = modelId === null ? [] : onGpu.filter((m) => m.model === modelId);
  if (own.length > 0) {
    // Prefer the smallest GPU group the model was measured on (the common deployment).
    const minGpus = Math.min(...own.map((m) => m.numGpus));
    const rows = own.filter((m) => m.numGpus === minGpus);
    const byTask = groupBy(rows, (m) => `${m.task}|${m.source}`);
    const [key, taskRows] = [...byTask.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0]!;
    const v = atBatch(taskRows, batch);
    const scale = gpus / minGpus;
    return {
      jPerToken: v.j * scale,
      tokensPerS: v.tps,
      relUncertainty: MEASURED_UNCERTAINTY,
      basis: `measured: ${modelId} on ${minGpus} × ${gpuId}, task ${key.split('|')[0]}, batch ${batch}${v.clamped ? ' (nearest measured batch)' : ''}`,
      source: taskRows[0]!.source,
    };
  }
  const perModel = [...groupBy(onGpu, (m) => `${m.model}|${m.numGpus}|${m.task}|${m.source}`).values()];
  const points = perModel.map((rows) => {
    const model = ai.llmModels.get(rows[0]!.model);
    return model ? ([model.activeParamsB, atBatch(rows, batch).j / rows[0]!.numGpus] as const) : null;
  }).filter((p): p is readonly [number, number] => p !== null);
  const distinctSizes = new Set(points.map(([x]) => x)).size;
  if (distinctSizes >= MIN_MODELS_FOR_FIT) {
    const { a, b } = fitPowerLaw(points);
    return {
      jPerToken: Math.exp(a + b * Math.log(activeB)) * gpus,
      tokensPerS: null,
      relUncertainty: FITTED_UNCERTAINTY,
      basis: `fitted: J/token ∝ activeParams^${b.toFixed(2)} over ${points.length} measured configurations on ${gpuId}, batch ${batch}`,
      source: onGpu[0]!.source,
    };
  }
  const f = ai.llmFormula;
  const whPerGpu = f.alpha * Math.exp(f.beta * batch) * activeB + f.gamma;
  const latencyS = f.latencyAlpha * activeB + f.latencyBeta * batch + f.latencyGamma;
  return {
    jPerToken: whPerGpu * 3600 * gpus,
    tokensPerS: batch / latencyS,
    relUncertainty: FORMULA_UNCERTAINTY,
    basis: `EcoLogits formula (fitted on H100 measurements; no measurements on ${gpuId}), batch ${batch}`,
    source: f.source,
  };
}
