// web/ served by the Node entry: content types, caching, what is public, and CSP-friendly HTML.
import { estimatorFor } from '../helpers/estimator.ts';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../src/data/index.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import { buildWeb } from './build.ts';

const PAGES = ['web/index.html', 'web/methodology.html', 'web/bills.html'];

describe('web/ on the Node server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    buildWeb();
    server = await startServer({ port: 0, hostname: '127.0.0.1', estimator: estimatorFor(tables) });
  });
  afterAll(() => server.close());

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/methodology.html', 'text/html; charset=utf-8'],
    ['/bills.html', 'text/html; charset=utf-8'],
    ['/bills.css', 'text/css; charset=utf-8'],
    ['/styles.css', 'text/css; charset=utf-8'],
    ['/dist/app.js', 'text/javascript; charset=utf-8'],
    ['/dist/methodology.js', 'text/javascript; charset=utf-8'],
    ['/dist/bills.js', 'text/javascript; charset=utf-8'],
    ['/dist/bills-worker.js', 'text/javascript; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml; charset=utf-8'],
  ])('serves %s as %s, revalidated on every load', async (path, type) => {
    const res = await fetch(server.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('keeps the bundle sources and anything else private, and the API answers as before', async () => {
    for (const path of [
      '/src/main.ts',
      '/tsconfig.json',
      '/dist/../src/main.ts',
      '/web/index.html',
    ]) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    const api = await fetch(`${server.url}/v1/regions?provider=aws`);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it.each(PAGES)(
    '%s has no inline script, no inline handler and nothing from another origin',
    (file) => {
      const html = readFileSync(file, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs).toMatch(/\bsrc="[^"]+"/);
        expect(body!.trim()).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/\sstyle\s*=/i);
      for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g))
        expect(tag).not.toMatch(/(?:src|href)="(?:[a-z]+:)?\/\//i);
    },
  );
});
