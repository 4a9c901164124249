// Limits: body sizes, batch size, compare's region list, JSON shape, the time budget, rate limiting
// and the settings read from the environment.
import { estimatorFor } from '../helpers/estimator.ts';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { MAX_BATCH_BODY_BYTES, MAX_BODY_BYTES } from '../../src/api/limits.ts';
import { securityConfigFromEnv } from '../../src/api/config.ts';
import { checkJsonShape, MAX_JSON_DEPTH } from '../../src/api/limits.ts';
import { addressKey, type RateLimitOptions } from '../../src/api/rate-limit.ts';
import { MAX_BATCH_ITEMS } from '../../src/core/decision-schemas.ts';
import { tables } from '../../src/data/index.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import { expectProblem } from '../helpers/problem.ts';

const JOB = { location: 'DE', durationHours: 10, gpu: { model: 'H100 SXM', count: 1 } };
const app = createApp({ estimator: estimatorFor(tables) });

const post = (path: string, body: BodyInit, contentType = 'application/json', target = app) =>
  target.request(path, { method: 'POST', headers: { 'content-type': contentType }, body });

/** `value` serialised, then padded with spaces to exactly `bytes` bytes (still the same JSON). */
const padded = (value: unknown, bytes: number) => {
  const text = JSON.stringify(value);
  return text + ' '.repeat(bytes - Buffer.byteLength(text));
};

/** A body stream that sends `head`, then nothing until `end()`. */
function stalledBody(head: string): { stream: ReadableStream<Uint8Array>; end(): void } {
  let end = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(head));
      end = () => controller.close();
    },
  });
  return { stream, end: () => end() };
}

describe('body size', () => {
  it(`answers 413 over ${MAX_BODY_BYTES} bytes, and reads a body of exactly the limit`, async () => {
    const over = await expectProblem(
      await post('/v1/estimate', padded(JOB, MAX_BODY_BYTES + 1)),
      413,
    );
    expect(over.errors).toEqual([
      { path: '', code: 'payload_too_large', message: `expected at most ${MAX_BODY_BYTES} bytes` },
    ]);
    expect((await post('/v1/estimate', padded(JOB, MAX_BODY_BYTES))).status).toBe(200);
  });

  it('counts a streamed body without content-length too', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await app.request('/v1/compare', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(res, 413);
  });

  it(`gives /v1/batch its own ${MAX_BATCH_BODY_BYTES} bytes`, async () => {
    const big = { workloads: [JOB] };
    expect((await post('/v1/batch', padded(big, 4 * MAX_BODY_BYTES))).status).toBe(200);
    await expectProblem(await post('/v1/batch', padded(big, MAX_BATCH_BODY_BYTES + 1)), 413);
  });

  it('takes other limits from createApp options', async () => {
    const small = createApp({ estimator: estimatorFor(tables), limits: { bodyBytes: 100 } });
    await expectProblem(
      await post('/v1/estimate', padded(JOB, 101), 'application/json', small),
      413,
    );
    expect((await post('/v1/estimate', padded(JOB, 100), 'application/json', small)).status).toBe(
      200,
    );
  });
});

describe('batch and region list sizes', () => {
  it(`answers 413 naming the limit past ${MAX_BATCH_ITEMS} workloads, JSON or CSV`, async () => {
    const json = await expectProblem(
      await post('/v1/batch', JSON.stringify({ workloads: Array(MAX_BATCH_ITEMS + 1).fill({}) })),
      413,
    );
    expect(json.errors).toEqual([
      {
        path: 'workloads',
        code: 'payload_too_large',
        message: `expected at most ${MAX_BATCH_ITEMS} workloads per batch, got ${MAX_BATCH_ITEMS + 1}`,
      },
    ]);
    const csv = await expectProblem(
      await post('/v1/batch', `location\n${'DE\n'.repeat(MAX_BATCH_ITEMS + 1)}`, 'text/csv'),
      413,
    );
    expect(csv.detail).toContain(String(MAX_BATCH_ITEMS));
  });

  it('answers 422 at regions.ids past 500 ids in /v1/compare, and takes 500', async () => {
    const ids = [...tables.regions.keys()];
    const list = (n: number) => Array.from({ length: n }, (_, i) => ids[i % ids.length]!);
    const over = await expectProblem(
      await post('/v1/compare', JSON.stringify({ workload: JOB, regions: { ids: list(501) } })),
      422,
    );
    expect(over.errors).toEqual([
      expect.objectContaining({ path: 'regions.ids', code: 'too_big' }),
    ]);
    expect(
      (
        await post(
          '/v1/compare',
          JSON.stringify({ workload: JOB, regions: { ids: list(500) }, top: 1 }),
        )
      ).status,
    ).toBe(200);
  });
});

