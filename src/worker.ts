// Cloudflare Workers entry: the same app over the bundled tables. The assets binding answers for the
// page (web/) before the Worker runs, so only API paths and misses reach `fetch`; it also holds the
// hourly series (web/dist/data, copied from data/built by scripts/build-web.mjs), loaded at the first request.
import type { ExecutionContext, Hono } from 'hono';
import { createApp, type AppEnv } from './api/app.ts';
import { securityConfigFromEnv, type SecurityEnv } from './api/config.ts';
import { estimator } from './data/index.ts';
import { hourlySeriesLoaded, loadHourlySeries, type ReadBuiltFile } from './data/hourly.ts';
import { problemJson } from './api/problem-response.ts';
import { liveGridFromEnv, type LiveGridEnv } from './live/from-env.ts';

/** Bindings, variables and secrets (wrangler.toml, `wrangler secret put`): live grid keys are optional. */
export interface WorkerEnv extends LiveGridEnv, SecurityEnv {
  ASSETS?: { fetch(request: Request): Promise<Response> };
}

/** Where scripts/build-web.mjs puts the built data files among the assets. */
const DATA_ASSETS = 'https://assets.invalid/dist/data/';

function readAsset(env: WorkerEnv): ReadBuiltFile {
  return async (name) => {
    if (!env.ASSETS) throw new Error('the ASSETS binding is missing (wrangler.toml [assets])');
    const res = await env.ASSETS.fetch(new Request(DATA_ASSETS + name));
    if (!res.ok || !res.body) throw new Error(`assets: ${name} answered ${res.status}`);
    return res.body;
  };
}

// Built at the first request, when the environment is known; reused by the isolate after that.
let app: Hono<AppEnv> | undefined;
// A malformed GRIDSHIFT_* variable: the isolate refuses every request with it, logged once.
let configError: string | undefined;

/** The app over `env`, or undefined (the reason logged once) when a setting is malformed. */
function appFor(env: WorkerEnv): Hono<AppEnv> | undefined {
  if (app || configError !== undefined) return app;
  try {
    app = createApp({
      estimator,
      liveGrid: liveGridFromEnv(env, (input, init) => fetch(input, init)),
      // GRIDSHIFT_RATE_LIMIT counts per isolate here: Cloudflare's rate limiting rules are the sturdier option.
      ...securityConfigFromEnv(env, { clientIp: 'cf-connecting-ip' }),
    });
  } catch (err) {
    configError = err instanceof Error ? err.message : String(err);
    console.error(`[gridshift] refusing every request: invalid configuration: ${configError}`);
  }
  return app;
}

/** 503 naming the variable (not its value, which may be private) until the deployment is fixed. */
function misconfigured(request: Request, reason: string): Response {
  const variable = /^[A-Z][A-Z0-9_]+/.exec(reason)?.[0] ?? 'a variable';
  const message = `expected a valid ${variable} (see the server log for what it holds and what is expected)`;
  return problemJson(
    {
      type: 'https://gridshift.dev/problems/misconfigured',
      title: 'Server misconfigured',
      status: 503,
      detail: `This deployment's setting ${variable} is malformed, so it answers no request until it is fixed.`,
      instance: new URL(request.url).pathname,
      errors: [{ path: '', code: 'misconfigured', message }],
    },
    { 'retry-after': '3600' },
  );
}

async function loadThenServe(
  app: Hono<AppEnv>,
  request: Request,
  env: WorkerEnv,
  ctx: ExecutionContext,
): Promise<Response> {
  // A failed load is logged and retried by the next request; meanwhile only estimates with a start fail (500).
  await loadHourlySeries(readAsset(env)).catch((err: unknown) =>
    console.error('[gridshift] hourly series:', err),
  );
  return app.fetch(request, env, ctx);
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    const app = appFor(env);
    if (!app) return misconfigured(request, configError ?? '');
    return hourlySeriesLoaded()
      ? app.fetch(request, env, ctx)
      : loadThenServe(app, request, env, ctx);
  },
};
