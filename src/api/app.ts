// The HTTP app: routes, body limit, and problem+json (RFC 9457) for every error.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { EstimateError } from '../core/errors.ts';
import type { Estimator } from '../core/estimator.ts';
import type { LiveGrid } from '../live/provider.ts';
import { DEFAULT_TIMEOUT_MS, timeBudget, type Limits } from './limits.ts';
import { ProblemException, problemFromEstimateError, problemJson, problemResponse } from './problem.ts';
import { rateLimit, type RateLimitOptions } from './rate-limit.ts';
import { registerRoutes, type AppEnv, type Route } from './route.ts';
import { batchRoutes, MAX_BATCH_BODY_BYTES } from './routes/batch.ts';
import { benchRoutes } from './routes/bench.ts';
import { compareRoutes } from './routes/compare.ts';
import { docsRoutes } from './routes/docs.ts';
import { estimateRoutes } from './routes/estimate.ts';
import { hardwareRoutes } from './routes/hardware.ts';
import { healthRoutes } from './routes/health.ts';
import { modelRoutes } from './routes/models.ts';
import { presetRoutes } from './routes/presets.ts';
import { profileRoutes } from './routes/profile.ts';
import { regionRoutes } from './routes/regions.ts';
import { sourceRoutes } from './routes/sources.ts';
import { suggestRoutes } from './routes/suggest.ts';
import { zoneRoutes } from './routes/zones.ts';
import { apiCors, securityHeaders, type CorsOptions } from './security.ts';

export type { AppEnv, Route } from './route.ts';
export { Problem, PROBLEMS, PROBLEM_CODES, problemTypeUri } from './problem.ts';

/** Largest request body accepted (1 MiB); `/v1/batch` has its own, larger limit. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Every route of the API, in registration order. */
export const ROUTES: readonly Route[] = [
  ...estimateRoutes,
  ...compareRoutes,
  ...suggestRoutes,
  ...batchRoutes,
  ...regionRoutes,
  ...hardwareRoutes,
  ...zoneRoutes,
  ...profileRoutes,
  ...modelRoutes,
  ...presetRoutes,
  ...sourceRoutes,
  ...healthRoutes,
  ...docsRoutes,
];

export interface AppOptions {
  /** The estimator the routes answer with (src/data's over the embedded tables, or a test's). */
  estimator: Estimator;
  /** Live grid intensity for estimates (src/live); the embedded tables answer when absent or failing. */
  liveGrid?: LiveGrid | null;
  /** Adds the benchmark's floor route, POST /bench/echo (bench/http.ts); off by default. */
  benchMode?: boolean;
  /** Body sizes and time budget; defaults 1 MiB, 16 MiB for /v1/batch, 10 s. */
  limits?: Partial<Limits>;
  /** A token bucket per client on /v1/*; none when absent. */
  rateLimit?: RateLimitOptions;
  /** CORS on /v1/* and /openapi.json; any origin by default, `false` for none. */
  cors?: CorsOptions | false;
}

/** The gridshift API over the given estimator; no globals, no environment. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limits: Limits = { bodyBytes: MAX_BODY_BYTES, batchBodyBytes: MAX_BATCH_BODY_BYTES, timeoutMs: DEFAULT_TIMEOUT_MS, ...options.limits };
  app.use('*', securityHeaders());
  if (options.cors !== false) app.use('*', apiCors(options.cors ?? { origins: '*' }));
  if (options.rateLimit) app.use('/v1/*', rateLimit(options.rateLimit));
  app.use('*', timeBudget(limits.timeoutMs));
  app.use('*', async (c, next) => {
    c.set('estimator', options.estimator);
    c.set('tables', options.estimator.tables);
    c.set('liveGrid', options.liveGrid ?? null);
    await next();
  });
  const defaultLimit = limitBody(limits.bodyBytes);
  const batchLimit = limitBody(limits.batchBodyBytes);
  app.use('*', (c, next) => (c.req.path === '/v1/batch' ? batchLimit : defaultLimit)(c, next));
  registerRoutes(app, ROUTES);
  if (options.benchMode) registerRoutes(app, benchRoutes);
  app.notFound((c) =>
    problemResponse(
      {
        code: 'not_found',
        detail: 'No route matches this path.',
        errors: [{ path: '', code: 'not_found', message: 'expected a path listed in the API documentation' }],
      },
      c.req.path,
    ),
  );
  app.onError(handleError);
  return app;
}

/**
 * Refuses bodies over `maxSize` bytes with a 413 problem. A declared Content-Length is checked
 * without touching the body, so @hono/node-server keeps reading it straight from the socket (Hono's
 * bodyLimit reads `c.req.raw.body`, which builds a web-stream Request on every POST); a chunked
 * body, whose size is unknown until read, goes through Hono's counting reader.
 */
function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const tooLarge = (c: Context<AppEnv>) =>
    problemResponse(
      {
        code: 'payload_too_large',
        detail: `The request body is larger than ${maxSize} bytes.`,
        errors: [{ path: '', code: 'payload_too_large', message: `expected at most ${maxSize} bytes` }],
        // The unread rest of the body makes the connection unusable for a next request.
        headers: { connection: 'close' },
      },
      c.req.path,
    );
  const counting = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return counting(c, next);
    return Number(length) > maxSize ? Promise.resolve(tooLarge(c)) : next();
  };
}

function handleError(err: Error, c: Context<AppEnv>): Response {
  const instance = c.req.path;
  if (err instanceof ProblemException) return problemResponse(err.init, instance);
  if (err instanceof EstimateError) return problemResponse(problemFromEstimateError(err), instance);
  if (err instanceof HTTPException) return problemFromHttpException(err, instance);
  console.error('[gridshift] unhandled error on', c.req.method, instance, err);
  return problemResponse(
    {
      code: 'internal_error',
      detail: 'An unexpected error occurred; it has been logged.',
      errors: [{ path: '', code: 'internal_error', message: 'the server could not complete the request' }],
    },
    instance,
  );
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  408: 'Request Timeout',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** Any other HTTP exception keeps its status; a 5xx hides its message. */
function problemFromHttpException(err: HTTPException, instance: string): Response {
  if (err.status >= 500) console.error('[gridshift] HTTP exception on', instance, err);
  const title = STATUS_TITLES[err.status] ?? (err.status >= 500 ? 'Server error' : 'Request refused');
  const message = err.status < 500 && err.message !== '' ? err.message : title;
  return problemJson({
    type: 'about:blank',
    title,
    status: err.status,
    detail: message,
    instance,
    errors: [{ path: '', code: 'http_error', message }],
  });
}
