// 10,000 invalid or hostile bodies per POST route and run: most through app.request (the same Hono
// app, no network), a sample over real HTTP to the Node server. Each answer is a 4xx problem+json
// naming the field (never 5xx, never a stack trace), bad batch items fail alone, the server stays up.
import { estimatorFor } from '../helpers/estimator.ts';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { MAX_BATCH_BODY_BYTES, MAX_BODY_BYTES } from '../../src/api/limits.ts';
import { Problem } from '../../src/service/problem.ts';
import { BatchResult } from '../../src/core/decision-schemas.ts';
import { tables } from '../../src/data/index.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import {
  batchItems,
  csvBody,
  hostileCase,
  ROUTES,
  write,
  tree,
  type Case,
  type ItemsCase,
} from './fuzz-bodies.ts';

const STACK = /\n\s+at .+:\d+:\d+|\bat (?:file|node):|\.ts:\d+:\d+/;
const app = createApp({ estimator: estimatorFor(tables) });
type Send = (path: string, init: RequestInit) => Promise<Response>;
const inProcess: Send = async (path, init) => app.request(path, init);

/**
 * Error path `a` names the mutated path `b`, a field under it, an object holding it, or a sibling in
 * the same nested object (a union refused by its discriminator, say).
 */
function related(a: string, b: string): boolean {
  if (a === b) return true;
  if (b === '') return false;
  const parent = b.slice(0, Math.max(0, b.lastIndexOf('.')));
  return (
    a.startsWith(`${b}.`) || b.startsWith(`${a}.`) || (parent !== '' && a.startsWith(`${parent}.`))
  );
}

function post(
  send: Send,
  path: string,
  body: string,
  contentType: string | undefined,
  accept?: string,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (contentType !== undefined) headers['content-type'] = contentType;
  if (accept !== undefined) headers.accept = accept;
  return send(path, { method: 'POST', headers, body });
}

/** Throws unless `text` is the problem+json answer `c` allows. */
function checkRefusal(c: Case, status: number, contentType: string | null, text: string): void {
  const where = `${c.label}\n-> ${status} ${text.slice(0, 400)}`;
  if (!c.statuses.includes(status))
    throw new Error(`status ${status} not in ${c.statuses.join('/')}: ${where}`);
  if (contentType !== 'application/problem+json')
    throw new Error(`content-type ${contentType}: ${where}`);
  if (STACK.test(text)) throw new Error(`stack trace in the answer: ${where}`);
  const problem = Problem.parse(JSON.parse(text));
  if (problem.status !== status || problem.errors.length === 0)
    throw new Error(`problem without status or errors: ${where}`);
  if (c.paths && !problem.errors.some((e) => c.paths!.some((p) => related(e.path, p)))) {
    throw new Error(`no error names ${c.paths.map((p) => `'${p}'`).join(' or ')}: ${where}`);
  }
}

async function expectRefusal(send: Send, path: string, c: Case): Promise<void> {
  const res = await post(send, path, c.body, c.contentType);
  checkRefusal(c, res.status, res.headers.get('content-type'), await res.text());
}

/** 200 with one result per item in order; each mutated item a 4xx problem naming its field. */
async function expectItemsAlone(send: Send, c: ItemsCase): Promise<void> {
  const res = await post(send, '/v1/batch', c.body, 'application/json');
  const text = await res.text();
  const where = `${c.label}\n-> ${res.status} ${text.slice(0, 400)}`;
  if (res.status !== 200) throw new Error(`status ${res.status}: ${where}`);
  const { results } = BatchResult.parse(JSON.parse(text));
  expect(results.length, where).toBe(c.items.length);
  c.items.forEach((paths, i) => {
    const item = results[i]!;
    if (paths === null) return void expect(item.ok, `item ${i}: ${where}`).toBe(true);
    if (item.ok) throw new Error(`item ${i} should fail: ${where}`);
    expect(item.error.status >= 400 && item.error.status < 500, `item ${i}: ${where}`).toBe(true);
    if (!item.error.errors.some((e) => paths.some((p) => related(e.path, p))))
      throw new Error(`item ${i}: no error names ${paths.join(' or ')}: ${where}`);
  });
}

