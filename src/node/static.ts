// The web page (web/) on Node: static files after the API routes, so /v1/* and /health win.
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { AppEnv } from '../api/route.ts';

/** Absolute path of `web/`, independent of the working directory. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));

/** The page's bundle, built by `scripts/build-web.mjs` (prestart / pretest). */
export const WEB_BUNDLE = fileURLToPath(new URL('../../web/dist/app.js', import.meta.url));

// Only the page and its build output are public; web/src holds the bundle's TypeScript sources.
const PUBLIC_PATH =
  /^\/(?:$|index\.html$|methodology\.html$|bills\.html$|styles\.css$|bills\.css$|favicon\.svg$|dist\/[\w.-]+$)/;

/** Text types worth compressing (the hourly series under dist/data is gzip already). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json)|image\/svg\+xml)/;

type Encoding = 'br' | 'gzip';

/** The encoding the client accepts that we prefer: brotli, then gzip; `q=0` refuses one. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .toLowerCase()
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(q))
      .map(([name]) => name!.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

// Compressed once per file content: a rebuilt bundle (different bytes) is compressed again.
const cache = new Map<string, { raw: Buffer; body: Buffer }>();

function compress(key: string, raw: Buffer, encoding: Encoding): Buffer {
  const hit = cache.get(`${encoding} ${key}`);
  if (hit?.raw.equals(raw)) return hit.body;
  const body =
    encoding === 'br'
      ? brotliCompressSync(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        })
      : gzipSync(raw, { level: 9 });
  cache.set(`${encoding} ${key}`, { raw, body });
  return body;
}

/** Re-sends a 200 text answer compressed when the client accepts it; always says `Vary`. */
async function compressed(c: Context<AppEnv>): Promise<void> {
  const res = c.res;
  res.headers.append('vary', 'accept-encoding');
  const type = res.headers.get('content-type') ?? '';
  if (res.status !== 200 || !COMPRESSIBLE.test(type) || res.headers.has('content-encoding')) return;
  const encoding = pickEncoding(c.req.header('accept-encoding'));
  if (!encoding || c.req.method !== 'GET') return;
  const raw = Buffer.from(await res.arrayBuffer());
  const body = compress(c.req.path, raw, encoding);
  // Set on the old answer too: Hono copies its headers onto the one that replaces it.
  res.headers.set('content-encoding', encoding);
  res.headers.set('content-length', String(body.length));
  c.res = new Response(new Uint8Array(body), { status: 200, headers: res.headers });
}

/** Serves `web/` at `/`. Every answer says `no-cache`: the browser revalidates, so a rebuild shows at once. */
export function serveWeb(app: Hono<AppEnv>): void {
  if (!existsSync(WEB_BUNDLE))
    console.warn(
      '[gridshift] web/dist/app.js is missing: `node scripts/build-web.mjs` builds the page',
    );
  const files = serveStatic({ root: WEB_ROOT });
  const publicFiles: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (!PUBLIC_PATH.test(c.req.path)) return next();
    c.header('cache-control', 'no-cache');
    c.header('x-content-type-options', 'nosniff');
    const res = await files(c, next);
    if (res) c.res = res;
    await compressed(c);
    return c.res;
  };
  app.use('*', publicFiles);
}
