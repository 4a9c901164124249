// The committed AI tables as src/data serves them (tables.ai): every row passes its schema, every
// measurement points at a known model and accelerator, aliases are unambiguous, and the figures taken
// from EcoLogits' files are the files' figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../src/core/names.ts';
import {
  AiCoefficients,
  InferenceCalibration,
  LlmMeasurement,
  LlmModel,
} from '../../src/core/tables.ts';
import { aliasMap, tables } from '../../src/data/index.ts';

const ai = tables.ai;
const models = [...ai.llmModels.values()];
const measurements = ai.llmMeasurements;
const RAW = join(import.meta.dirname, '..', '..', 'data', 'raw', 'llm-inference');
const readRaw = (file: string) =>
  parse<Record<string, string>>(readFileSync(join(RAW, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  });

describe('schemas and counts', () => {
  it('every model, measurement, the calibration and the coefficients parse', () => {
    expect(models.filter((m) => !LlmModel.safeParse(m).success).map((m) => m.id)).toEqual([]);
    expect(measurements.filter((m) => !LlmMeasurement.safeParse(m).success)).toEqual([]);
    expect(InferenceCalibration.safeParse(ai.inferenceCalibration).success).toBe(true);
    expect(AiCoefficients.safeParse(ai.coefficients).success).toBe(true);
  });

  it('holds every EcoLogits model and the ML.ENERGY v2 + v3 text-generation rows', () => {
    expect(models.length).toBeGreaterThanOrEqual(readRaw('ecologits/ecologits_models.csv').length);
    const v2 = readRaw('mlenergy_v2_2024_llm_A100_H100.csv').filter(
      (r) => r.family === 'llm_text_generation',
    );
    const v3 = readRaw('mlenergy_v3_llm.csv');
    const count = (source: string) => measurements.filter((m) => m.source === source).length;
    expect(count('ml-energy-v2')).toBe(v2.length); // no duplicate configurations in v2
    expect(count('ml-energy-v3')).toBe(v3.length - 3); // three repeated runs averaged (data/raw/SOURCES.md)
    expect(count('ml-energy-v1')).toBe(0); // v1 gives no batch size
  });
});

describe('references', () => {
  it('every measurement names a model of the model table and an accelerator of the accelerator table', () => {
    expect(measurements.filter((m) => !ai.llmModels.has(m.model)).map((m) => m.model)).toEqual([]);
    expect(measurements.filter((m) => !tables.accelerators.has(m.gpu)).map((m) => m.gpu)).toEqual(
      [],
    );
    expect([...new Set(measurements.map((m) => m.gpu))].sort()).toEqual([
      'nvidia-a100-sxm4-40gb',
      'nvidia-b200',
      'nvidia-h100-sxm',
    ]);
  });

  it('every source id exists in the sources table', () => {
    const known = new Set(tables.sources.map((s) => s.id));
    const used = [
      ...models.map((m) => m.source),
      ...measurements.map((m) => m.source),
      ai.inferenceCalibration.source,
      ...Object.values(ai.coefficients).map((c) => c.source),
    ];
    expect([...new Set(used)].filter((s) => !known.has(s))).toEqual([]);
  });

  it('keeps text-generation tasks only, one row per configuration, sorted', () => {
    expect([...new Set(measurements.map((m) => m.task))].sort()).toEqual([
      'chat',
      'code',
      'gpqa',
      'lm-arena-chat',
      'sourcegraph-fim',
    ]);
    const key = (m: LlmMeasurement) =>
      [m.model, m.gpu, m.numGpus, m.maxBatch, m.task, m.source].join('|');
    expect(new Set(measurements.map(key)).size).toBe(measurements.length);
    // by model, gpu, source, task (code-unit order), then GPU count and max batch numerically
    const text = (m: LlmMeasurement) => [m.model, m.gpu, m.source, m.task];
    const sorted = [...measurements].sort((a, b) => {
      const i = text(a).findIndex((v, k) => v !== text(b)[k]);
      return i >= 0
        ? text(a)[i]! < text(b)[i]!
          ? -1
          : 1
        : a.numGpus - b.numGpus || a.maxBatch - b.maxBatch;
    });
    expect(measurements.map(key)).toEqual(sorted.map(key));
  });
});

describe('model aliases', () => {
  const resolve = (name: string) => ai.llmModelAliases.get(normalizeName(name));

  it('are stored normalised and never map one name to two models', () => {
    for (const m of models) for (const a of m.aliases) expect(a, m.id).toBe(normalizeName(a));
    const owner = new Map<string, Set<string>>();
    for (const m of models)
      for (const a of [m.id, m.name, ...m.aliases])
        owner.set(normalizeName(a), new Set([...(owner.get(normalizeName(a)) ?? []), m.id]));
    expect(
      [...owner.entries()]
        .filter(([, ids]) => ids.size > 1)
        .map(([a, ids]) => `${a} -> ${[...ids].join(', ')}`),
    ).toEqual([]);
    expect(ai.llmModelAliases).toEqual(aliasMap(models));
  });

  it('resolve Hugging Face ids, renamed repos, nicknames and short forms', () => {
    const expected: Record<string, string> = {
      'meta-llama/Llama-3.1-8B-Instruct': 'llama-3-1-8b-instruct',
      'meta-llama/Meta-Llama-3.1-8B-Instruct': 'llama-3-1-8b-instruct', // ML.ENERGY v2 / EcoLogits name
      'Llama 3.1 8B Instruct': 'llama-3-1-8b-instruct',
      'llama-3.1-8b': 'llama-3-1-8b-instruct',
      'llama 3.1 8b': 'llama-3-1-8b-instruct',
      'llama3.1-8b': 'llama-3-1-8b-instruct',
      'Meta-Llama-3.1-8B': 'meta-llama-3-1-8b', // the base model keeps its own id
      'Qwen 3 8B': 'qwen3-8b',
      'qwen3-30b-a3b': 'qwen3-30b-a3b-instruct-2507',
      'gpt-oss-120b': 'gpt-oss-120b',
      'gpt-4o': 'gpt-4o',
      'gpt-3.5-turbo': 'gpt-3-5-turbo',
      'gpt-35-turbo': 'gpt-3-5-turbo', // EcoLogits alias
      'claude-opus-4-1': 'claude-opus-4-1-20250805', // EcoLogits alias
      'mistralai/Mixtral-8x7B-Instruct-v0.1': 'mixtral-8x7b-instruct-v0-1',
      'lmsys/vicuna-7B': 'vicuna-7b', // ML.ENERGY v1 model
    };
    for (const [name, id] of Object.entries(expected)) expect(resolve(name), name).toBe(id);
  });

  it('leave out short forms several models derive equally', () => {
    expect(resolve('codellama 7b')).toBeUndefined();
    expect(resolve('mistral large')).toBeUndefined();
  });
});

describe('parameter counts', () => {
  it('come from ML.ENERGY v3 where measured there', () => {
    const v3 = readRaw('mlenergy_v3_llm.csv').find((r) => r.model_id === 'openai/gpt-oss-120b')!;
    expect(ai.llmModels.get('gpt-oss-120b')).toMatchObject({
      totalParamsB: Number(v3.total_params_billions),
      activeParamsB: Number(v3.activated_params_billions),
      paramsEstimated: false,
      source: 'ml-energy-v3',
    });
  });

  it('take the midpoint of EcoLogits ranges and flag closed models as estimated', () => {
    const row = readRaw('ecologits/ecologits_models.csv').find((r) => r.model === 'gpt-4o')!;
    const [lo, hi] = row.active_params_billion!.split('-').map(Number);
    expect(ai.llmModels.get('gpt-4o')).toMatchObject({
      totalParamsB: Number(row.total_params_billion),
      activeParamsB: (lo! + hi!) / 2,
      paramsEstimated: true,
      source: 'ecologits',
    });
    expect(
      models.filter((m) => m.source === 'ecologits' && m.paramsEstimated).length,
    ).toBeGreaterThan(100);
    expect(ai.llmModels.get('mixtral-8x7b-instruct-v0-1')).toMatchObject({
      totalParamsB: 46.7,
      activeParamsB: 12.9,
      paramsEstimated: false,
    });
  });
});

describe('inference calibration and AI coefficients', () => {
  const json = JSON.parse(
    readFileSync(join(RAW, 'ecologits', 'ecologits_llm_inference_parameters.json'), 'utf8'),
  ) as {
    server_power_without_gpu_kw: number;
    server_gpu_count_installed: number;
    batch_size_B: number;
  };

  it('calibrates the inference model within physical bounds, its spreads bracketing measured ÷ modelled', () => {
    const c = ai.inferenceCalibration;
    for (const share of [c.memoryEfficiency, c.computeEfficiency])
      expect(share).toBeGreaterThan(0.05);
    expect(c.powerShareMemoryBound).toBeLessThanOrEqual(c.powerShareComputeBound);
    for (const s of [c.throughput, c.power, c.energy, c.heldOutEnergy]) {
      expect(s.p10).toBeLessThanOrEqual(s.median);
      expect(s.median).toBeLessThanOrEqual(s.p90);
    }
    expect(c.energy.p10).toBeLessThan(1);
    expect(c.energy.p90).toBeGreaterThan(1);
    // Llama 3.1 8B caches 2 (K, V) × 32 layers × 8 KV heads × 128 × 2 B = 131,072 B per token (its config.json).
    const kv = c.kvBytesAt1B * 8.03 ** c.kvExponent;
    expect(kv / 131072).toBeGreaterThan(0.7);
    expect(kv / 131072).toBeLessThan(1.4);
    // EcoLogits' 150 W host per H100 of 700 W.
    expect(c.hostPowerShareOfGpuRated).toBeCloseTo(150 / 700, 4);
  });

  it('derives the server and serving defaults from EcoLogits and ML.ENERGY', () => {
    const c = ai.coefficients;
    expect(c.hostPowerPerGpuW.value).toBe(
      (json.server_power_without_gpu_kw * 1000) / json.server_gpu_count_installed,
    );
    expect(c.defaultBatchSize.value).toBe(json.batch_size_B);
    expect(c.modelMemoryOverhead.value).toBe(1.2);
    expect(c.prefillMfu.value).toBe(0.5); // training coefficients: test/data/training-runs.test.ts
    expect(c.defaultOutputTokensPerRequest.value).toBeGreaterThan(300);
    expect(c.defaultOutputTokensPerRequest.value).toBeLessThan(1000);
    expect(c.defaultInputTokensPerRequest.note).toMatch(/^assumption/);
    for (const [name, coef] of Object.entries(c))
      expect(coef.note.length, name).toBeGreaterThan(20);
  });
});
