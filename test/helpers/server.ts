// The real Node server over the real tables, as an API target for describeApi.
import { estimatorFor } from './estimator.ts';
import { startServer } from '../../src/node/server.ts';
import { tables } from '../../src/data/index.ts';
import type { ApiTarget } from './describe-api.ts';
import { startWranglerDev } from '../worker/wrangler-dev.ts';

/** Starts `src/node/server.ts`'s server on 127.0.0.1 and a free port; closed after the suite. */
export const nodeTarget: ApiTarget = {
  name: 'node',
  start: () => startServer({ port: 0, hostname: '127.0.0.1', estimator: estimatorFor(tables) }),
};

/** An already running server (e.g. a Worker under `wrangler dev`); nothing to start or stop. */
export function externalTarget(baseUrl: string): ApiTarget {
  return {
    name: `external ${baseUrl}`,
    start: () =>
      Promise.resolve({ url: baseUrl.replace(/\/+$/, ''), close: () => Promise.resolve() }),
  };
}

/** The Cloudflare Worker (src/worker.ts) in workerd under `wrangler dev`, on 127.0.0.1 and a free port. */
export const workerTarget: ApiTarget = {
  name: 'worker',
  start: () => startWranglerDev(),
};

/**
 * Node and the Worker. `GRIDSHIFT_API_URL=http://127.0.0.1:8787 npx vitest run test/api` runs the
 * suite against that URL instead; `GRIDSHIFT_TEST_WORKER=0` leaves the Worker out.
 */
export function apiTargets(): ApiTarget[] {
  const external = process.env.GRIDSHIFT_API_URL;
  if (external) return [externalTarget(external)];
  return process.env.GRIDSHIFT_TEST_WORKER === '0' ? [nodeTarget] : [nodeTarget, workerTarget];
}
