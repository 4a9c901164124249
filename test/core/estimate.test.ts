// Expected values are worked out by hand from the fixture; each comment shows the arithmetic.
import { refusalOf } from '../helpers/refusal.ts';
import { describe, expect, it } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import { EstimateError } from '../../src/core/errors.ts';
import type { WorkloadInput } from '../../src/core/schemas.ts';
import { Workload } from '../../src/core/schemas.ts';
import { fixtureTables } from '../helpers/arithmetic-tables.ts';

const tables = fixtureTables();
const run = (w: WorkloadInput) => estimate(Workload.parse(w), tables);
const refusal = (w: WorkloadInput): EstimateError => refusalOf(() => run(w));

describe('estimate: energy', () => {
  it('uses a measured GPU draw as is', () => {
    // 1 GPU × 500 W × 10 h = 5 kWh; PUE 1 -> 5 kWh; × 100 g/kWh = 0.5 kg
    const r = run({
      location: 'XX',
      durationHours: 10,
      gpu: { model: 'tg700', count: 1, powerW: 500 },
      pue: 1,
      gridIntensity: 100,
      embodied: false,
    });
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo(5, 10);
    expect(r.energyKwh.total).toBeCloseTo(5, 10);
    expect(r.emissionsKgCo2e.location).toBeCloseTo(0.5, 10);
    expect(r.emissionsKgCo2e.total).toBeCloseTo(0.5, 10);
    // ±5 % metering on the power, intensity and PUE exact
    expect(r.energyKwh.low).toBeCloseTo(4.75, 10);
    expect(r.energyKwh.high).toBeCloseTo(5.25, 10);
  });

  it('interpolates GPU power from idle to max by utilisation, with the region PUE and grid', () => {
    // 70 + (700 − 70) × 0.5 = 385 W; × 8 GPUs × 36 h = 110.88 kWh IT
    // × PUE 1.1 (aws:test-1) = 121.968 kWh; overhead 11.088 kWh
    // × 400 g/kWh (XX 2024) = 48.7872 kg location; CFE 0.6 -> market 19.51488 kg
    const r = run({
      location: 'aws:test-1',
      durationHours: 36,
      gpu: { model: 'Test GPU 700', count: 8, utilization: 0.5 },
      year: 2024,
      embodied: false,
    });
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo(110.88, 9);
    expect(r.energyKwh.byComponent.overhead).toBeCloseTo(11.088, 9);
    expect(r.energyKwh.total).toBeCloseTo(121.968, 9);
    expect(r.emissionsKgCo2e.location).toBeCloseTo(48.7872, 9);
    expect(r.emissionsKgCo2e.market).toBeCloseTo(19.51488, 9);
    expect(r.resolved.location).toMatchObject({
      regionId: 'aws:test-1',
      zone: 'XX',
      intensityGCo2ePerKwh: 400,
      year: 2024,
    });
    // per-component emissions add up to the location-based figure
    const sum = Object.values(r.emissionsKgCo2e.byComponent).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(48.7872, 9);
  });

  it('puts CPU threads on the load curve', () => {
    // 360 W / 192 threads = 1.875 W per thread at TDP; 50 % load -> 0.75 × TDP (curve)
    // 96 threads × 1.875 × 0.75 = 135 W; × 10 h = 1.35 kWh
    const r = run({
      location: 'XX',
      durationHours: 10,
      cpu: { model: 'Test CPU 360', threads: 96, utilization: 0.5 },
      pue: 1,
      embodied: false,
    });
    expect(r.energyKwh.byComponent.cpu).toBeCloseTo(1.35, 10);
    expect(r.resolved.cpu?.averagePowerW).toBeCloseTo(135, 10);
    // linear model bounds below: 0.12 + 0.9 × 0.5 = 0.57 × TDP -> 102.6 W; × 0.7 = 71.82 W
    expect(r.energyKwh.low).toBeCloseTo(0.7182, 10);
  });

  it('shows the utilisation each draw was worked out at: given, the default, or none', () => {
    const given = run({
      location: 'XX',
      durationHours: 10,
      gpu: { model: 'Test GPU 700', count: 2, utilization: 0.3 },
      cpu: { model: 'Test CPU 360', threads: 8, utilization: 0.7 },
      pue: 1,
    });
    expect([given.resolved.gpu?.utilization, given.resolved.cpu?.utilization]).toEqual([0.3, 0.7]);
    // The fixture's default CPU utilisation is 0.5; a GPU without one draws its typical share of rated power.
    const defaulted = run({
      location: 'XX',
      durationHours: 10,
      gpu: { model: 'Test GPU 700', count: 2 },
      cpu: { model: 'Test CPU 360', threads: 8 },
      pue: 1,
    });
    expect([defaulted.resolved.gpu?.utilization, defaulted.resolved.cpu?.utilization]).toEqual([
      null,
      0.5,
    ]);
    const measured = run({
      location: 'XX',
      durationHours: 10,
      gpu: { model: 'Test GPU 700', count: 2, powerW: 400 },
      cpu: { threads: 8, powerW: 90 },
      pue: 1,
    });
    expect([measured.resolved.gpu?.utilization, measured.resolved.cpu?.utilization]).toEqual([
      null,
      null,
    ]);
    // Hours and utilisations are the run's activity, not factors.
    expect(given.factors.map((f) => f.id)).not.toEqual(expect.arrayContaining(['duration']));
    expect(given.factors.filter((f) => f.id.endsWith('_utilization'))).toEqual([]);
  });

  it('counts memory, storage with replication and network', () => {
    // memory 100 GB × 0.4 W × 10 h = 0.4 kWh
    // SSD 2 TB × 3 copies × 1.2 Wh/TBh × 10 h = 72 Wh = 0.072 kWh; HDD 4 × 3 × 0.65 × 10 = 0.078 kWh
    // network 50 GB × 0.001 = 0.05 kWh
    const r = run({
      location: 'XX',
      durationHours: 10,
      memoryGb: 100,
      storage: { ssdTb: 2, hddTb: 4, replication: 3 },
      networkGb: 50,
      pue: 1,
      embodied: false,
    });
    expect(r.energyKwh.byComponent.memory).toBeCloseTo(0.4, 10);
    expect(r.energyKwh.byComponent.storage).toBeCloseTo(0.15, 10);
    expect(r.energyKwh.byComponent.network).toBeCloseTo(0.05, 10);
    expect(r.energyKwh.total).toBeCloseTo(0.6, 10);
  });

  it('takes GPUs, vCPUs and memory from an instance type', () => {
    // 2 GPUs × 0.8 × 700 W (default share of rated power) × 1 h = 1.12 kWh
    // 4 vCPU on 1–4 W/vCPU at default 50 %: 1 + 3 × 0.7 = 3.1 W × 4 = 12.4 W -> 0.0124 kWh
    // 16 GB × 0.4 W = 6.4 W -> 0.0064 kWh
    const r = run({
      location: 'XX',
      durationHours: 1,
      instance: { type: 'aws:t.large' },
      pue: 1,
      embodied: false,
    });
    expect(r.energyKwh.byComponent.gpu).toBeCloseTo(1.12, 10);
    expect(r.energyKwh.byComponent.cpu).toBeCloseTo(0.0124, 10);
    expect(r.energyKwh.byComponent.memory).toBeCloseTo(0.0064, 10);
  });
});

