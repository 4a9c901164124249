// A local HTTP server on 127.0.0.1 answering like Electricity Maps, WattTime and NESO (recorded
// response shapes), with switches to fail; it records every request it got.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export interface FakeProviders {
  url: string;
  seen: SeenRequest[];
  /** Path prefix -> HTTP status to answer instead (e.g. `{ '/v3/carbon-intensity': 503 }`). */
  failures: Map<string, number>;
  /** Path prefixes to leave unanswered (the client's timeout then applies). */
  hang: Set<string>;
  close(): Promise<void>;
}

const ROUTES: Record<string, (url: URL) => unknown> = {
  '/v3/carbon-intensity/latest': (url) => ({
    zone: url.searchParams.get('zone'),
    carbonIntensity: 123,
    datetime: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T09:51:31.814Z',
    createdAt: '2026-11-18T10:54:23.092Z',
    emissionFactorType: 'lifecycle',
    isEstimated: true,
    estimationMethod: 'TIME_SLICER_AVERAGE',
  }),
  '/login': () => ({ token: 'fake-token' }),
  '/v3/region-from-loc': () => ({
    region: 'PJM_DC',
    region_full_name: 'PJM DC',
    signal_type: 'co2_aoer',
  }),
  '/v3/forecast': (url) => ({
    data: [
      { point_time: '2026-11-21T10:00:00+00:00', value: 1000, version: '1.0' },
      { point_time: '2026-11-21T10:05:00+00:00', value: 990, version: '1.0' },
    ],
    meta: {
      region: url.searchParams.get('region'),
      signal_type: url.searchParams.get('signal_type'),
      units: 'lbs_co2_per_mwh',
      generated_at: '2026-11-21T10:00:00+00:00',
      model: { date: '2026-03-01' },
    },
  }),
  '/intensity': () => ({
    data: [
      {
        from: '2026-11-21T10:00Z',
        to: '2026-11-21T10:30Z',
        intensity: { forecast: 180, actual: 175, index: 'moderate' },
      },
    ],
  }),
};

export function startFakeProviders(): Promise<FakeProviders> {
  const seen: SeenRequest[] = [];
  const failures = new Map<string, number>();
  const hang = new Set<string>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ path: url.pathname + url.search, headers: req.headers });
    if ([...hang].some((p) => url.pathname.startsWith(p))) return;
    const failure = [...failures].find(([p]) => url.pathname.startsWith(p));
    const route = ROUTES[url.pathname];
    if (failure || !route) {
      res
        .writeHead(failure?.[1] ?? 404, { 'content-type': 'application/json' })
        .end('{"error":"no"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(route(url)));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        seen,
        failures,
        hang,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
