// One corpus of requests to Node and to the Worker (workerd under wrangler dev): the same status,
// content type and body bytes for each.
import { estimatorFor } from '../helpers/estimator.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import { tables } from '../../src/data/index.ts';
import { startWranglerDev, type RunningWorker } from './wrangler-dev.ts';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const H100_JOB = {
  location: 'aws:us-east-1',
  durationHours: 36,
  gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
  cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 },
  memoryGb: 2048,
  storage: { ssdTb: 30, replication: 2 },
  networkGb: 500,
  functionalUnit: { name: 'request', count: 1_000_000 },
};

/** [label, path, init]: catalogue reads, estimates of several shapes, decisions, and errors. */
export const CORPUS: readonly (readonly [string, string, RequestInit?])[] = [
  ['health', '/health'],
  ['regions', '/v1/regions'],
  ['regions filtered', '/v1/regions?provider=gcp&country=NL'],
  ['region', '/v1/regions/aws%3Aeu-west-1'],
  ['zone', '/v1/zones/DE'],
  ['gpus', '/v1/hardware?kind=gpus&q=h100'],
  ['cpus paged', '/v1/hardware?kind=cpus&limit=5&offset=10'],
  ['sources', '/v1/sources'],
  ['models', '/v1/models?q=llama'],
  ['presets', '/v1/presets'],
  ['zone profile', '/v1/zones/DE/profile?start=2025-03-03T08:00:00Z&hours=6'],
  ['OpenAPI document', '/openapi.json'],
  ['docs page', '/docs'],
  ['estimate: GPU job', '/v1/estimate', json(H100_JOB)],
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
      renewableShare: 0.4,
    }),
  ],
  [
    'estimate: hourly start',
    '/v1/estimate',
    json({ ...H100_JOB, start: '2024-03-01T20:00:00Z', location: 'DE' }),
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
    'estimate: AI inference',
    '/v1/estimate',
    json({
      location: 'gcp:europe-west4',
      gpu: { model: 'H100' },
      ai: { task: 'inference', model: 'llama-3.1-8b', requests: 1e6 },
    }),
  ],
  ['estimate as CSV', '/v1/estimate?format=csv', json(H100_JOB)],
  ['compare', '/v1/compare', json({ workload: H100_JOB, regions: { provider: 'aws' }, top: 5 })],
  [
    'batch',
    '/v1/batch',
    json({ workloads: [H100_JOB, { location: 'nowhere', durationHours: 1, cpu: { threads: 1 } }] }),
  ],
  [
    '422 invalid fields',
    '/v1/estimate',
    json({ ...H100_JOB, gpu: { model: 'H100', count: -1 }, colour: 'red' }),
  ],
  ['422 unknown GPU', '/v1/estimate', json({ ...H100_JOB, gpu: { model: 'h100-sxmm', count: 8 } })],
  [
    '400 malformed JSON',
    '/v1/estimate',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"location":' },
  ],
  [
    '415 not JSON',
    '/v1/estimate',
    { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' },
  ],
  ['404 region', '/v1/regions/aws%3Aus-east-9'],
  ['404 route', '/v1/nothing-here'],
  ['405 method', '/v1/estimate', { method: 'DELETE' }],
];

interface Answer {
  status: number;
  contentType: string | null;
  allow: string | null;
  body: string;
}

async function ask(base: string, path: string, init?: RequestInit): Promise<Answer> {
  const res = await fetch(base + path, init);
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    allow: res.headers.get('allow'),
    body: await res.text(),
  };
}

describe('Node and the Worker answer byte for byte alike', () => {
  let node: RunningServer | undefined;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    [node, worker] = await Promise.all([
      startServer({ port: 0, hostname: '127.0.0.1', estimator: estimatorFor(tables) }),
      startWranglerDev(),
    ]);
    console.log(
      `[gridshift] wrangler dev cold start (spawn -> first answer): ${Math.round(worker.coldStartMs)} ms`,
    );
  }, 90_000);

  afterAll(async () => {
    await Promise.all([node?.close(), worker?.close()]);
  });

  it.each(CORPUS.map(([label, path, init]) => ({ label, path, init })))(
    '$label',
    async ({ path, init }) => {
      const [a, b] = await Promise.all([ask(node!.url, path, init), ask(worker!.url, path, init)]);
      expect(a.status).toBeLessThan(500);
      expect(b).toEqual(a);
    },
  );

  it('serves the pages (estimator and Cloud bill) from the assets binding, and not their sources', async () => {
    const page = await fetch(`${worker!.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>gridshift');
    const bills = await fetch(`${worker!.url}/bills.html`);
    expect(bills.status).toBe(200);
    expect(await bills.text()).toContain('src="dist/bills.js"');
    for (const script of ['/dist/bills.js', '/dist/bills-worker.js']) {
      const res = await fetch(worker!.url + script);
      await res.arrayBuffer();
      expect(res.status, script).toBe(200);
      expect(res.headers.get('content-type'), script).toMatch(/^(?:text|application)\/javascript/);
    }
    const source = await fetch(`${worker!.url}/src/main.ts`);
    await source.arrayBuffer();
    expect(source.status).toBe(404);
  });
});
