// The Node adapter: routes added through `extend` (as bench/server.ts adds its reference routes) go
// through the app's own middleware and body reading, and the product itself serves no /bench route.
import { estimatorFor } from '../helpers/estimator.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../../src/api/app.ts';
import { createRoute } from '@hono/zod-openapi';
import { defineRoute, registerRoutes } from '../../src/api/route.ts';
import { jsonBody } from '../../src/api/validate.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import { fixtureTables } from '../helpers/fixture-tables.ts';
import { expectProblem } from '../helpers/problem.ts';

const body = { location: 'aws:us-east-1', durationHours: 36, gpu: { model: 'H100 SXM', count: 8 } };
const post = (text: string, type = 'application/json') => ({
  method: 'POST',
  headers: { 'content-type': type },
  body: text,
});

const echo = defineRoute({
  config: createRoute({
    method: 'post',
    path: '/extra/echo',
    summary: 'Answers the parsed body unchanged',
    tags: ['test'],
    middleware: [jsonBody()],
    request: { body: { required: true, content: { 'application/json': { schema: z.unknown() } } } },
    responses: { 200: { description: 'The body' } },
  }),
  examples: {},
  handler: (c) => c.json(c.req.valid('json')),
});

describe('the product', () => {
  it.each(['/bench/echo', '/bench/answer'])('has no %s route', async (path) => {
    await expectProblem(
      await createApp({ estimator: estimatorFor(fixtureTables) }).request(
        path,
        post(JSON.stringify(body)),
      ),
      404,
    );
  });
});

describe('startServer({ extend })', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      port: 0,
      hostname: '127.0.0.1',
      estimator: estimatorFor(fixtureTables),
      extend: (app) => registerRoutes(app, [echo]),
    });
  });
  afterAll(() => server.close());

  it('serves the added route', async () => {
    const res = await fetch(`${server.url}/extra/echo`, post(JSON.stringify(body)));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(body);
  });

  it('refuses what every JSON route refuses, with the same problems', async () => {
    await expectProblem(await fetch(`${server.url}/extra/echo`, post('{"a":')), 400);
    await expectProblem(await fetch(`${server.url}/extra/echo`, post('{}', 'text/plain')), 415);
    await expectProblem(await fetch(`${server.url}/extra/echo`, { method: 'GET' }), 405);
  });

  it('answers JSON as bytes of the same text', async () => {
    const res = await fetch(`${server.url}/v1/regions/aws:us-east-1`);
    const text = await res.text();
    expect(res.headers.get('content-type')).toBe('application/json');
    const inMemory = await createApp({ estimator: estimatorFor(fixtureTables) }).request(
      '/v1/regions/aws:us-east-1',
    );
    expect(text).toBe(await inMemory.text());
  });
});
