// A seeded generator so every run benchmarks the same synthetic rows (xorshift32, Marsaglia 2003).

/** Uniform numbers in [0, 1) from a 32-bit xorshift state; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

/** One element of `items`, uniformly. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}
