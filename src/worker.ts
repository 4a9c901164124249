// Cloudflare Workers entry: the same app over the bundled tables. The assets binding answers for the
// page (web/) before the Worker runs, so only API paths and misses reach `fetch`.
import type { ExecutionContext } from 'hono';
import { createApp } from './api/app.ts';
import { tables } from './data/index.ts';

/** Bindings and variables declared in wrangler.toml (or as secrets). */
export interface WorkerEnv {
  ASSETS?: { fetch(request: Request): Promise<Response> };
}

const app = createApp({ tables });

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    return app.fetch(request, env, ctx);
  },
};

