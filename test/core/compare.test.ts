// compareRegions over the real tables: the sweep equals estimate() region by region, and the
// ranking and savings check out by hand against table values read here.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CompareOptions } from '../../src/core/compare.ts';
import { compareRegions } from '../helpers/estimator.ts';
import { estimate } from '../helpers/estimator.ts';
import { EstimateError } from '../../src/core/errors.ts';
import { Workload, type WorkloadInput } from '../../src/core/schemas.ts';
import { swapGpu, workloadGpu } from '../../src/core/hardware-swap.ts';
import { tables } from '../../src/data/index.ts';
import { fixtureTables } from '../helpers/arithmetic-tables.ts';

const H100_NODE: WorkloadInput = {
  location: 'aws:us-east-1',
  durationHours: 36,
  gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
  cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 },
  memoryGb: 2048,
  storage: { ssdTb: 30, replication: 2 },
  networkGb: 500,
};
const defaults: CompareOptions = { top: 10, rankBy: 'location' };
const compare = (w: WorkloadInput, options: Partial<CompareOptions> = {}, t = tables) =>
  compareRegions(Workload.parse(w), t, { ...defaults, ...options });

const refusal = (f: () => unknown): EstimateError => {
  try {
    f();
  } catch (e) {
    if (e instanceof EstimateError) return e;
    throw e;
  }
  throw new Error('expected an EstimateError');
};

