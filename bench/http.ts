// HTTP against its floor: POST /v1/estimate (the README's example body) against POST /bench/echo on
// the same server process (same app, middleware and JSON body reading; answers the parsed body), with
// autocannon on 127.0.0.1, alternating rounds after a warm-up. A third route, POST /bench/answer,
// answers /v1/estimate's own text for the body, made once: the floor plus the answer's size, without
// the work of making it, so the gap is split into what the answer's bytes cost and what the work costs. The server is a child process
// (`node --import tsx bench/server.ts`, npm start's server plus bench/routes.ts); autocannon runs in this process.
// `npx tsx bench/http.ts [--quick]`; part of `npm run bench`. Prints figures only.
import autocannon from 'autocannon';
import { pathToFileURL } from 'node:url';
import {
  BENCH_SERVER_ENTRY,
  BENCH_SERVER_ENV,
  spawnServer,
  type ChildServer,
} from './lib/server.ts';
import { heading, int, median } from './lib/stats.ts';

/** The README's example request. */
export const README_WORKLOAD = {
  location: 'aws:us-east-1',
  durationHours: 36,
  gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
  cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 },
  memoryGb: 2048,
  storage: { ssdTb: 30, replication: 2 },
  networkGb: 500,
  functionalUnit: { name: 'request', count: 1000000 },
};

export interface HttpOptions {
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  connections: number;
}

export const QUICK_HTTP: HttpOptions = {
  seconds: 1.5,
  rounds: 4,
  warmupSeconds: 1,
  connections: 10,
};
export const FULL_HTTP: HttpOptions = { seconds: 3, rounds: 10, warmupSeconds: 3, connections: 10 };

export interface RouteFigures {
  reqPerS: number;
  p50Ms: number;
  p99Ms: number;
  responseBytes: number;
  /** Server CPU time per answered request, µs (median of the rounds); null without /proc. */
  serverCpuUs: number | null;
  non2xx: number;
  errors: number;
}

/** One route's figures for each measured round, in round order. */
export interface RouteRounds {
  reqPerS: number[];
  p50Ms: number[];
  p99Ms: number[];
  serverCpuUs: number[];
}

export interface HttpFigures {
  estimate: RouteFigures;
  echo: RouteFigures;
  /** /v1/estimate's answer text served ready-made. */
  answer: RouteFigures;
  /** estimate req/s ÷ echo req/s. */
  ratio: number;
  /** answer req/s ÷ echo req/s: the most the ratio could be with an answer this size. */
  answerRatio: number;
  connections: number;
  /** Per round (bench/RESULTS.md); ratio[k] pairs round k of each route, which ran back to back. */
  rounds: {
    estimate: RouteRounds;
    echo: RouteRounds;
    answer: RouteRounds;
    ratio: number[];
    answerRatio: number[];
  };
}

const ROUTES = ['estimate', 'echo', 'answer'] as const;

/**
 * One autocannon round. The server's CPU time per request is read around it too: req/s also moves
 * with the client (autocannon shares this machine's cores) and with other load, CPU per request
 * much less, so it says more steadily what a route costs the server.
 */
async function load(
  server: ChildServer,
  url: string,
  body: string,
  seconds: number,
  connections: number,
) {
  const cpuBefore = server.cpuSeconds();
  const r = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
    pipelining: 1,
  });
  const cpuAfter = server.cpuSeconds();
  const serverCpuUs =
    cpuBefore === null || cpuAfter === null
      ? null
      : ((cpuAfter - cpuBefore) * 1e6) / Math.max(1, r.requests.total);
  return {
    ok: r['2xx'],
    seconds: r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    bytesPerReq: r.throughput.total / Math.max(1, r.requests.total),
    serverCpuUs,
  };
}

