// CPU profiles (node --cpu-prof), printed as the functions with the most self time.
// - engine: bench/fixtures/estimate-loop.ts, gridshift's estimate() in a loop; only time inside
//   estimate() (and its callees) counts, plus the garbage collector (the loop allocates little else).
// - server: the server (`node --cpu-prof --import tsx bench/server.ts`) under load: autocannon on
//   POST /v1/estimate (--estimate) or /bench/echo (--echo), or back-to-back 10,000-workload
//   POST /v1/batch (--batch); idle time is left out.
// `npm run bench:profile -- [--quick] [--estimate|--echo|--batch]` (engine without a flag); the full
// `npm run bench` profiles whatever misses its target. The .cpuprofile files are kept (paths printed) for Chrome DevTools.
// tsx's output puts every function on its first line, so each function's line is looked up by name
// in its TypeScript source. `__name` is esbuild's keepNames helper that tsx adds: it runs each time a
// named closure is created, so it is charged to the file that creates closures per call.
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { README_WORKLOAD } from './http.ts';
import { generateRows, toWorkload } from '../test/helpers/synthetic-rows.ts';
import { BENCH_SERVER_ENTRY, BENCH_SERVER_ENV, ROOT, freePort } from './lib/server.ts';
import { heading, int } from './lib/stats.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  where: string;
  selfMs: number;
  pct: number;
}

export interface ProfileFigures {
  title: string;
  /** What ran under the profiler, e.g. "290,000 estimates/s". */
  rate: string;
  file: string;
  top: ProfileEntry[];
  byFile: { where: string; pct: number }[];
  /** gridshift's own functions (src/) by inclusive time: themselves and everything they call. */
  inclusive: ProfileEntry[];
}

/** Profiles `seconds` of estimate() calls. */
export function profileEngine(seconds: number, top = 15): ProfileFigures {
  const dir = mkdtempSync(join(tmpdir(), 'gridshift-profile-'));
  const out = execFileSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx', 'bench/fixtures/estimate-loop.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, BENCH_PROFILE_SECONDS: String(seconds) },
      encoding: 'utf8',
    },
  );
  const run = JSON.parse(out.trim().split('\n').pop()!) as { estimates: number; seconds: number };
  const file = largestProfile(dir);
  const isRoot = (f: CallFrame) =>
    f.functionName === '(garbage collector)' ||
    (f.functionName === 'estimate' && f.url.endsWith('/src/core/estimate.ts'));
  return {
    title: "gridshift's estimate() in a loop (time inside estimate() + GC)",
    rate: `${int(run.estimates / run.seconds)} estimates/s under the profiler`,
    file,
    ...summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, isRoot, top),
  };
}

export type ServerLoad = 'estimate' | 'echo' | 'batch';

/**
 * Profiles the server for `seconds` under one load: autocannon on POST /v1/estimate or
 * POST /bench/echo (README body), or back-to-back POST /v1/batch of the 10,000 synthetic rows.
 */
