// Core's measured serving on the real tables is faithful to ML.ENERGY: the expected figure is read
// straight from the raw CSV here (not from the build), then compared with measuredCurve and estimate().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import { measuredCurve } from '../../src/core/inference-measured.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';

const RAW = join(import.meta.dirname, '..', '..', 'data', 'raw', 'llm-inference');
const v3 = parse<Record<string, string>>(readFileSync(join(RAW, 'mlenergy_v3_llm.csv'), 'utf8'), {
  columns: true,
  skip_empty_lines: true,
});

/** energy_per_token_joules of one ML.ENERGY v3 configuration (exactly one row must match). */
function v3Row(
  modelId: string,
  gpu: string,
  numGpus: number,
  maxNumSeqs: number,
  task: string,
): Record<string, string> {
  const rows = v3.filter(
    (r) =>
      r.model_id === modelId &&
      r.gpu_model === gpu &&
      Number(r.num_gpus) === numGpus &&
      Number(r.max_num_seqs) === maxNumSeqs &&
      r.task === task,
  );
  expect(rows, `${modelId} ${gpu} ×${numGpus} batch ${maxNumSeqs} ${task}`).toHaveLength(1);
  return rows[0]!;
}
const v3JPerToken = (...key: Parameters<typeof v3Row>) =>
  Number(v3Row(...key).energy_per_token_joules);

const within = (actual: number, expected: number, rel: number) => {
  expect(actual).toBeGreaterThanOrEqual(expected * (1 - rel));
  expect(actual).toBeLessThanOrEqual(expected * (1 + rel));
};

describe('Llama 3.1 8B Instruct on 1 × H100 at batch 64 (ML.ENERGY v3 lm-arena-chat)', () => {
  const expected = v3JPerToken('meta-llama/Llama-3.1-8B-Instruct', 'H100', 1, 64, 'lm-arena-chat');

  it('measuredCurve returns its throughput and per-GPU draw exactly, and their ratio is the J/token', () => {
    const row = v3Row('meta-llama/Llama-3.1-8B-Instruct', 'H100', 1, 64, 'lm-arena-chat');
    const e = measuredCurve(
      tables.ai,
      'llama-3-1-8b-instruct',
      'nvidia-h100-sxm',
      'bf16',
      1,
      Number(row.avg_output_len),
    )!.at(Number(row.avg_batch_size));
    expect(e.tokensPerS).toBeCloseTo(Number(row.output_throughput_tokens_per_sec), 4);
    expect(e.drawW).toBeCloseTo(Number(row.avg_power_watts), 4);
    within(e.drawW / e.tokensPerS, expected, 0.001);
    expect(e.source).toBe('ml-energy-v3');
  });

  it('estimate() of 1M output tokens with model "llama-3.1-8b" and gpu "H100", answers as long as the row\'s, gives the same J/token ±15 %', () => {
    const row = v3Row('meta-llama/Llama-3.1-8B-Instruct', 'H100', 1, 64, 'lm-arena-chat');
    const requests = 1e6 / Number(row.avg_output_len);
    const r = estimate(
      Workload.parse({
        location: 'US',
        gpu: { model: 'H100' },
        ai: {
          task: 'inference',
          model: 'llama-3.1-8b',
          inputTokens: 0,
          outputTokens: 1e6,
          requests,
          batchSize: Number(row.avg_batch_size),
        },
      }),
      tables,
    );
    expect(r.ai?.gpus).toBe(1);
    within(r.ai!.gpuJPerOutputToken!, expected, 0.15);
  });
});

describe("other measured configurations are returned as measured (the task nearest the answers' length)", () => {
  const cases: [
    hfId: string,
    id: string,
    gpu: string,
    gpuId: string,
    numGpus: number,
    maxNumSeqs: number,
    task: string,
  ][] = [
    [
      'meta-llama/Llama-3.1-70B-Instruct',
      'llama-3-1-70b-instruct',
      'H100',
      'nvidia-h100-sxm',
      4,
      128,
      'lm-arena-chat',
    ],
    ['Qwen/Qwen3-8B', 'qwen3-8b', 'B200', 'nvidia-b200', 1, 64, 'gpqa'],
  ];
  for (const [hfId, id, gpu, gpuId, numGpus, maxNumSeqs, task] of cases) {
    it(`${id} on ${numGpus} × ${gpu}, max batch ${maxNumSeqs}, ${task}`, () => {
      const row = v3Row(hfId, gpu, numGpus, maxNumSeqs, task);
      const e = measuredCurve(
        tables.ai,
        id,
        gpuId,
        'bf16',
        numGpus,
        Number(row.avg_output_len),
      )!.at(Number(row.avg_batch_size));
      expect(e.task).toBe(task);
      within((e.drawW * numGpus) / e.tokensPerS, Number(row.energy_per_token_joules), 0.001);
    });
  }
});