/** `afterRound` runs after each measured round (both routes), e.g. to read the server's RSS. */
export async function runHttpBench(
  server: ChildServer,
  options: HttpOptions,
  afterRound?: () => void,
): Promise<HttpFigures> {
  const body = JSON.stringify(README_WORKLOAD);
  const routes = {
    estimate: `${server.url}/v1/estimate`,
    echo: `${server.url}/bench/echo`,
    answer: `${server.url}/bench/answer`,
  } as const;
  for (const url of Object.values(routes)) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (res.status !== 200)
      throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    await res.arrayBuffer();
  }
  for (const which of ROUTES)
    await load(server, routes[which], body, options.warmupSeconds, options.connections);

  type Run = Awaited<ReturnType<typeof load>>;
  const runs = { estimate: [] as Run[], echo: [] as Run[], answer: [] as Run[] };
  for (let round = 0; round < options.rounds; round++) {
    // Each route goes first, second and third in turn.
    const order = ROUTES.map((_, i) => ROUTES[(i + round) % ROUTES.length]!);
    for (const which of order)
      runs[which].push(
        await load(server, routes[which], body, options.seconds, options.connections),
      );
    afterRound?.();
  }
  const summarise = (rs: Run[]): RouteFigures => ({
    reqPerS: rs.reduce((a, r) => a + r.ok, 0) / rs.reduce((a, r) => a + r.seconds, 0),
    p50Ms: median(rs.map((r) => r.p50Ms)),
    p99Ms: median(rs.map((r) => r.p99Ms)),
    responseBytes: median(rs.map((r) => r.bytesPerReq)),
    serverCpuUs: rs.some((r) => r.serverCpuUs === null)
      ? null
      : median(rs.map((r) => r.serverCpuUs!)),
    non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
    errors: rs.reduce((a, r) => a + r.errors, 0),
  });
  const perRound = (rs: Run[]): RouteRounds => ({
    reqPerS: rs.map((r) => r.ok / r.seconds),
    p50Ms: rs.map((r) => r.p50Ms),
    p99Ms: rs.map((r) => r.p99Ms),
    serverCpuUs: rs.flatMap((r) => (r.serverCpuUs === null ? [] : [r.serverCpuUs])),
  });
  const estimate = perRound(runs.estimate);
  const echo = perRound(runs.echo);
  const answer = perRound(runs.answer);
  const rounds = {
    estimate,
    echo,
    answer,
    ratio: estimate.reqPerS.map((r, k) => r / echo.reqPerS[k]!),
    answerRatio: answer.reqPerS.map((r, k) => r / echo.reqPerS[k]!),
  };
  const figures: HttpFigures = {
    estimate: summarise(runs.estimate),
    echo: summarise(runs.echo),
    answer: summarise(runs.answer),
    ratio: 0,
    answerRatio: 0,
    connections: options.connections,
    rounds,
  };
  figures.ratio = figures.estimate.reqPerS / figures.echo.reqPerS;
  figures.answerRatio = figures.answer.reqPerS / figures.echo.reqPerS;

  heading('HTTP: POST /v1/estimate vs the floor (POST /bench/echo, same server process)');
  console.log(
    `autocannon, 127.0.0.1, ${options.connections} connections, no pipelining; ${options.rounds} alternating rounds of ${options.seconds} s each after ${options.warmupSeconds} s warm-up each; req/s over all rounds, latency the median round's; body: README example (${body.length} B)`,
  );
  for (const [name, f] of [
    ['/v1/estimate ', figures.estimate],
    ['/bench/echo  ', figures.echo],
    ['/bench/answer', figures.answer],
  ] as const) {
    const bad = f.non2xx + f.errors > 0 ? `   (non-2xx ${f.non2xx}, errors ${f.errors})` : '';
    const cpu =
      f.serverCpuUs === null ? '' : `   server CPU ${f.serverCpuUs.toFixed(1)} µs/request`;
    console.log(
      `${name}  ${int(f.reqPerS).padStart(7)} req/s   p50 ${f.p50Ms.toFixed(2)} ms   p99 ${f.p99Ms.toFixed(2)} ms   ~${int(f.responseBytes)} B/response (with headers)${cpu}${bad}`,
    );
  }
  if (figures.estimate.serverCpuUs !== null && figures.echo.serverCpuUs !== null) {
    console.log(
      `server CPU per request, echo ÷ estimate: ${(figures.echo.serverCpuUs / figures.estimate.serverCpuUs).toFixed(3)} (what the ratio would be if the server alone set the pace)`,
    );
  }
  console.log(
    `ratio answer/echo: ${figures.answerRatio.toFixed(3)} (the estimate's own answer served ready-made: the most an answer this size allows)`,
  );
  console.log(`ratio estimate/echo: ${figures.ratio.toFixed(3)} (target ≥ 0.85)`);
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const server = await spawnServer(BENCH_SERVER_ENTRY, { env: BENCH_SERVER_ENV });
  try {
    await runHttpBench(server, quick ? QUICK_HTTP : FULL_HTTP);
  } finally {
    await server.close();
  }
}
