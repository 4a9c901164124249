// Which measured figures go into bench/RESULTS.md, as what, against which target (the issue's).
// The per-run arrays come from the benchmarks' own rounds, so the full run is not repeated.
import type { BatchFigures } from '../batch.ts';
import type { EngineFigures } from '../engine.ts';
import type { ColdStartFigures, PageWeightFigures } from '../footprint.ts';
import type { HttpFigures } from '../http.ts';
import type { SweepFigures } from '../sweep.bench.ts';
import type { WindowFigures } from '../window.bench.ts';
import type { Figure } from './results-md.ts';
import { int } from './stats.ts';

export interface MeasuredRun {
  engine: EngineFigures;
  http: HttpFigures;
  httpRoundSeconds: number;
  batch: BatchFigures;
  sweep: SweepFigures;
  window: WindowFigures;
  bundle: { gzipBytes: number };
  cold: ColdStartFigures;
  page: PageWeightFigures;
  /** Server VmRSS after each HTTP round, bytes. */
  rssPerHttpRound: number[];
  /** Server VmHWM after the batch bench, bytes; null without /proc. */
  peakRssAfterBatch: number | null;
}

const MIB = 1024 * 1024;
const SINGLE = 'single measurement (deterministic)';

export function resultFigures(m: MeasuredRun): Figure[] {
  const pass = `one pass over ${int(m.engine.rows)} rows per run, engines interleaved in 500-row blocks`;
  const passRatio =
    'per pass, both engines in the same pass (the summary line is the ratio of the median rates)';
  const round = `one ${m.httpRoundSeconds} s autocannon round per run, ${m.http.connections} connections; estimate, echo and answer rounds rotate`;
  // autocannon's latency histogram holds whole milliseconds, so decimals would be false precision.
  const latency = `${round}; autocannon records whole ms`;
  const batchRound = `${int(m.batch.items)} workloads per run; batch and single calls alternate`;
  const ms = (xs: readonly number[]) => xs.map((x) => x * 1000);
  return [
    {
      name: 'engine: gridshift estimate()',
      unit: 'rows/s',
      digits: 0,
      how: pass,
      samples: m.engine.perPass.gridshiftRowsPerS,
    },
    {
      name: 'engine: Cloud Carbon Footprint',
      unit: 'rows/s',
      digits: 0,
      how: pass,
      samples: m.engine.perPass.ccfRowsPerS,
    },
    {
      name: 'engine ratio gridshift ÷ CCF',
      unit: '×',
      digits: 2,
      how: passRatio,
      samples: m.engine.perPass.ratio,
      target: { op: '≥', value: 3, label: '≥ 3×' },
    },
    {
      name: 'engine ratio with Workload.parse ÷ CCF',
      unit: '×',
      digits: 2,
      how: passRatio,
      samples: m.engine.perPass.ratioWithParse,
    },
    {
      name: 'HTTP POST /v1/estimate',
      unit: 'req/s',
      digits: 0,
      how: round,
      samples: m.http.rounds.estimate.reqPerS,
    },
    {
      name: 'HTTP POST /bench/echo (floor)',
      unit: 'req/s',
      digits: 0,
      how: round,
      samples: m.http.rounds.echo.reqPerS,
    },
    {
      name: 'HTTP ratio estimate ÷ echo',
      unit: '',
      digits: 3,
      how: 'per round k of each, back to back (the summary line is req/s over all rounds)',
      samples: m.http.rounds.ratio,
      target: { op: '≥', value: 0.85, label: '≥ 0.85' },
    },
    cpuFigure(
      'HTTP server CPU per /v1/estimate request',
      round,
      m.http.rounds.estimate.serverCpuUs,
    ),
    cpuFigure('HTTP server CPU per /bench/echo request', round, m.http.rounds.echo.serverCpuUs),
    {
      name: "HTTP POST /bench/answer (the estimate's answer, ready-made)",
      unit: 'req/s',
      digits: 0,
      how: round,
      samples: m.http.rounds.answer.reqPerS,
    },
    {
      name: 'HTTP ratio answer ÷ echo (most an answer this size allows)',
      unit: '',
      digits: 3,
      how: 'per round k of each',
      samples: m.http.rounds.answerRatio,
    },
    cpuFigure('HTTP server CPU per /bench/answer request', round, m.http.rounds.answer.serverCpuUs),
    {
      name: 'HTTP estimate p50 latency',
      unit: 'ms',
      digits: 0,
      how: latency,
      samples: m.http.rounds.estimate.p50Ms,
    },
    {
      name: 'HTTP estimate p99 latency',
      unit: 'ms',
      digits: 0,
      how: latency,
      samples: m.http.rounds.estimate.p99Ms,
    },
    {
      name: 'HTTP echo p50 latency',
      unit: 'ms',
      digits: 0,
      how: latency,
      samples: m.http.rounds.echo.p50Ms,
    },
    {
      name: 'HTTP echo p99 latency',
      unit: 'ms',
      digits: 0,
      how: latency,
      samples: m.http.rounds.echo.p99Ms,
    },
    {
      name: 'batch: per item in one POST /v1/batch',
      unit: 'µs',
      digits: 1,
      how: `${batchRound}; batch wall time ÷ items`,
      samples: ms(m.batch.rounds.perItemMs),
    },
    {
      name: 'single POST /v1/estimate call',
      unit: 'µs',
      digits: 1,
      how: `${batchRound}; autocannon, ${m.http.connections} connections, wall time ÷ calls`,
      samples: ms(m.batch.rounds.singleMs),
    },
    {
      name: 'batch ratio per item ÷ single call',
      unit: '',
      digits: 4,
      how: 'per round, batch and single calls of the same round',
      samples: m.batch.rounds.ratio,
      target: { op: '≤', value: 1 / 50, label: '≤ 0.02' },
    },
    {
      name: `region sweep (${m.sweep.regions} regions)`,
      unit: 'ms',
      digits: 3,
      how: `${int(m.sweep.sweepCalls)} timed calls in ${m.sweep.sweepRoundsMs.length} consecutive runs, each run's median`,
      samples: m.sweep.sweepRoundsMs,
      target: { op: '≤', value: 1, label: '≤ 1 ms' },
    },
    {
      name: 'window search (8,760 h)',
      unit: 'ms',
      digits: 4,
      how: `${int(m.window.yearCalls)} timed calls in ${m.window.yearRoundsMs.length} consecutive runs, each run's median`,
      samples: m.window.yearRoundsMs,
      target: { op: '≤', value: 1, label: '≤ 1 ms' },
    },
    {
      name: 'Worker bundle, gzip',
      unit: 'KiB',
      digits: 1,
      how: `${SINGLE}: wrangler deploy --dry-run, gzip -9`,
      single: m.bundle.gzipBytes / 1024,
      target: { op: '≤', value: 724, label: '≤ 724 KiB (300 KiB of 1 MiB free)' },
    },
    {
      name: 'cold start: gridshift server',
      unit: 'ms',
      digits: 0,
      how: 'spawn to first 200 from /health per run; starts alternate with bare Hono',
      samples: m.cold.gridshiftRunsMs,
    },
    {
      name: 'cold start: bare Hono app',
      unit: 'ms',
      digits: 0,
      how: 'spawn to first 200 from /health per run; starts alternate with gridshift',
      samples: m.cold.bareHonoRunsMs,
    },
    m.page.kb === null
      ? {
          name: 'page weight, gzip',
          unit: 'KB',
          digits: 1,
          how: SINGLE,
          missing: m.page.error ?? 'unknown error',
          target: { op: '≤', value: 250, label: '≤ 250 KB' },
        }
      : {
          name: 'page weight, gzip',
          unit: 'KB',
          digits: 1,
          how: `${SINGLE}: headless chromium, gzip of everything the page loads`,
          single: m.page.kb,
          target: { op: '≤', value: 250, label: '≤ 250 KB' },
        },
    m.rssPerHttpRound.length > 0
      ? {
          name: 'server RSS during the HTTP bench',
          unit: 'MiB',
          digits: 1,
          how: 'VmRSS after each HTTP round (the summary prints the last)',
          samples: m.rssPerHttpRound.map((b) => b / MIB),
        }
      : {
          name: 'server RSS during the HTTP bench',
          unit: 'MiB',
          digits: 1,
          how: 'VmRSS',
          missing: 'no /proc on this system',
        },
    m.peakRssAfterBatch !== null
      ? {
          name: 'server peak RSS after the batch bench',
          unit: 'MiB',
          digits: 1,
          how: 'one reading of VmHWM (10,000-item batches in flight)',
          single: m.peakRssAfterBatch / MIB,
        }
      : {
          name: 'server peak RSS after the batch bench',
          unit: 'MiB',
          digits: 1,
          how: 'VmHWM',
          missing: 'no /proc on this system',
        },
  ];
}

/** Server CPU time per request: steadier than req/s, which also moves with the client and other load. */
function cpuFigure(name: string, round: string, samples: readonly number[]): Figure {
  const how = `${round}; utime + stime of the server process around each round ÷ its requests`;
  return samples.length > 0
    ? { name, unit: 'µs', digits: 1, how, samples }
    : { name, unit: 'µs', digits: 1, how, missing: 'no /proc on this system' };
}
