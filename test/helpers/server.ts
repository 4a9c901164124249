// The real Node server over the real tables, as an API target for describeApi.
import { startServer } from '../../src/node.ts';
import { tables } from '../../src/data/index.ts';
import type { ApiTarget } from './describe-api.ts';

/** Starts `src/node.ts`'s server on 127.0.0.1 and a free port; closed after the suite. */
export const nodeTarget: ApiTarget = {
  name: 'node',
  start: () => startServer({ port: 0, hostname: '127.0.0.1', tables }),
};

/** An already running server (e.g. a Worker under `wrangler dev`); nothing to start or stop. */
export function externalTarget(baseUrl: string): ApiTarget {
  return {
    name: `external ${baseUrl}`,
    start: async () => ({ url: baseUrl.replace(/\/+$/, ''), close: async () => {} }),
  };
}

/** `GRIDSHIFT_API_URL=http://127.0.0.1:8787 npx vitest run test/api` runs the suite against that URL. */
export function apiTargets(): ApiTarget[] {
  const external = process.env.GRIDSHIFT_API_URL;
  return external ? [externalTarget(external)] : [nodeTarget];
}
