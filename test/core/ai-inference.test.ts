// Inference on the fixture, arithmetic by hand in the comments. Fixture GPU tg700: 700 W rated, 70 W
// idle, 1000 TFLOP/s bf16, 2 TB/s, 80 GB. Calibration: memory 0.5, compute 0.25 of peak; draw
// 0.5 of the way from idle to rated all memory-bound, 1.0 all compute-bound; KV 50,000 B/token;
// host 0.2 of rated per GPU. Measured m8 rows: batch 32 at 2000 tokens/s, 128 at 8000, 400 W both.
import { refusalOf } from '../helpers/refusal.ts';
import { describe, expect, it } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import { EstimateError } from '../../src/core/errors.ts';
import type { WorkloadInput } from '../../src/core/schemas.ts';
import { Workload } from '../../src/core/schemas.ts';
import { fixtureTables } from '../helpers/arithmetic-tables.ts';

const tables = fixtureTables();
const run = (w: WorkloadInput) => estimate(Workload.parse(w), tables);
const refusal = (w: WorkloadInput): EstimateError => refusalOf(() => run(w));

describe('measured serving', () => {
  it('interpolates throughput and draw in log batch; energy = draw × time; host over the same time', () => {
    // batch 64 halfway (in log) between 32 and 128: sqrt(2000 × 8000) = 4000 tokens/s at 400 W.
    // 1e6 tokens / 4000 = 250 s; GPU 400 W × 250 s = 100,000 J = 0.1 J/token.
    const r = run({
      location: 'XX',
      gpu: { model: 'tg700' },
      ai: { task: 'inference', model: 'Model 8B', outputTokens: 1e6 },
      pue: 1,
      embodied: false,
    });
    expect(r.ai?.gpus).toBe(1); // 1.2 × 8e9 × 2 B = 19.2 GB < 80 GB
    expect(r.durationHours).toBeCloseTo(250 / 3600, 12);
    expect(r.ai?.outputTokensPerS).toBeCloseTo(4000, 9);
    expect(r.ai?.gpuJPerOutputToken).toBeCloseTo(0.1, 12);
    expect(r.resolved.gpu?.averagePowerW).toBeCloseTo(400, 9);
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo(100000 / 3.6e6, 12);
    // host: 0.2 × 700 W = 140 W × 250 s = 35,000 J
    expect(r.energyKwh.byComponent.cpu).toBeCloseTo(35000 / 3.6e6, 12);
    expect(r.ai?.perThousandOutputTokens?.wh).toBeCloseTo(135 / 3600, 12);
  });

  it('serves another id of the same weights from the same measurements, so the answer is the same', () => {
    const a = run({
      location: 'XX',
      gpu: { model: 'tg700' },
      ai: { task: 'inference', model: 'm8', requests: 1000 },
    });
    const b = run({
      location: 'XX',
      gpu: { model: 'tg700' },
      ai: { task: 'inference', model: 'm8-base', requests: 1000 },
    });
    expect(b.energyKwh).toEqual(a.energyKwh);
    expect(b.emissionsKgCo2e).toEqual(a.emissionsKgCo2e);
  });
});

