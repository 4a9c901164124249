// Small helpers shared by the benchmarks: medians, timing, formatting. No assertions anywhere.

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Wall times of `runs` calls of `fn` in ms, in call order, after `warmup` unmeasured calls. */
export function sampleMs(fn: () => unknown, runs: number, warmup = Math.min(runs, 200)): number[] {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += fn() === undefined ? 0 : 1;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink += fn() === undefined ? 0 : 1;
    samples.push(performance.now() - t0);
  }
  // Keeps the results observable so the calls cannot be optimised away.
  if (sink < 0) console.log(sink);
  return samples;
}

/** Median wall time of `fn` in ms over `runs` runs, after `warmup` unmeasured runs. */
export function medianMs(fn: () => unknown, runs: number, warmup = Math.min(runs, 200)): number {
  return median(sampleMs(fn, runs, warmup));
}

/**
 * The median of each of `rounds` consecutive, equal slices of `samples`: the same calls read as
 * back-to-back runs, so that load from elsewhere on the machine shows as spread between runs
 * (the min–max in bench/RESULTS.md) instead of hiding in one median. A remainder joins the last slice.
 */
export function roundMedians(samples: readonly number[], rounds: number): number[] {
  const size = Math.floor(samples.length / rounds);
  if (size === 0) return [median(samples)];
  return Array.from({ length: rounds }, (_, k) =>
    median(samples.slice(k * size, k === rounds - 1 ? samples.length : (k + 1) * size)),
  );
}

/** 1234567.8 -> "1,234,568". */
export const int = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A number with `digits` decimals, for the machine-readable lines (no grouping separators). */
export const plain = (n: number, digits: number): string =>
  Number.isFinite(n) ? n.toFixed(digits) : 'NaN';

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** Prints a section heading. */
export function heading(title: string): void {
  console.log(`\n== ${title}`);
}
