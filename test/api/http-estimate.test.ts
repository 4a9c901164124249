// POST /v1/estimate over real HTTP against the real tables and core.
import { expect, it } from 'vitest';
import { EstimateResult, type WorkloadInput } from '../../src/core/schemas.ts';
import { describeApi } from '../helpers/describe-api.ts';
import { apiTargets } from '../helpers/server.ts';

const contractExample: WorkloadInput = {
  location: 'aws:us-east-1',
  durationHours: 36,
  gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
  cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 },
  memoryGb: 2048,
  storage: { ssdTb: 30, hddTb: 0, replication: 2 },
  networkGb: 500,
  pue: 1.1,
  year: 2024,
  renewableShare: 0.5,
  functionalUnit: { name: 'request', count: 1_000_000 },
  embodied: true,
};

const closeTo = (actual: number, expected: number, rel = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    rel * Math.max(Math.abs(expected), 1e-12),
  );

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

describeApi('POST /v1/estimate', apiTargets(), (api) => {
  async function estimateOk(workload: WorkloadInput): Promise<EstimateResult> {
    const res = await api.postJson('/v1/estimate', workload);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return EstimateResult.parse(JSON.parse(text));
  }

  it('answers the contract example with a complete, consistent result', async () => {
    const result = await estimateOk(contractExample);
    const { energyKwh, emissionsKgCo2e: co2 } = result;
    expect(result.durationHours).toBe(36);
    expect(result.resolved.location.regionId).toBe('aws:us-east-1');
    expect(result.resolved.pue).toMatchObject({ value: 1.1, source: 'user' });
    expect(energyKwh.low).toBeLessThanOrEqual(energyKwh.total);
    expect(energyKwh.total).toBeLessThanOrEqual(energyKwh.high);
    expect(co2.low).toBeLessThanOrEqual(co2.total);
    expect(co2.total).toBeLessThanOrEqual(co2.high);
    expect(energyKwh.byComponent.gpu).toBeGreaterThan(energyKwh.byComponent.cpu);
    expect(energyKwh.byComponent.cpu).toBeGreaterThan(0);
    // Facility energy = IT energy × PUE, and overhead is the (PUE − 1) share.
    closeTo(energyKwh.total, sum(energyKwh.byComponent), 1e-6);
    closeTo(
      energyKwh.byComponent.overhead,
      (sum(energyKwh.byComponent) - energyKwh.byComponent.overhead) * 0.1,
      1e-6,
    );
    closeTo(co2.location, sum(co2.byComponent), 1e-6);
    closeTo(co2.total, co2.location + co2.embodied, 1e-6);
    expect(co2.embodied).toBeGreaterThan(0);
    // Contracted renewable share 0.5: half the location-based figure remains.
    closeTo(co2.market, co2.location * 0.5, 1e-6);
    expect(result.sci).not.toBeNull();
    expect(result.sci?.units).toBe(1_000_000);
    closeTo(result.sci?.gCo2ePerUnit ?? NaN, (co2.total * 1000) / 1_000_000, 1e-6);
  });

  it('names a source and a year (or null) for every factor, each source listed in `sources`', async () => {
    const result = await estimateOk(contractExample);
    expect(result.factors.length).toBeGreaterThan(0);
    const listed = new Set(result.sources.map((s) => s.id));
    for (const factor of result.factors) {
      expect(factor.source, factor.id).not.toBe('');
      expect(factor.year === null || Number.isInteger(factor.year), factor.id).toBe(true);
      if (factor.source !== 'user')
        expect(listed.has(factor.source), `${factor.id} from ${factor.source}`).toBe(true);
    }
  });

  it('matches a hand computation for a GPU at a known power', async () => {
    const result = await estimateOk({
      location: 'FR',
      durationHours: 10,
      gpu: { model: 'H100 SXM', count: 1, powerW: 500 },
      pue: 1.0,
      gridIntensity: 100,
      embodied: false,
    });
    // GPU energy = 500 W × 10 h = 5,000 Wh = 5 kWh.
    closeTo(result.energyKwh.byComponent.gpu, 5);
    // Emissions of the GPU = 5 kWh × 100 gCO2e/kWh / 1000 = 0.5 kg; PUE 1.0 leaves no overhead.
    closeTo(result.emissionsKgCo2e.byComponent.gpu, 0.5);
    expect(result.energyKwh.byComponent.overhead).toBe(0);
    expect(result.emissionsKgCo2e.embodied).toBe(0);
    // Only a GPU was given: core adds no host share, so the GPU is the whole figure.
    for (const part of ['cpu', 'memory', 'storage', 'network'] as const) {
      expect(result.energyKwh.byComponent[part], part).toBe(0);
    }
    closeTo(result.energyKwh.total, 5);
    closeTo(result.emissionsKgCo2e.location, 0.5);
    closeTo(result.emissionsKgCo2e.total, 0.5);
    expect(result.resolved.location).toMatchObject({
      kind: 'country',
      zone: 'FR',
      intensityGCo2ePerKwh: 100,
    });
    expect(result.sci).toBeNull();
  });

  it('scales linearly with duration', async () => {
    const base = { location: 'DE', gpu: { model: 'H100 SXM', count: 2 }, embodied: false };
    const one = await estimateOk({ ...base, durationHours: 1 });
    const three = await estimateOk({ ...base, durationHours: 3 });
    closeTo(three.emissionsKgCo2e.total, one.emissionsKgCo2e.total * 3, 1e-9);
    closeTo(three.energyKwh.total, one.energyKwh.total * 3, 1e-9);
  });
});
