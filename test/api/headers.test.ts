// Response headers: secure headers and CORS on every target, no fingerprints, and the page's strict
// Content-Security-Policy, checked in headless chromium for violations.
import { estimatorFor } from '../helpers/estimator.ts';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { tables } from '../../src/data/index.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import { describeApi } from '../helpers/describe-api.ts';
import { apiTargets } from '../helpers/server.ts';
import { launchBrowser, type Browser } from '../web/browser.ts';

const SECURE = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
};
const FINGERPRINTS = ['server', 'x-powered-by', 'x-aspnet-version', 'via'];
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

const headersOf = (res: Response) => {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => (out[name] = value));
  return out;
};
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describeApi('headers', apiTargets(), (api) => {
  it('puts secure headers and a no-load CSP on answers and refusals, and no server fingerprint', async () => {
    for (const [path, init] of [
      ['/v1/sources', undefined],
      ['/v1/estimate', json({ location: 'DE', durationHours: 1, cpu: { threads: 1 } })],
      ['/v1/estimate', json({ location: 'DE', durationHours: -1 })],
      ['/v1/nothing', undefined],
      ['/health', undefined],
    ] as const) {
      const res = await api.fetch(path, init);
      await res.arrayBuffer();
      const headers = headersOf(res);
      expect(headers, path).toMatchObject({
        ...SECURE,
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      });
      for (const name of FINGERPRINTS) expect(headers[name], `${path} ${name}`).toBeUndefined();
    }
  });

  it('allows any origin on /v1/* and /openapi.json, with Retry-After readable', async () => {
    for (const path of ['/v1/regions?provider=gcp', '/openapi.json']) {
      const res = await api.fetch(path, { headers: { origin: 'https://elsewhere.example' } });
      await res.arrayBuffer();
      expect(res.status, path).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const post = await api.fetch(
      '/v1/estimate',
      json(
        { location: 'FR', durationHours: 1, cpu: { threads: 2 } },
        { origin: 'https://elsewhere.example' },
      ),
    );
    await post.arrayBuffer();
    expect(post.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves the page with the strict CSP (Node: src/api/security.ts; Worker: web/_headers)', async () => {
    const res = await api.get('/');
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    expect(headersOf(res)).toMatchObject({
      'content-security-policy': PAGE_CSP,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
  });

  it('answers a preflight for POST with JSON', async () => {
    const res = await api.fetch('/v1/compare', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://elsewhere.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    await res.arrayBuffer();
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')?.split(',')).toEqual(
      expect.arrayContaining(['GET', 'POST']),
    );
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'content-type',
    );
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });
});

describe('web/_headers (the page on Workers)', () => {
  it('holds the same Content-Security-Policy as the Node server sends', () => {
    const policy = /^\s+Content-Security-Policy: (.+)$/m.exec(
      readFileSync(new URL('../../web/_headers', import.meta.url), 'utf8'),
    )?.[1];
    expect(policy).toBe(PAGE_CSP);
  });
});

describe('CORS settings', () => {
  const preflight = {
    method: 'OPTIONS',
    headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' },
  };

  it('allows only the listed origins, varying on Origin', async () => {
    const app = createApp({
      estimator: estimatorFor(tables),
      cors: { origins: ['https://a.example'] },
    });
    const allowed = await app.request('/v1/sources', { headers: { origin: 'https://a.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://a.example');
    expect(allowed.headers.get('vary')).toMatch(/origin/i);
    const other = await app.request('/v1/sources', { headers: { origin: 'https://b.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS headers when off: a preflight is then a 405', async () => {
    const app = createApp({ estimator: estimatorFor(tables), cors: false });
    const res = await app.request('/v1/estimate', preflight);
    expect(res.status).toBe(405);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves the page without CORS headers', async () => {
    const app = createApp({ estimator: estimatorFor(tables) });
    const res = await app.request('/index.html', { headers: { origin: 'https://a.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the page under its Content-Security-Policy (Node server, chromium)', () => {
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

  it('serves every page file with the strict CSP and no fingerprint', async () => {
    for (const path of ['/', '/methodology.html', '/styles.css', '/dist/app.js', '/favicon.svg']) {
      const res = await fetch(server.url + path);
      await res.arrayBuffer();
      expect(res.status, path).toBe(200);
      expect(headersOf(res), path).toMatchObject({
        ...SECURE,
        'content-security-policy': PAGE_CSP,
        'cross-origin-resource-policy': 'same-origin',
      });
      for (const name of FINGERPRINTS) expect(res.headers.get(name), `${path} ${name}`).toBeNull();
    }
  });

  it('loads, estimates and draws its charts with no CSP violation', async () => {
    const violations: string[] = [];
    for (const path of ['/', '/methodology.html']) {
      const page = await browser.context.newPage();
      page.on('console', (message) => {
        if (/content security policy/i.test(message.text()))
          violations.push(`${path}: ${message.text()}`);
      });
      page.on('pageerror', (err) => violations.push(`${path}: ${err.message}`));
      await page.goto(server.url + path);
      await page.waitForSelector('html[data-ready="true"]');
      if (path === '/') {
        await page.selectOption('#f-preset', 'llm-finetune-lora-8xh100');
        await page.click('button[type="submit"]');
        await page.waitForSelector('#results[data-panels="done"]');
        expect(
          await page.$eval('#chart-breakdown', (canvas) => (canvas as HTMLCanvasElement).width),
        ).toBeGreaterThan(0);
      }
      await page.close();
    }
    expect(violations).toEqual([]);
  });
});
