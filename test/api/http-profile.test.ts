// GET /v1/zones/:id/profile over real HTTP: the typical day by month and the hours from a start, on
// the estimate's basis (the hourly shape scaled to the annual level), and a 200 saying so for a zone
// without hourly data. Expected values come from the tables, not from the service.
import { expect, it } from 'vitest';
import type { ZoneAnnualOnly, ZoneHourlyProfile } from '../../src/service/zone-profile.ts';
import { sameCalendarHour } from '../../src/core/carbon-hourly.ts';
import { hourOfYear } from '../../src/core/hourly.ts';
import { hourlyFor, typicalProfile } from '../../src/data/hourly.ts';
import { zones } from '../../data/built/grid.ts';
import { describeApi } from '../helpers/describe-api.ts';
import { apiTargets } from '../helpers/server.ts';

const ZONE = 'US-MIDA-PJM';

/** The zone's primary annual figure for `year` (the latest when undefined), from the grid table. */
function annual(zone: string, year?: number) {
  const primary = zones.find((z) => z.id === zone)!.primary;
  return year === undefined ? primary[primary.length - 1]! : primary.find((e) => e.year === year)!;
}

describeApi('GET /v1/zones/:id/profile', apiTargets(), (api) => {
  const get = async <T>(path: string) => {
    const res = await api.get(path);
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: (await res.json()) as T & { errors: { path: string; code: string }[] },
    };
  };
  const hourly = hourlyFor(ZONE)!;
  const series = hourly.series(hourly.latestYear);
  let sum = 0;
  for (const v of series) sum += v;
  const shapeMean = sum / series.length;

  it('answers the typical day of every month, scaled to the latest annual average', async () => {
    const { status, body } = await get<ZoneHourlyProfile>(`/v1/zones/${ZONE}/profile`);
    expect(status).toBe(200);
    const level = annual(ZONE);
    // PJM: 2025 annual 418 g over the 2024 hourly mean 392.0 g -> × 1.0663
    expect(level).toMatchObject({ year: 2025, intensityGCo2ePerKwh: 418 });
    expect(body).toMatchObject({
      hourly: true,
      zone: ZONE,
      name: 'PJM Interconnection',
      year: hourly.latestYear,
      unit: 'gCO2e/kWh',
      level: { year: 2025, gCo2ePerKwh: 418, source: level.source },
      slice: null,
    });
    expect(body.source).toBe(hourly.meta(hourly.latestYear)!.source);
    expect(body.shapeMeanGCo2ePerKwh).toBeCloseTo(shapeMean, 9);
    expect(body.scale).toBeCloseTo(418 / shapeMean, 12);
    expect(body.months).toHaveLength(12);
    expect(body.months.flat()).toEqual(
      typicalProfile(ZONE)!.values.map((v) => Math.round((v * 418) / shapeMean)),
    );
    // January 00:00 UTC: typical 437 g × 418 / 392.0166 = 465.96 -> 466
    expect(body.months[0]![0]).toBe(466);
  });

  it("slices the hours from a start on the same calendar hours of the shape's year, scaled to the start year's level", async () => {
    for (const [start, levelYear] of [
      ['2026-06-01T10:30:00Z', 2025], // no 2026 figure yet: the nearest published year (2025)
      ['2026-12-31T22:00:00+00:00', 2025],
      ['2023-03-01T09:00:00+02:00', 2023],
    ] as const) {
      const { status, body } = await get<ZoneHourlyProfile>(
        `/v1/zones/${ZONE}/profile?start=${encodeURIComponent(start)}&hours=5`,
      );
      expect(status, start).toBe(200);
      const level = annual(ZONE, levelYear).intensityGCo2ePerKwh;
      expect(body.level.year, start).toBe(levelYear);
      const first = Math.floor(sameCalendarHour(hourOfYear(start), hourly.latestYear));
      expect(body.slice).toEqual({
        start,
        hours: 5,
        values: [0, 1, 2, 3, 4].map(
          (i) => Math.round(((series[(first + i) % series.length]! * level) / shapeMean) * 10) / 10,
        ),
      });
    }
  });

  it('takes the level from `year` when given', async () => {
    const { status, body } = await get<ZoneHourlyProfile>(
      `/v1/zones/${ZONE}/profile?start=2026-06-01T00:00:00Z&hours=1&year=2022`,
    );
    expect(status).toBe(200);
    // PJM 2022 annual: 434 g
    expect(body.level).toMatchObject({ year: 2022, gCo2ePerKwh: 434 });
  });

  it('answers 200 for a zone without hourly data, with the reason and its annual figure', async () => {
    const { status, body } = await get<ZoneAnnualOnly>('/v1/zones/us/profile');
    expect(status).toBe(200);
    expect(hourlyFor('US')).toBeNull();
    // US 2025 annual: 414 g
    expect(body).toEqual({
      hourly: false,
      zone: 'US',
      name: zones.find((z) => z.id === 'US')!.name,
      unit: 'gCO2e/kWh',
      reason:
        'No hourly data for grid zone US: estimates use its annual average (414 gCO2e/kWh in 2025), with no daily shape.',
      level: { year: 2025, gCo2ePerKwh: 414, source: annual('US').source },
    });
  });

  it('refuses a bad start, length or year at their paths, and an unknown zone with candidates', async () => {
    const bad = await get<object>(`/v1/zones/${ZONE}/profile?start=tomorrow&hours=745&year=1999`);
    expect(bad.status).toBe(422);
    expect(bad.type).toBe('application/problem+json');
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(['hours', 'start', 'year']);
    const unknown = await get<object>('/v1/zones/XX-NOPE/profile');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'id', code: 'unknown_zone' });
  });
});
