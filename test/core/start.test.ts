// Time-aware estimates: with `start`, operational emissions follow the zone's hourly series over the
// run's hours, on the same calendar hours of the latest data year.
import { describe, expect, it } from 'vitest';
import { estimate } from '../helpers/estimator.ts';
import { Workload } from '../../src/core/schemas.ts';
import { sameCalendarHour } from '../../src/core/carbon-hourly.ts';
import type { Tables } from '../../src/core/tables.ts';
import { fixtureTables } from '../helpers/arithmetic-tables.ts';

// Zone XX gets a 2024 (leap) series: 100 g at every hour except 400 g from 12:00 to 15:59 UTC each day.
const series = Array.from({ length: 8784 }, (_, i) => (i % 24 >= 12 && i % 24 < 16 ? 400 : 100));
const tables: Tables = {
  ...fixtureTables(),
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
const run = (w: object) => estimate(Workload.parse(w), tables);
const base = {
  location: 'XX',
  gpu: { model: 'tg700', count: 1, powerW: 1000, maxPowerW: 1000 },
  pue: 1,
  embodied: false,
};

describe('estimate with start', () => {
  it('averages the hourly series over the run', () => {
    // 10:00–14:00 UTC: hours 10, 11 at 100 g and 12, 13 at 400 g -> mean 250 g; 4 kWh × 250 g = 1 kg
    const r = run({ ...base, durationHours: 4, start: '2026-03-10T10:00:00Z' });
    expect(r.resolved.location.intensityGCo2ePerKwh).toBeCloseTo(250, 10);
    expect(r.emissionsKgCo2e.location).toBeCloseTo(1, 10);
    expect(r.resolved.location.year).toBe(2024);
    expect(r.assumptions.join(' ')).toMatch(/same calendar hours of 2024/);
  });

  it('honours the offset and a fractional start', () => {
    // 13:30+02:00 = 11:30Z; 2 h: half of hour 11 (100), hour 12 (400), half of hour 13 (400) -> (50 + 400 + 200) / 2 = 325
    const r = run({ ...base, durationHours: 2, start: '2026-07-01T13:30:00+02:00' });
    expect(r.resolved.location.intensityGCo2ePerKwh).toBeCloseTo(325, 10);
  });

  it('falls back to the annual average where a zone has no hourly data, and says so', () => {
    const r = run({ ...base, location: 'XX-SUB', durationHours: 2, start: '2026-07-01T12:00:00Z' });
    expect(r.resolved.location.intensityGCo2ePerKwh).toBe(100);
    expect(r.assumptions.join(' ')).toMatch(/No hourly data for XX-SUB/);
  });

  it('rejects a start that is not an ISO date-time with offset', () => {
    const parsed = Workload.safeParse({ ...base, durationHours: 1, start: '2026-07-01 12:00' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['start']);
  });

  it('maps calendar hours across leap and common years', () => {
    // 2026-03-01T00Z is hour (31 + 28) × 24 = 1416 of 2026; in 2024 (leap) March 1 is hour 1440
    expect(sameCalendarHour({ year: 2026, index: 1416, fraction: 0 }, 2024)).toBe(1440);
    expect(sameCalendarHour({ year: 2024, index: 1440, fraction: 0 }, 2023)).toBe(1416);
    expect(sameCalendarHour({ year: 2026, index: 100, fraction: 0 }, 2024)).toBe(100);
  });
});
