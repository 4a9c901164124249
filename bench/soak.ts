// Load and soak: autocannon on 127.0.0.1 against the Node server in a child process (so its memory
// is its own), 100 connections for 60 s on a mixed workload: estimates of several shapes, compare,
// suggest and catalogue reads. Passes with 0 errors, 0 timeouts, 0 non-2xx, and the server's RSS
// (sampled every 5 s) at most 10 % above its level after the warm-up. The warm-up runs the same load
// for 45 s: under it V8 raises its heap limit for a while, though the live heap after each full GC
// (--trace-gc, also printed) levels off within seconds. Not part of `npm test`.
// `npm run soak [-- --duration 60 --connections 100 --warmup 45]`; exits 1 when a check fails.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { freePort, ROOT } from './lib/server.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '45' },
    sample: { type: 'string', default: '5' },
  },
});
const DURATION_S = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const WARMUP_S = Number(values.warmup);
const SAMPLE_S = Number(values.sample);
const MAX_RSS_GROWTH = 0.1;

const GPU_JOB = {
  location: 'aws:us-east-1',
  durationHours: 36,
  gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
  cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 },
  memoryGb: 2048,
  storage: { ssdTb: 30, replication: 2 },
  networkGb: 500,
  functionalUnit: { name: 'request', count: 1_000_000 },
};
const post = (path: string, body: unknown) => ({
  method: 'POST' as const,
  path,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const get = (path: string) => ({ method: 'GET' as const, path });

/** One connection's cycle: every request is valid, so every answer must be 2xx. */
const MIX = [
  post('/v1/estimate', GPU_JOB),
  get('/v1/regions?provider=gcp'),
  post('/v1/estimate', {
    location: 'gcp:europe-west4',
    durationHours: 720,
    instance: { type: 'gcp:n2-standard-8', count: 3 },
  }),
  post('/v1/estimate', {
    location: 'US',
    gpu: { model: 'A100 SXM4 80GB', count: 1024 },
    ai: { task: 'training', parameters: 7e9, tokens: 2e12 },
  }),
  get('/v1/hardware?kind=gpus&q=h100'),
  post('/v1/estimate', {
    location: 'gcp:europe-west4',
    gpu: { model: 'H100' },
    ai: { task: 'inference', model: 'llama-3.1-8b', requests: 1e6 },
  }),
  post('/v1/estimate', { ...GPU_JOB, location: 'DE', start: '2024-03-01T20:00:00Z' }),
  get('/v1/presets'),
  post('/v1/estimate', { preset: 'llm-finetune-lora-8xh100', location: 'FR' }),
  post('/v1/compare', { workload: GPU_JOB, regions: { provider: 'aws' }, top: 5 }),
  get('/v1/zones/DE'),
  post('/v1/suggest', {
    workload: { ...GPU_JOB, start: '2024-06-01T00:00:00Z' },
    flexibility: { delayHours: 24 },
  }),
  get('/v1/sources'),
  post('/v1/estimate', {
    location: 'FR',
    year: 2022,
    durationHours: 10,
    cpu: { threads: 16 },
    renewableShare: 0.4,
  }),
  get('/health'),
];

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** `node --trace-gc --import tsx src/node/server.ts`, as `npm start` runs it; ready once /health answers. */
async function startServer() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--trace-gc', '--import', 'tsx', 'src/node/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', GRIDSHIFT_RATE_LIMIT: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // "Mark-Compact 262.2 (301.5) -> 67.6 (299.6) MB": the heap used after a full GC is the live heap.
  let liveAfterGc = Number.NaN;
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const m = /Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) \(/.exec(line);
      if (m) liveAfterGc = Number(m[1]) * 2 ** 20;
    }
  });
  for (const deadline = Date.now() + 30_000; ;) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error('the server did not answer /health');
    const ok = await fetch(`${url}/health`).then(
      (r) => r.arrayBuffer().then(() => r.status === 200),
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const rss = () =>
    Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) *
    1024;
  const close = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null
        ? resolve()
        : (child.once('exit', () => resolve()), child.kill('SIGTERM')),
    );
  return { url, pid: child.pid!, rss, liveAfterGc: () => liveAfterGc, close };
}

const server = await startServer();
const rss = server.rss;
console.log(`server pid ${server.pid} at ${server.url}, RSS ${mb(rss())}`);

try {
  for (const request of MIX) {
    const res = await fetch(server.url + request.path, request);
    if (res.status !== 200)
      throw new Error(
        `${request.method} ${request.path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`,
      );
    await res.arrayBuffer();
  }
  const load = (seconds: number) =>
    autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: seconds,
      requests: MIX,
      timeout: 10,
    });

  const warm = await load(WARMUP_S);
  console.log(`warm-up: ${WARMUP_S} s, ${warm.requests.total} requests, RSS ${mb(rss())}`);

  const started = performance.now();
  const sample = () => ({
    t: Math.round((performance.now() - started) / 1000),
    rss: rss(),
    live: server.liveAfterGc(),
  });
  const samples = [sample()];
  const sampler = setInterval(() => samples.push(sample()), SAMPLE_S * 1000);
  const r = await load(DURATION_S);
  clearInterval(sampler);
  if (samples.at(-1)!.t < DURATION_S) samples.push(sample());

  const base = samples[0]!.rss;
  const final = samples.at(-1)!.rss;
  const peak = Math.max(...samples.map((s) => s.rss));
  const growth = (final - base) / base;
  const checks = {
    'errors = 0': r.errors === 0,
    'timeouts = 0': r.timeouts === 0,
    'non-2xx = 0': r.non2xx === 0,
    [`RSS growth ≤ ${MAX_RSS_GROWTH * 100} %`]: growth <= MAX_RSS_GROWTH,
  };

  console.log(
    `\nsoak: ${DURATION_S} s, ${CONNECTIONS} connections, ${MIX.length} requests per cycle (estimate ×7, compare, suggest, catalogue ×5, health)`,
  );
  console.log(
    `requests: ${r.requests.total} (${r['2xx']} 2xx), ${r.requests.average.toFixed(0)} req/s average, ${(r.throughput.average / 2 ** 20).toFixed(1)} MB/s`,
  );
  console.log(
    `latency: p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`,
  );
  console.log(`errors: ${r.errors}, timeouts: ${r.timeouts}, non-2xx: ${r.non2xx}`);
  console.log(
    `server RSS every ${SAMPLE_S} s: ${samples.map((s) => `${s.t}s ${(s.rss / 2 ** 20).toFixed(0)}`).join(', ')} (MB)`,
  );
  console.log(
    `live heap after the last full GC: ${samples.map((s) => `${s.t}s ${(s.live / 2 ** 20).toFixed(0)}`).join(', ')} (MB)`,
  );
  console.log(
    `RSS after warm-up ${mb(base)}, final ${mb(final)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %), peak ${mb(peak)}`,
  );
  for (const [name, ok] of Object.entries(checks)) console.log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
  process.exitCode = Object.values(checks).every(Boolean) ? 0 : 1;
} finally {
  await server.close();
}
