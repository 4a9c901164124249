// Servers as child processes on 127.0.0.1: started with node + the tsx loader (as `npm start`),
// ready once GET /health answers 200; their memory read from /proc (Linux).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../test/worker/wrangler-dev.ts';

export { freePort };

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The benchmarked server: `npm start`'s, plus the reference routes (POST /bench/echo, /bench/answer). */
export const BENCH_SERVER_ENTRY = 'bench/server.ts';

/** No rate limit even if the caller's environment sets one (the load would be refused, not measured). */
export const BENCH_SERVER_ENV: Readonly<Record<string, string>> = { GRIDSHIFT_RATE_LIMIT: 'off' };

export interface ChildServer {
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn to the first 200 from /health. */
  readonly coldStartMs: number;
  /** Resident set size now and at its peak (VmRSS, VmHWM), in bytes; null where /proc is missing. */
  memory(): { rssBytes: number; peakRssBytes: number } | null;
  /** CPU time the server process has used so far (all threads, user + system), seconds; null without /proc. */
  cpuSeconds(): number | null;
  close(): Promise<void>;
}

export interface SpawnOptions {
  /** Extra environment, e.g. { GRIDSHIFT_RATE_LIMIT: 'off' }. */
  env?: Record<string, string>;
  /** Give up after this long (ms). */
  timeoutMs?: number;
}

/** Spawns `node --import tsx <entry>` (entry relative to the repo root) and waits for /health. */
export async function spawnServer(entry: string, options: SpawnOptions = {}): Promise<ChildServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
  });
  let stderr = '';
  child.stderr?.on(
    'data',
    (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)),
  );
  const deadline = started + (options.timeoutMs ?? 30_000);
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${entry} exited with code ${child.exitCode}: ${stderr.trim()}`);
      if (performance.now() > deadline)
        throw new Error(`${entry} did not answer /health in time: ${stderr.trim()}`);
      const ok = await fetch(`${url}/health`).then(
        (r) => r.arrayBuffer().then(() => r.status === 200),
        () => false,
      );
      if (ok) break;
      await sleep(5);
    }
  } catch (err) {
    await stop(child);
    throw err;
  }
  const coldStartMs = performance.now() - started;
  return {
    url,
    pid: child.pid!,
    coldStartMs,
    memory: () => readMemory(child.pid!),
    cpuSeconds: () => readCpuSeconds(child.pid!),
    close: () => stop(child),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** SIGTERM, then SIGKILL if it has not exited after 3 s. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** utime + stime of /proc/<pid>/stat, in clock ticks of 1/100 s (Linux's USER_HZ, fixed by its ABI). */
function readCpuSeconds(pid: number): number | null {
  try {
    // Fields after the parenthesised command name, which may itself hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function readMemory(pid: number): { rssBytes: number; peakRssBytes: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rssBytes: kb('VmRSS'), peakRssBytes: kb('VmHWM') };
  } catch {
    return null;
  }
}
