// Inference by tokens: time from throughput, power from load, energy = power × time per component.
// Throughput and draw are ML.ENERGY's where these weights ran on this GPU, else the calibrated
// roofline (inference-model.ts); a provisioned service idles the hours its tokens leave over.
import type { Workload, WeightPrecision } from './schemas.ts';
import type { Accelerator, AiTables, LlmModel, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { AiShape, DerivedDraw } from './ai-shape.ts';
import type { Bounded } from './range.ts';
import { EstimateError } from './errors.ts';
import { closestIds, closestPhrase } from './closest.ts';
import { normalizeName } from './names.ts';
import { resolveGpu } from './resolve-hardware.ts';
import { coefficientBounds } from './energy.ts';
import {
  BYTES_PER_PARAMETER,
  decodeStep,
  kvBytesPerToken,
  prefillSeconds,
  servingDrawW,
  type ServedWeights,
  type ServingDevice,
} from './inference-model.ts';
import { measuredCurve, measuredGroupSizes } from './inference-measured.ts';

type Inference = Extract<NonNullable<Workload['ai']>, { task: 'inference' }>;

/** Relative uncertainty of a measured configuration's throughput (repeated ML.ENERGY runs differ by a few %; batch interpolation adds more). */
const MEASURED_UNCERTAINTY = 0.15;

function resolveModel(ai: Inference, aiTables: AiTables): LlmModel | null {
  if (ai.model === undefined) return null;
  const id = aiTables.llmModels.has(ai.model)
    ? ai.model
    : aiTables.llmModelAliases.get(normalizeName(ai.model));
  const model = id === undefined ? undefined : aiTables.llmModels.get(id);
  if (model) return model;
  if (ai.parameters !== undefined) return null;
  const close = closestIds(ai.model, aiTables.llmModelAliases);
  throw new EstimateError(
    'unknown_model',
    ['ai', 'model'],
    `'${ai.model}' is not an AI model in the catalogue${closestPhrase(close, (id) => aiTables.llmModels.get(id)?.name ?? id)}; or give the model's size in parameters (ai.parameters) instead`,
    close,
  );
}

const nextPowerOfTwo = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

/** The accelerator as the roofline needs it, or the refusal naming what its table row lacks. */
function servingDevice(
  gpu: Accelerator,
  w: Workload,
  precision: WeightPrecision,
  tables: Tables,
  ledger: Ledger,
): ServingDevice {
  const bytes = BYTES_PER_PARAMETER[precision];
  const peak =
    bytes <= 1 && gpu.peakDenseTflops.fp8 !== null
      ? gpu.peakDenseTflops.fp8
      : (gpu.peakDenseTflops.bf16 ?? gpu.peakDenseTflops.fp16);
  const maxW = w.gpu?.maxPowerW ?? gpu.maxPowerW;
  if (peak === null || gpu.memoryBandwidthTbs === null)
    throw new EstimateError(
      'missing_throughput',
      ['gpu', 'model'],
      `${gpu.name} has no published 16-bit peak rate or memory bandwidth, so its serving throughput cannot be modelled`,
    );
  if (maxW === null)
    throw new EstimateError(
      'missing_power',
      ['gpu', 'maxPowerW'],
      `${gpu.name} has no published board power: give gpu.maxPowerW (rated W)`,
    );
  ledger.factor({
    id: 'peak_flops',
    label: `${gpu.name} peak dense ${bytes <= 1 && gpu.peakDenseTflops.fp8 !== null ? 'fp8' : '16-bit'} throughput`,
    value: peak,
    unit: 'TFLOP/s',
    source: gpu.source,
    year: gpu.launchYear,
  });
  ledger.factor({
    id: 'memory_bandwidth',
    label: `${gpu.name} memory bandwidth`,
    value: gpu.memoryBandwidthTbs,
    unit: 'TB/s',
    source: gpu.source,
    year: gpu.launchYear,
  });
  const idleW =
    gpu.idlePowerW ??
    maxW *
      ledger.coefficient(
        'gpu_idle_fraction',
        'GPU idle power as a share of rated power',
        tables.datacentre.coefficients.gpuIdleFraction,
      );
  return { peakFlops: peak * 1e12, bandwidthBytesPerS: gpu.memoryBandwidthTbs * 1e12, maxW, idleW };
}

interface Deployment {
  readonly gpus: number;
  readonly gpusPerReplica: number;
  readonly replicas: number;
  /** Sequences one replica serves at most: the given or default batch, within what its KV memory holds. */
  readonly batch: number;
  /** The most sequences its KV memory holds. */
  readonly roomBatch: number;
}

/**
 * Replicas and their batch. A replica must hold the weights (× the serving allowance); of the sizes
 * that do — measured group sizes first, then powers of two — the smallest whose memory beside the
 * weights caches the target batch (given, or the default per GPU × its GPUs) is taken.
 */
function deploy(
  w: Workload,
  ai: Inference,
  gpu: Accelerator,
  weights: ServedWeights,
  precision: WeightPrecision,
  measuredSizes: readonly number[],
  contextTokens: number,
  aiTables: AiTables,
  ledger: Ledger,
): Deployment {
  const c = aiTables.coefficients;
  const overhead = ledger.coefficient(
    'model_memory_overhead',
    'Serving memory ÷ weights (KV cache, activations)',
    c.modelMemoryOverhead,
  );
  const weightsGb = (weights.totalParams * weights.bytesPerParam) / 1e9;
  const needGb = overhead * weightsGb;
  const fits = gpu.memoryGb === null ? 1 : nextPowerOfTwo(Math.ceil(needGb / gpu.memoryGb));
  const count = w.gpu?.count;
  if (count !== undefined && gpu.memoryGb !== null && count * gpu.memoryGb < needGb) {
    throw new EstimateError(
      'inconsistent_input',
      ['gpu', 'count'],
      `${count} × ${gpu.name} hold ${count * gpu.memoryGb} GB, less than the ${needGb.toFixed(0)} GB the weights need at ${precision} (× ${overhead} for serving): give more GPUs or ai.precision`,
    );
  }
  const perGpu =
    ai.batchSize === undefined
      ? ledger.coefficient(
          'batch_size',
          'Serving batch per GPU of a replica (default)',
          c.defaultBatchSize,
        )
      : null;
  const target = (g: number) => ai.batchSize ?? perGpu! * g;
  const kvPerSequence =
    contextTokens * kvBytesPerToken(weights.activeParams, aiTables.inferenceCalibration);
  const room = (g: number) =>
    gpu.memoryGb === null
      ? Infinity
      : Math.floor(((g * gpu.memoryGb - weightsGb) * 1e9) / kvPerSequence);
  const powers = [fits, fits * 2, fits * 4, fits * 8];
  const sizes = [...new Set([...measuredSizes.filter((n) => n >= fits), ...powers])].filter(
    (g) => count === undefined || (g <= count && count % g === 0),
  );
  const size =
    sizes.find((g) => room(g) >= target(g)) ??
    sizes[sizes.length - 1] ??
    Math.min(fits, count ?? fits);
  const replicas = count === undefined ? 1 : Math.max(1, Math.floor(count / size));
  const gpusPerReplica = count === undefined ? size : count / replicas;
  const batch = Math.max(1, Math.min(target(gpusPerReplica), room(gpusPerReplica)));
  if (count === undefined)
    ledger.assume(
      `GPU count from memory: ${(weights.totalParams / 1e9).toFixed(1)}B parameters × ${weights.bytesPerParam} bytes (${precision}) × ${overhead} = ${needGb.toFixed(0)} GB${size > fits ? ", and room for the batch's KV cache" : ''} -> ${size} × ${gpu.name}.`,
    );
  else if (replicas > 1)
    ledger.assume(
      `${count} × ${gpu.name} serve as ${replicas} replicas of ${gpusPerReplica} GPUs each.`,
    );
  if (batch < target(gpusPerReplica))
    ledger.assume(
      `A replica's memory beside the weights caches ${batch} sequences of ${Math.round(contextTokens)} tokens, fewer than the ${target(gpusPerReplica)} ${ai.batchSize === undefined ? 'by default' : 'given'}: ${batch} are served at a time.`,
    );
  else if (ai.batchSize === undefined)
    ledger.assume(`Serving batch not given: ${batch} sequences per replica (${perGpu} per GPU).`);
  return {
    gpus: count ?? size,
    gpusPerReplica,
    replicas,
    batch,
    roomBatch: Math.max(1, room(gpusPerReplica)),
  };
}

/** Throughput and draw of one replica as a function of its batch: measured where these weights ran on this GPU, else modelled. */
interface ServingCurve {
  /** Output tokens per second of one replica, and the draw of one of its GPUs while decoding (W), at `batch`. */
  at(batch: number): {
    readonly tokensPerS: number;
    readonly drawW: number;
    readonly detail: string;
  };
  /** Relative bounds of energy per token at a given batch (measured: ±15 %; modelled: the calibration's spread). */
  readonly bounds: Bounded;
  readonly kind: 'measured' | 'modelled';
  readonly source: string;
}

function servingCurve(
  model: LlmModel | null,
  gpu: Accelerator,
  device: ServingDevice,
  weights: ServedWeights,
  precision: WeightPrecision,
  d: Deployment,
  tokens: { context: number; outputPerRequest: number },
  aiTables: AiTables,
  ledger: Ledger,
): ServingCurve {
  const cal = aiTables.inferenceCalibration;
  const modelled = (batch: number) => {
    const step = decodeStep(device, weights, d.gpusPerReplica, batch, tokens.context, cal);
    return {
      tokensPerS: batch / step.stepS,
      drawW: servingDrawW(device, step.computeShare, cal),
      computeShare: step.computeShare,
    };
  };
  const measured = model
    ? measuredCurve(
        aiTables,
        model.weights,
        gpu.id,
        precision,
        d.gpusPerReplica,
        tokens.outputPerRequest,
      )
    : null;
  if (measured) {
    const what = `${model!.weights} on ${d.gpusPerReplica} × ${gpu.id} at ${precision}, task ${measured.task}`;
    ledger.assume(
      `Throughput and draw measured by ML.ENERGY (${what}), interpolated in batch (outside the measured batches, scaled as the calibrated model scales); ±${MEASURED_UNCERTAINTY * 100} %.`,
    );
    return {
      at: (batch) => {
        const m = measured.at(batch);
        if (m.atBatch === batch)
          return {
            tokensPerS: m.tokensPerS,
            drawW: m.drawW,
            detail: `measured: ${what}, batch ${round3(batch)}`,
          };
        // Beyond the measured batches the roofline's shape carries the nearest measurement.
        const here = modelled(batch);
        const edge = modelled(m.atBatch);
        const drawW = Math.min(
          device.maxW,
          Math.max(device.idleW, (m.drawW * here.drawW) / edge.drawW),
        );
        return {
          tokensPerS: (m.tokensPerS * here.tokensPerS) / edge.tokensPerS,
          drawW,
          detail: `measured: ${what}, batch ${round3(m.atBatch)}, scaled by the roofline to batch ${round3(batch)}`,
        };
      },
      bounds: coefficientBounds(1, MEASURED_UNCERTAINTY),
      kind: 'measured',
      source: measured.source,
    };
  }
  const low = Math.min(1, cal.energy.p10, cal.heldOutEnergy.p10);
  const high = Math.max(1, cal.energy.p90, cal.heldOutEnergy.p90);
  ledger.assume(
    `Throughput modelled (no measurement of these weights on ${d.gpusPerReplica} × ${gpu.name} at ${precision}): measured ÷ modelled energy per token is ${cal.energy.p10}–${cal.energy.p90} on the ML.ENERGY v3 rows it was fitted on and ${cal.heldOutEnergy.p10}–${cal.heldOutEnergy.p90} on 2024 (v2) serving engines (10th–90th percentiles): the range spans ${low}–${high}×.`,
  );
  return {
    at: (batch) => {
      const m = modelled(batch);
      return {
        tokensPerS: m.tokensPerS,
        drawW: m.drawW,
        detail: `modelled: decode roofline on ${d.gpusPerReplica} × ${gpu.id} at ${precision}, batch ${round3(batch)}, ${(m.computeShare * 100).toFixed(0)} % compute-bound`,
      };
    },
    bounds: { central: 1, low, high },
    kind: 'modelled',
    source: cal.source,
  };
}

const round3 = (x: number) => Number(x.toPrecision(3));

/**
 * The batch a provisioned replica runs at: by Little's law the sequences in flight are the token
 * rate it must serve × the time one sequence takes, so the batch solves tokensPerS(batch) = load.
 * Below one sequence in flight it decodes at batch 1 part of the time; above `cap` it is saturated.
 */
function batchForLoad(curve: ServingCurve, loadTokensPerS: number, cap: number): number {
  if (curve.at(1).tokensPerS >= loadTokensPerS) return 1;
  if (curve.at(cap).tokensPerS <= loadTokensPerS) return cap;
  let lo = 0;
  let hi = Math.log(cap);
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (curve.at(Math.exp(mid)).tokensPerS < loadTokensPerS) lo = mid;
    else hi = mid;
  }
  // The side that keeps up with the load, so the busy time never passes the wall time by a rounding.
  return Math.exp(hi);
}