describe('estimate: carbon, embodied, SCI, water', () => {
  it('falls back to the provider PUE, and the zone average when no year is given', () => {
    // azure:plain has no PUE; azure fleet 1.2 (2023). Zone XX-SUB 100 g/kWh.
    // 1 GPU 500 W × 2 h = 1 kWh × 1.2 = 1.2 kWh × 100 g = 0.12 kg
    const r = run({
      location: 'azure:plain',
      durationHours: 2,
      gpu: { model: 'tg700', count: 1, powerW: 500 },
      embodied: false,
    });
    expect(r.resolved.pue.value).toBe(1.2);
    expect(r.emissionsKgCo2e.location).toBeCloseTo(0.12, 10);
    expect(r.emissionsKgCo2e.market).toBeCloseTo(0.12, 10);
    expect(r.waterL).toBeCloseTo(0.3, 10); // 1 kWh IT × 0.3 L/kWh
  });

  it('uses the industry PUE for a country and widens intensity by source disagreement', () => {
    // XX 2024: EM 400, alternate 440. 1 kWh IT × 1.5 = 1.5 kWh × 400 = 0.6 kg central
    const r = run({
      location: 'xx',
      durationHours: 1,
      gpu: { model: 'tg700', count: 1, powerW: 1000, maxPowerW: 1000 },
      year: 2024,
      embodied: false,
    });
    expect(r.emissionsKgCo2e.location).toBeCloseTo(0.6, 10);
    // high: intensity factor exp(hypot(ln(440/400), ln 1.1)) combined with PUE (2.0/1.5) and power (1.05)
    const high =
      0.6 *
      Math.exp(
        Math.hypot(
          Math.hypot(Math.log(1.05), Math.log(2 / 1.5)),
          Math.hypot(Math.log(1.1), Math.log(1.1)),
        ),
      );
    expect(r.emissionsKgCo2e.high).toBeCloseTo(high, 10);
    expect(r.waterL).toBeNull();
    expect(r.resolved.water.reason).toMatch(/grid zone/);
  });

  it('shares GPU embodied emissions over the lifetime', () => {
    // 8 × 164 kg × 36 h / (4 × 8760 h) = 1.347945... kg
    const r = run({
      location: 'XX',
      durationHours: 36,
      gpu: { model: 'tg700', count: 8, powerW: 0 },
      pue: 1,
      gridIntensity: 0,
    });
    expect(r.emissionsKgCo2e.embodied).toBeCloseTo((8 * 164 * 36) / (4 * 8760), 10);
    expect(r.emissionsKgCo2e.total).toBeCloseTo(r.emissionsKgCo2e.embodied, 12);
  });

  it('divides by the functional unit for SCI', () => {
    // 1 kWh × 1 PUE × 200 g = 200 g over 1000 requests = 0.2 g and 1 Wh each
    const r = run({
      location: 'XX',
      durationHours: 1,
      gpu: { model: 'tg700', count: 1, powerW: 1000, maxPowerW: 1000 },
      pue: 1,
      gridIntensity: 200,
      embodied: false,
      functionalUnit: { name: 'request', count: 1000 },
    });
    expect(r.sci).toEqual({
      functionalUnit: 'request',
      units: 1000,
      gCo2ePerUnit: expect.closeTo(0.2, 10),
      whPerUnit: expect.closeTo(1, 10),
    });
  });

  it('uses the contracted renewable share for market-based emissions', () => {
    const r = run({
      location: 'aws:test-1',
      durationHours: 1,
      gpu: { model: 'tg700', count: 1, powerW: 1000, maxPowerW: 1000 },
      renewableShare: 0.25,
      embodied: false,
    });
    expect(r.emissionsKgCo2e.market).toBeCloseTo(r.emissionsKgCo2e.location * 0.75, 12);
  });

  it('names a source and year (or the user) for every factor', () => {
    const r = run({
      location: 'aws:test-1',
      durationHours: 5,
      instance: { type: 'aws:t.large', count: 2 },
      storage: { ssdTb: 1 },
    });
    for (const f of r.factors) {
      expect(f.source).toMatch(/^(test|user)$/);
      if (f.source !== 'user') expect(f.year).not.toBeNull();
    }
    expect(r.sources.map((s) => s.id)).toEqual(['test']);
    expect(r.assumptions.length).toBeGreaterThan(0);
  });
});