describe('modelled serving (roofline)', () => {
  it('works out a 70B model on 4 GPUs step by step', () => {
    // 1.2 × 70e9 × 2 B = 168 GB -> 3 GPUs of 80 GB -> next power of two: 4.
    // Context 300 + 400 / 2 = 500 tokens (fixture defaults). Step at batch 64:
    //   memory (70e9 × 2 + 64 × 500 × 50,000) B / (4 × 2e12 × 0.5) = 141.6e9 / 4e12 = 0.0354 s
    //   compute 2 × 70e9 × 64 / (4 × 1000e12 × 0.25) = 0.00896 s; step 0.04436 s
    // tokens/s 64 / 0.04436; compute share 0.00896 / 0.04436; draw 70 + 630 × (0.5 + 0.5 × share)
    const r = run({
      location: 'XX',
      gpu: { model: 'tg700' },
      ai: { task: 'inference', model: 'm70', outputTokens: 1000, batchSize: 64 },
      pue: 1,
      embodied: false,
    });
    const step = 0.0354 + 0.00896;
    const draw = 70 + 630 * (0.5 + 0.5 * (0.00896 / step));
    expect(r.ai?.gpus).toBe(4);
    expect(r.ai?.outputTokensPerS).toBeCloseTo(64 / step, 6);
    expect(r.resolved.gpu?.averagePowerW).toBeCloseTo(draw, 6);
    expect(r.ai?.gpuJPerOutputToken).toBeCloseTo((4 * draw * step) / 64, 9);
    expect(r.ai?.basis).toMatch(/^modelled: decode roofline on 4 × test-gpu-700 at bf16, batch 64/);
  });

  it('serves the default batch per GPU of a replica: 64 × 4 = 256, which its 180 GB beside the weights can cache', () => {
    // (4 × 80 − 140) GB / (500 tokens × 50,000 B) = 7,200 sequences of room
    const r = run({
      location: 'XX',
      gpu: { model: 'tg700' },
      ai: { task: 'inference', model: 'm70', outputTokens: 1000 },
    });
    expect(r.ai?.batchSize).toBe(256);
  });

  it('serves no more sequences than the KV memory holds', () => {
    // 1 GPU, 8B at 16-bit: (80 − 16) GB / (context 100,000 + 400 / 2 tokens × 50,000 B) = 12 sequences
    const r = run({
      location: 'XX',
      gpu: { model: 'tg700', count: 1 },
      ai: {
        task: 'inference',
        parameters: 8e9,
        inputTokens: 1e7,
        outputTokens: 4e4,
        requests: 100,
      },
    });
    expect(r.ai?.batchSize).toBe(Math.floor(64e9 / ((1e5 + 200) * 50000)));
    expect(r.assumptions.join(' ')).toMatch(/caches 12 sequences/);
  });

  it('takes the checkpoint precision for memory and GPU count, and ai.precision over it', () => {
    // MoE 100B total at fp8: 1.2 × 100e9 × 1 B = 120 GB -> 2 GPUs; at bf16 240 GB -> 4.
    expect(
      run({
        location: 'XX',
        gpu: { model: 'tg700' },
        ai: { task: 'inference', model: 'moe', outputTokens: 1000 },
      }).ai?.gpus,
    ).toBe(2);
    expect(
      run({
        location: 'XX',
        gpu: { model: 'tg700' },
        ai: { task: 'inference', model: 'moe', outputTokens: 1000, precision: 'bf16' },
      }).ai?.gpus,
    ).toBe(4);
  });

  it('reads the active parameters for compute and bandwidth: a 100B MoE with 10B active costs less per token than a dense 100B', () => {
    const moe = run({
      location: 'XX',
      gpu: { model: 'tg700', count: 4 },
      ai: {
        task: 'inference',
        parameters: 100e9,
        activeParameters: 10e9,
        outputTokens: 1e5,
        batchSize: 8,
      },
    });
    const dense = run({
      location: 'XX',
      gpu: { model: 'tg700', count: 4 },
      ai: { task: 'inference', parameters: 100e9, outputTokens: 1e5, batchSize: 8 },
    });
    // 8 tokens each routed to 10 % of the weights touch 1 − 0.9^8 = 57 % of them per step (vs all of the
    // dense model's), and do a tenth of its FLOPs: memory-bound, so a little over half the energy.
    const ratio = moe.ai!.gpuJPerOutputToken! / dense.ai!.gpuJPerOutputToken!;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(1 - 0.9 ** 8);
  });

  it('refuses fewer GPUs than the weights need, naming gpu.count and both sizes', () => {
    const e = refusal({
      location: 'XX',
      gpu: { model: 'tg700', count: 2 },
      ai: { task: 'inference', model: 'm70', outputTokens: 1000 },
    });
    expect(e.code).toBe('inconsistent_input');
    expect(e.path).toEqual(['gpu', 'count']);
    expect(e.message).toMatch(/160 GB, less than the 168 GB/);
  });
});

