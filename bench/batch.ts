// Batch against single calls: the same 10,000 workloads (the engine benchmark's synthetic EC2 rows)
// as one POST /v1/batch, and as 10,000 POST /v1/estimate calls sent by autocannon over 10 keep-alive
// connections (the throughput cost of a call: wall time ÷ calls, the server kept busy).
// `npx tsx bench/batch.ts [--quick]`; part of `npm run bench`. Prints figures only.
import autocannon from 'autocannon';
import { pathToFileURL } from 'node:url';
import { generateRows, toWorkload } from '../test/helpers/synthetic-rows.ts';
import {
  BENCH_SERVER_ENTRY,
  BENCH_SERVER_ENV,
  spawnServer,
  type ChildServer,
} from './lib/server.ts';
import { heading, int, median } from './lib/stats.ts';

export interface BatchOptions {
  items: number;
  /** Measured rounds; each round is one batch and one set of `items` single calls, back to back. */
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
  /** Per round (bench/RESULTS.md); ratio[k] pairs round k's batch with round k's single calls. */
  rounds: { perItemMs: number[]; singleMs: number[]; ratio: number[] };
}

export async function runBatchBench(
  server: ChildServer,
  options: BatchOptions,
): Promise<BatchFigures> {
  const bodies = generateRows(options.items).map((r) => JSON.stringify(toWorkload(r)));
  const batchBody = `{"workloads":[${bodies.join(',')}]}`;

  const postBatch = async (): Promise<{ ms: number; bytes: number }> => {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: batchBody,
    });
    const buf = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== 200)
      throw new Error(
        `/v1/batch answered ${res.status}: ${Buffer.from(buf).toString('utf8', 0, 300)}`,
      );
    return { ms, bytes: buf.byteLength };
  };
  const first = await postBatch(); // warm-up, and a check that every item succeeded
  const answer = (await (
    await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: batchBody,
    })
  ).json()) as { results: { ok: boolean }[] };
  const failed = answer.results.filter((r) => !r.ok).length;
  if (answer.results.length !== options.items || failed > 0)
    throw new Error(`/v1/batch: ${answer.results.length} results, ${failed} failed`);

  const singles = async (amount: number) => {
    let next = 0;
    const t0 = performance.now();
    const r = await autocannon({
      url: server.url,
      connections: options.connections,
      amount,
      // autocannon only finishes on its next sample tick (every 1 s by default), which added up to
      // a second to the wall time of 10,000 calls; a 10 ms tick bounds that to ~1 %.
      sampleInt: 10,
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
    if (r.non2xx + r.errors > 0)
      throw new Error(`single calls: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return { msPerCall: ms / r.requests.total, latencyMeanMs: r.latency.mean };
  };
  await singles(Math.min(2000, options.items)); // warm-up

  // Batch and single calls alternate (which goes first rotates per round), so that load from
  // elsewhere on the machine falls on both alike and round k's ratio compares like with like.
  const batchMs: number[] = [];
  const single: Awaited<ReturnType<typeof singles>>[] = [];
  for (let round = 0; round < options.batchRuns; round++) {
    const runBatch = async () => void batchMs.push((await postBatch()).ms);
    const runSingles = async () => void single.push(await singles(options.items));
    for (const step of round % 2 === 0 ? [runBatch, runSingles] : [runSingles, runBatch])
      await step();
  }

  const singleMs = single.map((s) => s.msPerCall);
  const perItemMs = batchMs.map((ms) => ms / options.items);
  const figures: BatchFigures = {
    items: options.items,
    batchMs: median(batchMs),
    perItemMs: median(batchMs) / options.items,
    singleMs: median(singleMs),
    singleLatencyMeanMs: median(single.map((s) => s.latencyMeanMs)),
    ratio: median(batchMs) / options.items / median(singleMs),
    responseBytes: first.bytes,
    rounds: { perItemMs, singleMs, ratio: perItemMs.map((p, k) => p / singleMs[k]!) },
  };

  heading(
    `Batch: ${int(options.items)} workloads in one POST /v1/batch vs ${int(options.items)} POST /v1/estimate calls`,
  );
  console.log(
    `workloads: synthetic EC2 rows (instance, region, hours, CPU utilisation); request ${(batchBody.length / 1048576).toFixed(2)} MiB, response ${(first.bytes / 1048576).toFixed(2)} MiB`,
  );
  console.log(
    `batch:  ${figures.batchMs.toFixed(0)} ms (median of ${options.batchRuns} after a warm-up), ${(figures.perItemMs * 1000).toFixed(1)} µs per item`,
  );
  console.log(
    `single: ${(figures.singleMs * 1000).toFixed(1)} µs per call (autocannon, ${options.connections} keep-alive connections, wall time ÷ ${int(options.items)} calls, median of ${options.batchRuns} runs alternating with the batches); mean latency ${figures.singleLatencyMeanMs.toFixed(2)} ms`,
  );
  console.log(
    `ratio per-item batch / single call: ${figures.ratio.toFixed(4)} (target ≤ 0.02, i.e. ≤ 1/50)`,
  );
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const server = await spawnServer(BENCH_SERVER_ENTRY, { env: BENCH_SERVER_ENV });
  try {
    await runBatchBench(server, { items: 10_000, batchRuns: quick ? 2 : 5, connections: 10 });
  } finally {
    await server.close();
  }
}
