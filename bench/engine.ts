// Engine throughput: gridshift's estimate() against Cloud Carbon Footprint's EC2 estimators on the
// same synthetic rows, in the same process, alternating, after a warm-up. `npx tsx bench/engine.ts
// [--quick]`; part of `npm run bench`. Prints figures only.
//
// gridshift's rows are pre-parsed with the zod Workload schema outside the timed loop (the engine is
// what is measured); the with-parse figure times Workload.parse + estimate per row.
import { pathToFileURL } from 'node:url';
import { Workload } from '../src/core/schemas.ts';
import { estimator } from '../src/data/index.ts';
import { createCcfEstimator } from './lib/ccf.ts';
import {
  DEFAULT_SEED,
  generateRows,
  toWorkload,
  type ComputeRow,
} from '../test/helpers/synthetic-rows.ts';
import { heading, int, median } from './lib/stats.ts';

export interface EngineOptions {
  rows: number;
  rounds: number;
  seed?: number;
}

export interface EngineFigures {
  rows: number;
  rounds: number;
  ccfRowsPerS: number;
  gridshiftRowsPerS: number;
  gridshiftWithParseRowsPerS: number;
  /** gridshift rows/s ÷ CCF rows/s (engine only). */
  ratio: number;
  ratioWithParse: number;
  /** The same figures for each measured pass (bench/RESULTS.md); the ratios pair the engines within a pass. */
  perPass: {
    ccfRowsPerS: number[];
    gridshiftRowsPerS: number[];
    gridshiftWithParseRowsPerS: number[];
    ratio: number[];
    ratioWithParse: number[];
  };
}

/** Rows per block of the interleaved passes. */
const BLOCK = 500;

interface Sums {
  kwh: number;
  kg: number;
  low: number;
  high: number;
  embodiedKg: number;
  factors: number;
}

export function runEngineBench(options: EngineOptions): EngineFigures {
  const rows = generateRows(options.rows, options.seed ?? DEFAULT_SEED);
  const raw = rows.map(toWorkload);
  const parsed = raw.map((w) => Workload.parse(w));
  const ccf = createCcfEstimator();

  const zero = (): Sums => ({ kwh: 0, kg: 0, low: 0, high: 0, embodiedKg: 0, factors: 0 });
  const ccfRange = (from: number, to: number, s: Sums): void => {
    for (let i = from; i < to; i++) {
      const e = ccf(rows[i] as ComputeRow);
      s.kwh += e.kwh;
      s.kg += e.co2eT * 1000;
    }
  };
  const gridshiftRange = (from: number, to: number, s: Sums, withParse: boolean): void => {
    for (let i = from; i < to; i++) {
      const r = estimator.estimate(withParse ? Workload.parse(raw[i]) : parsed[i]!);
      s.kwh += r.energyKwh.total;
      s.kg += r.emissionsKgCo2e.total;
      s.low += r.emissionsKgCo2e.low;
      s.high += r.emissionsKgCo2e.high;
      s.embodiedKg += r.emissionsKgCo2e.embodied;
      s.factors += r.factors.length;
    }
  };

  // One pass over all rows per engine, interleaved in blocks of BLOCK rows (the engine that goes
  // first rotates per block), so that load from elsewhere on the machine and heap state fall on all
  // three alike; each engine's time is the sum of its blocks.
  const pass = () => {
    const ms = { ccf: 0, gs: 0, parse: 0 };
    const sums = { ccf: zero(), gs: zero(), parse: zero() };
    const run = {
      ccf: (a: number, b: number) => ccfRange(a, b, sums.ccf),
      gs: (a: number, b: number) => gridshiftRange(a, b, sums.gs, false),
      parse: (a: number, b: number) => gridshiftRange(a, b, sums.parse, true),
    };
    const orders = [
      ['ccf', 'gs', 'parse'],
      ['gs', 'parse', 'ccf'],
      ['parse', 'ccf', 'gs'],
    ] as const;
    for (let from = 0, block = 0; from < rows.length; from += BLOCK, block++) {
      const to = Math.min(rows.length, from + BLOCK);
      for (const which of orders[block % 3]!) {
        const t0 = performance.now();
        run[which](from, to);
        ms[which] += performance.now() - t0;
      }
    }
    return { ms, sums };
  };

  // Warm-up: every path runs until the JIT has seen it.
  for (let i = 0; i < 2; i++) pass();

  const ccfMs: number[] = [];
  const gsMs: number[] = [];
  const gsParseMs: number[] = [];
  let last: ReturnType<typeof pass> | undefined;
  for (let round = 0; round < options.rounds; round++) {
    last = pass();
    ccfMs.push(last.ms.ccf);
    gsMs.push(last.ms.gs);
    gsParseMs.push(last.ms.parse);
  }
  const ccfSums = last?.sums.ccf;
  const gsSums = last?.sums.gs;

  const perS = (ms: readonly number[]) => (rows.length / median(ms)) * 1000;
  const eachPerS = (ms: readonly number[]) => ms.map((m) => (rows.length / m) * 1000);
  const figures: EngineFigures = {
    rows: rows.length,
    rounds: options.rounds,
    ccfRowsPerS: perS(ccfMs),
    gridshiftRowsPerS: perS(gsMs),
    gridshiftWithParseRowsPerS: perS(gsParseMs),
    ratio: perS(gsMs) / perS(ccfMs),
    ratioWithParse: perS(gsParseMs) / perS(ccfMs),
    perPass: {
      ccfRowsPerS: eachPerS(ccfMs),
      gridshiftRowsPerS: eachPerS(gsMs),
      gridshiftWithParseRowsPerS: eachPerS(gsParseMs),
      ratio: ccfMs.map((c, k) => c / gsMs[k]!),
      ratioWithParse: ccfMs.map((c, k) => c / gsParseMs[k]!),
    },
  };

  heading('Engine throughput vs Cloud Carbon Footprint (same rows, same process)');
  console.log(
    `rows: ${int(rows.length)} synthetic EC2 rows (9 instance types, 21 regions, seed ${options.seed ?? DEFAULT_SEED}); ${options.rounds} passes after 2 warm-up passes, engines interleaved in blocks of ${BLOCK} rows; median pass`,
  );
  console.log(
    `CCF (compute + memory + embodied estimators):  ${int(figures.ccfRowsPerS).padStart(11)} rows/s`,
  );
  console.log(
    `gridshift estimate() (pre-parsed Workload):    ${int(figures.gridshiftRowsPerS).padStart(11)} rows/s   ratio ${figures.ratio.toFixed(2)}× (target ≥ 3×)`,
  );
  console.log(
    `gridshift Workload.parse + estimate():         ${int(figures.gridshiftWithParseRowsPerS).padStart(11)} rows/s   ratio ${figures.ratioWithParse.toFixed(2)}×`,
  );
  if (ccfSums && gsSums) {
    console.log(
      `checksum CCF:       ${ccfSums.kwh.toFixed(3)} kWh (CPU + memory), ${ccfSums.kg.toFixed(3)} kgCO2e (incl. embodied)`,
    );
    console.log(
      `checksum gridshift: ${gsSums.kwh.toFixed(3)} kWh (facility), ${gsSums.kg.toFixed(3)} kgCO2e [${gsSums.low.toFixed(3)}–${gsSums.high.toFixed(3)}], embodied ${gsSums.embodiedKg.toFixed(3)} kg, ${(gsSums.factors / rows.length).toFixed(1)} factors/row`,
    );
  }
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  runEngineBench(quick ? { rows: 50_000, rounds: 3 } : { rows: 200_000, rounds: 7 });
}
