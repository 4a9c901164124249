// The per-run arithmetic (evaluate.ts) by hand on simple runs, and its laws on the real tables:
// components sum to the IT energy, facility = IT × PUE, location = facility × intensity, total =
// location + embodied, every bound brackets its figure, and the region sweep gives estimate()'s
// central figures through the same steps.
import { describe, expect, it } from 'vitest';
import { evaluateRun } from '../../src/core/evaluate.ts';
import { createEstimator } from '../../src/core/estimator.ts';
import { createLedgerStore } from '../../src/core/ledger.ts';
import { planEstimate } from '../../src/core/plan.ts';
import { indexSources } from '../../src/core/source-index.ts';
import { Workload, type WorkloadInput } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';

const store = createLedgerStore(indexSources(tables.sources));
const run = (input: WorkloadInput) => {
  const w = Workload.parse(input);
  return evaluateRun(planEstimate(w, tables, store), w);
};

const H100_NODE: WorkloadInput = {
  location: 'aws:us-east-1',
  durationHours: 36,
  gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
  cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 },
  memoryGb: 2048,
  storage: { ssdTb: 30, hddTb: 100, replication: 2 },
  networkGb: 500,
};

const workloads: WorkloadInput[] = [
  H100_NODE,
  { ...H100_NODE, gpu: { model: 'H100 SXM', count: 8 } },
  {
    ...H100_NODE,
    gpu: { model: 'H100 SXM', count: 8, powerW: 500 },
    cpu: { threads: 16, powerW: 120 },
  },
  { ...H100_NODE, embodied: false, gridIntensity: 0 },
  { location: 'aws:eu-west-1', durationHours: 10, instance: { type: 'aws:m5.xlarge', count: 3 } },
  { location: 'FR', durationHours: 0, instance: { type: 'aws:p5.48xlarge' } },
  { location: 'DE', durationHours: 5, networkGb: 80, pue: 1.4 },
  {
    location: 'US',
    gpu: { model: 'A100 SXM4 80GB', count: 64 },
    ai: { task: 'training', parameters: 7e9, tokens: 2e11 },
  },
];

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('evaluateRun', () => {
  it('works a measured draw out by hand: 2 × 250 W GPUs and 100 W of CPU for 10 h, PUE 1.5, 400 g/kWh', () => {
    const r = run({
      location: 'FR',
      durationHours: 10,
      gpu: { model: 'H100 SXM', count: 2, powerW: 250 },
      cpu: { threads: 8, powerW: 100 },
      pue: 1.5,
      gridIntensity: 400,
      embodied: false,
    });
    expect([r.it.gpuW, r.it.cpuW, r.it.gpuUtilization, r.it.cpuUtilization]).toEqual([
      250,
      100,
      null,
      null,
    ]);
    // 2 × 250 W × 10 h = 5 kWh; 100 W × 10 h = 1 kWh; ±5 % metering on each.
    expect(r.it.gpu).toBeCloseTo(5, 12);
    expect(r.it.cpu).toBeCloseTo(1, 12);
    expect(r.it.down2).toBeCloseTo(0.25 ** 2 + 0.05 ** 2, 12);
    expect(r.facilityKwh).toBeCloseTo(6 * 1.5, 12);
    expect(r.locationKg).toBeCloseTo(9 * 0.4, 12);
    expect([r.embodiedKg, r.embodiedLowKg, r.embodiedHighKg]).toEqual([0, 0, 0]);
    expect(r.totalKg).toBe(r.locationKg);
  });

  it('gives nothing for nothing: zero hours, zero energy, zero emissions, zero bounds', () => {
    const r = run({ location: 'FR', durationHours: 0, cpu: { threads: 4 }, embodied: false });
    expect([
      r.facilityKwh,
      r.facilityLowKwh,
      r.facilityHighKwh,
      r.locationKg,
      r.totalKg,
      r.totalLowKg,
      r.totalHighKg,
    ]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it.each(workloads.map((w) => [JSON.stringify(w), w] as const))(
    'holds its laws: %s',
    (_, input) => {
      const w = Workload.parse(input);
      const p = planEstimate(w, tables, store);
      const r = evaluateRun(p, w);
      const it = r.it;
      expect(rel(it.cpu + it.gpu + it.memory + it.storage + it.network, it.total)).toBeLessThan(
        1e-12,
      );
      if (it.total > 0)
        expect(rel(r.facilityKwh, it.total * p.pue.central * p.hoursFactor.central)).toBeLessThan(
          1e-12,
        );
      expect(rel(r.locationKg, (r.facilityKwh * p.intensity.central) / 1000)).toBeLessThan(1e-12);
      expect(r.totalKg).toBe(r.locationKg + r.embodiedKg);
      for (const [low, central, high] of [
        [r.facilityLowKwh, r.facilityKwh, r.facilityHighKwh],
        [r.locationLowKg, r.locationKg, r.locationHighKg],
        [r.embodiedLowKg, r.embodiedKg, r.embodiedHighKg],
        [r.totalLowKg, r.totalKg, r.totalHighKg],
      ]) {
        expect(low).toBeLessThanOrEqual(central!);
        expect(high).toBeGreaterThanOrEqual(central!);
        expect(low).toBeGreaterThanOrEqual(0);
      }
    },
  );

  it('is what the region sweep works with: compare rows carry estimate()’s central figures', () => {
    const estimator = createEstimator(tables);
    const w = Workload.parse(H100_NODE);
    const rows = estimator.compare(w, {
      top: 3,
      rankBy: 'location',
      regions: { ids: ['aws:eu-west-1', 'gcp:europe-west4', 'aws:us-east-1'] },
    }).table;
    expect(rows.length).toBe(3);
    for (const row of rows) {
      const e = estimator.estimate({ ...w, location: row.regionId });
      expect(row.energyKwh).toBe(e.energyKwh.total);
      expect([
        row.emissionsKgCo2e.total,
        row.emissionsKgCo2e.location,
        row.emissionsKgCo2e.embodied,
      ]).toEqual([e.emissionsKgCo2e.total, e.emissionsKgCo2e.location, e.emissionsKgCo2e.embodied]);
    }
  });
});
