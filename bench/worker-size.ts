// Worker bundle size and cold starts: `npx tsx bench/worker-size.ts` (also `npm run bench:worker-size`).
// The bundle is what `wrangler deploy` would upload (its --dry-run output); Cloudflare's limit is on
// the gzip size, so that is the budget (1 MiB, every table included).
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureWorkerBundle, WORKER_GZIP_BUDGET_BYTES } from '../test/helpers/worker-bundle.ts';
import { freePort, startWranglerDev } from '../test/worker/wrangler-dev.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Milliseconds from spawning `npm start`'s server (node + tsx) to its first answered /health. */
export async function measureNodeColdStart(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node/server.ts'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' } });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`node exited with code ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.arrayBuffer().then(() => r.ok), () => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
  }
}

const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  const size = measureWorkerBundle();
  console.log(`worker bundle: ${kib(size.rawBytes)} raw, ${kib(size.gzipBytes)} gzip (budget ${kib(WORKER_GZIP_BUDGET_BYTES)})`);
  const runs = 3;
  const node: number[] = [];
  const worker: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(await measureNodeColdStart());
    const running = await startWranglerDev();
    await running.close();
    worker.push(running.coldStartMs);
  }
  console.log(`cold start, node (tsx src/node/server.ts): median ${median(node)} ms of ${node.map(Math.round).join(', ')}`);
  console.log(`cold start, worker (wrangler dev, workerd): median ${median(worker)} ms of ${worker.map(Math.round).join(', ')}`);
  if (size.gzipBytes > WORKER_GZIP_BUDGET_BYTES) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
