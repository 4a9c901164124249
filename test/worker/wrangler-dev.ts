// The Worker under `wrangler dev` (workerd) on 127.0.0.1 and a free port, as an API target.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRANGLER = fileURLToPath(
  new URL('../../node_modules/wrangler/bin/wrangler.js', import.meta.url),
);
// Two tries fit within the suite's 180 s hook timeout (a start takes 5–20 s here).
const READY_TIMEOUT_MS = 80_000;

export interface RunningWorker {
  url: string;
  /** What wrangler and the Worker have printed so far (the Worker's console included). */
  output(): string;
  /** Milliseconds from spawn to the first answered request. */
  coldStartMs: number;
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (closed again before wrangler takes it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface WranglerDevOptions {
  /** Worker variables (`--var NAME:VALUE`), e.g. a malformed GRIDSHIFT_* setting. */
  vars?: Readonly<Record<string, string>>;
  /** The /health status that means ready; default 200. */
  readyStatus?: number;
}

/**
 * Starts `wrangler dev` and resolves once `/health` answers (200 unless told otherwise). A start that
 * fails (a port taken between freePort and wrangler, parallel test files) is said on stderr and tried
 * once more on new ports; what the Worker answers is never retried.
 */
export async function startWranglerDev(options: WranglerDevOptions = {}): Promise<RunningWorker> {
  try {
    return await startOnce(options);
  } catch (err) {
    process.stderr.write(
      `[gridshift] ${(err as Error).message}\n[gridshift] starting wrangler dev again\n`,
    );
    return startOnce(options);
  }
}

async function startOnce(options: WranglerDevOptions): Promise<RunningWorker> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  // Its own local state: parallel instances never share .wrangler/state.
  const state = mkdtempSync(join(tmpdir(), 'gridshift-wrangler-'));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      state,
      '--log-level',
      'warn',
      ...Object.entries(options.vars ?? {}).flatMap(([name, value]) => [
        '--var',
        `${name}:${value}`,
      ]),
    ],
    {
      cwd: ROOT,
      // Its own process group, so closing also ends workerd.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: 'false',
        WRANGLER_LOG_SANITIZE: 'true',
        NO_COLOR: '1',
      },
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, options.readyStatus ?? 200);
  } catch (err) {
    await stop(child);
    rmSync(state, { recursive: true, force: true });
    throw new Error(
      `wrangler dev did not become ready: ${(err as Error).message}\n${output.slice(-4000)}`,
      { cause: err },
    );
  }
  return {
    url,
    output: () => output,
    coldStartMs: performance.now() - started,
    close: async () => {
      await stop(child);
      rmSync(state, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, status: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === status) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url}/health within ${READY_TIMEOUT_MS} ms`);
}

/** SIGTERM to the whole group, SIGKILL if it lingers past 5 s. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const timer = setTimeout(() => signal(-pid, 'SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      // workerd may outlive wrangler's node process by a moment; end the group for good.
      signal(-pid, 'SIGKILL');
      resolve();
    });
    signal(-pid, 'SIGTERM');
  });
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}
