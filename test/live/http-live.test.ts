// The Node server with a live provider configured: estimates name `live:electricitymaps`, and a
// failing provider leaves the tables' figure with the reason in the assumptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimator } from '../../src/data/index.ts';
import { liveGridFromEnv } from '../../src/live/from-env.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import type { EstimateResult } from '../../src/core/schemas.ts';
import { startFakeProviders, type FakeProviders } from './fake-providers.ts';

let fake: FakeProviders;
let server: RunningServer;
beforeAll(async () => {
  fake = await startFakeProviders();
  const liveGrid = liveGridFromEnv(
    { ELECTRICITYMAPS_API_KEY: 'k', ELECTRICITYMAPS_BASE_URL: fake.url, GRIDSHIFT_LIVE_TTL_S: '0' },
    fetch,
  );
  server = await startServer({ port: 0, hostname: '127.0.0.1', estimator, liveGrid });
});
afterAll(async () => {
  await server.close();
  await fake.close();
});

async function estimateAt(location: string): Promise<EstimateResult> {
  const res = await fetch(`${server.url}/v1/estimate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ location, durationHours: 5, cpu: { threads: 8 } }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as EstimateResult;
}

describe('live grid over HTTP', () => {
  it('uses the live value and names its source', async () => {
    const result = await estimateAt('gcp:europe-west3');
    expect(result.resolved.location).toMatchObject({
      intensityGCo2ePerKwh: 123,
      source: 'live:electricitymaps',
    });
    expect(result.factors.find((f) => f.id === 'grid_intensity')?.source).toBe(
      'live:electricitymaps',
    );
  });

  it('falls back to the embedded tables when the provider fails, and says so', async () => {
    fake.failures.set('/v3/carbon-intensity', 429);
    try {
      const result = await estimateAt('gcp:europe-west3');
      expect(result.resolved.location.source).not.toMatch(/^live:/);
      expect(result.assumptions.at(-1)).toContain(
        'Electricity Maps is unavailable (answered HTTP 429)',
      );
    } finally {
      fake.failures.clear();
    }
  });
});
