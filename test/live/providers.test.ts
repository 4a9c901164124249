// Live grid providers against a local server: request shapes, parsing, units, cache, fallback.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tables } from '../../src/data/index.ts';
import { electricityMapsProvider } from '../../src/live/electricity-maps.ts';
import { liveGridFromEnv } from '../../src/live/from-env.ts';
import { nesoProvider } from '../../src/live/neso.ts';
import { createLiveGrid, type LivePlace } from '../../src/live/provider.ts';
import { wattTimeProvider } from '../../src/live/watttime.ts';
import { startFakeProviders, type FakeProviders } from './fake-providers.ts';

let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.seen.length = 0;
  fake.failures.clear();
  fake.hang.clear();
});

function place(location: string): LivePlace {
  const region = tables.regions.get(location) ?? null;
  const zone = tables.zones.get(region?.gridZone ?? location)!;
  return { zone, region };
}

describe('electricityMapsProvider', () => {
  it('asks for the zone with the key in auth-token and reads the lifecycle intensity', async () => {
    const em = electricityMapsProvider({ apiKey: 'k-123', baseUrl: fake.url, fetch });
    expect(await em.latest(place('DE'))).toEqual({
      provider: 'electricitymaps',
      area: 'DE',
      intensityGCo2ePerKwh: 123,
      datetime: '2026-11-21T10:00:00.000Z',
      basis: 'lifecycle, consumption-based',
    });
    expect(fake.seen[0]?.path).toBe('/v3/carbon-intensity/latest?zone=DE');
    expect(fake.seen[0]?.headers['auth-token']).toBe('k-123');
  });
});

describe('wattTimeProvider', () => {
  it('logs in with Basic auth, finds the region from coordinates, converts lbs/MWh to g/kWh', async () => {
    const wt = wattTimeProvider({ username: 'u', password: 'p', baseUrl: fake.url, fetch });
    const at = place('aws:us-east-1');
    expect(wt.covers(at)).toBe(true);
    expect(wt.covers(place('DE'))).toBe(false);
    const value = await wt.latest(at);
    expect(value).toMatchObject({
      provider: 'watttime',
      area: 'PJM_DC',
      datetime: '2026-11-21T10:00:00+00:00',
      basis: 'co2_aoer, direct',
    });
    expect(value.intensityGCo2ePerKwh).toBeCloseTo(453.59237, 6);
    expect(fake.seen.map((r) => r.path.split('?')[0])).toEqual([
      '/login',
      '/v3/region-from-loc',
      '/v3/forecast',
    ]);
    expect(fake.seen[0]?.headers.authorization).toBe(`Basic ${btoa('u:p')}`);
    expect(fake.seen[2]?.headers.authorization).toBe('Bearer fake-token');
    // The token and the region are reused.
    await wt.latest(at);
    expect(fake.seen.map((r) => r.path.split('?')[0]).slice(3)).toEqual(['/v3/forecast']);
  });
});

describe('nesoProvider', () => {
  it('covers Great Britain only and reads the actual value of the current half hour', async () => {
    const neso = nesoProvider({ baseUrl: fake.url, fetch });
    expect(neso.covers(place('GB'))).toBe(true);
    expect(neso.covers(place('FR'))).toBe(false);
    expect(await neso.latest(place('GB'))).toEqual({
      provider: 'neso',
      area: 'GB',
      intensityGCo2ePerKwh: 175,
      datetime: '2026-11-21T10:00Z',
      basis: 'direct, generation-based, actual',
    });
    expect(fake.seen[0]?.headers['auth-token']).toBeUndefined();
  });
});

describe('createLiveGrid', () => {
  it('caches a value per provider and area for the TTL, then asks again', async () => {
    let clock = 0;
    const grid = createLiveGrid(
      [electricityMapsProvider({ apiKey: 'k', baseUrl: fake.url, fetch })],
      { ttlMs: 1000, now: () => clock },
    );
    await grid.lookup(place('DE'));
    clock = 999;
    await grid.lookup(place('DE'));
    expect(fake.seen).toHaveLength(1);
    await grid.lookup(place('FR'));
    expect(fake.seen).toHaveLength(2);
    clock = 1001;
    await grid.lookup(place('DE'));
    expect(fake.seen).toHaveLength(3);
  });

  it('says why on an HTTP error, a wrong shape or no answer, without caching the failure', async () => {
    const grid = createLiveGrid([
      electricityMapsProvider({ apiKey: 'k', baseUrl: fake.url, fetch }),
    ]);
    fake.failures.set('/v3/carbon-intensity', 503);
    expect(await grid.lookup(place('DE'))).toEqual({
      ok: false,
      provider: 'electricitymaps',
      reason: 'answered HTTP 503',
    });
    fake.failures.clear();
    expect((await grid.lookup(place('DE')))?.ok).toBe(true);
    const wrongShape = createLiveGrid([
      electricityMapsProvider({ apiKey: 'k', baseUrl: `${fake.url}/intensity#`, fetch }),
    ]);
    expect(await wrongShape.lookup(place('DE'))).toMatchObject({
      ok: false,
      reason: 'answered in an unexpected shape',
    });
    const closed = createLiveGrid([
      electricityMapsProvider({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', fetch }),
    ]);
    expect(await closed.lookup(place('DE'))).toMatchObject({
      ok: false,
      reason: 'no answer (network error or timeout)',
    });
  });

  it('answers null where no provider covers the place', async () => {
    const grid = createLiveGrid([nesoProvider({ baseUrl: fake.url, fetch })]);
    expect(await grid.lookup(place('DE'))).toBeNull();
    expect(fake.seen).toHaveLength(0);
  });
});

describe('liveGridFromEnv', () => {
  it('is null without variables, and orders NESO, Electricity Maps, WattTime when given', () => {
    expect(liveGridFromEnv({}, fetch)).toBeNull();
    const grid = liveGridFromEnv(
      {
        GRIDSHIFT_LIVE_NESO: '1',
        ELECTRICITYMAPS_API_KEY: 'k',
        WATTTIME_USERNAME: 'u',
        WATTTIME_PASSWORD: 'p',
      },
      fetch,
    );
    expect(grid?.providers.map((p) => p.id)).toEqual(['neso', 'electricitymaps', 'watttime']);
    expect(liveGridFromEnv({ WATTTIME_USERNAME: 'u' }, fetch)).toBeNull();
  });
});
