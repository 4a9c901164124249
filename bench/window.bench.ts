// Time-window search and series decoding on real data. Plain script: `npx tsx bench/window.bench.ts`.
// Prints medians over many runs; no assertions.
import { hourlyZoneYears } from '../data/built/hourly.ts';
import { decodeHours } from '../src/core/hourly.ts';
import { bestStart } from '../src/core/time-window.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median wall time of fn in ms over `runs` runs, after `warmup` unmeasured runs. */
function time(fn: () => unknown, runs: number, warmup = 50): number {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += fn() === undefined ? 0 : 1;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink += fn() === undefined ? 0 : 1;
    samples.push(performance.now() - t0);
  }
  if (sink < 0) console.log(sink);
  return median(samples);
}

const row = hourlyZoneYears.find((r) => r.zone === 'US-CAL-CISO' && r.year === 2023)!;
const series = decodeHours(row.packed);
const fmt = (ms: number) => `${ms.toFixed(4)} ms`;

console.log(`node ${process.version}; series ${row.zone} ${row.year}, ${series.length} hours, packed ${row.packed.length} chars`);
console.log(`bestStart, 6-hour job, delay 8,754 h (every start of the year): median ${fmt(time(() => bestStart(series, 0, 6, 8754), 2000))}`);
console.log(`bestStart, 6.5-hour job, delay 8,753 h:                          median ${fmt(time(() => bestStart(series, 0, 6.5, 8753), 2000))}`);
console.log(`bestStart, 6-hour job, delay 24 h:                               median ${fmt(time(() => bestStart(series, 3648, 6, 24), 20000))}`);
console.log(`decodeHours, one zone-year:                                      median ${fmt(time(() => decodeHours(row.packed), 500))}`);
