// estimateBatch: in order, one outcome per request, refusals kept per item.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { estimateBatch } from '../helpers/estimator.ts';
import { estimate } from '../helpers/estimator.ts';
import { Workload } from '../../src/core/schemas.ts';
import { fixtureTables } from '../helpers/arithmetic-tables.ts';

const tables = fixtureTables();
const good = (hours: number) => ({
  location: 'XX',
  durationHours: hours,
  gpu: { model: 'tg700', count: 1 },
});

describe('estimateBatch', () => {
  it('returns one outcome per request, in order, each as estimate() gives it', () => {
    const out = estimateBatch(
      [
        good(1),
        { location: 'XX' },
        good(3),
        { location: 'nowhere', durationHours: 1, gpu: { model: 'tg700', count: 1 } },
        'text',
        good(5),
      ],
      tables,
    );
    expect(out.map((o) => o.ok)).toEqual([true, false, true, false, false, true]);
    expect(out[0]).toEqual({ ok: true, result: estimate(Workload.parse(good(1)), tables) });
    expect(out[1]).toMatchObject({ ok: false, refusal: { code: 'missing_duration' } });
    expect(out[3]).toMatchObject({
      ok: false,
      refusal: { code: 'unknown_location', path: ['location'] },
    });
    expect(out[4]).toMatchObject({ ok: false, issues: [{ code: 'invalid_type' }] });
  });

  it('reports schema issues with their paths, not only the first', () => {
    const [out] = estimateBatch(
      [{ location: 'XX', durationHours: -1, gpu: { model: 'tg700', count: 0 } }],
      tables,
    );
    expect(out!.ok).toBe(false);
    if (!out!.ok && 'issues' in out!)
      expect(out.issues.map((i) => i.path.join('.')).sort()).toEqual([
        'durationHours',
        'gpu.count',
      ]);
  });

  it('refuses an unknown preset per item (the fixture has none)', () => {
    const [out] = estimateBatch([{ preset: 'any', location: 'XX' }], tables);
    expect(out).toMatchObject({ ok: false, refusal: { code: 'unknown_preset', path: ['preset'] } });
  });

  test.prop([
    fc.array(
      fc.oneof(
        fc.double({ min: 0, max: 1e4, noNaN: true }).map(good),
        fc.constant({ location: 'XX' }),
      ),
      { maxLength: 30 },
    ),
  ])('keeps the order and the count of any mix of good and bad items', (items) => {
    const out = estimateBatch(items, tables);
    expect(out.length).toBe(items.length);
    out.forEach((o, i) => {
      expect(o.ok).toBe('durationHours' in items[i]!);
      if (o.ok)
        expect(o.result.durationHours).toBe((items[i] as { durationHours: number }).durationHours);
    });
  });
});
