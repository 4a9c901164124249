// Device power models: CPU on a SPECpower-derived load curve, GPU idle-to-max by utilisation.
import type { Bounded } from './range.ts';
import { bounded } from './range.ts';

export interface LoadCurvePoint {
  readonly utilization: number;
  readonly fractionOfTdp: number;
}

/** Piecewise-linear interpolation of the load curve at utilisation `u` (0–1). */
export function interpolateCurve(points: readonly LoadCurvePoint[], u: number): number {
  const first = points[0]!;
  if (u <= first.utilization) return first.fractionOfTdp;
  for (let i = 1; i < points.length; i++) {
    const b = points[i]!;
    if (u <= b.utilization) {
      const a = points[i - 1]!;
      return (
        a.fractionOfTdp +
        ((u - a.utilization) / (b.utilization - a.utilization)) *
          (b.fractionOfTdp - a.fractionOfTdp)
      );
    }
  }
  return points[points.length - 1]!.fractionOfTdp;
}

/**
 * Share of the way from idle to full power at utilisation `u`, by the load curve's shape
 * (0 at idle, 1 at full load); the linear min–max model is simply `u`.
 */
export function curveShare(points: readonly LoadCurvePoint[], u: number): number {
  return curveShareBetween(points, interpolateCurve(points, 0), interpolateCurve(points, 1), u);
}

/** curveShare with the curve's values at idle and full load given (a CPU plan works them out once). */
export function curveShareBetween(
  points: readonly LoadCurvePoint[],
  idle: number,
  full: number,
  u: number,
): number {
  return (interpolateCurve(points, u) - idle) / (full - idle);
}

/** Relative bounds of the CPU model: TDP-based curves overstate many-core server CPUs (SPECpower). */
const CPU_LOW_FACTOR = 0.7;
const CPU_HIGH_FACTOR = 1.1;

// One CPU thread: the curve is central; the linear min–max model and the TDP-to-draw factors bound the range.

/** The linear min–max model at utilisation `u`: with the curve, it bounds the range. */
export function cpuThreadLinearW(minW: number, maxW: number, u: number): number {
  return minW + (maxW - minW) * u;
}

/** Low bound of a thread's draw, from the curve's and the linear model's figures. */
export function cpuThreadLowW(curve: number, linear: number): number {
  return Math.min(curve, linear) * CPU_LOW_FACTOR;
}

/** High bound of a thread's draw, from the curve's and the linear model's figures. */
export function cpuThreadHighW(curve: number, linear: number): number {
  return Math.max(curve, linear) * CPU_HIGH_FACTOR;
}

// One GPU at a given utilisation: idle + (max − idle) × u, bounds −25 %/+15 %.

/** Central draw: idle + (max − idle) × u. */
export function gpuDrawW(maxW: number, idleW: number, u: number): number {
  return idleW + (maxW - idleW) * u;
}

/** Low bound: −25 %, never under idle. */
export function gpuDrawLowW(idleW: number, central: number): number {
  return Math.max(idleW, central * 0.75);
}

/** High bound: +15 %, never over 105 % of rated power. */
export function gpuDrawHighW(maxW: number, central: number): number {
  return Math.min(maxW * 1.05, central * 1.15);
}

/**
 * Average board power of one GPU when utilisation is unknown: `centralW` (a measured average, or a
 * share of rated power from measured runs), bounded below by the lowest measured busy draw
 * (`minFraction` of rated power, never under idle) and above by rated power.
 */
export function gpuDefaultPowerW(
  maxW: number,
  idleW: number,
  centralW: number,
  minFraction: number,
  highMaxW: number = maxW,
): Bounded {
  return {
    central: centralW,
    low: Math.max(idleW, Math.min(centralW, maxW * minFraction)),
    high: Math.max(centralW, highMaxW),
  };
}

/** A measured average draw: used as is, with ±5 % for metering. */
export function measuredPowerW(powerW: number): Bounded {
  return bounded(powerW, 0.95, 1.05);
}
