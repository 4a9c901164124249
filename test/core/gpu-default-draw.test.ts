// Default accelerator draw when no utilisation is given: a published measured average where one exists
// (TPUs), else 0.8 of rated power; the range runs from the measured floor (ML.ENERGY v3) to rated power.
import { describe, expect, it } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import { gpuDefaultPowerW } from '../../src/core/power.ts';
import type { WorkloadInput } from '../../src/core/schemas.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';

const run = (gpu: WorkloadInput['gpu']) =>
  estimate(
    Workload.parse({ location: 'FR', durationHours: 1, pue: 1, embodied: false, gpu }),
    tables,
  );
const floor = tables.datacentre.coefficients.gpuMinPowerFraction!.value;

describe('default accelerator draw', () => {
  it("uses the TPU v3's published measured average (283 W) and spans the floor to its 450 W rating", () => {
    const r = run({ model: 'TPU v3', count: 1 });
    expect(r.energyKwh.total).toBeCloseTo(0.283, 9);
    expect(r.energyKwh.low).toBeCloseTo((450 * floor) / 1000, 9);
    expect(r.energyKwh.high).toBeCloseTo(450 / 1000, 9);
    expect(r.factors.some((f) => f.id === 'gpu_typical_power' && f.value === 283)).toBe(true);
  });

  it('uses 0.8 of rated power for a GPU without a published average', () => {
    const r = run({ model: 'H100 SXM', count: 2 });
    expect(r.energyKwh.total).toBeCloseTo((2 * 0.8 * 700) / 1000, 9);
    expect(r.energyKwh.low).toBeCloseTo((2 * floor * 700) / 1000, 9);
  });

  it('falls back to the share of rated power when the rating is overridden, and to the load model with a utilisation', () => {
    expect(run({ model: 'TPU v3', count: 1, maxPowerW: 400 }).energyKwh.total).toBeCloseTo(0.32, 9);
    expect(run({ model: 'TPU v3', count: 1, utilization: 1 }).energyKwh.total).toBeCloseTo(0.45, 9);
  });

  it('never puts the low bound under idle or above the central value, nor the high bound over rated power', () => {
    expect(gpuDefaultPowerW(700, 300, 560, 0.3)).toEqual({ central: 560, low: 300, high: 700 });
    expect(gpuDefaultPowerW(450, 20, 100, 0.3)).toEqual({ central: 100, low: 100, high: 450 });
  });
});
