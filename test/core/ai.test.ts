// AI shapes on the fixture; arithmetic by hand in the comments.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import { EstimateError } from '../../src/core/errors.ts';
import type { WorkloadInput } from '../../src/core/schemas.ts';
import { Workload } from '../../src/core/schemas.ts';
import { fixtureTables } from '../helpers/arithmetic-tables.ts';

const tables = fixtureTables();
const run = (w: WorkloadInput) => estimate(Workload.parse(w), tables);

describe('training by model size', () => {
  // Fixture: tg700 peak 1000 TFLOP/s bf16 (no fp8); steady MFU 0.4 (±35 %), FP8 MFU 0.25, run overhead 1.5 (×2 up, never below 1).
  it('derives FLOPs, device-hours and wall hours with the whole-run overhead', () => {
    // 6 × 1e9 × 1e10 = 6e19 FLOPs; / (1000e12 × 0.4) = 150,000 s = 41.667 steady device-hours; × 1.5 = 62.5; / 8 = 7.8125 h
    const r = run({
      location: 'XX',
      gpu: { model: 'tg700', count: 8 },
      ai: { task: 'training', parameters: 1e9, tokens: 1e10 },
      pue: 1,
      embodied: false,
    });
    expect(r.ai?.flops).toBe(6e19);
    expect(r.ai?.mfu).toBe(0.4);
    expect(r.ai?.deviceHours).toBeCloseTo(62.5, 9);
    expect(r.ai?.wallHours).toBeCloseTo(7.8125, 9);
    expect(r.durationHours).toBeCloseTo(7.8125, 9);
    expect(r.ai?.basis).toMatch(/overhead 1\.5/);
    // 8 GPUs at 0.8 × 700 W (default share of rated power) × 7.8125 h = 35 kWh
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo(35, 9);
    // hours up: MFU ÷1.35 and overhead ×2 in log quadrature = exp(√(ln²1.35 + ln²2)) = 2.128; power spread adds more
    expect(r.energyKwh.high / r.energyKwh.total).toBeGreaterThan(2.12);
    expect(r.factors.map((f) => f.id)).toEqual(
      expect.arrayContaining(['mfu', 'training_overhead']),
    );
  });

  it('uses active parameters for MoE and reads a given MFU as steady, with the overhead on top', () => {
    // 6 × 2e9 active × 1e10 = 1.2e20; / (1000e12 × 0.5) = 240,000 s = 66.667 h; × 1.5 = 100 device-hours
    const r = run({
      location: 'XX',
      gpu: { model: 'tg700', count: 4 },
      ai: { task: 'training', parameters: 8e9, activeParameters: 2e9, tokens: 1e10, mfu: 0.5 },
    });
    expect(r.ai?.deviceHours).toBeCloseTo(100, 9);
    expect(r.ai?.mfu).toBe(0.5);
    expect(r.factors.find((f) => f.id === 'mfu')?.source).toBe('user');
    expect(r.assumptions.join(' ')).toMatch(/given MFU is read as the steady-training MFU/);
  });

  it('refuses a duration shorter than the work at 100 % of peak, naming both hours', () => {
    // at peak: 6e19 / (8 × 1000e12) = 7,500 s = 2.0833 h; 2 h is faster than the hardware
    try {
      run({
        location: 'XX',
        durationHours: 2,
        gpu: { model: 'tg700', count: 8 },
        ai: { task: 'training', parameters: 1e9, tokens: 1e10 },
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EstimateError);
      expect((e as EstimateError).code).toBe('inconsistent_input');
      expect((e as EstimateError).path).toEqual(['durationHours']);
      expect((e as EstimateError).message).toMatch(
        /^a run of 2 h is shorter than the 2\.0833 h this training needs even at 100 % of peak/,
      );
    }
  });

  it('bills a longer duration as given and states the MFU it implies', () => {
    // 2.0833 h at peak over 100 h given -> whole-run MFU 0.020833; device-hours 8 × 100
    const r = run({
      location: 'XX',
      durationHours: 100,
      gpu: { model: 'tg700', count: 8 },
      ai: { task: 'training', parameters: 1e9, tokens: 1e10 },
      pue: 1,
      embodied: false,
    });
    expect(r.durationHours).toBe(100);
    expect(r.ai?.mfu).toBeCloseTo(7500 / 3600 / 100, 12);
    expect(r.ai?.deviceHours).toBe(800);
    expect(r.assumptions.join(' ')).toMatch(/imply a whole-run MFU of 2\.08 %/);
    // exact hours: no MFU or overhead spread; 8 × 0.8 × 700 W × 100 h = 448 kWh
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo(448, 9);
  });

  it('accepts exactly the hours at peak (MFU 1)', () => {
    const r = run({
      location: 'XX',
      durationHours: 7500 / 3600,
      gpu: { model: 'tg700', count: 8 },
      ai: { task: 'training', parameters: 1e9, tokens: 1e10 },
    });
    expect(r.ai?.mfu).toBeCloseTo(1, 12);
  });

  it('uses the FP8 efficiency against the FP8 peak, not half the bf16 hours', () => {
    const base = fixtureTables();
    const tg = base.accelerators.get('test-gpu-700')!;
    const withFp8 = {
      ...base,
      accelerators: new Map([
        ...base.accelerators,
        ['test-gpu-700', { ...tg, peakDenseTflops: { ...tg.peakDenseTflops, fp8: 2000 } }],
      ]),
    };
    const w = (precision: 'bf16' | 'fp8') =>
      Workload.parse({
        location: 'XX',
        gpu: { model: 'tg700', count: 8 },
        ai: { task: 'training', parameters: 1e9, tokens: 1e10, precision },
      });
    // fp8: 6e19 / (2000e12 × 0.25) = 120,000 s = 33.333 h × 1.5 = 50 device-hours; bf16 62.5 -> ratio 0.8, not 0.5
    const fp8 = estimate(w('fp8'), withFp8);
    const bf16 = estimate(w('bf16'), withFp8);
    expect(fp8.ai?.deviceHours).toBeCloseTo(50, 9);
    expect(fp8.ai?.mfu).toBe(0.25);
    expect(fp8.ai?.peakTflopsPerDevice).toBe(2000);
    expect(fp8.ai!.deviceHours! / bf16.ai!.deviceHours!).toBeCloseTo(0.8, 12);
  });

  it('falls back to the bf16 peak and the bf16 MFU on a device without FP8', () => {
    const r = run({
      location: 'XX',
      gpu: { model: 'tg700', count: 8 },
      ai: { task: 'training', parameters: 1e9, tokens: 1e10, precision: 'fp8' },
    });
    expect(r.ai?.precision).toBe('bf16');
    expect(r.ai?.mfu).toBe(0.4);
    expect(r.ai?.deviceHours).toBeCloseTo(62.5, 9);
  });

  test.prop([
    fc.double({ min: 1e8, max: 1e13, noNaN: true }),
    fc.double({ min: 1.0001, max: 100, noNaN: true }),
  ])('training energy rises with tokens', (tokens, k) => {
    const at = (d: number) =>
      run({
        location: 'XX',
        gpu: { model: 'tg700', count: 8 },
        ai: { task: 'training', parameters: 1e9, tokens: d },
        pue: 1,
      }).energyKwh;
    const [a, b] = [at(tokens), at(tokens * k)];
    expect(b.total).toBeGreaterThan(a.total);
    expect(b.low).toBeGreaterThan(a.low);
    expect(b.high).toBeGreaterThan(a.high);
  });

  it('refuses MoE active parameters above the total at parse time', () => {
    const parsed = Workload.safeParse({
      location: 'XX',
      gpu: { model: 'tg700', count: 1 },
      ai: { task: 'training', parameters: 1e9, activeParameters: 2e9, tokens: 1 },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['ai', 'activeParameters']);
  });
});
