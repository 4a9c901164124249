// evaluatePlan writes the per-run arithmetic out on plain numbers (no intermediate Bounded). It must
// stay the arithmetic of the Bounded functions the region sweep uses (itEnergyAt, addBounded,
// multiplyBounded, embodiedAt): the same central doubles, and the same bounds up to rounding.
import { describe, expect, it } from 'vitest';
import { itEnergyAt } from '../../src/core/energy.ts';
import { embodiedAt } from '../../src/core/embodied.ts';
import { evaluatePlan, planEstimate, type EstimatePlan } from '../../src/core/plan.ts';
import type { Bounded } from '../../src/core/range.ts';
import { ZERO, addBounded, multiplyBounded, scaleBy } from '../../src/core/range.ts';
import { Workload, type WorkloadInput } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';

/** The run's figures composed from the Bounded functions, step by step. */
function reference(p: EstimatePlan, input: Workload) {
  const w = p.ai?.workload ?? input;
  const hours = p.hours ?? w.durationHours!;
  const it = itEnergyAt(p.it, w, hours);
  const itKwh = addBounded(it.cpu, it.gpu, it.memory, it.storage, it.network);
  const facility = multiplyBounded(itKwh, p.pue, p.hoursFactor);
  const location = facility.central === 0 ? ZERO : scaleBy(multiplyBounded(facility, p.intensity), 1 / 1000);
  const embodied = embodiedAt(p.embodied, hours);
  const total = addBounded(location, embodied);
  return { it, itKwh, facility, location, embodied, total };
}

const H100_NODE: WorkloadInput = {
  location: 'aws:us-east-1',
  durationHours: 36,
  gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
  cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 },
  memoryGb: 2048,
  storage: { ssdTb: 30, hddTb: 100, replication: 2 },
  networkGb: 500,
  functionalUnit: { name: 'request', count: 1e6 },
};

const workloads: WorkloadInput[] = [
  H100_NODE,
  { ...H100_NODE, gpu: { model: 'H100 SXM', count: 8 } },
  { ...H100_NODE, gpu: { model: 'H100 SXM', count: 8, powerW: 500 }, cpu: { threads: 16, powerW: 120 } },
  { ...H100_NODE, gpu: { model: 'H100 SXM', count: 8, maxPowerW: 650, utilization: 0.2 }, cpu: { tdpW: 300, threads: 16 } },
  { ...H100_NODE, embodied: false, gridIntensity: 0 },
  { location: 'aws:eu-west-1', durationHours: 10, instance: { type: 'aws:m5.xlarge' }, cpu: { utilization: 0.37 } },
  { location: 'aws:eu-west-1', durationHours: 10, instance: { type: 'aws:m5.xlarge', count: 3 } },
  { location: 'FR', durationHours: 0, instance: { type: 'aws:p5.48xlarge' } },
  { location: 'DE', durationHours: 5, storage: { hddTb: 4 } },
  { location: 'DE', durationHours: 5, networkGb: 80, pue: 1.4, renewableShare: 0.5 },
  { location: 'US-CAL-CISO', durationHours: 3, cpu: { threads: 8, utilization: 0.05 }, start: '2024-06-01T00:00:00Z' },
  { location: 'US', gpu: { model: 'A100 SXM4 80GB', count: 64 }, ai: { task: 'training', parameters: 7e9, tokens: 2e11 } },
  { location: 'aws:us-east-1', gpu: { model: 'H100 SXM' }, ai: { task: 'inference', model: 'llama-3.1-8b-instruct', requests: 1000 } },
];

/** Same double for a central figure; within 1e-12 relative for a bound (sums may be grouped differently). */
function expectBounds(actual: { total: number; low: number; high: number }, expected: Bounded, what: string): void {
  expect(actual.total, what).toBe(expected.central);
  for (const k of ['low', 'high'] as const) {
    const tolerance = 1e-12 * Math.abs(expected[k]);
    expect(Math.abs(actual[k] - expected[k]), `${what}.${k}`).toBeLessThanOrEqual(tolerance);
  }
}

describe('evaluatePlan', () => {
  it.each(workloads.map((w) => [JSON.stringify(w), w] as const))('is the Bounded arithmetic: %s', (_, input) => {
    const w = Workload.parse(input);
    const p = planEstimate(w, tables);
    const r = evaluatePlan(p, w);
    const ref = reference(p, w);
    const c = r.energyKwh.byComponent;
    expect([c.cpu, c.gpu, c.memory, c.storage, c.network]).toEqual([ref.it.cpu, ref.it.gpu, ref.it.memory, ref.it.storage, ref.it.network].map((b) => b.central));
    expect(r.resolved.cpu?.averagePowerW).toBe(ref.it.cpuPowerW?.central);
    expect(r.resolved.gpu?.averagePowerW).toBe(ref.it.gpuPowerW?.central);
    expectBounds(r.energyKwh, ref.facility, 'energyKwh');
    expect(r.emissionsKgCo2e.location).toBe(ref.location.central);
    expect(r.emissionsKgCo2e.embodied).toBe(ref.embodied.central);
    expectBounds(r.emissionsKgCo2e, ref.total, 'emissionsKgCo2e');
  });
});
