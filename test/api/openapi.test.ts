// The OpenAPI 3.1 document: valid for a real validator, every route and error answer documented
// with examples that are real answers; the same on Node and the Worker; /docs renders it offline.
import { estimatorFor } from '../helpers/estimator.ts';
import { compileErrors, validate } from '@readme/openapi-parser';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_ROUTES, createApp } from '../../src/api/app.ts';
import { tables } from '../../src/data/index.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import { describeApi } from '../helpers/describe-api.ts';
import { apiTargets } from '../helpers/server.ts';
import { launchBrowser, type Browser } from '../web/browser.ts';

type Json = Record<string, any>;

const operationsOf = (doc: Json) =>
  Object.entries(doc.paths as Json).flatMap(([path, methods]) =>
    Object.entries(methods as Json).map(([method, op]) => ({ path, method, op: op as Json })),
  );

describeApi('GET /openapi.json', apiTargets(), (api) => {
  let doc: Json;
  beforeAll(async () => {
    const res = await api.get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    doc = (await res.json()) as Json;
  });

  it('is a valid OpenAPI 3.1 document (@readme/openapi-parser)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('lists every route of the app, and nothing else', () => {
    const listed = operationsOf(doc)
      .map(({ method, path }) => `${method} ${path}`)
      .sort();
    expect(listed).toEqual(
      [
        ...API_ROUTES.map((r) => `${r.config.method} ${r.config.path}`),
        'get /docs',
        'get /openapi.json',
      ].sort(),
    );
  });

  it('describes every answer; every JSON answer and every problem has an example', () => {
    for (const { method, path, op } of operationsOf(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.description, where).toBeTruthy();
      expect(Object.keys(op.responses), where).toEqual(
        expect.arrayContaining(['200', '405', '500']),
      );
      for (const [status, answer] of Object.entries(op.responses as Json)) {
        const resolved = answer.$ref
          ? doc.components.responses[String(answer.$ref).split('/').pop()!]
          : answer;
        expect(resolved.description, `${where} ${status}`).toBeTruthy();
        for (const [type, media] of Object.entries(resolved.content as Json)) {
          if (path === '/openapi.json' || path === '/docs') continue;
          expect((media as Json).example, `${where} ${status} ${type}`).toBeDefined();
          if (status !== '200') expect((media as Json).example.status).toBe(Number(status));
        }
      }
      // Every body type has an example, but binary ones (a gzip upload), which cannot be shown.
      for (const [type, media] of Object.entries((op.requestBody?.content ?? {}) as Json))
        if ((media as Json).schema?.format !== 'binary')
          expect((media as Json).example, `${where} body ${type}`).toBeDefined();
    }
  });

  it('documents the refusals: 422 with field errors, 400/415/413 for bodies, 404 for ids', () => {
    const estimate = doc.paths['/v1/estimate'].post.responses;
    expect(Object.keys(estimate)).toEqual(expect.arrayContaining(['400', '413', '415', '422']));
    expect(
      estimate['422'].content['application/problem+json'].example.errors.map((e: Json) => e.path),
    ).toEqual(['gpu.count', 'colour']);
    expect(
      doc.paths['/v1/regions/{id}'].get.responses['404'].content['application/problem+json'].example
        .candidates.length,
    ).toBeGreaterThan(0);
    expect(Object.keys(doc.paths['/v1/estimate'].post.responses['200'].content)).toEqual([
      'application/json',
      'text/csv',
      'application/vnd.boamps+json',
    ]);
  });
});

describe('the document in-process', () => {
  it('has an example for every documented answer of every route, and none left over', async () => {
    const doc = (await (
      await createApp({ estimator: estimatorFor(tables) }).request('/openapi.json')
    ).json()) as Json;
    for (const route of API_ROUTES) {
      const op = doc.paths[route.config.path][route.config.method] as Json;
      const documented = Object.entries(op.responses as Json).flatMap(([status, answer]) =>
        (answer as Json).$ref
          ? []
          : Object.keys((answer as Json).content as Json).map((type) =>
              ['200 application/json', `${status} application/problem+json`].includes(
                `${status} ${type}`,
              )
                ? status
                : `${status} ${type}`,
            ),
      );
      expect(
        Object.keys(route.examples).sort(),
        `${route.config.method} ${route.config.path}`,
      ).toEqual(documented.sort());
    }
  });

  it('gives examples that parse with the zod schemas they document (bodies as inputs, answers as outputs)', async () => {
    const doc = (await (
      await createApp({ estimator: estimatorFor(tables) }).request('/openapi.json')
    ).json()) as Json;
    for (const { config } of API_ROUTES) {
      const op = doc.paths[config.path][config.method] as Json;
      const where = `${config.method} ${config.path}`;
      const body = config.request?.body?.content['application/json'];
      if (body && 'schema' in body && body.schema instanceof z.ZodType)
        expect(
          body.schema.safeParse(op.requestBody.content['application/json'].example).success,
          where,
        ).toBe(true);
      for (const [status, answer] of Object.entries(config.responses)) {
        for (const [type, media] of Object.entries(
          (answer as { content?: Record<string, { schema?: unknown }> }).content ?? {},
        )) {
          if (!(media.schema instanceof z.ZodType)) continue;
          const parsed = media.schema.safeParse(op.responses[status].content[type].example);
          expect(
            parsed.success,
            `${where} ${status} ${type}: ${parsed.success ? '' : parsed.error.message}`,
          ).toBe(true);
        }
      }
    }
  });
});

describe('GET /docs in headless chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({ port: 0, hostname: '127.0.0.1', estimator: estimatorFor(tables) }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders every operation from the document with no outside requests', async () => {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    page.on('requestfailed', (req) =>
      failed.push(`${req.url()} ${req.failure()?.errorText ?? ''}`),
    );
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => void (msg.type() === 'error' && errors.push(msg.text())));
    const res = await page.goto(`${server.url}/docs`);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    await page.waitForSelector('html[data-ready="true"]', { timeout: 20_000 });
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as Json;
    expect(await page.locator('section.op').count()).toBe(operationsOf(doc).length);
    expect(await page.locator('nav a[href^="#"]').count()).toBe(operationsOf(doc).length);
    await expect(page.locator('#postV1Estimate h3').textContent()).resolves.toBe(
      'post/v1/estimate',
    );
    await page.locator('#postV1Estimate details').first().click();
    await expect(page.locator('#postV1Estimate').textContent()).resolves.toContain('durationHours');
    mkdirSync('test-output/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-output/screenshots/docs.png', fullPage: false });
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
    expect(requests.map((url) => new URL(url).pathname).sort()).toEqual(['/docs', '/openapi.json']);
    await page.close();
  }, 60_000);
});
