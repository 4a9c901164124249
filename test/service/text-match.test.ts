// Closest ids and search scoring.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/core/edit-distance.ts';
import { nearestIds, scoreMatch, searchByName } from '../../src/service/text-match.ts';

describe('nearestIds', () => {
  it('ranks by distance, ignoring case, same prefix first', () => {
    expect(
      nearestIds('AWS:US-EAST-2', ['gcp:europe-west1', 'aws:us-west-2', 'aws:us-east-1'], 2),
    ).toEqual(['aws:us-east-1', 'aws:us-west-2']);
    expect(nearestIds('aws:x', ['gcp:x', 'aws:long-name'], 1)).toEqual(['aws:long-name']);
  });

  test.prop([
    fc.string({ maxLength: 10 }),
    fc.uniqueArray(fc.string({ maxLength: 10 }), { maxLength: 20 }),
    fc.nat(10),
  ])('returns at most `limit` of the given ids, an exact one first', (input, ids, limit) => {
    const found = nearestIds(input, ids, limit);
    expect(found.length).toBe(Math.min(limit, ids.length));
    for (const id of found) expect(ids).toContain(id);
    if (limit > 0 && ids.includes(input))
      expect(editDistance(input.toLowerCase(), found[0]!.toLowerCase())).toBe(0);
  });
});

describe('scoreMatch / searchByName', () => {
  it('scores exact, prefix, all-words and no match', () => {
    expect(scoreMatch('h100', ['NVIDIA H100 SXM', 'h100'])).toBe(0);
    expect(scoreMatch('nvidia h1', ['NVIDIA H100 SXM'])).toBe(1);
    expect(scoreMatch('sxm h100', ['NVIDIA H100 SXM'])).toBe(2);
    expect(scoreMatch('h200', ['NVIDIA H100 SXM'])).toBeNull();
  });

  it('keeps the given order among equal scores', () => {
    const rows = [{ n: 'b h100' }, { n: 'h100' }, { n: 'a h100' }];
    expect(searchByName(rows, 'h100', (r) => [r.n]).map((r) => r.n)).toEqual([
      'h100',
      'b h100',
      'a h100',
    ]);
    expect(searchByName(rows, undefined, (r) => [r.n])).toEqual(rows);
  });
});
