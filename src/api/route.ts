// Routes as data: method, path, request schemas and a thin handler. The shape follows
// @hono/zod-openapi's `createRoute` so the OpenAPI document can later be generated from the same list.
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { Tables } from '../core/tables.ts';
import type { Estimator } from '../core/estimator.ts';
import type { LiveGrid } from '../live/provider.ts';
import { problemResponse } from './problem.ts';
import { parseParams, parseQuery, readJsonBody } from './validate.ts';

/** `liveGrid` is null when no live provider is configured (the tables answer alone). */
export type AppEnv = { Variables: { estimator: Estimator; tables: Tables; liveGrid: LiveGrid | null } };

export interface RouteRequest {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<R extends RouteRequest> {
  body: Output<R['body']>;
  query: Output<R['query']>;
  params: Output<R['params']>;
}

export interface Route<R extends RouteRequest = RouteRequest> {
  method: 'get' | 'post';
  path: string;
  summary: string;
  tags: readonly string[];
  request: R;
  /** Maps validated input to a response; never computes (that is core's or the catalogue's job). */
  handler(input: RouteInput<R>, c: Context<AppEnv>): Response | Promise<Response>;
}

/** Identity with inference, so each route's handler sees its own validated input types. */
export function defineRoute<R extends RouteRequest>(route: Route<R>): Route<R> {
  return route;
}

/**
 * Registers every route, then a 405 problem for other methods on the same paths (Hono itself
 * would answer 404). HEAD is served by Hono from the GET handler.
 */
export function registerRoutes(app: Hono<AppEnv>, routes: readonly Route[]): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, async (c) => {
      const input = {
        body: route.request.body ? await readJsonBody(c, route.request.body) : undefined,
        query: route.request.query ? parseQuery(c, route.request.query) : undefined,
        params: route.request.params ? parseParams(c, route.request.params) : undefined,
      };
      return route.handler(input, c);
    });
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

function groupMethodsByPath(routes: readonly Route[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const route of routes) {
    byPath.set(route.path, [...(byPath.get(route.path) ?? []), route.method.toUpperCase()]);
  }
  return byPath;
}
