// The HTTP app: routes, body limit, and problem+json (RFC 9457) for every error.
import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Estimator } from '../core/estimator.ts';
import type { LiveGrid } from '../live/provider.ts';
import {
  DEFAULT_TIMEOUT_MS,
  MAX_BATCH_BODY_BYTES,
  MAX_BODY_BYTES,
  MAX_FOCUS_BODY_BYTES,
  MAX_FOCUS_INFLATED_BYTES,
  timeBudget,
  type Limits,
} from './limits.ts';
import { buildOpenApiDocument, cachedDocument } from './openapi.ts';
import { problemJson, problemResponse } from './problem-response.ts';
import { problemFromError } from '../service/problem.ts';
import { rateLimit, type RateLimitOptions } from './rate-limit.ts';
import {
  registerRoutes,
  requestSchemaOf,
  type ApiApp,
  type ApiRoute,
  type AppEnv,
  type AsciiEncoder,
} from './route.ts';
import { BatchRequestBody, describedBranch } from './route-docs.ts';
import { batchRoute } from './routes/batch.ts';
import { compareRoute } from './routes/compare.ts';
import { docsRoutes } from './routes/docs.ts';
import { estimateRoute } from './routes/estimate.ts';
import { FOCUS_PATH, focusRoute } from './routes/focus.ts';
import { hardwareRoute } from './routes/hardware.ts';
import { healthRoute } from './routes/health.ts';
import { modelsRoute } from './routes/models.ts';
import { presetListRoute, presetRoute } from './routes/presets.ts';
import { profileRoute } from './routes/profile.ts';
import { regionListRoute, regionRoute } from './routes/regions.ts';
import { sourcesRoute } from './routes/sources.ts';
import { suggestRoute } from './routes/suggest.ts';
import { zoneRoute } from './routes/zones.ts';
import { apiCors, securityHeaders, type CorsOptions } from './security.ts';
import { problemHook } from './validate.ts';

export type { ApiApp, ApiRoute, AppEnv } from './route.ts';
export { MAX_BATCH_BODY_BYTES, MAX_BODY_BYTES } from './limits.ts';

/** Every route of the API but the document and its page, in registration order. */
export const API_ROUTES: readonly ApiRoute[] = [
  estimateRoute,
  compareRoute,
  suggestRoute,
  batchRoute,
  focusRoute,
  regionListRoute,
  regionRoute,
  hardwareRoute,
  zoneRoute,
  profileRoute,
  modelsRoute,
  presetListRoute,
  presetRoute,
  sourcesRoute,
  healthRoute,
];

export interface AppOptions {
  /** The estimator the routes answer with (src/data's over the embedded tables, or a test's). */
  estimator: Estimator;
  /** Live grid intensity for estimates (src/live); the embedded tables answer when absent or failing. */
  liveGrid?: LiveGrid | null;
  /** How this runtime turns ASCII answer text into a body (src/node/ gives bytes); the text itself when absent. */
  encodeAscii?: AsciiEncoder;
  /** Body sizes and time budget; defaults 1 MiB, 16 MiB for /v1/batch, 100 MiB for /v1/focus, 10 s. */
  limits?: Partial<Limits>;
  /** A token bucket per client on /v1/*; none when absent. */
  rateLimit?: RateLimitOptions;
  /** CORS on /v1/* and /openapi.json; any origin by default, `false` for none. */
  cors?: CorsOptions | false;
}

/** The gridshift API over the given estimator; no globals, no environment. */
export function createApp(options: AppOptions): ApiApp {
  const schemas = new Map<string, RouteConfig['request']>();
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: problemHook(requestSchemaOf(schemas), describedBranch),
  });
  const limits: Limits = {
    bodyBytes: MAX_BODY_BYTES,
    batchBodyBytes: MAX_BATCH_BODY_BYTES,
    focusBodyBytes: MAX_FOCUS_BODY_BYTES,
    focusInflatedBytes: MAX_FOCUS_INFLATED_BYTES,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    ...options.limits,
  };
  app.use('*', securityHeaders());
  if (options.cors !== false) app.use('*', apiCors(options.cors ?? { origins: '*' }));
  if (options.rateLimit) app.use('/v1/*', rateLimit(options.rateLimit));
  app.use('*', timeBudget(limits.timeoutMs));
  app.use('*', async (c, next) => {
    c.set('estimator', options.estimator);
    c.set('tables', options.estimator.tables);
    c.set('liveGrid', options.liveGrid ?? null);
    c.set('encodeAscii', options.encodeAscii ?? null);
    c.set('limits', limits);
    await next();
  });
  const defaultLimit = limitBody(limits.bodyBytes);
  const batchLimit = limitBody(limits.batchBodyBytes);
  // The FOCUS route counts its streamed body itself; only a declared length is checked up front.
  const focusLimit = limitBody(limits.focusBodyBytes, { stream: true });
  const limitByPath: MiddlewareHandler<AppEnv> = (c, next) =>
    (c.req.path === '/v1/batch'
      ? batchLimit
      : c.req.path === FOCUS_PATH
        ? focusLimit
        : defaultLimit)(c, next);
  app.use('*', limitByPath);
  // A plain app over the same tables answers the examples (no live grid data, no outside calls).
  const document = () =>
    cachedDocument(options.estimator.tables, () =>
      buildOpenApiDocument(createApp({ estimator: options.estimator }), API_ROUTES),
    );
  registerRoutes(app, [...API_ROUTES, ...docsRoutes(document)], schemas);
  // Read by the batch route itself (JSON or CSV), so only named here for its documentation.
  app.openAPIRegistry.register('BatchRequest', BatchRequestBody);
  app.notFound((c) =>
    problemResponse(
      {
        code: 'not_found',
        detail: 'No route matches this path.',
        errors: [
          {
            path: '',
            code: 'not_found',
            message: 'expected a path listed in the API documentation',
          },
        ],
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
function limitBody(maxSize: number, options: { stream?: boolean } = {}): MiddlewareHandler<AppEnv> {
  const tooLarge = (c: Context<AppEnv>) =>
    problemResponse(
      {
        code: 'payload_too_large',
        detail: `The request body is larger than ${maxSize} bytes.`,
        errors: [
          { path: '', code: 'payload_too_large', message: `expected at most ${maxSize} bytes` },
        ],
        // The unread rest of the body makes the connection unusable for a next request.
        headers: { connection: 'close' },
      },
      c.req.path,
    );
  const counting = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined)
      return options.stream === true ? next() : counting(c, next);
    return Number(length) > maxSize ? Promise.resolve(tooLarge(c)) : next();
  };
}

function handleError(err: Error, c: Context<AppEnv>): Response {
  const instance = c.req.path;
  const problem = problemFromError(err);
  if (problem) return problemResponse(problem, instance);
  if (err instanceof HTTPException) return problemFromHttpException(err, instance);
  console.error('[gridshift] unhandled error on', c.req.method, instance, err);
  return problemResponse(
    {
      code: 'internal_error',
      detail: 'An unexpected error occurred; it has been logged.',
      errors: [
        { path: '', code: 'internal_error', message: 'the server could not complete the request' },
      ],
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
  const title =
    STATUS_TITLES[err.status] ?? (err.status >= 500 ? 'Server error' : 'Request refused');
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
