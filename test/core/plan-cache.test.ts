// Shared plans must never change an answer: an estimate through the cache equals one planned
// afresh, whatever was estimated before, and the key covers every field of the workload.
import { describe, expect, it } from 'vitest';
import { EstimateError } from '../../src/core/errors.ts';
import { createEstimator } from '../../src/core/estimator.ts';
import { KEYED_FIELDS, MAX_PLANS, PER_RUN_FIELDS } from '../../src/core/plan-cache.ts';
import type { WorkloadInput } from '../../src/core/schemas.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';
import type { Tables } from '../../src/core/tables.ts';

const parse = (w: WorkloadInput) => Workload.parse(w);
/** The estimate with a plan of its own: a new estimator's cache is empty. */
const fresh = (w: Workload) => createEstimator(tables).estimate(w);
// One estimator for the whole file, so its cache sees every variant in turn.
const shared = createEstimator(tables);
const estimate = (w: Workload, _tables: Tables) => shared.estimate(w);

// Workloads differing in one field at a time from a base, so a key that missed a field would hand
// one of them another's plan.
const base: WorkloadInput = {
  location: 'aws:eu-west-1',
  durationHours: 10,
  instance: { type: 'aws:m5.xlarge' },
  cpu: { utilization: 0.4 },
};
const variants: WorkloadInput[] = [
  base,
  { ...base, durationHours: 20 },
  { ...base, cpu: { utilization: 0.9 } },
  { ...base, cpu: {} },
  { ...base, cpu: { utilization: 0.4, threads: 2 } },
  { ...base, cpu: { utilization: 0.4, powerW: 30 } },
  { ...base, cpu: { utilization: 0.4, tdpW: 150 } },
  { ...base, cpu: { model: 'AMD EPYC 9654', threads: 8, utilization: 0.4 } },
  { ...base, location: 'aws:us-east-1' },
  { ...base, location: 'FR' },
  { ...base, instance: { type: 'aws:m5.xlarge', count: 3 } },
  { ...base, instance: { type: 'aws:c5.xlarge' } },
  { ...base, memoryGb: 64 },
  { ...base, storage: { ssdTb: 1 } },
  { ...base, storage: { ssdTb: 1, replication: 3 } },
  { ...base, storage: { hddTb: 1 } },
  { ...base, networkGb: 100 },
  { ...base, pue: 1.3 },
  { ...base, gridIntensity: 50 },
  { ...base, year: 2022 },
  { ...base, renewableShare: 0.5 },
  { ...base, functionalUnit: { name: 'request', count: 1000 } },
  { ...base, functionalUnit: { name: 'image', count: 1000 } },
  { ...base, embodied: false },
  { ...base, start: '2024-06-01T00:00:00Z', location: 'US-CAL-CISO' },
  { location: 'FR', durationHours: 5, gpu: { model: 'H100 SXM', count: 8 } },
  { location: 'FR', durationHours: 5, gpu: { model: 'H100 SXM', count: 8, utilization: 0.5 } },
  { location: 'FR', durationHours: 7, gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 } },
  { location: 'FR', durationHours: 5, gpu: { model: 'H100 SXM', count: 4 } },
  { location: 'FR', durationHours: 5, gpu: { model: 'H100 SXM', count: 8, maxPowerW: 600 } },
  { location: 'FR', durationHours: 5, gpu: { model: 'H100 SXM', count: 8, powerW: 400 } },
  { location: 'FR', durationHours: 5, gpu: { model: 'A100 SXM4 80 GB', count: 8 } },
  {
    location: 'FR',
    gpu: { model: 'A100 SXM4 80 GB', count: 64 },
    ai: { task: 'training', parameters: 7e9, tokens: 2e11 },
  },
  {
    location: 'FR',
    gpu: { model: 'A100 SXM4 80 GB', count: 64 },
    ai: { task: 'training', parameters: 7e9, tokens: 4e11 },
  },
];