describe('a provisioned service (durationHours)', () => {
  it("runs at the batch its load makes, carrying the nearest measurement by the roofline's shape", () => {
    // Load: 1e6 tokens in 3600 s = 277.8 tokens/s. Below the measured batches (32, 128) the roofline of
    // m8 on tg700 (context 500) scales the batch-32 row: step(B) = (16e9 + B × 500 × 50,000) / 1e12
    // + 2 × 8e9 × B / (1e15 × 0.25) = 0.016 + 8.9e-5 × B s; tokens/s(B) = 2000 × [B / step(B)] / [32 / step(32)].
    const step = (b: number) => 0.016 + 8.9e-5 * b;
    const tps = (b: number) => (2000 * (b / step(b))) / (32 / step(32));
    const load = 1e6 / 3600;
    // tps(B) = load  ⇔  B / step(B) = k with k = load × 32 / (step(32) × 2000)  ⇔  B = 0.016 k / (1 − 8.9e-5 k)
    const k = (load * 32) / (step(32) * 2000);
    const batch = (0.016 * k) / (1 - 8.9e-5 * k);
    expect(tps(batch)).toBeCloseTo(load, 6);
    // Draw scales the same way: 70 + 630 × (0.5 + 0.5 × compute share), share = 6.4e-5 × B / step(B).
    const draw = (b: number) => 70 + 630 * (0.5 + 0.5 * ((6.4e-5 * b) / step(b)));
    const watts = (400 * draw(batch)) / draw(32);
    const r = run({
      location: 'XX',
      durationHours: 1,
      gpu: { model: 'tg700' },
      ai: { task: 'inference', model: 'm8', outputTokens: 1e6 },
      pue: 1,
      embodied: false,
    });
    expect(r.durationHours).toBe(1);
    expect(r.ai?.batchSize).toBeCloseTo(batch, 6);
    expect(r.ai?.busyHours).toBeCloseTo(1, 9);
    expect(r.resolved.gpu?.averagePowerW).toBeCloseTo(watts, 6);
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo((watts * 3600) / 3.6e6, 9);
    // the host runs the whole hour: 140 W × 3600 s
    expect(r.energyKwh.byComponent.cpu).toBeCloseTo((140 * 3600) / 3.6e6, 12);
  });

  it('idles the hours a light load leaves at batch 1', () => {
    // 100 tokens in an hour: at batch 1 (tokens/s from the roofline as above) the GPU is busy 100 / tps(1) s.
    const step = (b: number) => 0.016 + 8.9e-5 * b;
    const tps1 = (2000 * (1 / step(1))) / (32 / step(32));
    const draw = (b: number) => 70 + 630 * (0.5 + 0.5 * ((6.4e-5 * b) / step(b)));
    const busy = 100 / tps1;
    const r = run({
      location: 'XX',
      durationHours: 1,
      gpu: { model: 'tg700' },
      ai: { task: 'inference', model: 'm8', outputTokens: 100 },
      pue: 1,
      embodied: false,
    });
    expect(r.ai?.batchSize).toBe(1);
    expect(r.ai?.busyHours).toBeCloseTo(busy / 3600, 9);
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo(
      (((400 * draw(1)) / draw(32)) * busy + 70 * (3600 - busy)) / 3.6e6,
      9,
    );
  });

  it("finds the batch at which a modelled replica serves exactly its load (Little's law)", () => {
    // 4 GPUs of the 70B model: at batch 64 a replica makes ~1443 tokens/s; ask for 500 tokens/s.
    const r = run({
      location: 'XX',
      durationHours: 1,
      gpu: { model: 'tg700' },
      ai: { task: 'inference', model: 'm70', outputTokens: 500 * 3600 },
    });
    expect(r.ai!.batchSize!).toBeGreaterThan(1);
    expect(r.ai!.batchSize!).toBeLessThan(64);
    expect(r.ai!.outputTokensPerS!).toBeCloseTo(500, 3);
    expect(r.ai!.busyHours!).toBeCloseTo(1, 4);
  });

  it('refuses hours shorter than the tokens need even at the fast end of the range', () => {
    // 250 s at batch 64 (the cap); the fastest bound 250 / 1.15 = 217 s > 36 s given.
    const e = refusal({
      location: 'XX',
      durationHours: 0.01,
      gpu: { model: 'tg700' },
      ai: { task: 'inference', model: 'm8', outputTokens: 1e6 },
    });
    expect(e.code).toBe('inconsistent_input');
    expect(e.path).toEqual(['durationHours']);
    expect(e.message).toMatch(
      /^serving 1\.00e\+6 generated tokens keeps .+ busy about 0\.0694 GPU-hours \(0\.0604 at the fastest the model allows\), but the service runs 0\.01 hours on 1 GPU: give about 7 GPUs \(gpu\.count\) or at least 1 hours \(durationHours\)$/,
    );
  });
});

describe('provenance', () => {
  it("labels no derived draw as the user's", () => {
    const r = run({
      location: 'XX',
      gpu: { model: 'tg700' },
      ai: { task: 'inference', model: 'm70', requests: 10 },
    });
    expect(r.factors.filter((f) => f.source === 'user')).toEqual([]);
    expect(r.resolved.gpu?.powerModel).not.toMatch(/user/);
    expect(r.resolved.cpu?.powerModel).not.toMatch(/user/);
    const draw = r.factors.find((f) => f.id === 'gpu_average_power');
    expect(draw?.source).toBe('test');
    expect(draw?.label).toMatch(/modelled: decode roofline/);
  });

  it('refuses an unknown model without parameters, naming ai.model', () => {
    const e = refusal({
      location: 'XX',
      gpu: { model: 'tg700' },
      ai: { task: 'inference', model: 'no-such-model', outputTokens: 10 },
    });
    expect(e.code).toBe('unknown_model');
    expect(e.path).toEqual(['ai', 'model']);
  });

  it('refuses negative tokens at parse time', () => {
    const parsed = Workload.safeParse({
      location: 'XX',
      gpu: { model: 'tg700' },
      ai: { task: 'inference', model: 'm8', outputTokens: -1 },
    });
    expect(parsed.error?.issues[0]?.path).toEqual(['ai', 'outputTokens']);
  });
});
