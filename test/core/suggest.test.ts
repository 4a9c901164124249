// suggestOptions on the hand-made fixture (plus two test GPUs and a stub hourly series), so every
// expected saving is worked out by hand in a comment.
import { describe, expect, it } from 'vitest';
import type { SuggestOptions } from '../../src/core/suggest.ts';
import { suggestOptions } from '../helpers/estimator.ts';
import { estimate } from '../helpers/estimator.ts';
import { EstimateError } from '../../src/core/errors.ts';
import { Workload, type WorkloadInput } from '../../src/core/schemas.ts';
import type { Accelerator, Tables } from '../../src/core/tables.ts';
import { fixtureTables } from '../helpers/arithmetic-tables.ts';

const fixture = fixtureTables();
const gpu = (id: string, bf16: number, maxPowerW: number, idlePowerW: number): Accelerator => ({
  id,
  name: id,
  vendor: 'Test',
  formFactor: null,
  aliases: [],
  memoryGb: 80,
  maxPowerW,
  maxPowerEstimate: null,
  idlePowerW,
  peakDenseTflops: { bf16, fp16: null, tf32: null, fp32: null, fp8: null, fp4: null },
  memoryBandwidthTbs: null,
  embodiedKgCo2e: null,
  launchYear: null,
  source: 'test',
});
// Zone XX, 2024 (leap): 100 g every hour except 400 g from 12:00 to 15:59 UTC; its mean
// (20 × 100 + 4 × 400) / 24 = 150 g. Runs in 2026 (no figure) take XX's 2024 annual 400 g as the level:
// every hourly value counts × 400 / 150 = 8/3.
const series = Array.from({ length: 8784 }, (_, i) => (i % 24 >= 12 && i % 24 < 16 ? 400 : 100));
const tables: Tables = {
  ...fixture,
  accelerators: new Map([
    ...fixture.accelerators,
    ['test-gpu-fast', gpu('test-gpu-fast', 2000, 1000, 100)],
    ['test-gpu-slow', gpu('test-gpu-slow', 500, 300, 30)],
    ['test-gpu-hot', gpu('test-gpu-hot', 1000, 1400, 140)],
  ]),
  hourly: {
    forZone: (zone) =>
      zone === 'XX'
        ? {
            years: [2024],
            latestYear: 2024,
            series: () => series,
            meta: () => ({ estimated: false, source: 'test', meanG: 150 }),
          }
        : null,
  },
};
const defaults: SuggestOptions = { rankBy: 'location', top: 5 };
const suggest = (w: WorkloadInput, options: Partial<SuggestOptions> = {}) =>
  suggestOptions(Workload.parse(w), tables, { ...defaults, ...options });

const measured = {
  gpu: { model: 'tg700', count: 1, powerW: 1000, maxPowerW: 1000 },
  embodied: false,
};

describe('suggestOptions: region', () => {
  it('keeps the provider of the workload region by default, and says when nothing is cleaner', () => {
    const r = suggest({ location: 'aws:test-1', durationHours: 10, ...measured });
    expect(r.region).toEqual([]);
    expect(r.notes).toContain(
      'region: no candidate region has lower emissions than the workload as given.',
    );
  });

  it('computes the saving of a cleaner region by hand', () => {
    // 1,000 W × 10 h = 10 kWh IT. aws:test-1: × PUE 1.1 × 400 g = 4.4 kg; azure:plain: × 1.2 (azure fleet) × 100 g = 1.2 kg
    const r = suggest(
      { location: 'aws:test-1', durationHours: 10, ...measured },
      { regions: { provider: ['aws', 'azure'] } },
    );
    expect(r.asGiven.kgCo2e).toBeCloseTo(4.4, 10);
    expect(r.region).toHaveLength(1);
    const [o] = r.region;
    expect(o).toMatchObject({ kind: 'region', change: { location: 'azure:plain' } });
    expect(o!.kgCo2eSaved).toBeCloseTo(3.2, 10);
    expect(o!.pctSaved).toBeCloseTo((3.2 / 4.4) * 100, 10);
    expect(o!.assumption).toMatch(/XX-SUB at 100 vs 400 gCO2e\/kWh/);
  });

  it('ranks by market-based emissions on request, showing both', () => {
    // Market: aws:test-1 4.4 × (1 − CFE 0.6) = 1.76 kg; azure:plain has no CFE: 1.2 kg -> saves 0.56 kg
    const r = suggest(
      { location: 'aws:test-1', durationHours: 10, ...measured },
      { regions: { provider: ['aws', 'azure'] }, rankBy: 'market' },
    );
    expect(r.asGiven.kgCo2e).toBeCloseTo(1.76, 10);
    expect(r.region[0]!.kgCo2eSaved).toBeCloseTo(0.56, 10);
    expect(r.region[0]!.emissionsKgCo2e.location).toBeCloseTo(1.2, 10);
  });
});