describe('estimate: refusals', () => {
  it('names the closest regions for an unknown one', () => {
    const e = refusal({
      location: 'aws:test-2',
      durationHours: 1,
      gpu: { model: 'tg700', count: 1 },
    });
    expect(e.code).toBe('unknown_location');
    expect(e.path).toEqual(['location']);
    expect(e.candidates).toContain('aws:test-1');
  });

  it('refuses an unknown GPU, a GPU without power, empty work and a zone-less region', () => {
    expect(
      refusal({ location: 'XX', durationHours: 1, gpu: { model: 'tg701', count: 1 } }),
    ).toMatchObject({ code: 'unknown_gpu', path: ['gpu', 'model'] });
    expect(
      refusal({ location: 'XX', durationHours: 1, gpu: { model: 'tgnp', count: 1 } }),
    ).toMatchObject({ code: 'missing_power', path: ['gpu', 'maxPowerW'] });
    expect(refusal({ location: 'XX', durationHours: 1 })).toMatchObject({ code: 'empty_workload' });
    expect(refusal({ location: 'XX', gpu: { model: 'tg700', count: 1 } })).toMatchObject({
      code: 'missing_duration',
      path: ['durationHours'],
    });
    expect(
      refusal({ location: 'gcp:nozone-1', durationHours: 1, gpu: { model: 'tg700', count: 1 } }),
    ).toMatchObject({ code: 'no_grid_data', path: ['location'] });
  });

  it('answers a region without a grid zone when the intensity is given', () => {
    const r = run({
      location: 'gcp:nozone-1',
      durationHours: 1,
      gpu: { model: 'tg700', count: 1, powerW: 1000, maxPowerW: 1000 },
      gridIntensity: 300,
      pue: 1,
      embodied: false,
    });
    expect(r.emissionsKgCo2e.location).toBeCloseTo(0.3, 12);
  });

  it('uses the earliest year for a past year and says so', () => {
    const r = run({
      location: 'XX',
      durationHours: 1,
      gpu: { model: 'tg700', count: 1, powerW: 1000, maxPowerW: 1000 },
      year: 2019,
    });
    expect(r.resolved.location.year).toBe(2023);
    expect(r.assumptions.join(' ')).toMatch(/2019.*2023/);
  });

  it('uses the latest year for a future year and says so', () => {
    const r = run({
      location: 'XX',
      durationHours: 1,
      gpu: { model: 'tg700', count: 1, powerW: 1000, maxPowerW: 1000 },
      year: 2030,
    });
    expect(r.resolved.location.year).toBe(2024);
    expect(r.assumptions.join(' ')).toMatch(/2030.*2024/);
  });
});

