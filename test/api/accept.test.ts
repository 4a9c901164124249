// The one Accept negotiator: the type named first wins, the default when none is named.
import { describe, expect, it } from 'vitest';
import { preferredMediaType } from '../../src/api/accept.ts';
import { negotiateEstimateFormat } from '../../src/api/estimate-response.ts';

describe('preferredMediaType', () => {
  const types = ['application/json', 'text/csv'] as const;
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['text/csv', 'text/csv'],
    ['TEXT/CSV, application/json', 'text/csv'],
    ['application/json, text/csv', 'application/json'],
  ] as const)('%j -> %s', (accept, expected) => {
    expect(preferredMediaType(accept, [...types])).toBe(expected);
  });
});

describe('negotiateEstimateFormat', () => {
  it('prefers ?format, then the first of the three types Accept names', () => {
    expect(negotiateEstimateFormat('csv', 'application/json')).toBe('csv');
    expect(negotiateEstimateFormat(undefined, 'application/vnd.boamps+json, text/csv')).toBe(
      'boamps',
    );
    expect(negotiateEstimateFormat(undefined, 'text/csv;q=0.5, application/vnd.boamps+json')).toBe(
      'csv',
    );
    expect(negotiateEstimateFormat(undefined, 'text/html')).toBe('json');
  });
});
