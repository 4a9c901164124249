// `npm run bench [-- --quick]`: every benchmark in one run, then the figures a script can read.
// Full: under 10 minutes on a 2-core machine; --quick: shorter runs and smaller N, under 3 minutes.
// Figures only: no target fails the run (missed targets are marked, and the full run profiles them).
// The last ten lines are `name: number`, in this order:
//   engine_vs_ccf_ratio, http_vs_floor_ratio, batch_item_vs_single_ratio, region_sweep_ms,
//   window_search_ms, worker_bundle_gz_kib, focus_rows_per_s, focus_vs_parse_ratio,
//   focus_peak_rss_mib, batch_cli_peak_rss_mib
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { runBatchBench } from './batch.ts';
import { runEngineBench } from './engine.ts';
import { measureBatchCli, measureFocus, printBatchCli, printFocus, withTempDir } from './focus.ts';
import { measureBundle, measureColdStart, measurePageWeight } from './footprint.ts';
import { FULL_HTTP, QUICK_HTTP, runHttpBench } from './http.ts';
import { printProfile, profileEngine, profileServer } from './profile.ts';
import { gitCommit, loadAverage, machine, operatingSystem } from './lib/machine.ts';
import { resultFigures } from './lib/result-figures.ts';
import { renderResults } from './lib/results-md.ts';
import { BENCH_SERVER_ENTRY, BENCH_SERVER_ENV, spawnServer } from './lib/server.ts';
import { heading, int, plain } from './lib/stats.ts';
import { measureSweep, printSweep } from './sweep.bench.ts';
import { measureWindow, printWindow } from './window.bench.ts';

const quick = process.argv.includes('--quick');
const started = performance.now();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const startedAt = new Date().toISOString();
const loadAtStart = loadAverage();
// Read before the run: the commit whose code is measured.
const commit = quick ? '' : gitCommit();

console.log(
  `gridshift benchmarks (${quick ? 'quick' : 'full'}): node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${load()}`,
);

// 1. Engine vs Cloud Carbon Footprint (in this process).
const engine = runEngineBench(quick ? { rows: 50_000, rounds: 3 } : { rows: 200_000, rounds: 7 });

// 3b. Sweep and window (in this process, no server running).
const sweep = measureSweep(quick ? 0.25 : 1);
printSweep(sweep);
const window = measureWindow(quick ? 0.25 : 1);
printWindow(window);

// 2 and 3a. HTTP and batch, on one bench-mode server child process.
const server = await spawnServer(BENCH_SERVER_ENTRY, { env: BENCH_SERVER_ENV });
let http, batch, memoryAfterHttp, memoryAfterBatch;
// The server's RSS after each HTTP round, for its spread in bench/RESULTS.md.
const rssPerHttpRound: number[] = [];
try {
  const memoryAtStart = server.memory();
  http = await runHttpBench(server, quick ? QUICK_HTTP : FULL_HTTP, () => {
    const m = server.memory();
    if (m) rssPerHttpRound.push(m.rssBytes);
  });
  memoryAfterHttp = server.memory();
  batch = await runBatchBench(server, { items: 10_000, batchRuns: quick ? 2 : 5, connections: 10 });
  memoryAfterBatch = server.memory();
  heading('Server memory (VmRSS / VmHWM of the bench server process)');
  if (memoryAtStart && memoryAfterHttp && memoryAfterBatch) {
    console.log(`after start-up: RSS ${mib(memoryAtStart.rssBytes)}`);
    console.log(
      `after the HTTP bench: RSS ${mib(memoryAfterHttp.rssBytes)} (peak so far ${mib(memoryAfterHttp.peakRssBytes)})`,
    );
    console.log(
      `after the batch bench: RSS ${mib(memoryAfterBatch.rssBytes)} (peak ${mib(memoryAfterBatch.peakRssBytes)}, with 10,000-item batches in flight)`,
    );
  } else console.log('not measured (no /proc on this system)');
} finally {
  await server.close();
}

// 5. FOCUS bills and the CLI's batch, each measured in a child process (its own peak RSS).
const [focus, batchCli] = await withTempDir(async (dir) => {
  const f = await measureFocus(dir, quick ? 200_000 : 1_000_000, quick ? 1 : 3);
  printFocus(f);
  const b = measureBatchCli(dir, quick ? 100_000 : 500_000);
  printBatchCli(b);
  return [f, b] as const;
});

// 4. Footprint.
const bundle = measureBundle();
const cold = await measureColdStart(quick ? 3 : 7);
const page = await measurePageWeight();

// Where a target is missed, the full run profiles it (node --cpu-prof).
const targets = {
  engine: engine.ratio >= 3,
  http: http.ratio >= 0.85,
  batch: batch.ratio <= 1 / 50,
  sweep: sweep.sweepMs <= 1,
  window: window.yearMs <= 1,
  bundle: bundle.gzipBytes <= 724 * 1024,
  focus: focus.rowsPerS >= 200_000,
  focusRatio: focus.ratio >= 0.7,
  focusRss: focus.focus.peakRssMib <= 400,
  batchRss: batchCli.peakRssMib <= 400,
};
if (!quick) {
  if (!targets.engine) printProfile(profileEngine(8, 15));
  if (!targets.http) printProfile(await profileServer(8, 'estimate', 15));
  if (!targets.batch) printProfile(await profileServer(8, 'batch', 15));
} else if (!targets.engine || !targets.http || !targets.batch) {
  console.log(
    '\n(missed targets are profiled by the full run, or: npm run bench:profile -- [--estimate|--batch])',
  );
}

