// Determinism: a fixed corpus of requests answers byte for byte alike on repeated calls, in another
// order, across a restart (a new `node --import tsx src/node/server.ts` process, with another time zone and
// locale), and on the Worker (workerd under wrangler dev) when that target is on.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTargets, workerTarget } from '../helpers/server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const csv = (body: string, accept = 'text/csv'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'text/csv', accept },
  body,
});

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
const BATCH_CSV =
  'location,durationHours,gpu,gpuCount,cpuThreads,preset\nDE,10,H100,2,,\nFR,24,,,16,\n,,,,,llm-chat-inference\nnowhere,1,,,1,\n';

/** [label, path, init]: catalogue reads, estimates of many shapes, decisions, batch, errors. */
const CORPUS: readonly (readonly [string, string, RequestInit?])[] = [
  ['health', '/health'],
  ['regions', '/v1/regions'],
  ['regions filtered', '/v1/regions?provider=gcp&country=NL'],
  ['region', '/v1/regions/aws%3Aeu-west-1'],
  ['zone', '/v1/zones/DE'],
  ['zone profile', '/v1/zones/DE/profile?start=2024-03-01T20:00:00Z&hours=24'],
  ['gpus', '/v1/hardware?kind=gpus&q=h100'],
  ['cpus paged', '/v1/hardware?kind=cpus&limit=5&offset=10'],
  ['instances', '/v1/hardware?kind=instances&q=p5'],
  ['sources', '/v1/sources'],
  ['models', '/v1/models?q=llama'],
  ['presets', '/v1/presets'],
  ['preset', '/v1/presets/llm-chat-inference'],
  ['OpenAPI document', '/openapi.json'],
  ['estimate: GPU job', '/v1/estimate', json(GPU_JOB)],
  [
    'estimate: instances',
    '/v1/estimate',
    json({
      location: 'gcp:europe-west4',
      durationHours: 720,
      instance: { type: 'gcp:n2-standard-8', count: 3 },
    }),
  ],
  [
    'estimate: country, year, market',
    '/v1/estimate',
    json({
      location: 'FR',
      year: 2022,
      durationHours: 10,
      cpu: { threads: 16 },
      memoryGb: 64,
      storage: { hddTb: 4 },
      networkGb: 20,
      renewableShare: 0.4,
    }),
  ],
  [
    'estimate: hourly start',
    '/v1/estimate',
    json({ ...GPU_JOB, location: 'DE', start: '2024-03-01T20:00:00+01:00' }),
  ],
  [
    'estimate: AI training',
    '/v1/estimate',
    json({
      location: 'US',
      gpu: { model: 'A100 SXM4 80GB', count: 1024 },
      ai: { task: 'training', parameters: 7e9, tokens: 2e12 },
    }),
  ],
  [
    'estimate: AI inference by requests',
    '/v1/estimate',
    json({
      location: 'gcp:europe-west4',
      gpu: { model: 'H100' },
      ai: { task: 'inference', model: 'llama-3.1-8b', requests: 1e6 },
    }),
  ],
  [
    'estimate: AI inference by tokens',
    '/v1/estimate',
    json({
      location: 'SE',
      gpu: { model: 'A100 SXM4 80GB', count: 4 },
      ai: { task: 'inference', parameters: 7e10, inputTokens: 5e8, outputTokens: 2e8 },
      start: '2025-01-15T08:00:00Z',
    }),
  ],
  ['estimate: preset', '/v1/estimate', json({ preset: 'web-api-fleet-year' })],
  [
    'estimate: preset with overrides',
    '/v1/estimate',
    json({ preset: 'llm-finetune-lora-8xh100', location: 'FR', gpu: { count: 4 } }),
  ],
  ['estimate: CSV', '/v1/estimate?format=csv', json(GPU_JOB)],
  ['estimate: BoAmps', '/v1/estimate?format=boamps', json(GPU_JOB)],
  ['compare', '/v1/compare', json({ workload: GPU_JOB, regions: { provider: 'aws' }, top: 5 })],
  [
    'compare: hardware, market',
    '/v1/compare',
    json({
      workload: { ...GPU_JOB, start: '2024-06-01T00:00:00Z' },
      regions: { country: ['DE', 'FR', 'SE'] },
      hardware: ['A100', 'H200'],
      rankBy: 'market',
    }),
  ],
  [
    'suggest: delay',
    '/v1/suggest',
    json({
      workload: { ...GPU_JOB, start: '2024-06-01T00:00:00Z' },
      flexibility: { delayHours: 48 },
      offsetPricePerTonne: 80,
    }),
  ],
  [
    'suggest: deadline',
    '/v1/suggest',
    json({
      workload: { preset: 'llm-pretrain-7b', location: 'DE', start: '2024-01-10T00:00:00Z' },
      regions: { provider: 'gcp' },
      flexibility: { deadline: '2024-02-20T00:00:00Z' },
    }),
  ],
  [
    'batch JSON',
    '/v1/batch',
    json({
      workloads: [
        GPU_JOB,
        { preset: 'llm-chat-inference' },
        { location: 'nowhere', durationHours: 1, cpu: { threads: 1 } },
        42,
      ],
    }),
  ],
  ['batch CSV -> CSV', '/v1/batch', csv(BATCH_CSV)],
  ['batch CSV -> JSON', '/v1/batch', csv(BATCH_CSV, 'application/json')],
  [
    '422 invalid fields',
    '/v1/estimate',
    json({ ...GPU_JOB, gpu: { model: 'H100', count: -1 }, colour: 'red' }),
  ],
  ['422 unknown GPU', '/v1/estimate', json({ ...GPU_JOB, gpu: { model: 'h100-sxmm', count: 8 } })],
  [
    '400 malformed JSON',
    '/v1/estimate',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"location":' },
  ],
  [
    '415 not JSON',
    '/v1/compare',
    { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' },
  ],
  ['404 region', '/v1/regions/aws%3Aus-east-9'],
  ['404 route', '/v1/nothing-here'],
  ['405 method', '/v1/suggest', { method: 'DELETE' }],
];

interface Answer {
  status: number;
  contentType: string | null;
  body: Buffer;
}

// A BoAmps report names itself: a fresh id and the time it was made (src/lib/report-meta.ts, outside
// core). Those two values, checked for shape, are the only bytes allowed to differ.
const REPORT_META =
  /"reportId":"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}","reportDatetime":"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"/;

function normalise(path: string, body: Buffer): Buffer {
  if (!path.includes('format=boamps')) return body;
  const text = body.toString('utf8');
  expect(text, 'BoAmps report id and time').toMatch(REPORT_META);
  return Buffer.from(text.replace(REPORT_META, '"reportId":"(id)","reportDatetime":"(time)"'));
}

async function ask(base: string, order: readonly number[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const i of order) {
    const [, path, init] = CORPUS[i]!;
    const res = await fetch(base + path, init);
    answers[i] = {
      status: res.status,
      contentType: res.headers.get('content-type'),
      body: normalise(path, Buffer.from(await res.arrayBuffer())),
    };
  }
  return answers;
}

/** Equal status, type and bytes per request; a mismatch names the request and the first differing byte. */
function expectSame(actual: readonly Answer[], expected: readonly Answer[], what: string): void {
  CORPUS.forEach(([label], i) => {
    const a = actual[i]!;
    const e = expected[i]!;
    const where = `${what}: ${label}`;
    expect({ status: a.status, contentType: a.contentType }, where).toEqual({
      status: e.status,
      contentType: e.contentType,
    });
    if (!a.body.equals(e.body)) {
      let at = 0;
      while (at < Math.min(a.body.length, e.body.length) && a.body[at] === e.body[at]) at++;
      const near = (b: Buffer) => b.subarray(Math.max(0, at - 80), at + 80).toString('utf8');
      expect.fail(
        `${where}: bodies differ at byte ${at} (${a.body.length} vs ${e.body.length} bytes)\n  got:      ${near(a.body)}\n  expected: ${near(e.body)}`,
      );
    }
  });
}

interface Spawned {
  url: string;
  close(): Promise<void>;
}

// Live grid data would tie answers to the moment: the spawned servers never see those variables.
const LIVE = /^(ELECTRICITYMAPS_|WATTTIME_|NESO_|GRIDSHIFT_LIVE_)/;

/** `src/node/server.ts` in a process of its own on 127.0.0.1 and a free port (PORT=0). */
function spawnNode(extraEnv: Record<string, string>): Promise<Spawned> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !LIVE.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node/server.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: '0', HOST: '127.0.0.1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('no "listening" line within 60 s')), 60_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${err.message}\n${output.slice(-2000)}`));
    };
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, close: () => stop(child) });
      }
    });
    child.once('exit', (code) => fail(new Error(`exited with code ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const forward = CORPUS.map((_, i) => i);
const backward = [...forward].reverse();
const withWorker = apiTargets().some((t) => t.name === workerTarget.name);

describe(`determinism: ${CORPUS.length} requests, byte for byte`, () => {
  let first: Answer[];
  let again: Answer[];
  let thrice: Answer[];
  let worker: Promise<Spawned> | undefined;

  beforeAll(async () => {
    // The Worker starts meanwhile (it takes longest); its own test waits for it.
    worker = withWorker ? workerTarget.start() : undefined;
    worker?.catch(() => {});
    const server = await spawnNode({});
    try {
      first = await ask(server.url, forward);
      again = await ask(server.url, backward);
      thrice = await ask(server.url, forward);
    } finally {
      await server.close();
    }
  });
  afterAll(async () => {
    await (await worker?.catch(() => undefined))?.close();
  });

  it('answers every request of the corpus as its label says (the corpus itself is sound)', () => {
    CORPUS.forEach(([label], i) => {
      const expected = /^(\d{3}) /.exec(label)?.[1];
      expect(first[i]!.status, label).toBe(expected ? Number(expected) : 200);
    });
  });

  it('gives the same bytes on repeated calls in one process, in reverse order too', () => {
    expectSame(again, first, 'second pass, reverse order');
    expectSame(thrice, first, 'third pass');
  });

  it('gives the same bytes after a restart, in another time zone and locale', async () => {
    const server = await spawnNode({
      TZ: 'Pacific/Chatham',
      LANG: 'de_DE.UTF-8',
      LC_ALL: 'de_DE.UTF-8',
    });
    try {
      expectSame(await ask(server.url, backward), first, 'restarted (TZ=Pacific/Chatham, de_DE)');
    } finally {
      await server.close();
    }
  });

  it.runIf(withWorker)('gives the same bytes on the Worker (wrangler dev) as on Node', async () => {
    const running = await worker!;
    expectSame(await ask(running.url, forward), first, 'Worker vs Node');
  });
});
