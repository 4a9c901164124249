// AI model constants: each read or derived from the raw files where they hold it (EcoLogits' server
// assumptions, ML.ENERGY's output lengths and power draw), else a cited judgement. The derivation is in
// each note; derivations fail loudly when a raw file stops fitting them.
import { type Accelerator, AiCoefficients, type Coefficient } from '../../src/core/tables.ts';
import { cell, readCsv, reqNum, round, validateRow } from './csv.ts';
import { jsonNumber, LLM_FILES, readJson } from './llm.ts';
import { SOURCES } from './sources.ts';
import { buildTrainingCoefficients } from './training-runs.ts';

function coef(
  value: number,
  unit: string,
  source: string,
  relUncertainty: number,
  note: string,
): Coefficient {
  const s = SOURCES.find((x) => x.id === source);
  if (!s) throw new Error(`unknown source ${source}`);
  return { value, unit, source, year: s.year, relUncertainty, note };
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo]! + (s[hi]! - s[lo]!) * (i - lo);
}

/** Output length of LMArena chat prompts: median over models of each model's median avg_output_len (ML.ENERGY v3). */
function chatOutputTokens(): {
  value: number;
  models: number;
  rows: number;
  rowMedian: number;
  range: [number, number];
} {
  const rows = readCsv(LLM_FILES.v3).filter((r) => cell(r, 'task') === 'lm-arena-chat');
  if (rows.length === 0) throw new Error(`data/raw/${LLM_FILES.v3}: no lm-arena-chat rows`);
  const byModel = new Map<string, number[]>();
  for (const r of rows)
    byModel.set(cell(r, 'model_id'), [
      ...(byModel.get(cell(r, 'model_id')) ?? []),
      reqNum(r, 'avg_output_len'),
    ]);
  const perModel = [...byModel.values()].map((v) => quantile(v, 0.5));
  return {
    value: Math.round(quantile(perModel, 0.5)),
    models: perModel.length,
    rows: rows.length,
    rowMedian: Math.round(
      quantile(
        rows.map((r) => reqNum(r, 'avg_output_len')),
        0.5,
      ),
    ),
    range: [Math.round(Math.min(...perModel)), Math.round(Math.max(...perModel))],
  };
}

export function buildAiCoefficients(accelerators: readonly Accelerator[]): AiCoefficients {
  const eco = readJson(LLM_FILES.ecoParams);
  const serverKw = jsonNumber(eco, 'server_power_without_gpu_kw');
  const serverGpus = jsonNumber(eco, 'server_gpu_count_installed');
  const batch = jsonNumber(eco, 'batch_size_B');
  const overhead = jsonNumber(eco, 'model_memory_gb.overhead_factor');
  const bits = jsonNumber(eco, 'model_quantization_bits_Q');
  const out = chatOutputTokens();
  const value: AiCoefficients = {
    ...buildTrainingCoefficients(accelerators),
    prefillMfu: coef(
      0.5,
      'fraction of peak dense FLOP/s',
      'published-training-runs',
      0.5,
      'judgement: prefill is forward-only dense matrix multiplication over the whole prompt (compute-bound, no backward pass, optimiser or pipeline bubbles), so it is put near the steady MFU of large training runs (0.47, trainingMfu); short prompts and small batches reach much less',
    ),
    hostPowerPerGpuW: coef(
      round((serverKw * 1000) / serverGpus, 3),
      'W per GPU',
      'ecologits',
      0.5,
      `EcoLogits: server without GPUs ${serverKw} kW per ${serverGpus} installed GPUs (host CPUs, DRAM, NICs, fans), shared equally per GPU`,
    ),
    defaultBatchSize: coef(
      batch,
      'concurrent sequences per GPU of a replica',
      'ecologits',
      1,
      `EcoLogits serves every request at batch B = ${batch}; gridshift takes it per GPU of a replica (a replica's KV cache grows with its GPUs: ML.ENERGY v3 runs 8-GPU replicas at up to 2,048), capped by the memory left beside the weights. A service's real batch is rarely known, so the range spans half to twice it`,
    ),
    modelMemoryOverhead: coef(
      overhead,
      'factor',
      'ecologits',
      0.2,
      `EcoLogits model memory = ${overhead} × parameters × ${bits} bit / 8 (weights plus ${Math.round((overhead - 1) * 100)} % for KV cache and activations)`,
    ),
    defaultInputTokensPerRequest: coef(
      300,
      'tokens',
      'ml-energy-v3',
      1.0,
      'assumption: the ML.ENERGY v3 files give output lengths but no prompt lengths for lm-arena-chat; 300 tokens stands for a short chat prompt with some context',
    ),
    defaultOutputTokensPerRequest: coef(
      out.value,
      'tokens',
      'ml-energy-v3',
      1.0,
      `median over the ${out.models} models of each model's median avg_output_len on ML.ENERGY v3 lm-arena-chat (per-model medians range ${out.range[0]}–${out.range[1]}; median over all ${out.rows} rows ${out.rowMedian}); each model counts once however many batch sizes it was run at`,
    ),
  };
  return validateRow(AiCoefficients, value, { file: 'data/build/ai-coefficients.ts', line: 0 });
}
