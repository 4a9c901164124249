// Completeness over the real tables, derived from the data: every region answers with a grid intensity,
// every (region × accelerator) estimate is finite and positive, every factor names a source and year.
import { describe, expect, it } from 'vitest';
import { tables } from '../../src/data/index.ts';
import { estimate } from '../helpers/estimator.ts';
import { EstimateError } from '../../src/core/errors.ts';
import { Workload } from '../../src/core/schemas.ts';

const regions = [...tables.regions.values()];
const accelerators = [...tables.accelerators.values()];
const sourceIds = new Set(tables.sources.map((s) => s.id));

describe('every region', () => {
  it.each(regions.map((r) => [r.id] as const))('%s resolves to a grid intensity', (id) => {
    const r = estimate(
      Workload.parse({ location: id, durationHours: 1, cpu: { threads: 4 } }),
      tables,
    );
    expect(r.resolved.location.regionId).toBe(id);
    expect(r.resolved.location.intensityGCo2ePerKwh).toBeGreaterThan(0);
    expect(sourceIds.has(r.resolved.location.source)).toBe(true);
  });
});

describe('every region × accelerator', () => {
  const withPower = accelerators.filter((a) => a.maxPowerW !== null);
  const withoutPower = accelerators.filter((a) => a.maxPowerW === null);

  it('estimates finite, positive energy and emissions, each factor with a source and a year', () => {
    let checked = 0;
    for (const region of regions) {
      for (const gpu of withPower) {
        const r = estimate(
          Workload.parse({
            location: region.id,
            durationHours: 10,
            gpu: { model: gpu.id, count: 2 },
          }),
          tables,
        );
        for (const v of [
          r.energyKwh.total,
          r.emissionsKgCo2e.total,
          r.emissionsKgCo2e.low,
          r.emissionsKgCo2e.high,
        ]) {
          expect(Number.isFinite(v) && v > 0, `${region.id} × ${gpu.id}`).toBe(true);
        }
        for (const f of r.factors) {
          if (f.source === 'user') continue;
          expect(sourceIds.has(f.source), `${f.id} source ${f.source}`).toBe(true);
          expect(f.year, `${f.id} of ${region.id} × ${gpu.id}`).not.toBeNull();
        }
        checked++;
      }
    }
    expect(checked).toBe(regions.length * withPower.length);
  });

  it('asks for the power of accelerators that have none published, naming the field', () => {
    for (const gpu of withoutPower) {
      try {
        estimate(
          Workload.parse({
            location: 'aws:us-east-1',
            durationHours: 1,
            gpu: { model: gpu.id, count: 1 },
          }),
          tables,
        );
        expect.unreachable(`${gpu.id} has no published power`);
      } catch (e) {
        expect(e).toBeInstanceOf(EstimateError);
        expect((e as EstimateError).code).toBe('missing_power');
        expect((e as EstimateError).path).toEqual(['gpu', 'maxPowerW']);
      }
      const given = estimate(
        Workload.parse({
          location: 'aws:us-east-1',
          durationHours: 1,
          gpu: { model: gpu.id, count: 1, maxPowerW: 300 },
        }),
        tables,
      );
      expect(given.energyKwh.total).toBeGreaterThan(0);
    }
  });
});

describe('every instance type', () => {
  it("estimates in its own provider's first region (or answers missing_power for GPUs without a published power)", () => {
    for (const inst of tables.instances.values()) {
      const region = regions.find((r) => r.provider === inst.provider) ?? regions[0]!;
      try {
        const r = estimate(
          Workload.parse({ location: region.id, durationHours: 1, instance: { type: inst.id } }),
          tables,
        );
        expect(r.energyKwh.total, inst.id).toBeGreaterThan(0);
      } catch (e) {
        expect((e as EstimateError).code, inst.id).toBe('missing_power');
      }
    }
  });
});
