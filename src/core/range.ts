// Low / central / high bounds. Products combine in log space, sums in quadrature of the
// deviations (independent factors); DESIGN.md "Range".

/** A value with its low and high bound. */
export interface Bounded {
  readonly central: number;
  readonly low: number;
  readonly high: number;
}

export const ZERO: Bounded = { central: 0, low: 0, high: 0 };

/** `central` with bounds given as factors, e.g. `bounded(100, 0.8, 1.1)` -> 80..110. */
export function bounded(central: number, lowFactor: number, highFactor: number): Bounded {
  return { central, low: central * lowFactor, high: central * highFactor };
}

/** Bounds of a product of independent factors: log-deviations add in quadrature. */
export function multiplyBounded(...factors: readonly Bounded[]): Bounded {
  let central = 1;
  let lowLog2 = 0;
  let highLog2 = 0;
  for (const f of factors) {
    if (f.central === 0) return ZERO;
    central *= f.central;
    const down = Math.log(f.central / f.low);
    const up = Math.log(f.high / f.central);
    lowLog2 += down * down;
    highLog2 += up * up;
  }
  return {
    central,
    low: central * Math.exp(-Math.sqrt(lowLog2)),
    high: central * Math.exp(Math.sqrt(highLog2)),
  };
}

/** Bounds of a sum of independent terms: absolute deviations add in quadrature. */
export function addBounded(...terms: readonly Bounded[]): Bounded {
  let central = 0;
  let down2 = 0;
  let up2 = 0;
  for (const t of terms) {
    central += t.central;
    const d = t.central - t.low;
    down2 += d * d;
    const u = t.high - t.central;
    up2 += u * u;
  }
  return { central, low: sumLow(central, down2), high: sumHigh(central, up2) };
}

/** Multiplies every bound by an exact constant (unit conversion, hours). */
export function scaleBy(b: Bounded, k: number): Bounded {
  return { central: b.central * k, low: b.low * k, high: b.high * k };
}

/**
 * Squared log-deviations (down, up) of a factor, so a product's bounds can be worked out in parts:
 * the plan's fixed factors once, each run's own factor per run. Same law as multiplyBounded.
 */
export interface LogSpread {
  readonly down2: number;
  readonly up2: number;
}

export function logSpread(...factors: readonly Bounded[]): LogSpread {
  let down2 = 0;
  let up2 = 0;
  for (const f of factors) {
    if (f.central === 0) continue;
    const down = Math.log(f.central / f.low);
    const up = Math.log(f.high / f.central);
    down2 += down * down;
    up2 += up * up;
  }
  return { down2, up2 };
}

// The bounds one at a time, as plain numbers, for the per-run steps (evaluate.ts). Same formulas as above.

/** Low bound of `central` (a product of factors) whose squared log-deviations below sum to `down2`. */
export function spreadLow(central: number, down2: number): number {
  return central * Math.exp(-Math.sqrt(down2));
}

/** High bound of `central` (a product of factors) whose squared log-deviations above sum to `up2`. */
export function spreadHigh(central: number, up2: number): number {
  return central * Math.exp(Math.sqrt(up2));
}

/** addBounded's low bound of a sum `central` whose terms' squared deviations below sum to `down2`. */
export function sumLow(central: number, down2: number): number {
  return Math.max(0, central - Math.sqrt(down2));
}

/** addBounded's high bound of a sum `central` whose terms' squared deviations above sum to `up2`. */
export function sumHigh(central: number, up2: number): number {
  return central + Math.sqrt(up2);
}