describe('estimate: a country of several grid zones', () => {
  // Testland (XX, 400 g in 2024, an alternate source 440 g) gets a second zone of its own: its
  // zones' 2024 figures are then 100 and 700 g, quartiles 250 and 550 g.
  const base = fixtureTables();
  const north = {
    ...base.zones.get('XX-SUB')!,
    id: 'XX-NORTH',
    name: 'Testland North',
    primary: [{ ...base.zones.get('XX-SUB')!.primary[0]!, intensityGCo2ePerKwh: 700 }],
  };
  const twoZones = { ...base, zones: new Map([...base.zones, ['XX-NORTH', north]]) };
  const w = Workload.parse({
    location: 'XX',
    durationHours: 10,
    gpu: { model: 'tg700', count: 1, powerW: 500 },
    pue: 1,
    embodied: false,
  });

  it('widens the intensity range by the middle half of its zones when the site is not known', () => {
    const r = estimate(w, twoZones);
    // 500 W × 10 h = 5 kWh (±5 % metering) × 400 g = 2 kg; log-spreads add in quadrature:
    // down: metering ln(1/0.95), annual mean ln 1.1, zones ln(400/250); up: ln 1.05, sources ln(440/400), ln 1.1, zones ln(550/400)
    expect(r.emissionsKgCo2e.total).toBeCloseTo(2, 10);
    expect(r.emissionsKgCo2e.low).toBeCloseTo(
      2 * Math.exp(-Math.hypot(Math.log(1 / 0.95), Math.log(1.1), Math.log(400 / 250))),
      10,
    );
    expect(r.emissionsKgCo2e.high).toBeCloseTo(
      2 *
        Math.exp(
          Math.hypot(Math.log(1.05), Math.log(440 / 400), Math.log(1.1), Math.log(550 / 400)),
        ),
      10,
    );
    expect(r.assumptions.some((a) => a.includes('2 grid zones') && a.includes('250–550'))).toBe(
      true,
    );
  });

  it('keeps the range of a country that is one zone, and of a zone itself', () => {
    const one = estimate(w, base);
    expect(one.emissionsKgCo2e.low).toBeCloseTo(
      2 * Math.exp(-Math.hypot(Math.log(1 / 0.95), Math.log(1.1))),
      10,
    );
    const zone = estimate(Workload.parse({ ...w, location: 'XX-SUB' }), twoZones);
    expect(zone.assumptions.some((a) => a.includes('grid zones'))).toBe(false);
  });
});
