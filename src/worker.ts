// Cloudflare Workers entry: the same app over the bundled tables. The assets binding answers for the
// page (web/) before the Worker runs, so only API paths and misses reach `fetch`.
import type { ExecutionContext, Hono } from 'hono';
import { createApp, type AppEnv } from './api/app.ts';
import { securityConfigFromEnv, type SecurityEnv } from './api/config.ts';
import { estimator } from './data/index.ts';
import { liveGridFromEnv, type LiveGridEnv } from './live/from-env.ts';

/** Bindings, variables and secrets (wrangler.toml, `wrangler secret put`): live grid keys are optional. */
export interface WorkerEnv extends LiveGridEnv, SecurityEnv {
  ASSETS?: { fetch(request: Request): Promise<Response> };
}

// Built at the first request, when the environment is known; reused by the isolate after that.
let app: Hono<AppEnv> | undefined;

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    app ??= createApp({
      estimator,
      liveGrid: liveGridFromEnv(env, (input, init) => fetch(input, init)),
      // GRIDSHIFT_RATE_LIMIT counts per isolate here: Cloudflare's rate limiting rules are the sturdier option.
      ...securityConfigFromEnv(env, { clientIp: 'cf-connecting-ip' }),
    });
    return app.fetch(request, env, ctx);
  },
};
