// Inference by tokens: GPU energy per output token (measured references), prefill per input token
// from FLOPs, GPU count from model memory, host share per GPU; PUE follows in the estimate.
import type { Workload } from './schemas.ts';
import type { AiTables, LlmModel, Tables } from './tables.ts';
import type { Ledger } from './ledger.ts';
import type { AiShape } from './ai-training.ts';
import { EstimateError } from './errors.ts';
import { closestIds } from './closest.ts';
import { normalizeName } from './names.ts';
import { resolveGpu } from './resolve-hardware.ts';
import { lookupTokenEnergy } from './llm-energy.ts';
import { coefficientBounds } from './energy.ts';

type Inference = Extract<NonNullable<Workload['ai']>, { task: 'inference' }>;

function resolveModel(ai: Inference, aiTables: AiTables): LlmModel | null {
  if (ai.model === undefined) return null;
  const id = aiTables.llmModels.has(ai.model) ? ai.model : aiTables.llmModelAliases.get(normalizeName(ai.model));
  const model = id === undefined ? undefined : aiTables.llmModels.get(id);
  if (model) return model;
  if (ai.parameters !== undefined) return null;
  throw new EstimateError('unknown_model', ['ai', 'model'], `unknown model '${ai.model}': expected a model from /v1/models, or give ai.parameters`, closestIds(ai.model, aiTables.llmModelAliases));
}

const nextPowerOfTwo = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

export function shapeInference(w: Workload, ai: Inference, tables: Tables, aiTables: AiTables, ledger: Ledger): AiShape {
  if (!w.gpu) throw new EstimateError('inconsistent_input', ['gpu'], 'inference needs gpu {model} to find the energy per token');
  const gpu = resolveGpu(w.gpu.model, tables, ['gpu', 'model']);
  const model = resolveModel(ai, aiTables);
  if (!model && ai.parameters === undefined) throw new EstimateError('unknown_model', ['ai', 'parameters'], 'give ai.model or ai.parameters');
  const c = aiTables.coefficients;
  const totalParams = ai.parameters ?? model!.totalParamsB * 1e9;
  const activeParams = ai.activeParameters ?? (ai.parameters !== undefined ? totalParams : model!.activeParamsB * 1e9);
  if (model) ledger.factor({ id: 'model_parameters', label: `${model.name} parameters${model.paramsEstimated ? ' (estimated, not disclosed)' : ''}`, value: totalParams, unit: 'parameters', source: model.source, year: null });

  const memoryGb = (c.modelMemoryOverhead.value * totalParams * c.bytesPerParameter.value) / 1e9;
  const needed = gpu.memoryGb ? nextPowerOfTwo(Math.ceil(memoryGb / gpu.memoryGb)) : 1;
  const gpus = w.gpu.count ?? needed;
  if (w.gpu.count === undefined) ledger.assume(`GPU count from model memory: ${c.modelMemoryOverhead.value} × ${(totalParams / 1e9).toFixed(1)}B parameters × ${c.bytesPerParameter.value} bytes = ${memoryGb.toFixed(0)} GB -> ${gpus} × ${gpu.name}.`);
  else if (gpus < needed) ledger.assume(`${gpus} × ${gpu.name} hold less than the ~${memoryGb.toFixed(0)} GB the model needs at 16-bit: check quantisation or count.`);

  const batch = ai.batchSize ?? ledger.coefficient('batch_size', 'Serving batch size (default)', c.defaultBatchSize);
  const perToken = lookupTokenEnergy(aiTables, model?.id ?? null, activeParams / 1e9, gpu.id, gpus, batch);
  ledger.factor({ id: 'gpu_j_per_output_token', label: `GPU energy per output token (${perToken.basis})`, value: perToken.jPerToken, unit: 'J/token', source: perToken.source, year: null });
  ledger.assume('Per-token energy references are GPU-only measurements: host CPU/DRAM and PUE are added here.');

  const requests = ai.requests;
  const outputTokens = ai.outputTokens ?? (requests !== undefined ? requests * ledger.coefficient('output_tokens_per_request', 'Output tokens per request (default)', c.defaultOutputTokensPerRequest) : undefined);
  if (outputTokens === undefined) throw new EstimateError('inconsistent_input', ['ai', 'outputTokens'], 'inference needs ai.outputTokens or ai.requests');
  const inputTokens = ai.inputTokens ?? (requests !== undefined ? requests * ledger.coefficient('input_tokens_per_request', 'Input tokens per request (default)', c.defaultInputTokensPerRequest) : 0);

  // Prefill is compute-bound: 2·N FLOPs per prompt token at a share of peak, near rated power.
  const peak = gpu.peakDenseTflops.bf16 ?? gpu.peakDenseTflops.fp16;
  const maxW = w.gpu.maxPowerW ?? gpu.maxPowerW;
  if (peak === null || maxW === null) throw new EstimateError('missing_power', ['gpu', 'model'], `${gpu.name} lacks a published peak 16-bit rate or power needed for prefill energy`);
  const prefillS = (2 * activeParams * inputTokens) / (gpus * peak * 1e12 * c.prefillMfu.value);
  const prefillJ = prefillS * gpus * maxW * c.prefillPowerFraction.value;
  const decodeJ = outputTokens * perToken.jPerToken;
  const tokensPerS = perToken.tokensPerS ?? 1;
  const decodeS = outputTokens / tokensPerS;
  const busyS = prefillS + decodeS;

  const idleW = gpu.idlePowerW ?? maxW * tables.datacentre.coefficients.gpuIdleFraction.value;
  let seconds = busyS;
  let gpuJ = prefillJ + decodeJ;
  if (w.durationHours !== undefined) {
    if (w.durationHours * 3600 >= busyS) {
      seconds = w.durationHours * 3600;
      gpuJ += idleW * gpus * (seconds - busyS);
      ledger.assume(`Service runs ${w.durationHours} h; GPUs are busy ${(busyS / 3600).toFixed(2)} h and idle the rest at ${idleW.toFixed(0)} W each.`);
    } else ledger.assume(`The given durationHours is shorter than the ${(busyS / 3600).toFixed(2)} h of GPU time the tokens need: the busy time is used.`);
  }
  const hostW = ledger.coefficient('host_power_per_gpu', 'Host power per GPU (CPU, DRAM, NIC)', c.hostPowerPerGpuW) * gpus;
  const hours = seconds / 3600;
  const workload: Workload = {
    ...w,
    durationHours: hours,
    gpu: { model: gpu.id, count: gpus, powerW: seconds > 0 ? gpuJ / seconds / gpus : 0 },
    cpu: w.cpu ?? { powerW: hostW },
  };
  return {
    workload,
    hoursFactor: coefficientBounds(1, perToken.relUncertainty),
    result: {
      task: 'inference', gpus, flops: null, deviceHours: hours * gpus, wallHours: hours, mfu: null, precision: '16-bit', peakTflopsPerDevice: peak,
      batchSize: batch, gpuJPerOutputToken: perToken.jPerToken, gpuJPerInputToken: inputTokens > 0 ? prefillJ / inputTokens : (2 * activeParams * maxW * c.prefillPowerFraction.value) / (peak * 1e12 * c.prefillMfu.value),
      basis: perToken.basis,
      perThousandOutputTokens: outputTokens > 0 ? { wh: 0, gCo2e: 0 } : null,
      perRequest: requests !== undefined ? { wh: 0, gCo2e: 0 } : null,
    },
    outputTokens,
    requests: requests ?? null,
  };
}
