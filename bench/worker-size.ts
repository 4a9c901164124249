// Worker bundle size and cold starts: `npx tsx bench/worker-size.ts` (also `npm run bench:worker-size`).
// The bundle is what `wrangler deploy` would upload (its --dry-run output); Cloudflare's limit is on
// the gzip size, so that is the budget (1 MiB, every table included).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  measureWorkerBundle,
  WORKER_GZIP_BUDGET_BYTES,
  WORKER_GZIP_HEADROOM_BYTES,
} from '../test/helpers/worker-bundle.ts';
import { freePort, startWranglerDev } from '../test/worker/wrangler-dev.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Milliseconds from spawning `npm start`'s server (node + tsx) to its first answered /health. */
export async function measureNodeColdStart(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node/server.ts'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`node exited with code ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.arrayBuffer().then(() => r.ok),
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
  }
}

/** The first request's milliseconds: an estimate with a start time sent to a fresh `wrangler dev` (workerd). */
export async function measureWorkerFirstEstimate(): Promise<{ firstMs: number; secondMs: number }> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const wrangler = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
  const args = [
    wrangler,
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    '--log-level',
    'warn',
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    // A static file is answered by the assets layer alone, so the Worker's fetch stays cold.
    for (;;) {
      if (child.exitCode !== null) throw new Error(`wrangler exited with code ${child.exitCode}`);
      const ok = await fetch(`${url}/favicon.svg`).then(
        (r) => r.arrayBuffer().then(() => r.ok),
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const body = JSON.stringify({
      location: 'aws:eu-west-1',
      durationHours: 8,
      start: '2026-03-01T22:00:00Z',
      instance: { type: 'aws:c5.2xlarge' },
    });
    const post = async () => {
      const t0 = performance.now();
      const res = await fetch(`${url}/v1/estimate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`estimate answered ${res.status}`);
      return performance.now() - t0;
    };
    return { firstMs: await post(), secondMs: await post() };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

const median = (values: number[]) =>
  Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  const size = measureWorkerBundle();
  console.log(
    `worker bundle: ${kib(size.rawBytes)} raw, ${kib(size.gzipBytes)} gzip (budget ${kib(WORKER_GZIP_BUDGET_BYTES)}, free ${kib(WORKER_GZIP_BUDGET_BYTES - size.gzipBytes)})`,
  );
  const runs = 3;
  const node: number[] = [];
  const worker: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(await measureNodeColdStart());
    const running = await startWranglerDev();
    await running.close();
    worker.push(running.coldStartMs);
  }
  console.log(
    `cold start, node (tsx src/node/server.ts): median ${median(node)} ms of ${node.map(Math.round).join(', ')}`,
  );
  console.log(
    `cold start, worker (wrangler dev, workerd): median ${median(worker)} ms of ${worker.map(Math.round).join(', ')}`,
  );
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await measureWorkerFirstEstimate();
    first.push(r.firstMs);
    second.push(r.secondMs);
  }
  console.log(
    `first estimate with start, cold worker (workerd): median ${median(first)} ms of ${first.map(Math.round).join(', ')}; the next: median ${median(second)} ms`,
  );
  if (size.gzipBytes > WORKER_GZIP_BUDGET_BYTES - WORKER_GZIP_HEADROOM_BYTES) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  await main();
