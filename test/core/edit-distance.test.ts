// The one edit distance: exact without a limit, and a cheap "more than limit" with one.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/core/edit-distance.ts';

describe('editDistance', () => {
  it('counts single-character edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });

  test.prop([fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })])(
    'is symmetric and bounded by the longer length',
    (a, b) => {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
      expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      expect(editDistance(a, b) === 0).toBe(a === b);
    },
  );

  test.prop([fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat({ max: 6 })])(
    'with a limit, answers the distance up to it, and more than the limit past it',
    (a, b, limit) => {
      const exact = editDistance(a, b);
      const limited = editDistance(a, b, limit);
      if (exact <= limit) expect(limited).toBe(exact);
      else expect(limited).toBeGreaterThan(limit);
    },
  );
});
