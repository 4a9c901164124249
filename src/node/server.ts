// Node entry (`npm start`): serves the API and the page with @hono/node-server. The only file that
// reads process.env.
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createApp, type ApiApp, type AppOptions } from '../api/app.ts';
import { securityConfigFromEnv } from '../api/config.ts';
import { DEFAULT_TIMEOUT_MS } from '../api/limits.ts';
import type { Estimator } from '../core/estimator.ts';
import { liveGridFromEnv } from '../live/from-env.ts';
import type { LiveGrid } from '../live/provider.ts';
import { asciiBody } from './ascii-body.ts';
import { serveWeb } from './static.ts';
import { loadHourlyFromDisk } from './hourly-files.ts';

export interface ServerOptions extends Pick<AppOptions, 'limits' | 'rateLimit' | 'cors'> {
  /** 0 picks a free port. */
  port: number;
  hostname: string;
  estimator: Estimator;
  /** Live grid intensity (src/live); absent = the embedded tables alone. */
  liveGrid?: LiveGrid | null;
  /** Adds routes to the app before the page's files (bench/server.ts adds its own). */
  extend?: (app: ApiApp) => void;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8787`. */
  url: string;
  close(): Promise<void>;
}

/** Starts the API on `hostname:port`; resolves once it is listening (and the hourly series is loaded). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  await loadHourlyFromDisk();
  // Rate limiting keys on the TCP peer unless told to trust a proxy's header.
  const rateLimit = options.rateLimit && {
    socketAddress: (c: Context) => getConnInfo(c).remote.address,
    ...options.rateLimit,
  };
  const app = createApp({
    estimator: options.estimator,
    liveGrid: options.liveGrid ?? null,
    limits: options.limits,
    rateLimit,
    cors: options.cors,
    encodeAscii: asciiBody,
  });
  options.extend?.(app);
  // web/: the page, after the API routes (serveStatic from @hono/node-server).
  serveWeb(app);
  return new Promise((resolve, reject) => {
    // Node's own backstops against slow clients: headers within 10 s, the whole request soon after the app's budget.
    const requestTimeout = (options.limits?.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 5_000;
    const serverOptions = { requestTimeout, headersTimeout: Math.min(10_000, requestTimeout) };
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.hostname, serverOptions },
      (info: AddressInfo) => {
        resolve({
          url: `http://${formatHost(info.address)}:${info.port}`,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((err) => (err ? fail(err) : done()));
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}

function formatHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** Serves on PORT and HOST with the environment's live grid and security settings, until SIGINT or SIGTERM. */
export async function main(extend?: ServerOptions['extend']): Promise<void> {
  const { estimator } = await import('../data/index.ts');
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('PORT must be an integer 0–65535');
  const hostname = process.env.HOST ?? '0.0.0.0';
  // ELECTRICITYMAPS_API_KEY, WATTTIME_USERNAME/PASSWORD, GRIDSHIFT_LIVE_NESO=1: see src/live/from-env.ts.
  const liveGrid = liveGridFromEnv(process.env, fetch);
  // GRIDSHIFT_RATE_LIMIT, GRIDSHIFT_CLIENT_IP, GRIDSHIFT_CORS_ORIGINS, GRIDSHIFT_TIMEOUT_MS: see src/api/config.ts.
  const security = securityConfigFromEnv(process.env, { clientIp: 'socket' });
  const server = await startServer({ port, hostname, estimator, liveGrid, extend, ...security });
  console.log(
    `gridshift API listening on ${server.url}${liveGrid ? ` (live grid: ${liveGrid.providers.map((p) => p.id).join(', ')})` : ''}`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