describe('suggestOptions: time', () => {
  const job = {
    location: 'XX',
    durationHours: 4,
    ...measured,
    pue: 1,
    start: '2026-03-10T10:00:00Z',
  };

  it('moves the start out of the dirty hours within the delay', () => {
    // From 10:00Z the 4 h run covers 10, 11 (100 g) and 12, 13 (400 g): mean 250 g × 8/3 = 666.7 g -> 4 kWh = 2.667 kg.
    // The first start whose 4 h avoid 12:00–15:59 is 16:00Z (6 h later): 100 × 8/3 = 266.7 g -> 1.067 kg, saving 1.6 kg.
    const r = suggest(job, { flexibility: { delayHours: 8 } });
    expect(r.asGiven.kgCo2e).toBeCloseTo(8 / 3, 10);
    expect(r.time).toHaveLength(1);
    expect(r.time[0]!.change).toEqual({ start: '2026-03-10T16:00:00.000Z' });
    expect(r.time[0]!.kgCo2eSaved).toBeCloseTo(1.6, 10);
    expect(r.time[0]!.assumption).toMatch(
      /267 vs 667 gCO2e\/kWh, on the same calendar hours of 2024 .* scaled to the 2024 annual average \(400 gCO2e\/kWh\)/,
    );
  });

  it('derives the delay from a deadline', () => {
    // Deadline 19:00Z leaves 9 − 4 = 5 h of delay. Best start 15:00Z: hours 15 (400), 16–18 (100) -> 175 g
    // -> 4 × 175 × 8/3 / 1000 = 1.867 kg, saving 4 × (250 − 175) × 8/3 / 1000 = 0.8 kg.
    const r = suggest(job, { flexibility: { deadline: '2026-03-10T19:00:00Z' } });
    expect(r.time[0]!.change.start).toBe('2026-03-10T15:00:00.000Z');
    expect(r.time[0]!.kgCo2eSaved).toBeCloseTo(0.8, 10);
  });

  it("keeps the run year's level when the later start falls in the next year", () => {
    // A series whose last day (Dec 31) is 400 g all day: mean (365 × 3,600 + 24 × 400) / 8,784 = 1,323,600 / 8,784 g.
    const newYear = series.map((v, i) => (i >= 8784 - 24 ? 400 : v));
    const mean = 1_323_600 / 8784;
    const t: Tables = {
      ...tables,
      hourly: {
        forZone: (zone) =>
          zone === 'XX'
            ? {
                years: [2024],
                latestYear: 2024,
                series: () => newYear,
                meta: () => ({ estimated: false, source: 'test', meanG: mean }),
              }
            : null,
      },
    };
    // From 2023-12-31T10:00Z (level: XX 2023 = 500 g) the cleanest start within 24 h is 2024-01-01T00:00Z (100 g);
    // the run keeps 2023's level: saving 4 kWh × (400 − 100) × 500 / mean / 1000 = 600 / mean kg.
    const r = suggestOptions(Workload.parse({ ...job, start: '2023-12-31T10:00:00Z' }), t, {
      ...defaults,
      flexibility: { delayHours: 24 },
    });
    expect(r.time[0]!.change).toEqual({ start: '2024-01-01T00:00:00.000Z', year: 2023 });
    expect(r.time[0]!.kgCo2eSaved).toBeCloseTo(600 / mean, 10);
    expect(r.time[0]!.assumption).toMatch(/scaled to the 2023 annual average \(500 gCO2e\/kWh\)/);
  });

  it('omits the time option with a reason when it cannot search', () => {
    const { start: _, ...noStart } = job;
    expect(suggest(noStart, { flexibility: { delayHours: 8 } }).notes.join(' ')).toMatch(
      /time: give workload.start/,
    );
    expect(suggest(job).notes.join(' ')).toMatch(/time: give flexibility/);
    expect(
      suggest({ ...job, location: 'XX-SUB' }, { flexibility: { delayHours: 8 } }).notes,
    ).toContain('time: no hourly data for XX-SUB; annual average only.');
    expect(suggest(job, { flexibility: { delayHours: 1 } }).notes.join(' ')).toMatch(
      /already the cleanest start/,
    );
    expect(
      suggest(job, { flexibility: { deadline: '2026-03-10T12:00:00Z' } }).notes.join(' '),
    ).toMatch(/deadline leaves no room/);
  });

  it('refuses a deadline without start, naming workload.start', () => {
    const { start: _, ...noStart } = job;
    expect(() => suggest(noStart, { flexibility: { deadline: '2026-03-10T19:00:00Z' } })).toThrow(
      EstimateError,
    );
    try {
      suggest(noStart, { flexibility: { deadline: '2026-03-10T19:00:00Z' } });
    } catch (e) {
      expect(e).toMatchObject({ code: 'inconsistent_input', path: ['workload', 'start'] });
    }
  });
});

