// Time-aware estimates: with `start`, operational emissions follow the zone's hourly shape over the
// run's hours (same calendar hours of the latest data year), scaled so the shape's yearly mean equals
// the annual average of the run's year.
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
  // The XX series' mean: (20 h × 100 + 4 h × 400) / 24 = 150 g. XX's annual figures: 2023 500 g, 2024 400 g.
  it('scales the hourly shape over the run to the annual average of the run year', () => {
    // 10:00–14:00 UTC: shape mean (2 × 100 + 2 × 400) / 4 = 250 g; no 2026 figure -> 2024's 400 g;
    // 400 × 250 / 150 = 666.67 g; 4 kWh × 666.67 g = 2.6667 kg
    const r = run({ ...base, durationHours: 4, start: '2026-03-10T10:00:00Z' });
    expect(r.resolved.location.intensityGCo2ePerKwh).toBeCloseTo(2000 / 3, 10);
    expect(r.emissionsKgCo2e.location).toBeCloseTo(8 / 3, 10);
    expect(r.resolved.location.year).toBe(2024);
    expect(r.resolved.location.hourly).toEqual({
      shape: { year: 2024, source: 'test', meanGCo2ePerKwh: 150, estimated: false },
      level: { year: 2024, source: 'test', gCo2ePerKwh: 400 },
      runFactor: 250 / 150,
    });
    const text = r.assumptions.join(' ');
    expect(text).toMatch(/hourly shape of XX in 2024/);
    expect(text).toMatch(/annual average of the year the run starts in \(2024: 400 gCO2e\/kWh\)/);
    expect(text).toMatch(/No grid figure for XX in 2026: the nearest published year \(2024\)/);
    expect(
      r.factors.filter((f) => f.id.startsWith('grid')).map((f) => [f.id, f.value, f.year]),
    ).toEqual([
      ['grid_intensity_annual', 400, 2024],
      ['grid_hourly_shape', 250 / 150, 2024],
      ['grid_intensity', 400 * (250 / 150), 2024],
    ]);
  });

  it('names both years when the start year has its own annual figure', () => {
    // Start in 2023: level 2023 = 500 g, shape 2024; 500 × 250 / 150 = 833.33 g
    const r = run({ ...base, durationHours: 4, start: '2023-03-10T10:00:00Z' });
    expect(r.resolved.location.intensityGCo2ePerKwh).toBeCloseTo(2500 / 3, 10);
    expect(r.resolved.location.year).toBe(2023);
    expect(r.resolved.location.hourly?.shape.year).toBe(2024);
    expect(r.resolved.location.hourly?.level).toEqual({
      year: 2023,
      source: 'test',
      gCo2ePerKwh: 500,
    });
    // A given year sets the level whatever the start: 2024 -> 400 × 250 / 150 = 666.67 g
    const y = run({ ...base, durationHours: 4, start: '2023-03-10T10:00:00Z', year: 2024 });
    expect(y.resolved.location.intensityGCo2ePerKwh).toBeCloseTo(2000 / 3, 10);
    expect(y.assumptions.join(' ')).toMatch(/annual average of the year given \(2024: 400/);
  });

  it('equals the annual figure, bounds included, over a whole year from 1 January', () => {
    // 8,784 h of 2024 from 00:00Z cover the whole series: shape mean 150 g -> factor 1 -> 400 g
    const whole = run({ ...base, durationHours: 8784, start: '2024-01-01T00:00:00Z' });
    const annual = run({ ...base, durationHours: 8784, year: 2024 });
    expect(whole.resolved.location.intensityGCo2ePerKwh).toBeCloseTo(400, 9);
    expect(whole.emissionsKgCo2e.total).toBeCloseTo(annual.emissionsKgCo2e.total, 9);
    expect(whole.emissionsKgCo2e.low).toBeCloseTo(annual.emissionsKgCo2e.low, 9);
    expect(whole.emissionsKgCo2e.high).toBeCloseTo(annual.emissionsKgCo2e.high, 9);
  });

  it("keeps the annual figure's relative range (sources' spread and the ±10 %), scaled", () => {
    const r = run({ ...base, durationHours: 4, start: '2026-03-10T10:00:00Z' });
    const a = run({ ...base, durationHours: 4 });
    const e = r.emissionsKgCo2e;
    const f = a.emissionsKgCo2e;
    expect(e.low / e.total).toBeCloseTo(f.low / f.total, 12);
    expect(e.high / e.total).toBeCloseTo(f.high / f.total, 12);
  });

  it('honours the offset and a fractional start', () => {
    // 13:30+02:00 = 11:30Z; 2 h: half of hour 11 (100), hour 12 (400), half of hour 13 (400) -> (50 + 400 + 200) / 2 = 325;
    // × 400 / 150 = 866.67 g
    const r = run({ ...base, durationHours: 2, start: '2026-07-01T13:30:00+02:00' });
    expect(r.resolved.location.intensityGCo2ePerKwh).toBeCloseTo(2600 / 3, 10);
  });

  it('falls back to the annual average where a zone has no hourly data, and says so', () => {
    const r = run({ ...base, location: 'XX-SUB', durationHours: 2, start: '2026-07-01T12:00:00Z' });
    expect(r.resolved.location.intensityGCo2ePerKwh).toBe(100);
    expect(r.resolved.location.hourly).toBeNull();
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
