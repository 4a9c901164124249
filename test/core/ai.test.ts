// AI shapes on the fixture; arithmetic by hand in the comments.
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/core/estimate.ts';
import { EstimateError } from '../../src/core/errors.ts';
import type { WorkloadInput } from '../../src/core/schemas.ts';
import { Workload } from '../../src/core/schemas.ts';
import { fixtureTables } from './fixture.ts';

const tables = fixtureTables();
const run = (w: WorkloadInput) => estimate(Workload.parse(w), tables);

describe('training by model size', () => {
  it('derives FLOPs, device-hours and wall hours', () => {
    // 6 × 1e9 × 1e10 = 6e19 FLOPs; / (1000e12 × 0.4) = 150,000 s = 41.667 device-hours; / 8 = 5.2083 h
    const r = run({ location: 'XX', gpu: { model: 'tg700', count: 8 }, ai: { task: 'training', parameters: 1e9, tokens: 1e10 }, pue: 1, embodied: false });
    expect(r.ai?.flops).toBe(6e19);
    expect(r.ai?.deviceHours).toBeCloseTo(150000 / 3600, 9);
    expect(r.ai?.wallHours).toBeCloseTo(150000 / 3600 / 8, 9);
    expect(r.durationHours).toBeCloseTo(150000 / 3600 / 8, 9);
    // 8 GPUs at 0.8 × 700 W (default share of rated power) × 5.2083 h = 23.3333 kWh
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo((8 * 0.8 * 700 * 150000) / 3600 / 8 / 1000, 9);
    // MFU 0.4 ± 35 %: hours can be 1.35× longer -> range high above the TDP-bounded power alone
    expect(r.energyKwh.high / r.energyKwh.total).toBeGreaterThan(1.3);
  });

  it('uses active parameters for MoE and the MFU given', () => {
    // 6 × 2e9 active × 1e10 = 1.2e20; / (1000e12 × 0.5) = 240,000 s device time
    const r = run({ location: 'XX', gpu: { model: 'tg700', count: 4 }, ai: { task: 'training', parameters: 8e9, activeParameters: 2e9, tokens: 1e10, mfu: 0.5 } });
    expect(r.ai?.deviceHours).toBeCloseTo(240000 / 3600, 9);
  });

  it('notes a given duration that disagrees by more than 2×', () => {
    const r = run({ location: 'XX', durationHours: 100, gpu: { model: 'tg700', count: 8 }, ai: { task: 'training', parameters: 1e9, tokens: 1e10 } });
    expect(r.durationHours).toBe(100);
    expect(r.assumptions.join(' ')).toMatch(/differ by more than 2×/);
  });

  it('refuses MoE active parameters above the total at parse time', () => {
    const parsed = Workload.safeParse({ location: 'XX', gpu: { model: 'tg700', count: 1 }, ai: { task: 'training', parameters: 1e9, activeParameters: 2e9, tokens: 1 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['ai', 'activeParameters']);
  });
});

describe('inference by tokens', () => {
  it('interpolates measured energy per token in log batch and adds host power', () => {
    // batch 64 between 32 (0.2 J) and 128 (0.05 J): halfway in log -> sqrt(0.2 × 0.05) = 0.1 J/token
    // throughput sqrt(2000 × 8000) = 4000 tokens/s; 1e6 tokens -> 100 J... : 1e6 × 0.1 = 100,000 J GPU, 250 s busy
    const r = run({ location: 'XX', gpu: { model: 'tg700' }, ai: { task: 'inference', model: 'Model 8B', outputTokens: 1e6 }, pue: 1, embodied: false });
    expect(r.ai?.gpus).toBe(1); // 1.2 × 8e9 × 2 B = 19.2 GB < 80 GB
    expect(r.ai?.gpuJPerOutputToken).toBeCloseTo(0.1, 12);
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo(100000 / 3.6e6, 12);
    // host: 150 W × 250 s = 37,500 J
    expect(r.energyKwh.byComponent.cpu).toBeCloseTo(37500 / 3.6e6, 12);
    // per 1k output tokens: (100,000 + 37,500) J / 1000 = 137.5 J = 0.038194 Wh
    expect(r.ai?.perThousandOutputTokens?.wh).toBeCloseTo(137.5 / 3600, 12);
  });

  it('derives the GPU count from model memory', () => {
    // 1.2 × 70e9 × 2 B = 168 GB over 80 GB GPUs -> 3 -> next power of two 4
    const r = run({ location: 'XX', gpu: { model: 'tg700' }, ai: { task: 'inference', model: 'm70', outputTokens: 1000 } });
    expect(r.ai?.gpus).toBe(4);
    expect(r.ai?.basis).toMatch(/EcoLogits|fitted/);
  });

  it('counts idle GPU time when the service runs longer than its busy time', () => {
    // busy 250 s as above; 1 h service -> 3350 s idle at 70 W = 234,500 J more
    const r = run({ location: 'XX', durationHours: 1, gpu: { model: 'tg700' }, ai: { task: 'inference', model: 'm8', outputTokens: 1e6 }, pue: 1, embodied: false });
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo((100000 + 70 * 3350) / 3.6e6, 12);
  });

  it('refuses an unknown model without parameters, naming ai.model', () => {
    try {
      run({ location: 'XX', gpu: { model: 'tg700' }, ai: { task: 'inference', model: 'no-such-model', outputTokens: 10 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EstimateError);
      expect((e as EstimateError).code).toBe('unknown_model');
      expect((e as EstimateError).path).toEqual(['ai', 'model']);
    }
  });

  it('refuses negative tokens at parse time', () => {
    const parsed = Workload.safeParse({ location: 'XX', gpu: { model: 'tg700' }, ai: { task: 'inference', model: 'm8', outputTokens: -1 } });
    expect(parsed.error?.issues[0]?.path).toEqual(['ai', 'outputTokens']);
  });
});
