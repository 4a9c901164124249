// Node entry: serves the API with @hono/node-server. The only file that reads process.env.
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createApp, type AppOptions } from './api/app.ts';
import { securityConfigFromEnv } from './api/config.ts';
import { DEFAULT_TIMEOUT_MS } from './api/limits.ts';
import { serveWeb } from './api/static.ts';
import type { Estimator } from './core/estimator.ts';
import { liveGridFromEnv } from './live/from-env.ts';
import type { LiveGrid } from './live/provider.ts';

export interface ServerOptions extends Pick<AppOptions, 'limits' | 'rateLimit' | 'cors'> {
  /** 0 picks a free port. */
  port: number;
  hostname: string;
  estimator: Estimator;
  /** Adds POST /bench/echo, the HTTP benchmark's floor (bench/http.ts). */
  benchMode?: boolean;
  /** Live grid intensity (src/live); absent = the embedded tables alone. */
  liveGrid?: LiveGrid | null;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8787`. */
  url: string;
  close(): Promise<void>;
}

/** Starts the API on `hostname:port`; resolves once it is listening. */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  // Rate limiting keys on the TCP peer unless told to trust a proxy's header.
  const rateLimit = options.rateLimit && { socketAddress: (c: Context) => getConnInfo(c).remote.address, ...options.rateLimit };
  const app = createApp({ estimator: options.estimator, benchMode: options.benchMode === true, liveGrid: options.liveGrid ?? null, limits: options.limits, rateLimit, cors: options.cors });
  // web/: the page, after the API routes (serveStatic from @hono/node-server).
  serveWeb(app);
  return new Promise((resolve, reject) => {
    // Node's own backstops against slow clients: headers within 10 s, the whole request soon after the app's budget.
    const requestTimeout = (options.limits?.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 5_000;
    const serverOptions = { requestTimeout, headersTimeout: Math.min(10_000, requestTimeout) };
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname, serverOptions }, (info: AddressInfo) => {
      resolve({
        url: `http://${formatHost(info.address)}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}

function formatHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

async function main(): Promise<void> {
  const { estimator } = await import('./data/index.ts');
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('PORT must be an integer 0–65535');
  const hostname = process.env.HOST ?? '0.0.0.0';
  // GRIDSHIFT_BENCH=1: the benchmark's floor route (npm run bench spawns the server so).
  const benchMode = process.env.GRIDSHIFT_BENCH === '1';
  // ELECTRICITYMAPS_API_KEY, WATTTIME_USERNAME/PASSWORD, GRIDSHIFT_LIVE_NESO=1: see src/live/from-env.ts.
  const liveGrid = liveGridFromEnv(process.env, fetch);
  // GRIDSHIFT_RATE_LIMIT, GRIDSHIFT_CLIENT_IP, GRIDSHIFT_CORS_ORIGINS, GRIDSHIFT_TIMEOUT_MS: see src/api/config.ts.
  const security = securityConfigFromEnv(process.env, { clientIp: 'socket' });
  const server = await startServer({ port, hostname, estimator, benchMode, liveGrid, ...security });
  console.log(`gridshift API listening on ${server.url}${liveGrid ? ` (live grid: ${liveGrid.providers.map((p) => p.id).join(', ')})` : ''}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