/** Log-space quadrature of independent relative bounds. */
function combine(a: Bounded, b: Bounded): Bounded {
  const q = (x: number, y: number) => Math.hypot(Math.log(x), Math.log(y));
  return { central: 1, low: Math.exp(-q(a.low, b.low)), high: Math.exp(q(a.high, b.high)) };
}

export function shapeInference(
  w: Workload,
  ai: Inference,
  tables: Tables,
  aiTables: AiTables,
  ledger: Ledger,
): AiShape {
  if (!w.gpu)
    throw new EstimateError(
      'inconsistent_input',
      ['gpu'],
      'inference needs the GPU it is served on, to find its throughput (gpu.model)',
    );
  const gpu = resolveGpu(w.gpu.model, tables, ['gpu', 'model']);
  const named = resolveModel(ai, aiTables);
  if (!named && ai.parameters === undefined)
    throw new EstimateError(
      'unknown_model',
      ['ai', 'parameters'],
      'inference needs the model it serves: its name (ai.model) or its size in parameters (ai.parameters)',
    );
  // Another id of the same weights is served as the id measurements are kept under, so both answer alike.
  const model = named ? (aiTables.llmModels.get(named.weights) ?? named) : null;
  if (named && model !== named)
    ledger.assume(
      `${named.name} has the shape and size of ${model!.name}: served as those weights.`,
    );
  const c = aiTables.coefficients;
  const totalParams = ai.parameters ?? model!.totalParamsB * 1e9;
  const activeParams =
    ai.activeParameters ?? (ai.parameters !== undefined ? totalParams : model!.activeParamsB * 1e9);
  if (model)
    ledger.factor({
      id: 'model_parameters',
      label: `${model.name} parameters (${activeParams / 1e9}B active)${model.paramsEstimated ? ' (estimated, not disclosed)' : ''}`,
      value: totalParams,
      unit: 'parameters',
      source: model.source,
      year: null,
    });
  const precision = ai.precision ?? model?.precision ?? 'bf16';
  if (ai.precision === undefined)
    ledger.assume(
      model
        ? `Weights served at the checkpoint's precision: ${precision}.`
        : 'Precision not given: 16-bit weights.',
    );
  const weights: ServedWeights = {
    totalParams,
    activeParams,
    bytesPerParam: BYTES_PER_PARAMETER[precision],
  };

  const requests = ai.requests;
  const outputTokens =
    ai.outputTokens ??
    (requests !== undefined
      ? requests *
        ledger.coefficient(
          'output_tokens_per_request',
          'Output tokens per request (default)',
          c.defaultOutputTokensPerRequest,
        )
      : undefined);
  if (outputTokens === undefined)
    throw new EstimateError(
      'inconsistent_input',
      ['ai', 'outputTokens'],
      'inference needs how much it serves: the number of requests (ai.requests) or of generated tokens (ai.outputTokens)',
    );
  const inputTokens =
    ai.inputTokens ??
    (requests !== undefined
      ? requests *
        ledger.coefficient(
          'input_tokens_per_request',
          'Input tokens per request (default)',
          c.defaultInputTokensPerRequest,
        )
      : 0);
  // A sequence holds its prompt and, on average, half its answer.
  const perRequestIn =
    requests !== undefined ? inputTokens / requests : c.defaultInputTokensPerRequest.value;
  const perRequestOut =
    requests !== undefined ? outputTokens / requests : c.defaultOutputTokensPerRequest.value;

  const device = servingDevice(gpu, w, precision, tables, ledger);
  const sizes = model ? measuredGroupSizes(aiTables, model.weights, gpu.id, precision) : [];
  const contextTokens = perRequestIn + perRequestOut / 2;
  const d = deploy(w, ai, gpu, weights, precision, sizes, contextTokens, aiTables, ledger);
  const defaultBatch = c.defaultBatchSize;
  const cap = d.batch;
  const curve = servingCurve(
    model,
    gpu,
    device,
    weights,
    precision,
    d,
    { context: contextTokens, outputPerRequest: perRequestOut },
    aiTables,
    ledger,
  );

  const prefillEfficiency = ledger.coefficient(
    'prefill_mfu',
    'Share of peak FLOP/s while prefilling prompts',
    c.prefillMfu,
  );
  const prefillS = prefillSeconds(device, weights, d.gpus, inputTokens, prefillEfficiency);
  const prefillW = servingDrawW(device, 1, aiTables.inferenceCalibration);
  const prefillJ = d.gpus * prefillS * prefillW;

  // A provisioned service runs at the batch its load makes; otherwise at the given or default batch.
  const wallGiven = w.durationHours === undefined ? null : w.durationHours * 3600;
  const load =
    wallGiven !== null && wallGiven > prefillS
      ? outputTokens / ((wallGiven - prefillS) * d.replicas)
      : null;
  const batch = load === null ? cap : batchForLoad(curve, load, cap);
  const point = curve.at(batch);
  const decodeS = outputTokens / (point.tokensPerS * d.replicas);
  const busyS = prefillS + decodeS;
  const decodeJ = d.gpus * decodeS * point.drawW;
  const busyJ = prefillJ + decodeJ;
  // An unknown batch widens the range by what half or twice the default batch would give.
  let bounds = curve.bounds;
  if (load === null && ai.batchSize === undefined && defaultBatch.relUncertainty > 0) {
    const perToken = (b: number) => {
      const p = curve.at(b);
      return p.drawW / p.tokensPerS;
    };
    const mid = perToken(batch);
    const a = perToken(Math.min(d.roomBatch, batch * (1 + defaultBatch.relUncertainty))) / mid;
    const z = perToken(batch / (1 + defaultBatch.relUncertainty)) / mid;
    bounds = combine(bounds, { central: 1, low: Math.min(1, a, z), high: Math.max(1, a, z) });
  }
  if (load !== null)
    ledger.assume(
      `Provisioned ${w.durationHours} h for ${outputTokens.toPrecision(3)} output tokens: ${round3(load)} tokens/s per replica, so about ${round3(batch)} sequences in flight (Little's law${batch >= cap ? `; capped at batch ${cap}` : ''}).`,
    );

  let wallS = busyS;
  let drawW: Bounded;
  let hoursFactor = bounds;
  if (wallGiven !== null) {
    wallS = wallGiven;
    const fastest = busyS * bounds.low;
    const work = servingWork(requests, outputTokens, busyS, fastest, d.gpus, gpu.name);
    if (wallS < fastest) {
      const replicas = Math.ceil((d.replicas * fastest) / wallS);
      throw new EstimateError(
        'inconsistent_input',
        ['durationHours'],
        `${work}, but the service runs ${w.durationHours} hours on ${plural(d.gpus, 'GPU')}: give about ${replicas * (d.gpus / d.replicas)} GPUs (gpu.count) or at least ${Math.ceil(fastest / 3600)} hours (durationHours)`,
      );
    }
    // Busy time within its bounds, never past the wall time; the rest at idle power.
    const averageAt = (k: number) => {
      const b = Math.min(wallS, busyS * k);
      return (busyJ * (b / busyS) + d.gpus * device.idleW * (wallS - b)) / (wallS * d.gpus);
    };
    drawW =
      wallS > 0
        ? {
            central: averageAt(Math.min(1, wallS / busyS)),
            low: averageAt(bounds.low),
            high: averageAt(bounds.high),
          }
        : { central: 0, low: 0, high: 0 };
    hoursFactor = { central: 1, low: 1, high: 1 };
    ledger.assume(
      wallS >= busyS
        ? busyS >= wallS * (1 - 1e-6)
          ? `GPUs busy all ${w.durationHours} h: the load sets the batch they serve at.`
          : `GPUs busy ${(busyS / 3600).toPrecision(3)} h of the ${w.durationHours} h, idle the rest at ${device.idleW.toFixed(0)} W each.`
        : `${work}, more than the ${w.durationHours} hours on ${plural(d.gpus, 'GPU')} give: the GPUs are taken as busy all ${w.durationHours} hours, serving at the fast end of the throughput range.`,
    );
  } else {
    const central = busyS > 0 ? busyJ / (busyS * d.gpus) : device.idleW;
    drawW = { central, low: central, high: central };
  }
  const gpuDraw: DerivedDraw = {
    watts: drawW,
    label: `GPU average draw per device (${point.detail})`,
    source: curve.source,
    powerModel: `${curve.kind} throughput and draw from load`,
  };
  const hostDraw = w.cpu || w.instance ? undefined : hostOf(d.gpus, device, aiTables, ledger);

  const hours = wallS / 3600;
  return {
    workload: {
      ...w,
      durationHours: hours,
      gpu: {
        model: gpu.id,
        count: d.gpus,
        ...(w.gpu.maxPowerW !== undefined ? { maxPowerW: w.gpu.maxPowerW } : {}),
      },
    },
    hoursFactor,
    gpuDraw,
    ...(hostDraw ? { hostDraw } : {}),
    result: {
      task: 'inference',
      gpus: d.gpus,
      flops: 2 * activeParams * (inputTokens + outputTokens),
      deviceHours: (Math.min(busyS, wallS) * d.gpus) / 3600,
      wallHours: hours,
      mfu: null,
      precision,
      peakTflopsPerDevice: device.peakFlops / 1e12,
      batchSize: batch,
      gpuJPerOutputToken: outputTokens > 0 ? decodeJ / outputTokens : null,
      gpuJPerInputToken: inputTokens > 0 ? prefillJ / inputTokens : null,
      basis: point.detail,
      perThousandOutputTokens: outputTokens > 0 ? { wh: 0, gCo2e: 0 } : null,
      perRequest: requests !== undefined ? { wh: 0, gCo2e: 0 } : null,
      replicas: d.replicas,
      outputTokensPerS: point.tokensPerS * d.replicas,
      busyHours: Math.min(busyS, wallS) / 3600,
    },
    outputTokens,
    requests: requests ?? null,
  };
}