describe('JSON shape', () => {
  const nest = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  it(`takes ${MAX_JSON_DEPTH} levels of nesting and refuses one more, naming where`, async () => {
    expect(() => checkJsonShape(JSON.parse(nest(MAX_JSON_DEPTH)))).not.toThrow();
    const res = await post(
      '/v1/estimate',
      `{"location":"DE","gpu":{"model":${nest(MAX_JSON_DEPTH - 1)}}}`,
    );
    const problem = await expectProblem(res, 422);
    expect(problem.errors).toEqual([
      {
        path: `gpu.model${'.0'.repeat(MAX_JSON_DEPTH - 2)}`,
        code: 'too_deep',
        message: `expected JSON nested at most ${MAX_JSON_DEPTH} levels deep`,
      },
    ]);
  });

  it('answers 422, not a stack overflow, for 100,000 levels in every POST route', async () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    for (const [path, body] of [
      ['/v1/estimate', `{"preset":"llm-pretrain-7b","x":${deep}}`],
      ['/v1/compare', `{"workload":{"preset":"llm-pretrain-7b","x":${deep}}}`],
      ['/v1/suggest', `{"workload":${deep}}`],
      ['/v1/batch', `{"workloads":[{"preset":"llm-pretrain-7b","x":${deep}}]}`],
    ] as const) {
      const problem = await expectProblem(await post(path, body), 422);
      expect(problem.errors[0]?.code, path).toBe('too_deep');
    }
  });

  it('refuses a __proto__ key anywhere, with or without a preset, and pollutes nothing', async () => {
    for (const [path, body, where] of [
      [
        '/v1/estimate',
        '{"location":"DE","durationHours":1,"cpu":{"threads":1},"__proto__":{"pue":1.2}}',
        '__proto__',
      ],
      [
        '/v1/estimate',
        '{"preset":"llm-pretrain-7b","gpu":{"__proto__":{"polluted":1}}}',
        'gpu.__proto__',
      ],
      [
        '/v1/batch',
        '{"workloads":[{"preset":"llm-pretrain-7b","__proto__":{"location":"FR"}}]}',
        'workloads.0.__proto__',
      ],
    ] as const) {
      const problem = await expectProblem(await post(path, body), 422);
      expect(problem.errors).toEqual([
        expect.objectContaining({ path: where, code: 'forbidden_key' }),
      ]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads CSV columns named like Object.prototype members as unknown columns (422, not 500)', async () => {
    for (const header of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const problem = await expectProblem(
        await post('/v1/batch', `${header},location\n1,DE\n`, 'text/csv'),
        422,
      );
      expect(problem.errors[0]).toEqual(
        expect.objectContaining({ path: 'header.0', code: 'unknown_column' }),
      );
    }
  });
});

describe('work per request', () => {
  // 1e14 parameters × 1e17 tokens at 1 % MFU on H100s: about 1.7e10 hours, each on the hourly grid.
  const huge = {
    location: 'DE',
    gpu: { model: 'H100', count: 100_000 },
    ai: { task: 'training', parameters: 1e14, tokens: 1e17, mfu: 0.01 },
    start: '2024-01-01T00:00:00Z',
  };

  it('does not grow with the run length: a 1.7e10-hour run with a start answers within a second', async () => {
    for (const [path, body] of [
      ['/v1/estimate', huge],
      ['/v1/compare', { workload: huge, top: 200 }],
      ['/v1/suggest', { workload: huge, flexibility: { delayHours: 8760 } }],
      [
        '/v1/suggest',
        {
          workload: { ...huge, ai: undefined, durationHours: 100_000_000 },
          flexibility: { delayHours: 24 },
        },
      ],
    ] as const) {
      const started = performance.now();
      const res = await post(path, JSON.stringify(body));
      expect(res.status, path).toBe(200);
      expect(performance.now() - started, path).toBeLessThan(1_000);
    }
  });
});

describe('time budget', () => {
  it('answers 503 problem+json when the body stalls past the budget', async () => {
    const quick = createApp({ estimator: estimatorFor(tables), limits: { timeoutMs: 100 } });
    const body = stalledBody('{"location":');
    const started = performance.now();
    const res = await quick.request('/v1/estimate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    const problem = await expectProblem(res, 503);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(problem).toMatchObject({
      type: 'https://gridshift.dev/problems/timeout',
      errors: [{ path: '', code: 'timeout' }],
    });
    expect(res.headers.get('connection')).toBe('close');
    body.end();
  });

  it('does not touch requests that finish in time (default 10 s)', async () => {
    expect((await post('/v1/estimate', JSON.stringify(JOB))).status).toBe(200);
  });

  describe('on the Node server', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({
        port: 0,
        hostname: '127.0.0.1',
        estimator: estimatorFor(tables),
        limits: { timeoutMs: 200 },
      });
    });
    afterAll(() => server.close());

    it('answers a slow upload with 503 and closes the connection; the server stays up', async () => {
      const { port } = new URL(server.url);
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/v1/estimate',
            headers: { 'content-type': 'application/json', 'content-length': '1000' },
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.write('{"location":');
      });
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 503, errors: [{ code: 'timeout' }] });
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    });
  });
});

