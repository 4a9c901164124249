// Footprint: Worker bundle gzip size (bench/worker-size.ts), Node cold start to the first answered
// request against a bare Hono app started the same way (bench/fixtures/bare-hono.ts), and page weight
// (bench/page-weight.ts, headless chromium). `npx tsx bench/footprint.ts [--quick]`; part of
// `npm run bench`. Prints figures only.
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { measureWorkerBundle, WORKER_GZIP_BUDGET_BYTES } from '../test/helpers/worker-bundle.ts';
import { ROOT, spawnServer } from './lib/server.ts';
import { heading, kib, median } from './lib/stats.ts';

export interface ColdStartFigures {
  runs: number;
  gridshiftMs: number;
  bareHonoMs: number;
  /** Each measured start, in order (bench/RESULTS.md); start k of each ran back to back. */
  gridshiftRunsMs: number[];
  bareHonoRunsMs: number[];
}

export interface PageWeightFigures {
  kb: number | null;
  methodologyKb: number | null;
  error: string | null;
}

export function measureBundle(): { rawBytes: number; gzipBytes: number } {
  const size = measureWorkerBundle();
  heading('Worker bundle (wrangler deploy --dry-run; the hourly series is an asset)');
  console.log(
    `${kib(size.rawBytes)} raw, ${kib(size.gzipBytes)} gzip (budget ${kib(WORKER_GZIP_BUDGET_BYTES)})`,
  );
  return size;
}

/** Spawn to first 200 from /health, median of `runs`, alternating, after one unmeasured start each. */
export async function measureColdStart(runs: number): Promise<ColdStartFigures> {
  const entries = { gridshift: 'src/node/server.ts', bare: 'bench/fixtures/bare-hono.ts' } as const;
  const times = { gridshift: [] as number[], bare: [] as number[] };
  for (let i = -1; i < runs; i++) {
    for (const which of i % 2 === 0
      ? (['gridshift', 'bare'] as const)
      : (['bare', 'gridshift'] as const)) {
      const server = await spawnServer(entries[which]);
      await server.close();
      if (i >= 0) times[which].push(server.coldStartMs);
    }
  }
  const figures = {
    runs,
    gridshiftMs: median(times.gridshift),
    bareHonoMs: median(times.bare),
    gridshiftRunsMs: times.gridshift,
    bareHonoRunsMs: times.bare,
  };
  heading('Node cold start: spawn to first 200 from GET /health (node --import tsx, as npm start)');
  console.log(`gridshift (src/node/server.ts, every table):  ${figures.gridshiftMs.toFixed(0)} ms`);
  console.log(`bare Hono (bench/fixtures/bare-hono.ts): ${figures.bareHonoMs.toFixed(0)} ms`);
  console.log(
    `median of ${runs} alternating starts each, after one unmeasured start each; difference ${(figures.gridshiftMs - figures.bareHonoMs).toFixed(0)} ms`,
  );
  return figures;
}

/** Runs bench/page-weight.ts and reads its summary line. */
export async function measurePageWeight(): Promise<PageWeightFigures> {
  heading(
    'Page weight (bench/page-weight.ts: headless chromium, gzip of everything the page loads)',
  );
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'bench/page-weight.ts'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    const m = /page weight: ([\d.]+) KB gzip.*methodology page ([\d.]+) KB gzip/.exec(stdout);
    if (!m) throw new Error(`no summary line in its output:\n${stdout.slice(-500)}`);
    const figures = { kb: Number(m[1]), methodologyKb: Number(m[2]), error: null };
    console.log(m[0]);
    return figures;
  } catch (err) {
    const error =
      err instanceof Error ? err.message.split('\n').slice(0, 3).join(' ') : String(err);
    console.log(`page weight: not measured (${error})`);
    return { kb: null, methodologyKb: null, error };
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  measureBundle();
  await measureColdStart(quick ? 3 : 7);
  await measurePageWeight();
}