describe('suggestOptions: hardware', () => {
  // tg700 at utilisation 1: 70 + 630 × 1 = 700 W × 10 h = 7 kWh IT × PUE 1.5 (industry, zone) × 100 g = 1.05 kg.
  const job = {
    location: 'XX-SUB',
    durationHours: 10,
    gpu: { model: 'tg700', count: 1, utilization: 1 },
    embodied: false,
  };

  it('scales time by peak bf16 and power by the alternative, keeping only savers, best first', () => {
    // fast: 10 h × 1000 / 2000 = 5 h × 1,000 W = 5 kWh -> 0.75 kg (saves 0.3)
    // slow: 10 h × 1000 / 500 = 20 h × 300 W = 6 kWh -> 0.9 kg (saves 0.15)
    // hot: 10 h × 1,400 W = 14 kWh -> 2.1 kg: more, so not suggested
    const r = suggest(job);
    expect(r.asGiven.kgCo2e).toBeCloseTo(1.05, 10);
    expect(r.hardware.map((o) => o.change.gpu)).toEqual(['test-gpu-fast', 'test-gpu-slow']);
    expect(r.hardware[0]!.change.durationHours).toBeCloseTo(5, 10);
    expect(r.hardware[0]!.kgCo2eSaved).toBeCloseTo(0.3, 10);
    expect(r.hardware[1]!.kgCo2eSaved).toBeCloseTo(0.15, 10);
    expect(r.hardware[0]!.assumption).toMatch(
      /compute-bound: time scales with peak dense bf16 FLOP\/s, ratio 2 /,
    );
  });

  it('says why there is no hardware option for a CPU-only workload', () => {
    const r = suggest({ location: 'XX', durationHours: 1, cpu: { threads: 8 } });
    expect(r.hardware).toEqual([]);
    expect(r.notes).toContain('hardware: the workload has no GPU; no accelerator alternatives.');
  });
});

describe('suggestOptions: best combined', () => {
  it('estimates best hardware × best region × best start together, and prices the rest', () => {
    const w = {
      location: 'aws:test-1',
      durationHours: 10,
      gpu: { model: 'tg700', count: 1, utilization: 1 },
      embodied: false,
      start: '2026-03-10T10:00:00Z',
    };
    const r = suggest(w, {
      regions: { provider: ['aws', 'azure'] },
      flexibility: { delayHours: 12 },
      offsetPricePerTonne: 50,
    });
    // Hardware is ranked where the job is, on the hourly series from 10:00Z (400 g from 12:00 to 15:59) × 8/3:
    //   as given: 700 W × 10 h = 7 kWh; hours 10–19: 4 × 400 + 6 × 100 -> 220 g; × 1.1 × 220 × 8/3 = 4.517 kg
    //   slow: 20 h × 300 W = 6 kWh; hours 10–29: 4 × 400 + 16 × 100 -> 160 g; × 1.1 × 8/3 = 2.816 kg (best)
    //   fast: 5 h × 1,000 W = 5 kWh; hours 10–14: 2 × 100 + 3 × 400 -> 280 g; × 1.1 × 8/3 = 4.107 kg
    expect(r.hardware.map((o) => o.change.gpu)).toEqual(['test-gpu-slow', 'test-gpu-fast']);
    expect(r.hardware[0]!.emissionsKgCo2e.total).toBeCloseTo(2.816, 10);
    // Then the best region for it: azure:plain, 6 kWh × 1.2 × 100 g = 0.72 kg (no hourly data there: start kept).
    expect(r.best.change).toEqual({
      gpu: 'test-gpu-slow',
      durationHours: 20,
      location: 'azure:plain',
    });
    const combined = estimate(
      Workload.parse({
        ...w,
        location: 'azure:plain',
        durationHours: 20,
        gpu: { model: 'test-gpu-slow', count: 1, utilization: 1 },
      }),
      tables,
    );
    expect(r.best.leftKgCo2e).toBeCloseTo(combined.emissionsKgCo2e.total, 12);
    expect(r.best.leftKgCo2e).toBeCloseTo(0.72, 10);
    // Offsetting the rest at 50 per tonne: 0.72 / 1000 × 50 = 0.036
    expect(r.best.offsetCost).toBeCloseTo(0.036, 12);
    expect(r.best.kgCo2eSaved).toBeCloseTo((1.694 * 8) / 3 - 0.72, 10);
  });

  it('moves the start where the zone has hourly data', () => {
    const job = {
      location: 'XX',
      durationHours: 4,
      cpu: { powerW: 1000 },
      pue: 1,
      embodied: false,
      start: '2026-03-10T10:00:00Z',
    };
    // aws:test-1 is in the same zone (XX), so no region saves; the start moves as in the time option.
    const r = suggest(job, { flexibility: { delayHours: 8 }, regions: { provider: ['aws'] } });
    expect(r.region).toEqual([]);
    expect(r.best.change).toEqual({ start: '2026-03-10T16:00:00.000Z' });
    expect(r.best.offsetCost).toBeNull();
    // 4 kWh × 100 g × 8/3 = 1.067 kg
    expect(r.best.leftKgCo2e).toBeCloseTo(1.6 / 1.5, 10);
  });
});
