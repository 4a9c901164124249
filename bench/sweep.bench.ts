// Sweep benchmark: one workload over every region (compareRegions), median over many runs.
// `npm run bench:sweep`; part of `npm run bench`. Prints figures only, asserts nothing.
import { pathToFileURL } from 'node:url';
import { Workload } from '../src/core/schemas.ts';
import { estimator, tables } from '../src/data/index.ts';
import { heading, median, medianMs, roundMedians, sampleMs } from './lib/stats.ts';
import { README_WORKLOAD } from './http.ts';

// The README's example without its functional unit (per-unit figures do not change the sweep).
const { functionalUnit: _unit, ...readme } = README_WORKLOAD;
const workload = Workload.parse(readme);

export interface SweepFigures {
  regions: number;
  /** compareRegions over every region, one workload (median ms). */
  sweepMs: number;
  /** The sweep's calls read as ROUNDS back-to-back runs, each run's median (bench/RESULTS.md). */
  sweepRoundsMs: number[];
  /** Timed sweep calls behind sweepMs. */
  sweepCalls: number;
  withHardwareMs: number;
  naiveMs: number;
}

/** Runs the sweep's repetitions are split into for the spread in bench/RESULTS.md. */
const ROUNDS = 5;

/** `scale` < 1 runs fewer repetitions (the quick run). */
export function measureSweep(scale = 1): SweepFigures {
  const runs = (n: number) => Math.max(20, Math.round(n * scale));
  const regionIds = [...tables.regions.keys()];
  const sweep = sampleMs(
    () => estimator.compare(workload, { top: 10, rankBy: 'location' }),
    runs(2000),
  );
  return {
    regions: regionIds.length,
    sweepMs: median(sweep),
    sweepRoundsMs: roundMedians(sweep, ROUNDS),
    sweepCalls: sweep.length,
    withHardwareMs: medianMs(
      () =>
        estimator.compare(workload, {
          top: 10,
          rankBy: 'location',
          hardware: ['B200', 'A100', 'H200', 'MI300X'],
        }),
      runs(500),
    ),
    naiveMs: medianMs(
      () => regionIds.map((location) => estimator.estimate({ ...workload, location })),
      runs(200),
    ),
  };
}

export function printSweep(f: SweepFigures): void {
  heading(`Region sweep: one workload (README example) over all ${f.regions} regions`);
  console.log(
    `compareRegions, all regions:              median ${f.sweepMs.toFixed(3)} ms (target ≤ 1 ms)`,
  );
  console.log(`compareRegions, all regions × 5 GPUs:     median ${f.withHardwareMs.toFixed(3)} ms`);
  console.log(`estimate() once per region (reference):   median ${f.naiveMs.toFixed(3)} ms`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  printSweep(measureSweep());