export async function profileServer(
  seconds: number,
  load: ServerLoad,
  top = 15,
): Promise<ProfileFigures> {
  const dir = mkdtempSync(join(tmpdir(), `gridshift-profile-${load}-`));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx', BENCH_SERVER_ENTRY],
    {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, ...BENCH_SERVER_ENV, PORT: String(port), HOST: '127.0.0.1' },
    },
  );
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${url}/health`).then(
        (r) => r.arrayBuffer().then(() => r.ok),
        () => false,
      );
      if (ok) break;
      if (i > 3000 || child.exitCode !== null) throw new Error('the profiled server did not start');
      await new Promise((r) => setTimeout(r, 10));
    }
    let rate: string;
    if (load === 'batch') {
      const body = `{"workloads":[${generateRows(10_000)
        .map((r) => JSON.stringify(toWorkload(r)))
        .join(',')}]}`;
      const end = performance.now() + seconds * 1000;
      let n = 0;
      while (performance.now() < end) {
        const res = await fetch(`${url}/v1/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await res.arrayBuffer();
        n++;
      }
      rate = `${n} batches of 10,000 in ${seconds} s under the profiler`;
    } else {
      const path = load === 'echo' ? '/bench/echo' : '/v1/estimate';
      const r = await autocannon({
        url: `${url}${path}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(README_WORKLOAD),
        connections: 10,
        duration: seconds,
      });
      rate = `${int(r['2xx'] / r.duration)} req/s under the profiler`;
    }
    child.kill('SIGTERM'); // the server closes and exits, which writes the profile
    await exited;
    const file = largestProfile(dir);
    const what =
      load === 'batch'
        ? 'POST /v1/batch (10,000 workloads)'
        : load === 'echo'
          ? 'POST /bench/echo'
          : 'POST /v1/estimate';
    return {
      title: `the server under load on ${what} (all non-idle time)`,
      rate,
      file,
      ...summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, null, top),
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** The main thread's profile (tsx's loader thread writes a smaller one beside it). */
function largestProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f));
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
}

/**
 * Self time by function. With `isRoot`, only samples at or under a matching frame count; without,
 * every sample but idle and (program).
 */
function summarise(
  profile: CpuProfile,
  isRoot: ((f: CallFrame) => boolean) | null,
  top: number,
): Pick<ProfileFigures, 'top' | 'byFile' | 'inclusive'> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inside = new Map<number, boolean>();
  const counts = (id: number): boolean => {
    const known = inside.get(id);
    if (known !== undefined) return known;
    const f = byId.get(id)!.callFrame;
    const p = parent.get(id);
    const yes = isRoot
      ? isRoot(f) || (p !== undefined && counts(p))
      : f.functionName !== '(idle)' && f.functionName !== '(program)';
    inside.set(id, yes);
    return yes;
  };
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const byFunction = new Map<string, ProfileEntry>();
  const byFile = new Map<string, number>();
  let totalUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0 || !counts(node.id)) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    totalUs += us;
    const path = url.startsWith('file://') ? relative(ROOT, fileURLToPath(url)) : url || '(native)';
    const where = url ? `${path}:${sourceLine(path, functionName) ?? lineNumber + 1}` : path;
    const name = functionName || '(anonymous)';
    const key = `${name} ${where}`;
    const entry = byFunction.get(key) ?? { name, where, selfMs: 0, pct: 0 };
    entry.selfMs += us / 1000;
    byFunction.set(key, entry);
    const group = path.startsWith('node_modules/')
      ? path
          .split('/')
          .slice(0, path.startsWith('node_modules/@') ? 3 : 2)
          .join('/')
      : path;
    byFile.set(group, (byFile.get(group) ?? 0) + us);
  }
  const entries = [...byFunction.values()].map((e) => ({
    ...e,
    pct: ((e.selfMs * 1000) / totalUs) * 100,
  }));
  entries.sort((a, b) => b.selfMs - a.selfMs);

  // Inclusive time of src/ functions: each counted sample charged once to every distinct src/
  // function on its stack.
  const label = new Map<number, { key: string; name: string; where: string } | null>();
  const labelOf = (id: number) => {
    if (!label.has(id)) {
      const { functionName, url } = byId.get(id)!.callFrame;
      const path = url.startsWith('file://') ? relative(ROOT, fileURLToPath(url)) : '';
      const name = functionName || '(anonymous)';
      const where = `${path}:${sourceLine(path, functionName) ?? '?'}`;
      label.set(id, path.startsWith('src/') ? { key: `${name} ${where}`, name, where } : null);
    }
    return label.get(id)!;
  };
  const inclusive = new Map<string, ProfileEntry>();
  for (const [id, us] of selfUs) {
    if (!counts(id)) continue;
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const l = labelOf(n);
      if (!l || seen.has(l.key)) continue;
      seen.add(l.key);
      const e = inclusive.get(l.key) ?? { name: l.name, where: l.where, selfMs: 0, pct: 0 };
      e.selfMs += us / 1000;
      inclusive.set(l.key, e);
    }
  }
  const inclusiveTop = [...inclusive.values()]
    .map((e) => ({ ...e, pct: ((e.selfMs * 1000) / totalUs) * 100 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
  return {
    inclusive: inclusiveTop,
    top: entries.slice(0, top),
    byFile: [...byFile.entries()]
      .map(([where, us]) => ({ where, pct: (us / totalUs) * 100 }))
      .sort((a, b) => b.pct - a.pct)
      .slice(0, 12),
  };
}

const sources = new Map<string, string[] | null>();

/** 1-based line of the definition of `name` in the repo file `path`, if it can be found. */
function sourceLine(path: string, name: string): number | null {
  if (!name || path.startsWith('node') || path.includes('node_modules')) return null;
  if (!sources.has(path)) {
    try {
      sources.set(path, readFileSync(join(ROOT, path), 'utf8').split('\n'));
    } catch {
      sources.set(path, null);
    }
  }
  const lines = sources.get(path);
  if (!lines) return null;
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [
    new RegExp(`function\\s+${n}\\b`),
    new RegExp(`(const|let)\\s+${n}\\s*=`),
    new RegExp(`^\\s*(?:(?:private|public|static|async|get|set)\\s+)*${n}\\s*[(<]`),
  ];
  for (const re of patterns) {
    const i = lines.findIndex((l) => re.test(l));
    if (i >= 0) return i + 1;
  }
  return null;
}

export function printProfile(p: ProfileFigures): void {
  heading(`Profile: ${p.title}`);
  console.log(`${p.rate}; profile: ${p.file}`);
  console.log(`${'self %'.padStart(7)}  ${'self ms'.padStart(8)}  function (file:line)`);
  for (const e of p.top)
    console.log(
      `${e.pct.toFixed(1).padStart(7)}  ${e.selfMs.toFixed(0).padStart(8)}  ${e.name}  ${e.where}`,
    );
  console.log('by file (self time):');
  for (const f of p.byFile) console.log(`${f.pct.toFixed(1).padStart(7)}  ${f.where}`);
  console.log("gridshift's functions by inclusive time (with everything they call):");
  for (const e of p.inclusive)
    console.log(
      `${e.pct.toFixed(1).padStart(7)}  ${e.selfMs.toFixed(0).padStart(8)}  ${e.name}  ${e.where}`,
    );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = process.argv.includes('--quick') ? 3 : 8;
  const load = (['estimate', 'echo', 'batch'] as const).find((l) =>
    process.argv.includes(`--${l}`),
  );
  if (load) printProfile(await profileServer(seconds, load, 25));
  else printProfile(profileEngine(seconds, 20));
}
