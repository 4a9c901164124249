// GET /v1/zones/:id/profile over real HTTP: typical day by month and the hours from a start.
import { expect, it } from 'vitest';
import type { ZoneProfile } from '../../src/service/zone-profile.ts';
import { sameCalendarHour } from '../../src/core/carbon-hourly.ts';
import { hourOfYear } from '../../src/core/hourly.ts';
import { hourlyFor, typicalProfile } from '../../src/data/hourly.ts';
import { describeApi } from '../helpers/describe-api.ts';
import { apiTargets } from '../helpers/server.ts';

const ZONE = 'US-MIDA-PJM';

describeApi('GET /v1/zones/:id/profile', apiTargets(), (api) => {
  const get = async (path: string) => {
    const res = await api.get(path);
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: (await res.json()) as ZoneProfile & { errors: { path: string; code: string }[] },
    };
  };

  it('answers the typical day of every month of the latest hourly year', async () => {
    const { status, body } = await get(`/v1/zones/${ZONE}/profile`);
    expect(status).toBe(200);
    const hourly = hourlyFor(ZONE)!;
    expect(body).toMatchObject({
      zone: ZONE,
      name: 'PJM Interconnection',
      year: hourly.latestYear,
      unit: 'gCO2e/kWh',
      slice: null,
    });
    expect(body.source).toBe(hourly.meta(hourly.latestYear)!.source);
    expect(body.months).toHaveLength(12);
    expect(body.months.flat()).toEqual(typicalProfile(ZONE)!.values);
  });

  it('slices the hours from a start on the same calendar hours of the data year, wrapping at its end', async () => {
    const hourly = hourlyFor(ZONE)!;
    const series = hourly.series(hourly.latestYear);
    for (const start of [
      '2026-06-01T10:30:00Z',
      '2026-12-31T22:00:00+00:00',
      '2026-03-01T09:00:00+02:00',
    ]) {
      const { status, body } = await get(
        `/v1/zones/${ZONE}/profile?start=${encodeURIComponent(start)}&hours=5`,
      );
      expect(status, start).toBe(200);
      const first = Math.floor(sameCalendarHour(hourOfYear(start), hourly.latestYear));
      expect(body.slice).toEqual({
        start,
        hours: 5,
        values: [0, 1, 2, 3, 4].map((i) => series[(first + i) % series.length]),
      });
    }
  });

  it('refuses a bad start or length at their paths, an unknown zone with candidates, a zone without hourly data', async () => {
    const bad = await get(`/v1/zones/${ZONE}/profile?start=tomorrow&hours=745`);
    expect(bad.status).toBe(422);
    expect(bad.type).toBe('application/problem+json');
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(['hours', 'start']);
    const unknown = await get('/v1/zones/XX-NOPE/profile');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'id', code: 'unknown_zone' });
    const none = await get('/v1/zones/US/profile');
    expect(none.status).toBe(404);
    expect(none.body.errors[0]).toMatchObject({ path: 'id', code: 'not_found' });
  });
});
