// Issue 13 item 4: a catalogue CPU's TDP bounds its draw whatever the thread count (real tables).
// Expected values by hand: EPYC 9654 is 360 W TDP (codecarbon), 96 cores / 192 threads per chip;
// the load curve is 0.12, 0.32, 0.75, 1.02 × TDP at 0, 10, 50, 100 % (Teads), clipped at 1.0 × TDP.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import { EstimateError } from '../../src/core/errors.ts';
import { interpolateCurve } from '../../src/core/power.ts';
import type { WorkloadInput } from '../../src/core/schemas.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';

const run = (w: WorkloadInput) => estimate(Workload.parse(w), tables);
const cpuRun = (cpu: NonNullable<WorkloadInput['cpu']>) =>
  run({ location: 'FR', durationHours: 1, cpu, pue: 1, embodied: false });

describe('CPU draw from a catalogue CPU and its thread count', () => {
  it('knows the EPYC 9654 as 360 W and 192 threads per chip, with the thread count sourced', () => {
    const c = tables.cpus.get('amd-epyc-9654')!;
    expect({
      tdpW: c.tdpW,
      cores: c.cores,
      threads: c.threads,
      threadsSource: c.threadsSource,
    }).toEqual({ tdpW: 360, cores: 96, threads: 192, threadsSource: 'curated-cpus' });
    expect(tables.sources.some((s) => s.id === 'curated-cpus')).toBe(true);
  });

  it("the issue's request: 2 × EPYC 9654 (384 threads) at full load draw 2 × 360 W, not 1,464 W", () => {
    // 384 threads / 192 per chip = 2 sockets; 360 / 192 = 1.875 W per thread; curve at 100 % = 1.02,
    // clipped to 1.0 of TDP -> 1.875 W; × 384 = 720 W = 2 × 360 W; × 1 h = 0.72 kWh
    // (before: 384 × 3.8128 W fleet-average per vCPU = 1,464.1 W)
    const r = cpuRun({ model: 'AMD EPYC 9654', threads: 384, utilization: 1 });
    expect(r.resolved.cpu?.averagePowerW).toBeCloseTo(720, 9);
    expect(r.energyKwh.byComponent.cpu).toBeCloseTo(0.72, 12);
    expect(r.resolved.cpu?.powerModel).toBe('TDP per thread on the SPECpower load curve');
    // low: min(curve 1.875, linear 1.02 × 1.875 = 1.9125) × 0.7 × 384 = 504 W
    // high: max(1.875, 1.9125) × 1.1 × 384 = 807.84 W
    expect(r.energyKwh.low).toBeCloseTo(0.504, 12);
    expect(r.energyKwh.high).toBeCloseTo(0.80784, 12);
    expect(r.assumptions).toContain(
      '384 threads of AMD EPYC 9654 (192 per chip): 2 sockets, each drawing at most its TDP.',
    );
  });

  it('records the TDP, threads per chip and curve with their sources; only the thread count is the user’s', () => {
    const r = cpuRun({ model: 'AMD EPYC 9654', threads: 384, utilization: 1 });
    const f = Object.fromEntries(
      r.factors.filter((x) => x.id.startsWith('cpu')).map((x) => [x.id, [x.value, x.source]]),
    );
    expect(f).toEqual({
      cpu_threads: [384, 'user'],
      cpu_tdp: [360, 'codecarbon'],
      cpu_threads_per_chip: [192, 'curated-cpus'],
      cpu_load_curve: [1.02, 'teads-specpower-curve'],
    });
  });

  it('192 threads are one socket: 360 W at full load', () => {
    // 192 × 1.875 W = 360 W
    const r = cpuRun({ model: 'AMD EPYC 9654', threads: 192, utilization: 1 });
    expect(r.resolved.cpu?.averagePowerW).toBeCloseTo(360, 9);
    expect(r.assumptions).toContain(
      '192 threads of AMD EPYC 9654 (192 per chip): one socket, drawing at most its TDP.',
    );
  });

  it('100 threads are 100/192 of a chip, drawing per thread', () => {
    // 100 × 360 / 192 = 187.5 W at full load; at 50 %: 187.5 × 0.75 = 140.625 W
    expect(
      cpuRun({ model: 'AMD EPYC 9654', threads: 100, utilization: 1 }).resolved.cpu?.averagePowerW,
    ).toBeCloseTo(187.5, 9);
    const half = cpuRun({ model: 'AMD EPYC 9654', threads: 100, utilization: 0.5 });
    expect(half.resolved.cpu?.averagePowerW).toBeCloseTo(140.625, 9);
    expect(half.assumptions).toContain(
      '100 threads of AMD EPYC 9654 (192 per chip): one socket, drawing at most its TDP; the part-used chip draws per thread.',
    );
  });

  it('below the clip the published curve is kept: 384 threads at 50 % draw 0.75 × 720 W', () => {
    // 384 × 1.875 × 0.75 = 540 W
    expect(
      cpuRun({ model: 'AMD EPYC 9654', threads: 384, utilization: 0.5 }).resolved.cpu
        ?.averagePowerW,
    ).toBeCloseTo(540, 9);
  });

  it('a CPU without SMT counts one thread per core (EPYC 9754S: 128 cores, 128 threads)', () => {
    // 256 threads / 128 per chip = 2 sockets × 360 W = 720 W at full load
    const r = cpuRun({ model: 'AMD EPYC 9754S', threads: 256, utilization: 1 });
    expect(r.resolved.cpu?.averagePowerW).toBeCloseTo(720, 9);
  });

  it('an unknown CPU name is still refused, naming the field', () => {
    let err: unknown;
    try {
      cpuRun({ model: 'AMD EPYC 9999X', threads: 8, utilization: 1 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EstimateError);
    expect((err as EstimateError).code).toBe('unknown_cpu');
    expect((err as EstimateError).path).toEqual(['cpu', 'model']);
  });

  it('no CPU model: the fleet-average watts per vCPU, as before', () => {
    // 8 threads × 3.8128 W (CCF average full-load W per vCPU) = 30.5024 W at full load
    const r = cpuRun({ threads: 8, utilization: 1 });
    expect(r.resolved.cpu?.averagePowerW).toBeCloseTo(30.5024, 9);
    expect(r.factors.find((f) => f.id === 'cpu_max_watts_per_vcpu')?.source).toBe(
      'ccf-coefficients',
    );
  });

  it('a catalogue CPU whose threads per chip are unknown keeps the fleet average, and says why', () => {
    // EPYC 9124 (200 W) has no thread count in the tables: 32 × 3.8128 W = 122.0096 W
    expect(tables.cpus.get('amd-epyc-9124')?.threads).toBeNull();
    const r = cpuRun({ model: 'AMD EPYC 9124', threads: 32, utilization: 1 });
    expect(r.resolved.cpu?.averagePowerW).toBeCloseTo(122.0096, 9);
    expect(
      r.assumptions.some((a) =>
        a.startsWith('AMD EPYC 9124: threads per chip not in the catalogue'),
      ),
    ).toBe(true);
  });

  it('an instance type whose CPU is in the catalogue keeps its CCF per-vCPU watts', () => {
    // aws:c5.18xlarge: 72 vCPUs (Xeon Platinum 8124M, 36 threads per chip in the catalogue) × 4.10417 W
    // full-load per vCPU (CCF) = 295.50024 W, not 2 sockets × 240 W TDP
    const r = run({
      location: 'aws:us-east-1',
      durationHours: 1,
      instance: { type: 'aws:c5.18xlarge' },
      cpu: { utilization: 1 },
      pue: 1,
      embodied: false,
    });
    expect(r.resolved.cpu?.averagePowerW).toBeCloseTo(295.50024, 9);
    expect(r.resolved.cpu?.powerModel).toBe('per-vCPU min–max watts (SPECpower) on the load curve');
  });
});

describe('CPU draw property', () => {
  const full = interpolateCurve(tables.datacentre.coefficients.cpuLoadCurve.points, 1);
  const withThreads = [...tables.cpus.values()].filter((c) => c.threads !== null).map((c) => c.id);
  test.prop([
    fc.constantFrom(...withThreads),
    fc.integer({ min: 1, max: 4096 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])(
    'a catalogue CPU never draws more than sockets × TDP (≤ sockets × TDP × curve(1))',
    (id, threads, utilization) => {
      const c = tables.cpus.get(id)!;
      const sockets = Math.ceil(threads / c.threads!);
      const w = cpuRun({ model: id, threads, utilization }).resolved.cpu!.averagePowerW;
      expect(w).toBeLessThanOrEqual(sockets * c.tdpW * (1 + 1e-12));
      expect(w).toBeLessThanOrEqual(sockets * c.tdpW * full);
      // and never more than the threads' own share of the chips' TDP
      expect(w).toBeLessThanOrEqual(((threads * c.tdpW) / c.threads!) * (1 + 1e-12));
    },
  );
});
