// Impossible inputs refused (issue 13 item 5) and estimated ratings widening the range (item 3), on the real tables.
import { refusalOf } from '../helpers/refusal.ts';
import { describe, expect, it } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import { EstimateError } from '../../src/core/errors.ts';
import { gpuDefaultPowerW } from '../../src/core/power.ts';
import { itEnergy } from '../../src/core/evaluate.ts';
import { ZERO } from '../../src/core/range.ts';

/** One GPU drawn by utilisation between idle and rated power, over 1000 h (so kWh = W): its draw and high bound. */
function gpuDraw(maxW: number, idleW: number, highMaxW: number, utilization: number) {
  const gpu = {
    id: null,
    name: 'test',
    count: 1,
    powerModel: 'test',
    embodiedKgPerDevice: null,
    fixedPowerW: null,
    maxW,
    idleW,
    highMaxW,
  };
  const it = {
    gpu,
    cpu: null,
    memoryGb: 0,
    ssdTb: 0,
    hddTb: 0,
    memoryWPerGb: null,
    ssdWhPerTbH: null,
    hddWhPerTbH: null,
    network: ZERO,
  };
  const e = itEnergy(
    it,
    Workload.parse({
      location: 'FR',
      durationHours: 1000,
      gpu: { model: 'test', count: 1, utilization },
    }),
    1000,
  );
  return { w: e.gpuW, highW: e.gpu + Math.sqrt(e.up2) };
}
import type { WorkloadInput } from '../../src/core/schemas.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';

const run = (w: WorkloadInput) => estimate(Workload.parse(w), tables);
const refusal = (w: WorkloadInput): EstimateError => refusalOf(() => run(w));
const base = { location: 'DE', durationHours: 10 } as const;

describe('measured gpu.powerW above the rating', () => {
  it('refuses 5000 W on an H100 SXM (700 W rated, at most 770 W), naming the field, value and limit', () => {
    const e = refusal({ ...base, gpu: { model: 'H100 SXM', count: 1, powerW: 5000 } });
    expect(e.code).toBe('inconsistent_input');
    expect(e.path).toEqual(['gpu', 'powerW']);
    expect(e.message).toContain('gpu.powerW 5000 W');
    expect(e.message).toContain('700 W');
    expect(e.message).toContain('770 W');
  });

  it('accepts 760 W (within 10 % of 700 W) and bills it as given: 760 W × 10 h = 7.6 kWh', () => {
    const r = run({ ...base, gpu: { model: 'H100 SXM', count: 1, powerW: 760 } });
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo(7.6, 10);
  });

  it('compares with gpu.maxPowerW when given: 5000 W under a 6000 W rating passes, 6700 W (> 6600) is refused', () => {
    const ok = run({
      ...base,
      gpu: { model: 'H100 SXM', count: 1, powerW: 5000, maxPowerW: 6000 },
    });
    expect(ok.energyKwh.byComponent.gpu).toBeCloseTo(50, 10);
    const e = refusal({
      ...base,
      gpu: { model: 'H100 SXM', count: 1, powerW: 6700, maxPowerW: 6000 },
    });
    expect(e.path).toEqual(['gpu', 'powerW']);
    expect(e.message).toContain('gpu.maxPowerW of 6000 W');
    expect(e.message).toContain('6600 W');
  });

  it("uses an estimated rating's high watts: TPU v6e (350 W, up to 500 W) allows 550 W, refuses 560 W", () => {
    expect(
      run({ ...base, gpu: { model: 'TPU v6e', count: 1, powerW: 540 } }).energyKwh.byComponent.gpu,
    ).toBeCloseTo(5.4, 10);
    const e = refusal({ ...base, gpu: { model: 'TPU v6e', count: 1, powerW: 560 } });
    expect(e.message).toContain('500 W');
    expect(e.message).toContain('550 W');
  });
});

describe('gpu.count above the instance', () => {
  it('refuses 64 GPUs on one aws:p5.48xlarge (8 GPUs), naming gpu.count and the 8', () => {
    const e = refusal({
      ...base,
      instance: { type: 'aws:p5.48xlarge' },
      gpu: { model: 'H100 SXM', count: 64 },
    });
    expect(e.code).toBe('inconsistent_input');
    expect(e.path).toEqual(['gpu', 'count']);
    expect(e.message).toBe(
      '64 GPUs do not fit in 1 × aws:p5.48xlarge, which has 8 (8 per instance): give at most 8 GPUs (gpu.count), or 8 instances (instance.count) for 64',
    );
  });

  it('accepts 64 GPUs on 8 × p5.48xlarge (8 × 8 = 64)', () => {
    const r = run({
      ...base,
      instance: { type: 'aws:p5.48xlarge', count: 8 },
      gpu: { model: 'H100 SXM', count: 64 },
    });
    expect(r.resolved.gpu?.count).toBe(64);
  });

  it('refuses 65 GPUs on 8 × p5.48xlarge, naming the 64 they carry', () => {
    const e = refusal({
      ...base,
      instance: { type: 'aws:p5.48xlarge', count: 8 },
      gpu: { model: 'H100 SXM', count: 65 },
    });
    expect(e.message).toContain('64 GPUs');
  });
});

describe('an estimated rated power', () => {
  it('widens the high bound to the estimate high watts (A10G: 150 W central, 300 W high, idle 18 W)', () => {
    // u = 0.5: central 18 + (150 − 18) × 0.5 = 84 W; high at 300 W: 18 + 282 × 0.5 = 159 W, +15 % = 182.85 W (< 315 W cap).
    const p = gpuDraw(150, 18, 300, 0.5);
    expect(p.w).toBeCloseTo(84, 10);
    expect(p.highW).toBeCloseTo(182.85, 10);
    // A published 150 W rating would top at 84 × 1.15 = 96.6 W.
    expect(gpuDraw(150, 18, 150, 0.5).highW).toBeCloseTo(96.6, 10);
    // Without utilisation: 0.8 × 150 = 120 W central, high = the 300 W estimate's top instead of 150 W.
    expect(gpuDefaultPowerW(150, 18, 120, 0.3, 300)).toEqual({ central: 120, low: 45, high: 300 });
  });

  it('on aws:g5.xlarge: labels gpu_max_power "(estimated)", says so in an assumption, and bounds the GPU at 300 W', () => {
    const r = run({ ...base, instance: { type: 'aws:g5.xlarge' } });
    const factor = r.factors.find((f) => f.id === 'gpu_max_power');
    expect(factor?.label).toBe('NVIDIA A10G (AWS G5 variant) rated board power (estimated)');
    expect(factor?.value).toBe(150);
    expect(r.assumptions.some((a) => a.includes('150 W is an estimate (range 150–300 W'))).toBe(
      true,
    );
    // Default draw 0.8 × 150 = 120 W over 10 h = 1.2 kWh; the total's high bound must allow the GPU at 300 W (3 kWh).
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo(1.2, 10);
    expect(r.energyKwh.high).toBeGreaterThan(3);
  });

  it('leaves a published rating unlabelled and without the estimate assumption', () => {
    const r = run({ ...base, gpu: { model: 'H100 SXM', count: 1 } });
    expect(r.factors.find((f) => f.id === 'gpu_max_power')?.label).toBe(
      'NVIDIA H100 SXM5 80GB rated board power (TDP)',
    );
    expect(r.assumptions.some((a) => a.includes('is an estimate (range'))).toBe(false);
  });
});
