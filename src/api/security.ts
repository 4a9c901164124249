// Response headers: Hono's secureHeaders with a strict Content-Security-Policy, and CORS for the
// public, keyless API.
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';

export interface CorsOptions {
  /** `'*'` (default) or the exact origins allowed, e.g. `['https://example.org']`. */
  origins: '*' | readonly string[];
}

/** Paths answered with CORS headers (and preflights): the API and its document. */
export function isCorsPath(path: string): boolean {
  return path.startsWith('/v1/') || path === '/openapi.json';
}

/** The page's policy: its own scripts, styles and API only; no inline code, no framing. */
export const PAGE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
};

/** JSON answers load nothing. */
export const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

/**
 * Secure headers on every answer. A route that sets its own header (e.g. /docs its CSP) keeps it.
 * The API may be read from any origin (CORP cross-origin); everything else is same-origin.
 */
export function securityHeaders(): MiddlewareHandler {
  const common = { xFrameOptions: 'DENY', overwrite: false } as const;
  const api = secureHeaders({
    ...common,
    contentSecurityPolicy: API_CSP,
    crossOriginResourcePolicy: 'cross-origin',
  });
  const page = secureHeaders({ ...common, contentSecurityPolicy: PAGE_CSP });
  return (c, next) => (isCorsPath(c.req.path) || c.req.path === '/health' ? api : page)(c, next);
}

/**
 * CORS on the API paths: GET, HEAD and POST, answered preflights, no credentials. Preflights are
 * Hono's cors middleware; on other requests the headers are set once the answer exists, because
 * Hono's cors sets them on `c.res` beforehand, which makes Hono rebuild the final response from its
 * body stream (a copy and re-encoding of every answer).
 */
export function apiCors(options: CorsOptions): MiddlewareHandler {
  const origins = options.origins;
  const preflight = cors({
    origin: origins === '*' ? '*' : [...origins],
    allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Accept'],
    exposeHeaders: [...EXPOSED_HEADERS],
    maxAge: 86_400,
  });
  const exposed = EXPOSED_HEADERS.join(',');
  return async (c, next) => {
    if (!isCorsPath(c.req.path)) return next();
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const headers = c.res.headers;
    if (origins === '*') headers.set('access-control-allow-origin', '*');
    else {
      const origin = c.req.header('origin');
      if (origin !== undefined && origins.includes(origin))
        headers.set('access-control-allow-origin', origin);
      headers.append('vary', 'Origin');
    }
    headers.set('access-control-expose-headers', exposed);
  };
}

/** Response headers a cross-origin page may read. */
const EXPOSED_HEADERS = ['Retry-After', 'Allow'] as const;
