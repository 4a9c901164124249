// The inference requests issue 13 found wrong, on the real tables, with the expected figures worked
// out here from the tables' inputs (H100 SXM datasheet rates, the calibration's constants).
import { describe, expect, it } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import type { WorkloadInput } from '../../src/core/schemas.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';

const run = (w: WorkloadInput) => estimate(Workload.parse(w), tables);
const cal = tables.ai.inferenceCalibration;

describe('an 8B model by parameters, 1e8 output tokens on one H100 (was 27,778 h and 5,220 kWh)', () => {
  const r = run({
    location: 'US',
    gpu: { model: 'H100' },
    ai: { task: 'inference', parameters: 8e9, outputTokens: 1e8 },
  });

  it('takes the time its roofline throughput gives at batch 64 and draws between idle and rated', () => {
    // H100 SXM: 3.35 TB/s, 989.4 TFLOP/s bf16, 700 W. Context: 300 prompt + 562 / 2 answer tokens.
    const kv = cal.kvBytesAt1B * 8 ** cal.kvExponent;
    const memoryS = (8e9 * 2 + 64 * (300 + 562 / 2) * kv) / (3.35e12 * cal.memoryEfficiency);
    const computeS = (2 * 8e9 * 64) / (989.4e12 * cal.computeEfficiency);
    const tokensPerS = 64 / (memoryS + computeS);
    expect(r.ai?.outputTokensPerS).toBeCloseTo(tokensPerS, 6);
    expect(r.durationHours).toBeCloseTo(1e8 / tokensPerS / 3600, 6);
    expect(r.durationHours).toBeLessThan(24);
    const draw = r.resolved.gpu!.averagePowerW;
    expect(draw).toBeGreaterThanOrEqual(70);
    expect(draw).toBeLessThanOrEqual(700);
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo((draw * r.durationHours) / 1000, 9);
  });

  it("bills the host as a fifth of the GPU's rating over the same hours, not 99 % of the energy", () => {
    expect(r.resolved.cpu!.averagePowerW).toBeCloseTo(cal.hostPowerShareOfGpuRated * 700, 9);
    expect(
      r.energyKwh.byComponent.cpu / (r.energyKwh.byComponent.cpu + r.energyKwh.byComponent.gpu),
    ).toBeLessThan(0.3);
  });
});

describe('the other findings', () => {
  it('keeps a given 24 h for a million GPT-4o requests (was 83,334 h)', () => {
    const r = run({
      location: 'US',
      durationHours: 24,
      gpu: { model: 'H100' },
      ai: { task: 'inference', model: 'gpt-4o', requests: 1e6 },
    });
    expect(r.durationHours).toBe(24);
    // EcoLogits' 440 B estimate at 16-bit × 1.2 = 1,056 GB -> 14 H100 -> the next power of two, 16.
    expect(r.ai?.gpus).toBe(16);
    expect(r.ai!.busyHours!).toBeLessThanOrEqual(24);
  });

  it('gives the same answer for two ids of the same weights (was 0.016 vs 15.6 Wh per request)', () => {
    const req = (model: string) =>
      run({
        location: 'US',
        gpu: { model: 'H100' },
        ai: { task: 'inference', model, inputTokens: 100, outputTokens: 300, requests: 1 },
      });
    const a = req('llama-3-1-8b-instruct');
    const b = req('meta-llama-3-1-8b');
    expect(b.energyKwh).toEqual(a.energyKwh);
    expect(a.ai!.perRequest!.wh).toBeLessThan(0.05);
  });

  it('keeps a T4 under its 70 W and an L4 under its 72 W (were billed 214 W and 203 W)', () => {
    for (const [gpu, rated] of [
      ['T4', 70],
      ['L4', 72],
    ] as const) {
      const r = run({
        location: 'US',
        gpu: { model: gpu },
        ai: { task: 'inference', model: 'llama-3-1-8b-instruct', requests: 1000 },
      });
      expect(r.resolved.gpu!.averagePowerW, gpu).toBeLessThanOrEqual(rated);
    }
  });

  it('serves gpt-oss-120b at its native MXFP4 on one H100, where ML.ENERGY measured it (was 4)', () => {
    const r = run({
      location: 'US',
      gpu: { model: 'H100' },
      ai: { task: 'inference', model: 'gpt-oss-120b', requests: 1000 },
    });
    // 117 B × 4.25 bit / 8 × 1.2 = 74.6 GB < 80 GB
    expect(r.ai?.gpus).toBe(1);
    expect(r.ai?.precision).toBe('mxfp4');
    expect(r.ai?.basis).toMatch(/^measured/);
  });

  it('costs a 671B MoE with 37B active less per token than a dense 405B (was more)', () => {
    const per = (parameters: number, activeParameters: number) =>
      run({
        location: 'US',
        gpu: { model: 'H100', count: 16 },
        ai: {
          task: 'inference',
          parameters,
          activeParameters,
          outputTokens: 1e6,
          precision: 'fp8',
        },
      }).ai!.gpuJPerOutputToken!;
    expect(per(671e9, 37e9)).toBeLessThan(per(405e9, 405e9));
  });

  it("labels no derived power as the user's, and says what it was derived from", () => {
    const r = run({
      location: 'US',
      gpu: { model: 'H100' },
      ai: { task: 'inference', model: 'gpt-4o', requests: 1000 },
    });
    expect(r.factors.filter((f) => f.source === 'user')).toEqual([]);
    expect(r.factors.find((f) => f.id === 'gpu_average_power')?.label).toMatch(
      /modelled: decode roofline on 16 × nvidia-h100-sxm/,
    );
    expect(r.factors.find((f) => f.id === 'host_power')?.source).toBe('ecologits');
  });
});
