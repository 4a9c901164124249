import { describe, expect, it } from 'vitest';
import { addBounded, bounded, multiplyBounded } from '../../src/core/range.ts';
import { curveShare, interpolateCurve } from '../../src/core/power.ts';

describe('range arithmetic', () => {
  it('adds deviations in quadrature', () => {
    // (10 ± 3) + (20 ± 4): deviation sqrt(9 + 16) = 5
    const s = addBounded(bounded(10, 0.7, 1.3), bounded(20, 0.8, 1.2));
    expect(s).toEqual({ central: 30, low: expect.closeTo(25, 12), high: expect.closeTo(35, 12) });
  });

  it('multiplies in log space', () => {
    // 2 × 3 with factors ×/÷ e^0.3 and e^0.4: log deviation 0.5
    const p = multiplyBounded(
      bounded(2, Math.exp(-0.3), Math.exp(0.3)),
      bounded(3, Math.exp(-0.4), Math.exp(0.4)),
    );
    expect(p.central).toBeCloseTo(6, 12);
    expect(p.low).toBeCloseTo(6 * Math.exp(-0.5), 12);
    expect(p.high).toBeCloseTo(6 * Math.exp(0.5), 12);
  });
});

describe('load curve', () => {
  const points = [
    { utilization: 0, fractionOfTdp: 0.12 },
    { utilization: 0.1, fractionOfTdp: 0.32 },
    { utilization: 0.5, fractionOfTdp: 0.75 },
    { utilization: 1, fractionOfTdp: 1.02 },
  ];
  it('interpolates between points', () => {
    // between 0.1 (0.32) and 0.5 (0.75): at 0.3, 0.32 + 0.5 × 0.43 = 0.535
    expect(interpolateCurve(points, 0.3)).toBeCloseTo(0.535, 12);
    expect(interpolateCurve(points, 1)).toBe(1.02);
    // share of idle-to-max: (0.75 − 0.12) / 0.9 = 0.7
    expect(curveShare(points, 0.5)).toBeCloseTo(0.7, 12);
  });
});
