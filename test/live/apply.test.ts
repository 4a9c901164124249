// The shell's use of a live value: core gets it as gridIntensity; the result names `live:<provider>`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import { Workload } from '../../src/core/schemas.ts';
import { tables } from '../../src/data/index.ts';
import { applyLiveGrid } from '../../src/live/apply.ts';
import { electricityMapsProvider } from '../../src/live/electricity-maps.ts';
import { createLiveGrid } from '../../src/live/provider.ts';
import { startFakeProviders, type FakeProviders } from './fake-providers.ts';

let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(() => fake.close());

const job = Workload.parse({
  location: 'aws:eu-central-1',
  durationHours: 10,
  gpu: { model: 'h100-sxm', count: 1, powerW: 500 },
});

async function run(workload: Workload) {
  const live = createLiveGrid(
    [electricityMapsProvider({ apiKey: 'k', baseUrl: fake.url, fetch })],
    { ttlMs: 0 },
  );
  const applied = await applyLiveGrid(workload, tables, live);
  return applied.annotate(estimate(applied.workload, tables));
}

describe('applyLiveGrid', () => {
  it('estimates with the live value and names it as the source', async () => {
    const result = await run(job);
    expect(result.resolved.location).toMatchObject({
      intensityGCo2ePerKwh: 123,
      source: 'live:electricitymaps',
      basis: 'lifecycle, consumption-based',
      year: 2026,
      zone: 'DE',
    });
    const factor = result.factors.find((f) => f.id === 'grid_intensity');
    expect(factor).toMatchObject({
      value: 123,
      source: 'live:electricitymaps',
      year: 2026,
      note: 'value for 2026-11-21T10:00:00.000Z',
    });
    expect(result.sources.map((s) => s.id)).toContain('live:electricitymaps');
    expect(
      result.assumptions.some((a) =>
        a.startsWith('Live grid intensity from Electricity Maps for DE'),
      ),
    ).toBe(true);
    expect(result.emissionsKgCo2e.location).toBeCloseTo(result.energyKwh.total * 0.123, 9);
  });

  it('falls back to the embedded annual average and says why', async () => {
    fake.failures.set('/v3/carbon-intensity', 500);
    try {
      const result = await run(job);
      const plain = estimate(job, tables);
      expect(result.emissionsKgCo2e).toEqual(plain.emissionsKgCo2e);
      expect(result.resolved.location.source).toBe(plain.resolved.location.source);
      expect(result.assumptions.at(-1)).toBe(
        'Live grid data from Electricity Maps is unavailable (answered HTTP 500): the embedded annual average is used.',
      );
    } finally {
      fake.failures.clear();
    }
  });

  it('leaves a workload that fixes its grid figure (gridIntensity, year or start) to the tables', async () => {
    for (const extra of [
      { gridIntensity: 50 },
      { year: 2023 },
      { start: '2024-03-01T00:00:00Z' },
    ]) {
      const workload = Workload.parse({ ...job, ...extra });
      const applied = await applyLiveGrid(
        workload,
        tables,
        createLiveGrid([electricityMapsProvider({ apiKey: 'k', baseUrl: fake.url, fetch })]),
      );
      expect(applied.workload).toBe(workload);
    }
  });
});
