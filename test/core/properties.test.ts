// Properties of the model that must hold for any workload (fast-check).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import { Workload } from '../../src/core/schemas.ts';
import { fixtureTables } from '../helpers/arithmetic-tables.ts';

const tables = fixtureTables();
const location = fc.constantFrom('XX', 'XX-SUB', 'aws:test-1', 'azure:plain');
const util = fc.double({ min: 0, max: 1, noNaN: true });
const workload = fc.record({
  location,
  durationHours: fc.double({ min: 0, max: 10_000, noNaN: true }),
  gpu: fc.option(
    fc.record({
      model: fc.constant('tg700'),
      count: fc.integer({ min: 1, max: 64 }),
      utilization: util,
    }),
    { nil: undefined },
  ),
  cpu: fc.option(
    fc.record({
      model: fc.constant('test-cpu-360'),
      threads: fc.integer({ min: 1, max: 512 }),
      utilization: util,
    }),
    { nil: undefined },
  ),
  memoryGb: fc.double({ min: 0.5, max: 4096, noNaN: true }),
});
const run = (w: unknown) => estimate(Workload.parse(w), tables);

describe('estimate properties', () => {
  test.prop([workload])(
    'emissions and energy are finite, non-negative, low ≤ total ≤ high',
    (w) => {
      const r = run(w);
      for (const v of [
        r.energyKwh.total,
        r.energyKwh.low,
        r.emissionsKgCo2e.total,
        r.emissionsKgCo2e.low,
        r.emissionsKgCo2e.market,
        r.emissionsKgCo2e.embodied,
      ]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
      }
      expect(r.energyKwh.low).toBeLessThanOrEqual(r.energyKwh.total * (1 + 1e-12));
      expect(r.energyKwh.total).toBeLessThanOrEqual(r.energyKwh.high * (1 + 1e-12));
      expect(r.emissionsKgCo2e.low).toBeLessThanOrEqual(r.emissionsKgCo2e.total * (1 + 1e-12));
      expect(r.emissionsKgCo2e.total).toBeLessThanOrEqual(r.emissionsKgCo2e.high * (1 + 1e-12));
      expect(r.emissionsKgCo2e.market).toBeLessThanOrEqual(
        r.emissionsKgCo2e.location * (1 + 1e-12),
      );
    },
  );

  test.prop([workload, fc.double({ min: 0.01, max: 100, noNaN: true })])(
    'is linear in duration',
    (w, k) => {
      const a = run(w);
      const b = run({ ...w, durationHours: w.durationHours * k });
      expect(b.energyKwh.total).toBeCloseTo(a.energyKwh.total * k, 6);
      expect(b.emissionsKgCo2e.total).toBeCloseTo(a.emissionsKgCo2e.total * k, 6);
    },
  );

  test.prop([workload, util, util])('is monotone in GPU and CPU utilisation', (w, u1, u2) => {
    const [lo, hi] = u1 <= u2 ? [u1, u2] : [u2, u1];
    const at = (u: number) =>
      run({
        ...w,
        gpu: { model: 'tg700', count: 2, utilization: u },
        cpu: { model: 'test-cpu-360', threads: 64, utilization: u },
      }).emissionsKgCo2e.total;
    expect(at(lo)).toBeLessThanOrEqual(at(hi) * (1 + 1e-12));
  });

  test.prop([workload, fc.double({ min: 0.001, max: 1e6, noNaN: true })])(
    'network energy follows data volume, not duration',
    (w, gb) => {
      // 0.001 kWh per GB in the fixture, whatever the duration
      const r = run({ ...w, networkGb: gb });
      expect(r.energyKwh.byComponent.network).toBeCloseTo(gb * 0.001, 9);
    },
  );

  test.prop([workload])('zero hours gives zero operational emissions and energy', (w) => {
    const r = run({ ...w, durationHours: 0 });
    expect(r.energyKwh.total).toBe(0);
    expect(r.emissionsKgCo2e.location).toBe(0);
    expect(r.emissionsKgCo2e.total).toBe(0);
  });
});
