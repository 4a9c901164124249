// Routes as data: each file under routes/ holds a createRoute config (schemas, responses), the
// example requests whose answers the document shows, and a thin handler.
import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Estimator } from '../core/estimator.ts';
import type { Tables } from '../core/tables.ts';
import type { LiveGrid } from '../live/provider.ts';
import type { Limits } from './limits.ts';
import { problemResponse } from './problem-response.ts';

/** `liveGrid` is null when no live provider is configured (the tables answer alone). */
/** Answer text (ASCII) as the body this runtime writes fastest. */
export type AsciiEncoder = (text: string) => Uint8Array<ArrayBuffer>;

/** `liveGrid` is null when no live provider is configured (the tables answer alone). */
export type AppEnv = {
  Variables: {
    estimator: Estimator;
    tables: Tables;
    liveGrid: LiveGrid | null;
    encodeAscii: AsciiEncoder | null;
    limits: Limits;
  };
};

export type ApiApp = OpenAPIHono<AppEnv>;

/** A request sent to the app itself when the document is built; its answer is the example shown. */
export interface ExampleRequest {
  path: string;
  body?: unknown;
  /** A body sent as is (with its own content type), e.g. CSV or broken JSON. */
  raw?: { contentType: string; text: string };
  headers?: Record<string, string>;
}

/** Keyed `status` (its JSON or problem media type) or `status media/type`: one example per documented answer. */
export type RouteExamples = Readonly<Record<string, ExampleRequest>>;

export interface ApiRoute {
  readonly config: RouteConfig;
  readonly examples: RouteExamples;
  register(app: ApiApp): void;
}

/** Keeps the handler typed by its own route (validated input, path params) and the route list uniform. */
export function defineRoute<R extends RouteConfig>(route: {
  config: R;
  examples: RouteExamples;
  handler: RouteHandler<R, AppEnv>;
}): ApiRoute {
  return {
    config: route.config,
    examples: route.examples,
    register: (app) => void app.openapi(route.config, route.handler),
  };
}

/** `/v1/regions/{id}` -> `/v1/regions/:id`, Hono's form. */
export function routingPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/**
 * Registers every route, then a 405 problem for other methods on the same paths (Hono itself
 * would answer 404). HEAD is served by Hono from the GET handler. Returns where the app's
 * validation hook finds each route's schemas.
 */
/** `schemas` tells the validation hook each route's request schemas (an adapter's extra routes may go without). */
export function registerRoutes(
  app: ApiApp,
  routes: readonly ApiRoute[],
  schemas?: Map<string, RouteConfig['request']>,
): void {
  for (const route of routes) {
    route.register(app);
    schemas?.set(
      `${route.config.method.toUpperCase()} ${routingPath(route.config.path)}`,
      route.config.request,
    );
  }
  for (const [path, methods] of groupMethodsByPath(routes)) {
    const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])].join(', ');
    app.all(path, (c) =>
      problemResponse(
        {
          code: 'method_not_allowed',
          detail: `${c.req.method} is not allowed here; allowed: ${allow}`,
          errors: [{ path: '', code: 'method_not_allowed', message: `expected one of ${allow}` }],
          headers: { allow },
        },
        c.req.path,
      ),
    );
  }
}

/** The schema a validation target was checked against on the route `c` matched. */
export function requestSchemaOf(schemas: ReadonlyMap<string, RouteConfig['request']>) {
  return (c: Context, target: string): z.ZodType | undefined => {
    const request = schemas.get(
      `${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${c.req.routePath}`,
    );
    const json = request?.body?.content['application/json'];
    const schema =
      target === 'query'
        ? request?.query
        : target === 'param'
          ? request?.params
          : target === 'json' && json && 'schema' in json
            ? json.schema
            : undefined;
    return isZod(schema) ? schema : undefined;
  };
}

function isZod(schema: unknown): schema is z.ZodType {
  return typeof schema === 'object' && schema !== null && 'safeParse' in schema;
}

function groupMethodsByPath(routes: readonly ApiRoute[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const { config } of routes) {
    const path = routingPath(config.path);
    byPath.set(path, [...(byPath.get(path) ?? []), config.method.toUpperCase()]);
  }
  return byPath;
}
