// The web page (web/) on Node: static files after the API routes, so /v1/* and /health win.
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppEnv } from '../api/route.ts';

/** Absolute path of `web/`, independent of the working directory. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));

/** The page's bundle, built by `scripts/build-web.mjs` (prestart / pretest). */
export const WEB_BUNDLE = fileURLToPath(new URL('../../web/dist/app.js', import.meta.url));

// Only the page and its build output are public; web/src holds the bundle's TypeScript sources.
const PUBLIC_PATH =
  /^\/(?:$|index\.html$|methodology\.html$|bills\.html$|styles\.css$|bills\.css$|favicon\.svg$|dist\/[\w.-]+$)/;

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
    return files(c, next);
  };
  app.use('*', publicFiles);
}
