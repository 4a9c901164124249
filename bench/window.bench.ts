// Time-window search and series decoding on real data. `npx tsx bench/window.bench.ts`; part of
// `npm run bench`. Prints medians over many runs; no assertions.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { hourlyGridDivisor, hourlySeriesFile, hourlyZoneYears } from '../data/built/hourly.ts';
import { decodeSeries, gramGrid, seriesBodyOffset } from '../src/core/hourly.ts';
import { bestStart } from '../src/core/time-window.ts';
import { heading, median, medianMs, roundMedians, sampleMs } from './lib/stats.ts';

export interface WindowFigures {
  zone: string;
  year: number;
  hours: number;
  /** bestStart, 6-hour job, every start of the year (delay 8,754 h), median ms. */
  yearMs: number;
  /** The year search's calls read as ROUNDS back-to-back runs, each run's median (bench/RESULTS.md). */
  yearRoundsMs: number[];
  /** Timed year-search calls behind yearMs. */
  yearCalls: number;
  fractionalMs: number;
  dayMs: number;
  decodeMs: number;
}

/** Runs the year search's repetitions are split into for the spread in bench/RESULTS.md. */
const ROUNDS = 5;

/** `scale` < 1 runs fewer repetitions (the quick run). */
export function measureWindow(scale = 1): WindowFigures {
  const runs = (n: number) => Math.max(20, Math.round(n * scale));
  const at = hourlyZoneYears.findIndex((r) => r.zone === 'US-CAL-CISO' && r.year === 2023);
  const row = hourlyZoneYears[at]!;
  const file = gunzipSync(
    readFileSync(new URL(`../data/built/${hourlySeriesFile}`, import.meta.url)),
  );
  const offset =
    seriesBodyOffset(file) + hourlyZoneYears.slice(0, at).reduce((n, r) => n + r.hours, 0);
  const grid = gramGrid(hourlyGridDivisor);
  const decode = () => decodeSeries(file, offset, row.hours, grid);
  const series = decode();
  const year = sampleMs(() => bestStart(series, 0, 6, 8754), runs(2000), 50);
  return {
    zone: row.zone,
    year: row.year,
    hours: series.length,
    yearMs: median(year),
    yearRoundsMs: roundMedians(year, ROUNDS),
    yearCalls: year.length,
    fractionalMs: medianMs(() => bestStart(series, 0, 6.5, 8753), runs(2000), 50),
    dayMs: medianMs(() => bestStart(series, 3648, 6, 24), runs(20000), 50),
    decodeMs: medianMs(decode, runs(500), 50),
  };
}

export function printWindow(f: WindowFigures): void {
  const fmt = (ms: number) => `${ms.toFixed(4)} ms`;
  heading(`Window search: ${f.zone} ${f.year}, ${f.hours} hours`);
  console.log(
    `bestStart, 6-hour job, delay 8,754 h (every start of the year): median ${fmt(f.yearMs)} (target ≤ 1 ms)`,
  );
  console.log(
    `bestStart, 6.5-hour job, delay 8,753 h:                          median ${fmt(f.fractionalMs)}`,
  );
  console.log(
    `bestStart, 6-hour job, delay 24 h:                               median ${fmt(f.dayMs)}`,
  );
  console.log(
    `decodeSeries, one zone-year:                                     median ${fmt(f.decodeMs)}`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  printWindow(measureWindow());