/** Any CSV: 200 (rows failing alone with a 4xx each), 413 or a 422 problem; never 5xx. */
async function expectCsvHandled(
  send: Send,
  c: { label: string; body: string },
  accept: string,
): Promise<void> {
  const res = await post(send, '/v1/batch', c.body, 'text/csv', accept);
  const text = await res.text();
  const where = `${c.label}\n-> ${res.status} ${text.slice(0, 400)}`;
  if (STACK.test(text)) throw new Error(`stack trace in the answer: ${where}`);
  if (res.status === 200) {
    if (accept === 'text/csv')
      return void expect(res.headers.get('content-type'), where).toMatch(/^text\/csv/);
    for (const item of BatchResult.parse(JSON.parse(text)).results) {
      if (
        !item.ok &&
        !(item.error.status >= 400 && item.error.status < 500 && item.error.errors.length > 0)
      )
        throw new Error(`bad row error: ${where}`);
    }
    return;
  }
  checkRefusal(
    { label: c.label, contentType: 'text/csv', body: c.body, statuses: [413, 422], paths: null },
    res.status,
    res.headers.get('content-type'),
    text,
  );
}

const route = (path: string) => ROUTES.find((r) => r.path === path)!;
const limitOf = (path: string) => (path === '/v1/batch' ? MAX_BATCH_BODY_BYTES : MAX_BODY_BYTES);
const JSON_ROUTES = ['/v1/estimate', '/v1/compare', '/v1/suggest'] as const;

describe('fuzz: the bodies are what they claim', () => {
  it('every base body is valid (200), so each mutation alone makes it invalid', async () => {
    for (const r of ROUTES) {
      for (const base of r.bases) {
        const res = await post(inProcess, r.path, write(tree(base.body)), 'application/json');
        expect(res.status, `${r.path} ${base.name}: ${(await res.text()).slice(0, 300)}`).toBe(200);
      }
    }
  });
});

describe('fuzz in-process (app.request)', () => {
  for (const path of JSON_ROUTES) {
    test.prop([hostileCase(route(path), { bodyBytes: limitOf(path), oversized: true })], {
      numRuns: 9_500,
    })(`${path}: 9,500 hostile bodies -> 4xx problem+json naming the field`, (c) =>
      expectRefusal(inProcess, path, c),
    );
  }

  test.prop(
    [hostileCase(route('/v1/batch'), { bodyBytes: MAX_BATCH_BODY_BYTES, oversized: false })],
    { numRuns: 6_500 },
  )('/v1/batch: 6,500 hostile JSON bodies -> 4xx problem+json naming the field', (c) =>
    expectRefusal(inProcess, '/v1/batch', c),
  );
  test.prop([batchItems], { numRuns: 2_000 })(
    '/v1/batch: 2,000 batches of hostile items -> 200, each bad item a 4xx problem naming its field',
    (c) => expectItemsAlone(inProcess, c),
  );
  test.prop([csvBody, fc.constantFrom('application/json', 'text/csv')], { numRuns: 1_000 })(
    '/v1/batch: 1,000 hostile CSV bodies -> 200 with per-row problems, or 413/422',
    (c, accept) => expectCsvHandled(inProcess, c, accept),
  );

  it('leaves the app answering and Object.prototype untouched', async () => {
    expect(
      (
        await post(
          inProcess,
          '/v1/estimate',
          write(tree(ROUTES[0]!.bases[0]!.body)),
          'application/json',
        )
      ).status,
    ).toBe(200);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('fuzz over HTTP (Node server on 127.0.0.1)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, hostname: '127.0.0.1', estimator: estimatorFor(tables) });
  });
  afterAll(() => server.close());
  const overHttp: Send = (path, init) => fetch(server.url + path, init);

  for (const path of JSON_ROUTES) {
    test.prop([hostileCase(route(path), { bodyBytes: limitOf(path), oversized: true })], {
      numRuns: 500,
    })(`${path}: 500 hostile bodies -> 4xx problem+json naming the field`, (c) =>
      expectRefusal(overHttp, path, c),
    );
  }
  test.prop(
    [hostileCase(route('/v1/batch'), { bodyBytes: MAX_BATCH_BODY_BYTES, oversized: true })],
    { numRuns: 300 },
  )('/v1/batch: 300 hostile JSON bodies (some over 16 MiB) -> 4xx problem+json', (c) =>
    expectRefusal(overHttp, '/v1/batch', c),
  );
  test.prop([batchItems], { numRuns: 100 })(
    '/v1/batch: 100 batches of hostile items -> bad items fail alone',
    (c) => expectItemsAlone(overHttp, c),
  );
  test.prop([csvBody, fc.constantFrom('application/json', 'text/csv')], { numRuns: 100 })(
    '/v1/batch: 100 hostile CSV bodies -> never 5xx',
    (c, accept) => expectCsvHandled(overHttp, c, accept),
  );

  it('is still up and answering', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});