describe('plan cache', () => {
  it('answers every variant as a fresh plan would, in any order and repeated', () => {
    const workloads = variants.map(parse);
    const expected = workloads.map((w) => JSON.stringify(fresh(w)));
    for (const order of [
      workloads.map((_, i) => i),
      workloads.map((_, i) => workloads.length - 1 - i),
    ]) {
      for (const i of order)
        expect(JSON.stringify(estimate(workloads[i]!, tables)), JSON.stringify(variants[i])).toBe(
          expected[i],
        );
    }
  });

  it('answers a workload whose fields come in another order as a fresh plan would', () => {
    const reversed = (o: object): object =>
      Object.fromEntries(
        Object.entries(o)
          .reverse()
          .map(([k, v]) => [k, v !== null && typeof v === 'object' ? reversed(v) : v]),
      );
    const workloads = variants.map(parse);
    for (const [i, w] of workloads.entries()) {
      const expected = JSON.stringify(fresh(w));
      expect(JSON.stringify(estimate(w, tables)), JSON.stringify(variants[i])).toBe(expected);
      expect(
        JSON.stringify(estimate(reversed(w) as Workload, tables)),
        JSON.stringify(variants[i]),
      ).toBe(expected);
    }
  });

  it('plans a workload with a field the key does not know on its own', () => {
    const w = { ...parse(base), note: 'not in the schema' } as Workload;
    expect(estimate(w, tables)).toEqual(fresh(w));
  });

  it('gives each run its own hours and utilisation, and the same factors', () => {
    const a = estimate(parse({ ...base, durationHours: 3, cpu: { utilization: 0.2 } }), tables);
    const b = estimate(parse({ ...base, durationHours: 30, cpu: { utilization: 0.7 } }), tables);
    expect([a.durationHours, a.resolved.cpu?.utilization]).toEqual([3, 0.2]);
    expect([b.durationHours, b.resolved.cpu?.utilization]).toEqual([30, 0.7]);
    // The run's own inputs are not factors: the list is the plan's, shared.
    expect(b.factors).toBe(a.factors);
    expect(a.factors.map((f) => f.id)).not.toContain('duration');
    // 10× the hours at a higher load: more than 10× the CPU energy.
    expect(b.energyKwh.byComponent.cpu / a.energyKwh.byComponent.cpu).toBeGreaterThan(10);
  });

  it('shares the lists of one shape between its results, frozen: a change throws instead of leaking into later results', () => {
    const first = estimate(parse(base), tables);
    const second = estimate(parse({ ...base, durationHours: 99 }), tables);
    expect(second.sources).toBe(first.sources);
    expect(second.assumptions).toBe(first.assumptions);
    expect(() => (first.assumptions as string[]).push('changed')).toThrow(TypeError);
    expect(() => ((first.factors as unknown[]).length = 0)).toThrow(TypeError);
    expect(() => (first.sources as unknown[]).pop()).toThrow(TypeError);
    expect(() => Object.assign(first.factors[1]!, { value: 0 })).toThrow(TypeError);
    expect(() => Object.assign(first.resolved.location, { name: 'elsewhere' })).toThrow(TypeError);
    expect(estimate(parse(base), tables)).toEqual(fresh(parse(base)));
  });

  it('keys every field of the workload (a new field must be added to the key or planned per run)', () => {
    const covered = new Set<string>([...KEYED_FIELDS, ...PER_RUN_FIELDS]);
    expect(Object.keys(Workload.shape).sort()).toEqual([...covered].sort());
  });

  it('plans a workload whose text holds the key separator on its own (no forged key)', () => {
    const sep = '\u0001';
    const w = parse({
      location: 'FR',
      durationHours: 5,
      gpu: { model: `H100 SXM${sep}8`, count: 8 },
    });
    expect(() => estimate(w, tables)).toThrow(/H100 SXM/);
    // No instance is keyed as the type SEP: an instance of that type must not get its plan.
    estimate(parse({ location: 'FR', durationHours: 5, cpu: { threads: 4 } }), tables);
    expect(() =>
      estimate(
        parse({ location: 'FR', durationHours: 5, cpu: { threads: 4 }, instance: { type: sep } }),
        tables,
      ),
    ).toThrow(EstimateError);
  });

  it('keys any text, including names an object inherits', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      // An unknown place or type: refused as a fresh plan refuses it (not a TypeError from the cache).
      for (const w of [
        parse({ location: name, durationHours: 1, cpu: { threads: 4 } }),
        parse({ location: 'FR', durationHours: 1, instance: { type: name } }),
      ]) {
        expect(() => estimate(w, tables)).toThrow(EstimateError);
      }
      const known = parse({
        ...base,
        instance: { type: 'aws:m5.xlarge' },
        functionalUnit: { name, count: 2 },
      });
      expect(estimate(known, tables)).toEqual(fresh(known));
    }
  });

  it('stays right past its bound', () => {
    const w = (hours: number, count: number) =>
      parse({ ...base, durationHours: hours, instance: { type: 'aws:m5.xlarge', count } });
    for (let count = 1; count <= MAX_PLANS + 10; count++) estimate(w(1, count), tables);
    for (const count of [1, 7, MAX_PLANS + 5])
      expect(estimate(w(2, count), tables)).toEqual(fresh(w(2, count)));
  });
});

describe('estimators', () => {
  it('keep their caches apart: a plan made over one table set never answers for another', () => {
    const w = parse({ location: 'FR', durationHours: 5, cpu: { threads: 4 } });
    const lowCarbon = {
      ...tables,
      zones: new Map(
        [...tables.zones].map(([id, z]) => [
          id,
          id === 'FR'
            ? { ...z, primary: z.primary.map((p) => ({ ...p, intensityGCo2ePerKwh: 1 })) }
            : z,
        ]),
      ),
    };
    const a = createEstimator(tables);
    const b = createEstimator(lowCarbon);
    const before = a.estimate(w);
    expect(b.estimate(w).resolved.location.intensityGCo2ePerKwh).toBe(1);
    expect(a.estimate(w)).toEqual(before);
    expect(before.resolved.location.intensityGCo2ePerKwh).not.toBe(1);
  });
});
