// The benchmarked server: `npm start`'s server (src/node/server.ts) plus the benchmark's own
// reference routes (bench/routes.ts), which the product never serves.
import { registerRoutes } from '../src/api/route.ts';
import { main } from '../src/node/server.ts';
import { benchRoutes } from './routes.ts';

await main((app) => registerRoutes(app, benchRoutes));
