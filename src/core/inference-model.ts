// The physical model of LLM serving: a decode step streams the weights it touches and the batch's
// KV cache from HBM and does 2·N_active FLOPs per sequence; the draw follows how compute-bound it is.
// data/build/inference-calibration.ts fits the efficiencies and power shares with these same functions.
import type { InferenceCalibration, WeightPrecision } from './tables.ts';

/** Bytes per stored parameter of each weight format (MXFP4: 4-bit values + one 8-bit scale per 32, OCP MX v1.0). */
export const BYTES_PER_PARAMETER: Readonly<Record<WeightPrecision, number>> = {
  bf16: 2,
  fp16: 2,
  fp8: 1,
  int8: 1,
  mxfp4: 4.25 / 8,
  int4: 0.5,
};

/** The accelerator as the roofline sees it. */
export interface ServingDevice {
  /** Peak dense FLOP/s of one device at the precision the matrix products run in. */
  readonly peakFlops: number;
  /** HBM bandwidth of one device, bytes/s. */
  readonly bandwidthBytesPerS: number;
  readonly maxW: number;
  readonly idleW: number;
}

/** The weights as the roofline sees them. */
export interface ServedWeights {
  readonly totalParams: number;
  readonly activeParams: number;
  readonly bytesPerParam: number;
}

export interface DecodeStep {
  /** Time streaming weights and KV cache, and time in matrix products, s. */
  readonly memoryS: number;
  readonly computeS: number;
  /** The step: the two do not overlap in today's serving engines (the additive form fits ML.ENERGY best). */
  readonly stepS: number;
  /** computeS / stepS: 0 all memory-bound, 1 all compute-bound. */
  readonly computeShare: number;
}

type Fit = Pick<
  InferenceCalibration,
  'memoryEfficiency' | 'computeEfficiency' | 'kvBytesAt1B' | 'kvExponent'
>;
type PowerFit = Pick<InferenceCalibration, 'powerShareMemoryBound' | 'powerShareComputeBound'>;

/** KV cache bytes per token held at 16-bit, from the model's active size (fit over published configs). */
export function kvBytesPerToken(activeParams: number, fit: Fit): number {
  return fit.kvBytesAt1B * (activeParams / 1e9) ** fit.kvExponent;
}

/**
 * Weight bytes one step reads: a dense model all of them; a mixture of experts the experts its
 * `batch` tokens route to, taking each token's share active/total as independent draws.
 */
export function weightBytesPerStep(w: ServedWeights, batch: number): number {
  const activeShare = w.activeParams / w.totalParams;
  const touched = activeShare >= 1 ? 1 : 1 - (1 - activeShare) ** batch;
  return w.totalParams * touched * w.bytesPerParam;
}

/** One decode step of `batch` sequences holding `contextTokens` each, on a replica of `gpus` devices. */
export function decodeStep(
  device: ServingDevice,
  w: ServedWeights,
  gpus: number,
  batch: number,
  contextTokens: number,
  fit: Fit,
): DecodeStep {
  const bytes =
    weightBytesPerStep(w, batch) + batch * contextTokens * kvBytesPerToken(w.activeParams, fit);
  const memoryS = bytes / (gpus * device.bandwidthBytesPerS * fit.memoryEfficiency);
  const computeS = (2 * w.activeParams * batch) / (gpus * device.peakFlops * fit.computeEfficiency);
  const stepS = memoryS + computeS;
  return { memoryS, computeS, stepS, computeShare: computeS / stepS };
}

/** Draw of one device during steps that are `computeShare` compute-bound: between idle and rated. */
export function servingDrawW(device: ServingDevice, computeShare: number, fit: PowerFit): number {
  const share =
    fit.powerShareMemoryBound +
    (fit.powerShareComputeBound - fit.powerShareMemoryBound) * computeShare;
  return device.idleW + (device.maxW - device.idleW) * share;
}

/** Seconds to prefill `tokens` prompt tokens on `gpus` devices: compute-bound, 2·N_active FLOPs per token. */
export function prefillSeconds(
  device: ServingDevice,
  w: ServedWeights,
  gpus: number,
  tokens: number,
  efficiency: number,
): number {
  return (2 * w.activeParams * tokens) / (gpus * device.peakFlops * efficiency);
}