/** `serving 1,000,000 requests needs about 33.0 GPU-hours of NVIDIA H100 … (28.7 at the fastest)`. */
function servingWork(
  requests: number | undefined,
  outputTokens: number,
  busyS: number,
  fastestS: number,
  gpus: number,
  gpuName: string,
): string {
  const what =
    requests !== undefined
      ? plural(requests, 'request')
      : `${outputTokens.toPrecision(3)} generated tokens`;
  const gpuHours = (s: number) => ((s * gpus) / 3600).toPrecision(3);
  return `serving ${what} keeps ${gpuName} busy about ${gpuHours(busyS)} GPU-hours (${gpuHours(fastestS)} at the fastest the model allows)`;
}

/** `1,000,000 requests`; grouped by hand, so every runtime writes the same text. */
function plural(n: number, noun: string): string {
  const text = Number.isInteger(n)
    ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
    : String(+n.toPrecision(4));
  return `${text} ${noun}${n === 1 ? '' : 's'}`;
}

/** The server around the GPUs (CPU, DRAM, NIC, fans): a share of their rated power, over the whole wall time. */
function hostOf(
  gpus: number,
  device: ServingDevice,
  aiTables: AiTables,
  ledger: Ledger,
): DerivedDraw {
  const cal = aiTables.inferenceCalibration;
  const perGpu = ledger.coefficient(
    'host_power_per_gpu',
    'Host power per GPU of an 8 × H100 server (CPU, DRAM, NIC)',
    aiTables.coefficients.hostPowerPerGpuW,
  );
  const watts = coefficientBounds(
    cal.hostPowerShareOfGpuRated * device.maxW * gpus,
    aiTables.coefficients.hostPowerPerGpuW.relUncertainty,
  );
  return {
    watts,
    label: `Server host draw: ${gpus} GPUs × ${(cal.hostPowerShareOfGpuRated * 100).toFixed(1)} % of ${device.maxW} W rated (${perGpu} W per 700 W H100 scaled)`,
    source: aiTables.coefficients.hostPowerPerGpuW.source,
    powerModel: 'host draw as a share of the GPUs’ rated power (EcoLogits server model)',
  };
}