/** The latest primary annual intensity of a region's grid zone, straight from the table. */
function tableIntensity(regionId: string): number {
  const zone = tables.zones.get(tables.regions.get(regionId)!.gridZone!)!;
  return zone.primary.at(-1)!.intensityGCo2ePerKwh;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe('compareRegions', () => {
  it('gives, for every region, exactly what estimate() gives there', () => {
    const r = compare(H100_NODE);
    expect(r.count).toBe(tables.regions.size);
    expect(r.skipped).toEqual([]);
    for (const row of r.table) {
      const e = estimate(Workload.parse({ ...H100_NODE, location: row.regionId }), tables);
      for (const k of ['total', 'low', 'high', 'location', 'market', 'embodied'] as const) {
        expect(
          rel(row.emissionsKgCo2e[k], e.emissionsKgCo2e[k]),
          `${row.regionId} ${k}`,
        ).toBeLessThan(1e-12);
      }
      expect(rel(row.energyKwh, e.energyKwh.total)).toBeLessThan(1e-12);
      expect(row.pue).toBe(e.resolved.pue.value);
      expect(row.intensityGCo2ePerKwh).toBe(e.resolved.location.intensityGCo2ePerKwh);
      expect(row.zone).toBe(e.resolved.location.zone);
    }
  });

  it('matches estimate() for an AI training shape and for an alternative GPU', () => {
    const training: WorkloadInput = {
      location: 'US',
      gpu: { model: 'A100 SXM4 80GB', count: 64 },
      ai: { task: 'training', parameters: 1e9, tokens: 2e10 },
    };
    const r = compare(training, {
      regions: { ids: ['aws:eu-west-1', 'gcp:asia-east1'] },
      hardware: ['H100 SXM'],
    });
    expect(r.count).toBe(4);
    const w = Workload.parse(training);
    const swapped = swapGpu(
      w,
      workloadGpu(w, tables)!,
      tables.accelerators.get('nvidia-h100-sxm')!,
    ).workload;
    for (const row of r.table) {
      const e = estimate({ ...(row.hardware ? swapped : w), location: row.regionId }, tables);
      expect(
        rel(row.emissionsKgCo2e.total, e.emissionsKgCo2e.total),
        `${row.regionId} ${row.hardware}`,
      ).toBeLessThan(1e-12);
      expect(rel(row.emissionsKgCo2e.high, e.emissionsKgCo2e.high)).toBeLessThan(1e-12);
    }
  });

  it('ranks hydro and nuclear grids above coal-heavy ones', () => {
    const r = compare(H100_NODE);
    const rank = (id: string) => r.table.find((row) => row.regionId === id)!.rank;
    const clean = ['aws:eu-north-1', 'gcp:europe-west9', 'aws:eu-west-3', 'aws:ca-central-1'];
    const coal = ['gcp:europe-central2', 'aws:af-south-1', 'aws:ap-south-1'];
    // Table check first: SE, FR, CA-QC are below 100 g/kWh; PL, ZA and western India above 500.
    for (const id of clean) expect(tableIntensity(id), id).toBeLessThan(100);
    for (const id of coal) expect(tableIntensity(id), id).toBeGreaterThan(500);
    const worstClean = Math.max(...clean.map(rank));
    const bestCoal = Math.min(...coal.map(rank));
    expect(worstClean).toBeLessThan(bestCoal);
    expect(r.top.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('shows different location and market figures where the provider publishes carbon-free energy', () => {
    const r = compare(H100_NODE, { regions: { provider: ['gcp'] } });
    const row = r.table.find((x) => x.regionId === 'gcp:europe-west4')!;
    const cfe = tables.regions.get('gcp:europe-west4')!.carbonFreeEnergyShare!.value;
    expect(cfe).toBeGreaterThan(0);
    expect(row.carbonFreeEnergyShare).toBe(cfe);
    expect(row.emissionsKgCo2e.market).toBeLessThan(row.emissionsKgCo2e.location);
    expect(rel(row.emissionsKgCo2e.market, row.emissionsKgCo2e.location * (1 - cfe))).toBeLessThan(
      1e-12,
    );
  });

  it('computes the saving between two regions by hand from their table intensity and PUE', () => {
    // 1 GPU at a measured 1,000 W for 10 h = 10 kWh IT; no embodied, no other component.
    // kg = 10 kWh × PUE × g/kWh / 1000. Values read from the tables:
    const nl = tables.regions.get('gcp:europe-west4')!;
    const iowa = tables.regions.get('gcp:us-central1')!;
    const [pueNl, pueIowa] = [nl.pue!.value, iowa.pue!.value]; // 1.07, 1.11 (Google 2024 report)
    const [gNl, gIowa] = [tableIntensity(nl.id), tableIntensity(iowa.id)]; // 253, 501 g/kWh (2025)
    const kgNl = (10 * pueNl * gNl) / 1000; // 10 × 1.07 × 253 / 1000 = 2.7071 kg
    const kgIowa = (10 * pueIowa * gIowa) / 1000; // 10 × 1.11 × 501 / 1000 = 5.5611 kg
    const r = compare(
      {
        location: 'gcp:us-central1',
        durationHours: 10,
        gpu: { model: 'H100 SXM', count: 1, powerW: 1000, maxPowerW: 1000 },
        embodied: false,
      },
      { regions: { ids: ['gcp:europe-west4', 'gcp:us-central1'] } },
    );
    expect(r.baseline.location).toBe('gcp:us-central1');
    expect(r.baseline.kgCo2e).toBeCloseTo(kgIowa, 10);
    const [first, second] = r.table;
    expect(first!.regionId).toBe('gcp:europe-west4');
    expect(first!.emissionsKgCo2e.total).toBeCloseTo(kgNl, 10);
    expect(first!.savingKg).toBeCloseTo(kgIowa - kgNl, 10); // 2.854 kg
    expect(first!.savingPct).toBeCloseTo(((kgIowa - kgNl) / kgIowa) * 100, 8); // 51.3 %
    expect(second!.savingKg).toBe(0);
  });

  it('ranks by location by default: a high-CFE, dirty-grid region does not look clean by accident', () => {
    const iowa = 'gcp:us-central1';
    const byLocation = compare(H100_NODE);
    const byMarket = compare(H100_NODE, { rankBy: 'market' });
    const rankIn = (r: typeof byLocation) => r.table.find((x) => x.regionId === iowa)!.rank;
    expect(byLocation.rankBy).toBe('location');
    expect(rankIn(byMarket)).toBeLessThan(rankIn(byLocation));
    expect(rankIn(byLocation)).toBeGreaterThan(
      byLocation.table.find((x) => x.regionId === 'aws:eu-north-1')!.rank,
    );
    const row = byLocation.table.find((x) => x.regionId === iowa)!;
    expect(row.emissionsKgCo2e.market).toBeLessThan(row.emissionsKgCo2e.location / 2);
    expect(byMarket.assumptions[0]).toMatch(/market-based/);
  });

  it('measures savings from an explicit baseline, else the first ranked for a country location', () => {
    const explicit = compare(H100_NODE, { baseline: 'aws:ap-south-1' });
    expect(explicit.baseline.location).toBe('aws:ap-south-1');
    expect(
      explicit.table.every((row) =>
        row.regionId === 'aws:ap-south-1' ? row.savingKg === 0 : true,
      ),
    ).toBe(true);
    const country = compare({ ...H100_NODE, location: 'FR' });
    expect(country.baseline.location).toBe(country.table[0]!.regionId);
    expect(country.table[0]!.savingKg).toBe(0);
    expect(country.table.at(-1)!.savingKg).toBeLessThan(0);
  });

  it('filters by provider, country, continent and ids', () => {
    expect(
      compare(H100_NODE, { regions: { provider: ['azure'] } }).table.every(
        (r) => r.provider === 'azure',
      ),
    ).toBe(true);
    expect(
      compare(H100_NODE, { regions: { country: ['de', 'FR'] } }).table.every(
        (r) => r.country === 'DE' || r.country === 'FR',
      ),
    ).toBe(true);
    const eu = compare(H100_NODE, { regions: { continent: ['europe'], provider: ['aws'] } });
    expect(eu.count).toBeGreaterThan(3);
    expect(eu.table.every((r) => r.continent === 'Europe' && r.provider === 'aws')).toBe(true);
    expect(
      compare(H100_NODE, { regions: { ids: ['aws:eu-west-1', 'GCP:europe-west4'] } })
        .table.map((r) => r.regionId)
        .sort(),
    ).toEqual(['aws:eu-west-1', 'gcp:europe-west4']);
  });

  it('refuses unknown ids, continents and GPUs with the path and the closest ids', () => {
    const id = refusal(() =>
      compare(H100_NODE, { regions: { ids: ['aws:eu-west-1', 'aws:eu-wst-2'] } }),
    );
    expect(id).toMatchObject({ code: 'unknown_location', path: ['regions', 'ids', '1'] });
    expect(id.candidates).toContain('aws:eu-west-2');
    expect(refusal(() => compare(H100_NODE, { regions: { continent: ['Europa'] } }))).toMatchObject(
      { path: ['regions', 'continent', '0'], candidates: ['Europe'] },
    );
    expect(refusal(() => compare(H100_NODE, { hardware: ['H999'] }))).toMatchObject({
      code: 'unknown_gpu',
      path: ['hardware', 0],
    });
    expect(
      refusal(() => compare({ ...H100_NODE, gpu: { model: 'H100 SXX', count: 1 } })),
    ).toMatchObject({ code: 'unknown_gpu', path: ['workload', 'gpu', 'model'] });
    expect(
      refusal(() =>
        compare({ location: 'DE', durationHours: 1, cpu: { threads: 4 } }, { hardware: ['H100'] }),
      ),
    ).toMatchObject({ path: ['hardware'] });
    expect(refusal(() => compare(H100_NODE, { regions: { country: ['ZZ'] } }))).toMatchObject({
      code: 'inconsistent_input',
      path: ['regions'],
    });
  });

  it('lists regions it cannot estimate in `skipped`, with the reason', () => {
    const fixture = fixtureTables();
    const r = compare(
      { location: 'XX', durationHours: 10, gpu: { model: 'tg700', count: 1 } },
      {},
      fixture,
    );
    expect(r.count).toBe(fixture.regions.size - 1);
    expect(r.skipped).toEqual([
      {
        regionId: 'gcp:nozone-1',
        hardware: null,
        code: 'no_grid_data',
        reason: expect.stringMatching(/no known grid zone/),
      },
    ]);
  });

  it('adds alternative GPUs as rows with their own duration', () => {
    const r = compare(H100_NODE, {
      regions: { ids: ['aws:eu-north-1'] },
      hardware: ['B200', 'A100'],
    });
    const by = new Map(r.table.map((row) => [row.hardware, row]));
    // B200 2,250 vs H100 989.4 TFLOP/s bf16 dense: 36 h × 989.4 / 2,250 = 15.8304 h
    expect(by.get('nvidia-b200')!.durationHours).toBeCloseTo((36 * 989.4) / 2250, 10);
    expect(by.get('nvidia-a100-sxm4')!.durationHours).toBeCloseTo((36 * 989.4) / 312, 10);
    expect(by.get(null)!.durationHours).toBe(36);
  });

  test.prop([
    fc.constantFrom<'location' | 'market'>('location', 'market'),
    fc.integer({ min: 1, max: 200 }),
    fc.double({ min: 0.1, max: 1000, noNaN: true }),
  ])(
    'rows are sorted by the ranking measure and savings are baseline minus row',
    (rankBy, top, hours) => {
      const r = compare({ ...H100_NODE, durationHours: hours }, { rankBy, top });
      const kg = (row: (typeof r.table)[number]) =>
        rankBy === 'market'
          ? row.emissionsKgCo2e.market + row.emissionsKgCo2e.embodied
          : row.emissionsKgCo2e.total;
      expect(r.top.length).toBe(Math.min(top, r.count));
      for (let i = 1; i < r.table.length; i++)
        expect(kg(r.table[i]!)).toBeGreaterThanOrEqual(kg(r.table[i - 1]!));
      for (const row of r.table)
        expect(rel(row.savingKg, r.baseline.kgCo2e - kg(row))).toBeLessThan(1e-9);
    },
  );
});