heading('Summary');
const mark = (ok: boolean) => (ok ? 'met   ' : 'MISSED');
const rows: [string, string, string][] = [
  [
    `engine: ${int(engine.gridshiftRowsPerS)} vs CCF ${int(engine.ccfRowsPerS)} rows/s = ${engine.ratio.toFixed(2)}× (with parse ${engine.ratioWithParse.toFixed(2)}×)`,
    '≥ 3×',
    mark(targets.engine),
  ],
  [
    `HTTP: estimate ${int(http.estimate.reqPerS)} vs echo ${int(http.echo.reqPerS)} req/s = ${http.ratio.toFixed(3)}; p50/p99 ${http.estimate.p50Ms.toFixed(2)}/${http.estimate.p99Ms.toFixed(2)} vs ${http.echo.p50Ms.toFixed(2)}/${http.echo.p99Ms.toFixed(2)} ms`,
    '≥ 0.85',
    mark(targets.http),
  ],
  [
    `batch: ${(batch.perItemMs * 1000).toFixed(1)} µs/item vs ${(batch.singleMs * 1000).toFixed(1)} µs/call = ${batch.ratio.toFixed(4)}`,
    '≤ 0.02',
    mark(targets.batch),
  ],
  [
    `region sweep (${sweep.regions} regions): ${sweep.sweepMs.toFixed(3)} ms`,
    '≤ 1 ms',
    mark(targets.sweep),
  ],
  [
    `window search (8,760 h, delay 8,754 h): ${window.yearMs.toFixed(4)} ms`,
    '≤ 1 ms',
    mark(targets.window),
  ],
  [
    `Worker bundle: ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip`,
    '≤ 724 KiB (300 KiB of 1 MiB free)',
    mark(targets.bundle),
  ],
  [
    `FOCUS: ${int(focus.rowsPerS)} rows/s CSV file -> summary (${int(focus.rows)} rows), parse only ${int(focus.parseRowsPerS)} rows/s`,
    '≥ 200,000 rows/s',
    mark(targets.focus),
  ],
  [`FOCUS vs parse only: ${focus.ratio.toFixed(3)}`, '≥ 0.7', mark(targets.focusRatio)],
  [`FOCUS peak RSS: ${focus.focus.peakRssMib.toFixed(0)} MiB`, '≤ 400 MiB', mark(targets.focusRss)],
  [
    `CLI batch peak RSS (${int(batchCli.rows)} rows): ${batchCli.peakRssMib.toFixed(0)} MiB`,
    '≤ 400 MiB',
    mark(targets.batchRss),
  ],
  [
    `cold start: ${cold.gridshiftMs.toFixed(0)} ms vs bare Hono ${cold.bareHonoMs.toFixed(0)} ms`,
    '',
    '      ',
  ],
  [
    `page weight: ${page.kb === null ? `not measured (${page.error})` : `${page.kb} KB gzip`}`,
    page.kb === null ? '' : '≤ 250 KB',
    page.kb === null ? '      ' : mark(page.kb <= 250),
  ],
  [
    `server RSS after the HTTP bench: ${memoryAfterHttp ? mib(memoryAfterHttp.rssBytes) : 'n/a'}; peak after batches ${memoryAfterBatch ? mib(memoryAfterBatch.peakRssBytes) : 'n/a'}`,
    '',
    '      ',
  ],
];
for (const [what, target, ok] of rows)
  console.log(`${ok}  ${what}${target ? `  (target ${target})` : ''}`);
const wallSeconds = (performance.now() - started) / 1000;
console.log(
  `took ${wallSeconds.toFixed(0)} s; load average now ${load()} (other work on the machine skews absolute figures; ratios are measured alternately)`,
);

// bench/RESULTS.md: the full run's figures with their spread over runs. The quick run's shorter
// rounds would be a worse record, so it leaves the file alone.
if (quick) console.log('bench/RESULTS.md not written (--quick; the full run writes it)');
else {
  const info = {
    date: startedAt,
    machine: machine(),
    os: operatingSystem(),
    node: process.version,
    commit,
    loadStart: loadAtStart,
    loadEnd: loadAverage(),
    wallSeconds,
  };
  const figures = resultFigures({
    engine,
    http,
    httpRoundSeconds: FULL_HTTP.seconds,
    batch,
    sweep,
    window,
    bundle,
    cold,
    page,
    rssPerHttpRound,
    peakRssAfterBatch: memoryAfterBatch?.peakRssBytes ?? null,
  });
  writeFileSync(new URL('RESULTS.md', import.meta.url), renderResults(info, figures));
  console.log('wrote bench/RESULTS.md');
}

console.log('');
console.log(`engine_vs_ccf_ratio: ${plain(engine.ratio, 3)}`);
console.log(`http_vs_floor_ratio: ${plain(http.ratio, 3)}`);
console.log(`batch_item_vs_single_ratio: ${plain(batch.ratio, 4)}`);
console.log(`region_sweep_ms: ${plain(sweep.sweepMs, 3)}`);
console.log(`window_search_ms: ${plain(window.yearMs, 4)}`);
console.log(`worker_bundle_gz_kib: ${plain(bundle.gzipBytes / 1024, 1)}`);
console.log(`focus_rows_per_s: ${plain(focus.rowsPerS, 0)}`);
console.log(`focus_vs_parse_ratio: ${plain(focus.ratio, 3)}`);
console.log(`focus_peak_rss_mib: ${plain(focus.focus.peakRssMib, 1)}`);
console.log(`batch_cli_peak_rss_mib: ${plain(batchCli.peakRssMib, 1)}`);
