// Plans shared by estimates of the same shape: a fleet, a billing export or a batch repeats a few
// instance types in a few places with different hours and utilisations. The key holds every input
// except those a plan reads per run (durationHours, cpu.utilization, gpu.utilization: their
// presence is in the key, their value is not). Workloads with an AI shape or a start time derive
// hours or hourly intensity from their numbers, so they are planned per run.
import type { Workload } from './schemas.ts';
import type { Tables } from './tables.ts';
import type { EstimatePlan } from './plan.ts';
import { planEstimate } from './plan.ts';

/** Plans kept per tables object; past it the cache starts afresh (a bound, not an LRU). */
export const MAX_PLANS = 4096;

/**
 * A trie of Maps, one level per key part: looking up separate parts hashes each input string once
 * and builds no joined key string (joining and hashing a key cost more than the arithmetic).
 */
interface Node {
  readonly children: Map<unknown, Node>;
  plan?: EstimatePlan;
}

interface Cache {
  root: Node;
  size: number;
}

const caches = new WeakMap<Tables, Cache>();

const newNode = (): Node => ({ children: new Map() });

function child(node: Node, part: unknown): Node {
  let next = node.children.get(part);
  if (next === undefined) node.children.set(part, (next = newNode()));
  return next;
}

/** The plan of `w`: shared when its shape was planned before over the same tables. */
export function planFor(w: Workload, tables: Tables): EstimatePlan {
  if (w.ai !== undefined || w.start !== undefined) return planEstimate(w, tables);
  const g = w.gpu;
  const c = w.cpu;
  const gpuPart = g === undefined ? undefined : gpuKey(g);
  const cpuPart = c === undefined ? undefined : cpuKey(c);
  const restPart = restKey(w);
  if (gpuPart === null || cpuPart === null || restPart === null) return planEstimate(w, tables);
  let cache = caches.get(tables);
  if (!cache) caches.set(tables, (cache = { root: newNode(), size: 0 }));
  const i = w.instance;
  let node = child(cache.root, w.location);
  node = child(node, i?.type);
  node = child(node, i?.count);
  node = child(node, gpuPart);
  node = child(node, cpuPart);
  node = child(node, restPart);
  let plan = node.plan;
  if (plan === undefined) {
    plan = planEstimate(w, tables);
    if (cache.size >= MAX_PLANS) {
      cache.root = newNode();
      cache.size = 0;
      node = child(child(child(child(child(child(cache.root, w.location), i?.type), i?.count), gpuPart), cpuPart), restPart);
    }
    node.plan = plan;
    cache.size++;
  }
  return plan;
}

/** Separates the fields joined into one key part; a text holding it is not cached (it could forge another key). */
const SEP = '\u0001';

/** The GPU's key part (utilisation by presence only), or null when its text holds SEP. */
function gpuKey(g: NonNullable<Workload['gpu']>): string | null {
  if (g.model.includes(SEP)) return null;
  return `${g.model}${SEP}${g.count ?? ''}${SEP}${g.utilization === undefined ? '' : 'u'}${SEP}${g.maxPowerW ?? ''}${SEP}${g.powerW ?? ''}`;
}

/** The CPU's key part (utilisation by presence only), or null when its text holds SEP. */
function cpuKey(c: NonNullable<Workload['cpu']>): string | number | null {
  // The common case, a utilisation alone (or nothing), keys by a number: no string to build.
  if (c.model === undefined && c.threads === undefined && c.tdpW === undefined && c.powerW === undefined) return c.utilization === undefined ? 0 : 1;
  if (c.model?.includes(SEP)) return null;
  return `${c.model ?? ''}${SEP}${c.threads ?? ''}${SEP}${c.utilization === undefined ? '' : 'u'}${SEP}${c.tdpW ?? ''}${SEP}${c.powerW ?? ''}`;
}

/** The other fields and whether durationHours is given, joined ('' when none is given and it
 * is, the common case); null when a text holds SEP. */
function restKey(w: Workload): string | null {
  const { storage: s, functionalUnit: f } = w;
  if (f?.name.includes(SEP)) return null;
  let key = w.durationHours === undefined ? `${SEP}D` : '';
  if (w.memoryGb !== undefined) key += `${SEP}m${w.memoryGb}`;
  if (s) key += `${SEP}s${s.ssdTb ?? ''}${SEP}${s.hddTb ?? ''}${SEP}${s.replication ?? ''}`;
  if (w.networkGb !== undefined) key += `${SEP}n${w.networkGb}`;
  if (w.pue !== undefined) key += `${SEP}p${w.pue}`;
  if (w.gridIntensity !== undefined) key += `${SEP}G${w.gridIntensity}`;
  if (w.year !== undefined) key += `${SEP}y${w.year}`;
  if (w.renewableShare !== undefined) key += `${SEP}r${w.renewableShare}`;
  if (f) key += `${SEP}f${f.name}${SEP}${f.count}`;
  if (w.embodied !== undefined) key += `${SEP}e${w.embodied}`;
  return key;
}

/** Fields of Workload the key covers, in key order (a test checks it against the schema). */
export const KEYED_FIELDS = [
  'location',
  'durationHours',
  'instance',
  'gpu',
  'cpu',
  'memoryGb',
  'storage',
  'networkGb',
  'pue',
  'gridIntensity',
  'year',
  'renewableShare',
  'functionalUnit',
  'embodied',
] as const;

/** Fields that make a workload be planned per run. */
export const PER_RUN_FIELDS = ['ai', 'start'] as const;
