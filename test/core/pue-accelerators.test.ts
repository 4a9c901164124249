// PUE of GPU/TPU clusters whose location is a grid zone or country (not a named data centre): the
// public-cloud average (IDC 2024, 1.25), ranging from the best hyperscale fleet (Meta 2023, 1.08) to
// the on-premises enterprise average (IDC 2024, 1.63); CPU-only workloads keep the industry average.
import { describe, expect, it } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import type { WorkloadInput } from '../../src/core/schemas.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';

const run = (w: WorkloadInput) => estimate(Workload.parse(w), tables);
const gpuAt = (location: string, pue?: number) =>
  run({
    location,
    durationHours: 10,
    embodied: false,
    gpu: { model: 'H100 SXM', count: 8, powerW: 500 },
    ...(pue === undefined ? {} : { pue }),
  });

describe('PUE of accelerator clusters at a zone or country', () => {
  it('uses the public-cloud average 1.25 for GPUs at a country, in place of the industry average', () => {
    const r = gpuAt('US');
    expect(r.resolved.pue.value).toBe(1.25);
    // 8 × 500 W × 10 h = 40 kWh of IT energy, × 1.25
    expect(r.energyKwh.total).toBeCloseTo(50, 6);
    expect(r.assumptions.some((a) => /hyperscale/.test(a))).toBe(true);
  });

  it('spans 1.08 (best hyperscale fleet) to 1.63 (on-premises average) in the range', () => {
    const r = gpuAt('US');
    // Two independent factors, combined in log space (DESIGN.md "Range"): measured power ±5 % and PUE 1.08–1.63.
    const low = 50 * Math.exp(-Math.hypot(Math.log(1.25 / 1.08), Math.log(1 / 0.95)));
    const high = 50 * Math.exp(Math.hypot(Math.log(1.63 / 1.25), Math.log(1.05)));
    expect(r.energyKwh.low).toBeCloseTo(low, 6);
    expect(r.energyKwh.high).toBeCloseTo(high, 6);
  });

  it('applies to a grid zone too, and to an instance type with GPUs', () => {
    expect(gpuAt('US-CAL-CISO').resolved.pue.value).toBe(1.25);
    const inst = run({
      location: 'DE',
      durationHours: 1,
      embodied: false,
      instance: { type: 'aws:p5.48xlarge' },
    });
    expect(inst.resolved.pue.value).toBe(1.25);
  });

  it('leaves CPU-only workloads at a country on the industry average', () => {
    const r = run({
      location: 'US',
      durationHours: 10,
      embodied: false,
      cpu: { tdpW: 200, threads: 64, utilization: 0.5 },
    });
    expect(r.resolved.pue.value).toBe(1.56);
  });

  it("leaves a cloud region's own PUE and the user's PUE untouched", () => {
    expect(gpuAt('gcp:us-central1').resolved.pue.value).toBe(1.11);
    expect(gpuAt('US', 1.4).resolved.pue.value).toBe(1.4);
  });
});