describe('rate limit', () => {
  const limited = (options: Partial<RateLimitOptions> = {}) => {
    let clock = 0;
    const limitedApp = createApp({
      estimator: estimatorFor(tables),
      rateLimit: {
        limit: 3,
        windowMs: 60_000,
        clientIp: 'x-forwarded-for',
        now: () => clock,
        ...options,
      },
    });
    const get = (ip: string, path = '/v1/sources') =>
      limitedApp.request(path, { headers: { 'x-forwarded-for': ip } });
    return { get, tick: (ms: number) => (clock += ms) };
  };

  it('lets a burst of `limit` through, then answers 429 problem+json with Retry-After', async () => {
    const { get, tick } = limited();
    for (let i = 0; i < 3; i++) expect((await get('203.0.113.7')).status).toBe(200);
    const res = await get('203.0.113.7');
    const problem = await expectProblem(res, 429);
    expect(res.headers.get('retry-after')).toBe('20');
    expect(problem).toMatchObject({
      type: 'https://gridshift.dev/problems/rate-limited',
      errors: [
        { path: '', code: 'rate_limited', message: 'expected at most 3 requests per minute' },
      ],
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    tick(19_999);
    expect((await get('203.0.113.7')).status).toBe(429);
    tick(1);
    expect((await get('203.0.113.7')).status).toBe(200);
  });

  it('counts each client apart, by the last x-forwarded-for entry (the one the proxy added)', async () => {
    const { get } = limited();
    for (let i = 0; i < 3; i++) expect((await get(`10.9.9.${i}, 198.51.100.1`)).status).toBe(200);
    expect((await get('10.9.9.9, 198.51.100.1')).status).toBe(429);
    expect((await get('198.51.100.2')).status).toBe(200);
  });

  it('groups IPv6 clients by /64 and reads IPv4-mapped addresses as IPv4', async () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    const { get } = limited();
    for (let i = 0; i < 3; i++) expect((await get(`2001:db8:1:2::${i + 1}`)).status).toBe(200);
    expect((await get('2001:db8:1:2:ffff::9')).status).toBe(429);
    expect((await get('2001:db8:1:3::1')).status).toBe(200);
  });

  it('forgets the least recent client past maxClients, and leaves /health and the page alone', async () => {
    const { get } = limited({ limit: 1, maxClients: 2 });
    expect((await get('192.0.2.1')).status).toBe(200);
    expect((await get('192.0.2.1')).status).toBe(429);
    await get('192.0.2.2');
    await get('192.0.2.3');
    expect((await get('192.0.2.1')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await get('192.0.2.3', '/health')).status).toBe(200);
  });

  describe('on the Node server, by socket address', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({
        port: 0,
        hostname: '127.0.0.1',
        estimator: estimatorFor(tables),
        rateLimit: { limit: 2, windowMs: 60_000, clientIp: 'socket' },
      });
    });
    afterAll(() => server.close());

    it('ignores x-forwarded-for when not told to trust it', async () => {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${server.url}/v1/sources`, {
          headers: { 'x-forwarded-for': `192.0.2.${i}` },
        });
        await res.arrayBuffer();
        statuses.push(res.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
    });
  });
});

describe('settings from the environment', () => {
  const read = (env: Record<string, string>) => securityConfigFromEnv(env, { clientIp: 'socket' });

  it('defaults: no rate limit, CORS from any origin, 10 s budget', () => {
    expect(read({})).toEqual({ limits: { timeoutMs: 10_000 }, cors: { origins: '*' } });
  });

  it('reads GRIDSHIFT_RATE_LIMIT, GRIDSHIFT_CLIENT_IP, GRIDSHIFT_CORS_ORIGINS and GRIDSHIFT_TIMEOUT_MS', () => {
    expect(read({ GRIDSHIFT_RATE_LIMIT: '60/min' }).rateLimit).toEqual({
      limit: 60,
      windowMs: 60_000,
      clientIp: 'socket',
    });
    expect(
      read({ GRIDSHIFT_RATE_LIMIT: '5 / s', GRIDSHIFT_CLIENT_IP: 'x-forwarded-for' }).rateLimit,
    ).toEqual({ limit: 5, windowMs: 1000, clientIp: 'x-forwarded-for' });
    expect(read({ GRIDSHIFT_RATE_LIMIT: 'off' }).rateLimit).toBeUndefined();
    expect(read({ GRIDSHIFT_CORS_ORIGINS: 'off' }).cors).toBe(false);
    expect(
      read({ GRIDSHIFT_CORS_ORIGINS: 'https://a.example, http://localhost:3000' }).cors,
    ).toEqual({ origins: ['https://a.example', 'http://localhost:3000'] });
    expect(read({ GRIDSHIFT_TIMEOUT_MS: '2500' }).limits).toEqual({ timeoutMs: 2500 });
  });

  it.each([
    ['GRIDSHIFT_RATE_LIMIT', '60'],
    ['GRIDSHIFT_RATE_LIMIT', '0/min'],
    ['GRIDSHIFT_RATE_LIMIT', '60/constructor'],
    ['GRIDSHIFT_CLIENT_IP', 'x-real-ip'],
    ['GRIDSHIFT_CORS_ORIGINS', 'example.org'],
    ['GRIDSHIFT_TIMEOUT_MS', '10s'],
  ])('refuses %s=%s at start', (name, value) => {
    expect(() => read({ [name]: value })).toThrow(name);
  });
});
