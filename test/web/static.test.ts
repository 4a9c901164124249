// web/ served by the Node entry: content types, caching, what is public, and CSP-friendly HTML.
import { estimatorFor } from '../helpers/estimator.ts';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../src/data/index.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';

const PAGES = ['web/index.html', 'web/methodology.html', 'web/bills.html'];

describe('web/ on the Node server', () => {
  let server: RunningServer;
  beforeAll(async () => {
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

  /** A raw HTTP GET (fetch would decompress on its own), with the body as sent. */
  const rawGet = (path: string, acceptEncoding?: string) =>
    new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve, reject) => {
        const req = request(
          server.url + path,
          { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end();
      },
    );

  it('sends app.js brotli- or gzip-compressed as the client accepts, decompressing to the same bytes', async () => {
    const built = readFileSync('web/dist/app.js');
    const plain = await rawGet('/dist/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body.equals(built)).toBe(true);

    const br = await rawGet('/dist/app.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(built.length / 3);
    expect(brotliDecompressSync(br.body).equals(built)).toBe(true);

    const gz = await rawGet('/dist/app.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(built)).toBe(true);

    const refused = await rawGet('/dist/app.js', 'br;q=0, gzip');
    expect(refused.headers['content-encoding']).toBe('gzip');

    for (const path of ['/', '/styles.css']) {
      const res = await rawGet(path, 'br');
      expect(res.headers['content-encoding'], path).toBe('br');
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
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
