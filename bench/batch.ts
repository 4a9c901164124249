// Batch against single calls: the same 10,000 workloads (the engine benchmark's synthetic EC2 rows)
// as one POST /v1/batch, and as 10,000 POST /v1/estimate calls sent by autocannon over 10 keep-alive
// connections (the throughput cost of a call: wall time ÷ calls, the server kept busy).
// `npx tsx bench/batch.ts [--quick]`; part of `npm run bench`. Prints figures only.
import autocannon from 'autocannon';
import { pathToFileURL } from 'node:url';
import { generateRows, toWorkload } from './lib/rows.ts';
import { BENCH_SERVER_ENV, spawnServer, type ChildServer } from './lib/server.ts';
import { heading, int, median } from './lib/stats.ts';

export interface BatchOptions {
  items: number;
  batchRuns: number;
  connections: number;
}

export interface BatchFigures {
  items: number;
  batchMs: number;
  perItemMs: number;
  singleMs: number;
  singleLatencyMeanMs: number;
  /** Per-item time in the batch ÷ time of one single call. */
  ratio: number;
  responseBytes: number;
}

export async function runBatchBench(server: ChildServer, options: BatchOptions): Promise<BatchFigures> {
  const bodies = generateRows(options.items).map((r) => JSON.stringify(toWorkload(r)));
  const batchBody = `{"workloads":[${bodies.join(',')}]}`;

  const postBatch = async (): Promise<{ ms: number; bytes: number }> => {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batchBody });
    const buf = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`/v1/batch answered ${res.status}: ${Buffer.from(buf).toString('utf8', 0, 300)}`);
    return { ms, bytes: buf.byteLength };
  };
  const first = await postBatch(); // warm-up, and a check that every item succeeded
  const answer = (await (await fetch(`${server.url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batchBody })).json()) as { results: { ok: boolean }[] };
  const failed = answer.results.filter((r) => !r.ok).length;
  if (answer.results.length !== options.items || failed > 0) throw new Error(`/v1/batch: ${answer.results.length} results, ${failed} failed`);

  const batchMs: number[] = [];
  for (let i = 0; i < options.batchRuns; i++) batchMs.push((await postBatch()).ms);

  const singles = async (amount: number) => {
    let next = 0;
    const t0 = performance.now();
    const r = await autocannon({
      url: server.url,
      connections: options.connections,
      amount,
      requests: [
        {
          method: 'POST',
          path: '/v1/estimate',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
        },
      ],
    });
    const ms = performance.now() - t0;
    if (r.non2xx + r.errors > 0) throw new Error(`single calls: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return { msPerCall: ms / r.requests.total, latencyMeanMs: r.latency.mean };
  };
  await singles(Math.min(2000, options.items)); // warm-up
  const single = await singles(options.items);

  const figures: BatchFigures = {
    items: options.items,
    batchMs: median(batchMs),
    perItemMs: median(batchMs) / options.items,
    singleMs: single.msPerCall,
    singleLatencyMeanMs: single.latencyMeanMs,
    ratio: median(batchMs) / options.items / single.msPerCall,
    responseBytes: first.bytes,
  };

  heading(`Batch: ${int(options.items)} workloads in one POST /v1/batch vs ${int(options.items)} POST /v1/estimate calls`);
  console.log(`workloads: synthetic EC2 rows (instance, region, hours, CPU utilisation); request ${(batchBody.length / 1048576).toFixed(2)} MiB, response ${(first.bytes / 1048576).toFixed(2)} MiB`);
  console.log(`batch:  ${figures.batchMs.toFixed(0)} ms (median of ${options.batchRuns} after a warm-up), ${(figures.perItemMs * 1000).toFixed(1)} µs per item`);
  console.log(
    `single: ${(figures.singleMs * 1000).toFixed(1)} µs per call (autocannon, ${options.connections} keep-alive connections, wall time ÷ ${int(options.items)} calls); mean latency ${figures.singleLatencyMeanMs.toFixed(2)} ms`,
  );
  console.log(`ratio per-item batch / single call: ${figures.ratio.toFixed(4)} (target ≤ 0.02, i.e. ≤ 1/50)`);
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const server = await spawnServer('src/node.ts', { env: BENCH_SERVER_ENV });
  try {
    await runBatchBench(server, { items: 10_000, batchRuns: quick ? 2 : 5, connections: 10 });
  } finally {
    await server.close();
  }
}
